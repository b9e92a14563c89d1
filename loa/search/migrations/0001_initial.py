from django.db import migrations, models
import django.db.models.deletion


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.CreateModel(
            name="SearchDocument",
            fields=[
                (
                    "page",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        primary_key=True,
                        related_name="+",
                        serialize=False,
                        to="wagtailcore.page",
                    ),
                ),
                ("kind", models.CharField(choices=[("article", "Articles"), ("video", "Videos"), ("page", "Pages")], db_index=True, max_length=20)),
                ("path", models.CharField(db_index=True, max_length=255)),
                ("published_at", models.DateTimeField(db_index=True)),
                ("url_path", models.TextField()),
                ("title", models.TextField()),
                ("body", models.TextField(blank=True)),
                ("keywords", models.TextField(blank=True)),
                ("title_folded", models.TextField()),
                ("keywords_folded", models.TextField(blank=True)),
                ("body_folded", models.TextField(blank=True)),
            ],
            options={"verbose_name": "search document", "verbose_name_plural": "search documents"},
        ),
    ]
