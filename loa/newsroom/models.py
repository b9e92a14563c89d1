"""Section teams and the section-aware review step of the newsroom workflow."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import GroupPagePermission, Page, Task, TaskState

from . import roles


class SectionTeam(models.Model):
    """The reporter or editor group of one top-level section (kept in step with its title)."""

    ROLE_CHOICES = [(roles.REPORTER, roles.REPORTER), (roles.EDITOR, roles.EDITOR)]

    section = models.ForeignKey(Page, verbose_name=_("section"), on_delete=models.CASCADE, related_name="+")
    role = models.CharField(_("role"), max_length=40, choices=ROLE_CHOICES)
    group = models.OneToOneField(Group, verbose_name=_("group"), on_delete=models.CASCADE, related_name="+")

    class Meta:
        verbose_name = _("section team")
        verbose_name_plural = _("section teams")
        constraints = [models.UniqueConstraint(fields=["section", "role"], name="unique_section_role")]

    def __str__(self) -> str:
        return self.group.name


class Report(models.Model):
    """Holds the permission to see newsroom reports (no table: Wagtail's own ``Admin`` model does the same)."""

    class Meta:
        managed = False
        verbose_name = _("newsroom report")
        verbose_name_plural = _("newsroom reports")
        default_permissions = ()
        permissions = [("view_reports", _("Can view newsroom reports"))]


def _pages_user_can_change(user) -> models.Q:
    """Pages under any page where one of ``user``'s groups has the "change" permission."""
    paths = GroupPagePermission.objects.filter(group__user=user, permission__codename="change_page").values_list(
        "page__path", flat=True
    )
    condition = models.Q(pk__in=[])
    for path in paths:
        condition |= models.Q(path__startswith=path)
    return condition


class SectionReviewTask(Task):
    """An editing step that only the editors of the article's own section can act on.

    Wagtail's group approval step lets every member of its groups approve every
    page; a newsroom needs the editors of "Kinh tế" to review "Kinh tế" only.
    The reviewer is anyone with the "change" page permission over the page
    (section editors, approvers), not a reporter who merely owns it.
    """

    admin_form_fields = Task.admin_form_fields

    class Meta:
        verbose_name = _("section editing step")
        verbose_name_plural = _("section editing steps")

    @classmethod
    def get_description(cls):
        return _("Editors of the page's section (anyone who may edit every page there) review it")

    def user_can_review(self, obj, user) -> bool:
        if not user.is_active:
            return False
        if user.is_superuser:
            return True
        if not isinstance(obj, Page):
            return False
        return "change" in obj.permissions_for_user(user).permissions

    def user_can_access_editor(self, obj, user):
        return self.user_can_review(obj, user)

    def locked_for_user(self, obj, user):
        return not self.user_can_review(obj, user)

    def user_can_lock(self, obj, user):
        return self.user_can_review(obj, user)

    def user_can_unlock(self, obj, user):
        return False

    def get_actions(self, obj, user):
        if self.user_can_review(obj, user):
            return [
                ("reject", _("Request changes"), True),
                ("approve", _("Pass on for approval"), False),
                ("approve", _("Pass on with comment"), True),
            ]
        return []

    def get_task_states_user_can_moderate(self, user, **kwargs):
        states = self.task_states.filter(status=TaskState.STATUS_IN_PROGRESS)
        if user.is_superuser:
            return states
        # Bounded by the pages waiting at this step, not by the size of the sections.
        waiting = {int(pk) for pk in states.values_list("workflow_state__object_id", flat=True) if pk.isdigit()}
        allowed = Page.objects.filter(_pages_user_can_change(user), pk__in=waiting).values_list("pk", flat=True)
        return states.filter(workflow_state__object_id__in=[str(pk) for pk in allowed])

    def reviewers(self, page: Page):
        """Active users who may review ``page`` (the people to notify)."""
        ancestor_paths = [page.path[:i] for i in range(Page.steplen, len(page.path) + 1, Page.steplen)]
        groups = GroupPagePermission.objects.filter(
            permission__codename="change_page", page__path__in=ancestor_paths
        ).values_list("group_id", flat=True)
        return get_user_model().objects.filter(is_active=True, groups__in=groups).distinct()
