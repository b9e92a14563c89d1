"""Every new site gets the newsroom's roles, section teams and approval workflow.

Nháp → Chờ biên tập (the section's editors) → Chờ duyệt (Lãnh đạo duyệt) →
Đã xuất bản, on the root of the page tree so it covers every site. Wagtail's
own English "Moderators approval" workflow and its empty default groups are
retired on a new site; on an existing site with members they are left alone.
"""

from django.db import migrations

from loa.newsroom import roles
from loa.newsroom.migration_ops import noop, refresh_roles

WORKFLOW_NAME = "Quy trình duyệt tin bài"
EDIT_STEP = "Chờ biên tập"
APPROVE_STEP = "Chờ duyệt"


def _task(apps, model_name: str, app_label: str, name: str):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Model = apps.get_model(app_label, model_name)
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model_name.lower())
    task = Model.objects.filter(name=name).first()
    if task is None:
        task = Model.objects.create(name=name, content_type=content_type, active=True)
    return task


def create_workflow(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")

    root = Page.objects.filter(depth=1).first()
    if root is None or Workflow.objects.filter(name=WORKFLOW_NAME).exists():
        return
    edit_step = _task(apps, "SectionReviewTask", "loa_newsroom", EDIT_STEP)
    approve_step = _task(apps, "GroupApprovalTask", "wagtailcore", APPROVE_STEP)
    approve_step.groups.add(Group.objects.get(name=roles.APPROVER))

    workflow = Workflow.objects.create(name=WORKFLOW_NAME, active=True)
    WorkflowTask.objects.create(workflow=workflow, task=edit_step, sort_order=0)
    WorkflowTask.objects.create(workflow=workflow, task=approve_step, sort_order=1)

    # Retire Wagtail's default workflow where nothing is waiting in it.
    for old in Workflow.objects.filter(name="Moderators approval", active=True):
        if not old.workflow_states.filter(status="in_progress").exists():
            WorkflowPage.objects.filter(workflow=old).delete()
            old.active = False
            old.save(update_fields=["active"])
    WorkflowPage.objects.update_or_create(page=root, defaults={"workflow": workflow})


def create_section_teams(apps, schema_editor):
    SectionPage = apps.get_model("loa_news", "SectionPage")
    HomePage = apps.get_model("loa_home", "HomePage")
    home_paths = list(HomePage.objects.values_list("path", flat=True))
    for section in SectionPage.objects.all():
        if section.path[:-4] in home_paths:
            roles.ensure_section_team(apps, section)


def retire_default_groups(apps, schema_editor):
    roles.remove_wagtail_default_groups(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("loa_newsroom", "0001_initial"),
        ("loa_home", "0002_create_homepage"),
        ("loa_news", "0001_initial"),
        ("loa_core", "0001_initial"),
        ("loa_stats", "0001_initial"),
        ("loa_widgets", "0001_initial"),
        ("loa_media", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailmedia", "0005_alter_media_options"),
        ("wagtailredirects", "0008_add_verbose_name_plural"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [
        migrations.RunPython(refresh_roles, noop),
        migrations.RunPython(create_section_teams, noop),
        migrations.RunPython(create_workflow, noop),
        migrations.RunPython(retire_default_groups, noop),
    ]
