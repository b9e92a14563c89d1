"""The newsroom's roles as Django groups with Wagtail permissions.

Roles are plain groups so that an agency's administrator manages them in
Wagtail's own Users/Groups screens, and Wagtail's permission checks do the
enforcement. Section-level assignment works the same way: every top-level
chuyên mục gets a "Phóng viên – <section>" and a "Biên tập viên – <section>"
group holding page permissions on that section only; putting a user in both
the role group and a section group is the assignment.

The functions here take the model registry as an argument so the data
migration (historical models) and the runtime signal (real models) share them.
"""

from __future__ import annotations

from typing import Any

from loa.core.modules import MODULES

REPORTER = "Phóng viên"
EDITOR = "Biên tập viên"
APPROVER = "Lãnh đạo duyệt"
ADMINISTRATOR = "Quản trị"
ROLES = (REPORTER, EDITOR, APPROVER, ADMINISTRATOR)

# Wagtail's default groups and workflow, replaced by the ones above on a new site.
WAGTAIL_DEFAULT_GROUPS = ("Editors", "Moderators")

#: Section teams: role → page permissions on the section (Wagtail codenames).
#: "add" lets a reporter create articles and edit the ones they own; "change"
#: lets an editor edit every article in the section. Neither may publish.
SECTION_PAGE_PERMISSIONS = {
    REPORTER: ("add_page",),
    EDITOR: ("add_page", "change_page", "lock_page"),
}

#: Page permissions on the root of the tree (every site, every section).
ROOT_PAGE_PERMISSIONS = {
    APPROVER: ("add_page", "change_page", "publish_page", "lock_page", "unlock_page", "bulk_delete_page"),
    ADMINISTRATOR: ("add_page", "change_page", "publish_page", "lock_page", "unlock_page", "bulk_delete_page"),
}

#: Collection permissions (images, documents, media) on the root collection.
#: "add" lets someone upload and edit their own uploads; "change" any upload.
_UPLOAD = (
    ("wagtailimages", "add_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "choose_document"),
    ("wagtailmedia", "add_media"),
)
_MANAGE_UPLOADS = (
    *_UPLOAD,
    ("wagtailimages", "change_image"),
    ("wagtailimages", "delete_image"),
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "delete_document"),
    ("wagtailmedia", "change_media"),
    ("wagtailmedia", "delete_media"),
)
COLLECTION_PERMISSIONS = {
    REPORTER: _UPLOAD,
    EDITOR: _MANAGE_UPLOADS,
    APPROVER: _MANAGE_UPLOADS,
    ADMINISTRATOR: (
        *_MANAGE_UPLOADS,
        ("wagtailcore", "add_collection"),
        ("wagtailcore", "change_collection"),
        ("wagtailcore", "delete_collection"),
    ),
}

_ADMIN = (("wagtailadmin", "access_admin"),)
_AUTHORS_VIEW = (("loa_news", "view_author"),)
_AUTHORS = (("loa_news", "add_author"), ("loa_news", "change_author"), ("loa_news", "view_author"))

#: Model (global) permissions.
MODEL_PERMISSIONS = {
    REPORTER: (*_ADMIN, *_AUTHORS_VIEW),
    EDITOR: (*_ADMIN, *_AUTHORS, ("loa_royalties", "change_articleroyalty"), ("loa_royalties", "view_articleroyalty")),
    APPROVER: (
        *_ADMIN,
        *_AUTHORS,
        ("loa_news", "delete_author"),
        ("loa_newsroom", "view_reports"),
        ("loa_royalties", "change_articleroyalty"),
        ("loa_royalties", "view_articleroyalty"),
        ("loa_royalties", "view_payroll"),
    ),
    ADMINISTRATOR: (
        *_ADMIN,
        *_AUTHORS,
        ("loa_news", "delete_author"),
        ("loa_newsroom", "view_reports"),
        ("auth", "add_user"),
        ("auth", "change_user"),
        ("auth", "delete_user"),
        ("auth", "view_user"),
        ("auth", "add_group"),
        ("auth", "change_group"),
        ("auth", "delete_group"),
        ("auth", "view_group"),
        ("loa_core", "change_agencysettings"),
        ("loa_stats", "change_countersettings"),
        ("loa_widgets", "add_campaignbanner"),
        ("loa_widgets", "change_campaignbanner"),
        ("loa_widgets", "delete_campaignbanner"),
        ("loa_widgets", "add_weatherplace"),
        ("loa_widgets", "change_weatherplace"),
        ("loa_widgets", "delete_weatherplace"),
        ("wagtailredirects", "add_redirect"),
        ("wagtailredirects", "change_redirect"),
        ("wagtailredirects", "delete_redirect"),
        ("wagtailcore", "add_workflow"),
        ("wagtailcore", "change_workflow"),
        ("wagtailcore", "add_task"),
        ("wagtailcore", "change_task"),
        ("loa_royalties", "change_articleroyalty"),
        ("loa_royalties", "view_articleroyalty"),
        ("loa_royalties", "view_payroll"),
        ("loa_royalties", "add_genre"),
        ("loa_royalties", "change_genre"),
        ("loa_royalties", "delete_genre"),
        ("loa_royalties", "add_pointvalue"),
        ("loa_royalties", "change_pointvalue"),
        ("loa_royalties", "delete_pointvalue"),
        ("loa_royalties", "change_royaltysettings"),
    ),
}


#: Apps that grant roles permissions on their own models: each module has
#: `ROLE_PERMISSIONS = {role: ((app_label, codename), ...)}`, added to MODEL_PERMISSIONS.
ROLE_MODULES: tuple[str, ...] = tuple(f"loa.{app}.roles" for app in MODULES)


def model_permissions(role: str) -> tuple[tuple[str, str], ...]:
    from importlib import import_module

    extra = tuple(pair for module in ROLE_MODULES for pair in import_module(module).ROLE_PERMISSIONS.get(role, ()))
    return (*MODEL_PERMISSIONS[role], *extra)


def _permission(apps: Any, app_label: str, codename: str):
    Permission = apps.get_model("auth", "Permission")
    return Permission.objects.filter(content_type__app_label=app_label, codename=codename).first()


def _page_permission(apps: Any, codename: str):
    return _permission(apps, "wagtailcore", codename)


def ensure_roles(apps: Any) -> None:
    """Create or complete the four role groups (idempotent; missing permissions are skipped)."""
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")

    root_page = Page.objects.filter(depth=1).first()
    root_collection = Collection.objects.filter(depth=1).first()
    for role in ROLES:
        group, _ = Group.objects.get_or_create(name=role)
        for app_label, codename in model_permissions(role):
            if permission := _permission(apps, app_label, codename):
                group.permissions.add(permission)
        if root_collection is not None:
            for app_label, codename in COLLECTION_PERMISSIONS[role]:
                if permission := _permission(apps, app_label, codename):
                    GroupCollectionPermission.objects.get_or_create(
                        group=group, collection=root_collection, permission=permission
                    )
        if root_page is not None:
            for codename in ROOT_PAGE_PERMISSIONS.get(role, ()):
                if permission := _page_permission(apps, codename):
                    GroupPagePermission.objects.get_or_create(group=group, page=root_page, permission=permission)


def remove_wagtail_default_groups(apps: Any) -> None:
    """Drop Wagtail's English "Editors"/"Moderators" while nobody belongs to them."""
    Group = apps.get_model("auth", "Group")
    Group.objects.filter(name__in=WAGTAIL_DEFAULT_GROUPS, user__isnull=True).delete()


def section_group_name(role: str, section_title: str) -> str:
    # Group.name is 150 characters at most.
    return f"{role} – {section_title}"[:150]


def ensure_section_team(apps: Any, section: Any) -> None:
    """Give a top-level section its reporter and editor groups, renamed with the section."""
    Group = apps.get_model("auth", "Group")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    SectionTeam = apps.get_model("loa_newsroom", "SectionTeam")
    for role, codenames in SECTION_PAGE_PERMISSIONS.items():
        name = section_group_name(role, section.title)
        team = SectionTeam.objects.filter(section_id=section.pk, role=role).select_related("group").first()
        if team is None:
            group, _ = Group.objects.get_or_create(name=name)
            SectionTeam.objects.create(section_id=section.pk, role=role, group=group)
        else:
            group = team.group
            if group.name != name and not Group.objects.filter(name=name).exists():
                group.name = name
                group.save(update_fields=["name"])
        for codename in codenames:
            if permission := _page_permission(apps, codename):
                GroupPagePermission.objects.get_or_create(group=group, page_id=section.pk, permission=permission)
