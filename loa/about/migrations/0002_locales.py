"""The content languages as Wagtail locales: Vietnamese (every existing page) and English."""

from django.db import migrations

LANGUAGES = ("vi", "en")


def create_locales(apps, schema_editor) -> None:
    Locale = apps.get_model("wagtailcore", "Locale")
    for code in LANGUAGES:
        Locale.objects.get_or_create(language_code=code)


def remove_english(apps, schema_editor) -> None:
    """Going back removes English only if no page or snippet uses it (Wagtail protects used locales)."""
    Locale = apps.get_model("wagtailcore", "Locale")
    Page = apps.get_model("wagtailcore", "Page")
    english = Locale.objects.filter(language_code="en").first()
    if english is not None and not Page.objects.filter(locale=english).exists():
        english.delete()


class Migration(migrations.Migration):
    dependencies = [
        ("loa_about", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(create_locales, remove_english)]
