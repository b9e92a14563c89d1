"""Each role may do its job and nothing beyond it: the denials are tested as much as the grants."""

from __future__ import annotations

from http import HTTPStatus

import pytest
from django.contrib.auth.models import Group
from django.test import Client

from loa.core.testing import home_page, make_article, make_section
from loa.newsroom import roles
from loa.newsroom.models import SectionTeam

pytestmark = pytest.mark.django_db

ALLOWED = HTTPStatus.OK


def status(user, url: str) -> int:
    client = Client()
    client.force_login(user)
    response = client.get(url, follow=True)
    if response.redirect_chain and response.redirect_chain[-1][0] == "/admin/":
        return HTTPStatus.FORBIDDEN  # Wagtail's "permission denied" redirect to the dashboard
    return response.status_code


def add_article(section) -> str:
    return f"/admin/pages/add/loa_news/articlepage/{section.pk}/"


def edit(page) -> str:
    return f"/admin/pages/{page.pk}/edit/"


def test_roles_exist_with_vietnamese_names_and_wagtail_defaults_are_gone():
    names = set(Group.objects.values_list("name", flat=True))
    assert {"Phóng viên", "Biên tập viên", "Lãnh đạo duyệt", "Quản trị"} <= names
    assert not names & {"Editors", "Moderators"}


def test_a_new_section_gets_its_team_and_keeps_it_in_step_with_its_title():
    section = make_section("Văn hóa – Xã hội")
    teams = {team.role: team.group.name for team in SectionTeam.objects.filter(section=section)}
    assert teams == {"Phóng viên": "Phóng viên – Văn hóa – Xã hội", "Biên tập viên": "Biên tập viên – Văn hóa – Xã hội"}
    section.title = "Văn hóa – Thể thao"
    section.save_revision().publish()
    names = set(SectionTeam.objects.filter(section=section).values_list("group__name", flat=True))
    assert names == {"Phóng viên – Văn hóa – Thể thao", "Biên tập viên – Văn hóa – Thể thao"}
    # Sub-sections belong to their parent's team.
    make_section("Thể thao", parent=section)
    assert SectionTeam.objects.count() == 2 * 1 + SectionTeam.objects.exclude(section=section).count()


def test_reporter_writes_in_own_section_only(newsroom):
    assert status(newsroom.reporter, add_article(newsroom.economy)) == ALLOWED
    assert status(newsroom.reporter, add_article(newsroom.politics)) == HTTPStatus.FORBIDDEN
    # Own drafts yes; a colleague's article or another section's no.
    own = make_article(newsroom.economy, "Bài của phóng viên", owner=newsroom.reporter)
    colleague = make_article(newsroom.economy, "Bài của đồng nghiệp", owner=newsroom.other_reporter)
    politics = make_article(newsroom.politics, "Kỳ họp HĐND", owner=newsroom.politics_reporter)
    assert status(newsroom.reporter, edit(own)) == ALLOWED
    assert status(newsroom.reporter, edit(colleague)) == HTTPStatus.FORBIDDEN
    assert status(newsroom.reporter, edit(politics)) == HTTPStatus.FORBIDDEN
    # No publishing, unpublishing, deleting or sections.
    assert not own.permissions_for_user(newsroom.reporter).can_publish()
    assert status(newsroom.reporter, f"/admin/pages/{own.pk}/unpublish/") == HTTPStatus.FORBIDDEN
    assert status(newsroom.reporter, f"/admin/pages/add/loa_news/sectionpage/{home_page().pk}/") == HTTPStatus.FORBIDDEN


def test_editor_edits_every_article_of_own_sections(newsroom):
    colleague = make_article(newsroom.economy, "Bài của phóng viên", owner=newsroom.reporter)
    politics = make_article(newsroom.politics, "Kỳ họp HĐND", owner=newsroom.politics_reporter)
    assert status(newsroom.editor, edit(colleague)) == ALLOWED
    assert status(newsroom.editor, edit(politics)) == HTTPStatus.FORBIDDEN
    assert status(newsroom.editor, add_article(newsroom.politics)) == HTTPStatus.FORBIDDEN
    assert not colleague.permissions_for_user(newsroom.editor).can_publish()
    assert status(newsroom.editor, f"/admin/pages/{colleague.pk}/unpublish/") == HTTPStatus.FORBIDDEN


def test_approver_sees_and_publishes_everything(newsroom):
    for section in (newsroom.economy, newsroom.politics):
        article = make_article(section, f"Bài {section.title}")
        assert status(newsroom.approver, edit(article)) == ALLOWED
        assert article.permissions_for_user(newsroom.approver).can_publish()
        assert article.permissions_for_user(newsroom.approver).can_unpublish()


ADMIN_ONLY = [
    "/admin/users/",
    "/admin/groups/",
    "/admin/settings/loa_core/agencysettings/",
    "/admin/settings/loa_stats/countersettings/",
    "/admin/snippets/loa_widgets/campaignbanner/add/",
    "/admin/snippets/loa_widgets/weatherplace/",
    "/admin/redirects/",
    "/admin/workflows/list/",
]


@pytest.mark.parametrize("url", ADMIN_ONLY)
def test_administrator_manages_users_settings_banners(newsroom, url):
    assert status(newsroom.administrator, url) == ALLOWED
    for user in (newsroom.reporter, newsroom.editor, newsroom.approver):
        assert status(user, url) == HTTPStatus.FORBIDDEN, (user.username, url)


def test_administrator_manages_sections(newsroom):
    assert status(newsroom.administrator, f"/admin/pages/add/loa_news/sectionpage/{home_page().pk}/") == ALLOWED
    assert status(newsroom.administrator, edit(newsroom.economy)) == ALLOWED
    assert status(newsroom.editor, edit(newsroom.economy)) == ALLOWED  # the section page itself is in their remit
    assert status(newsroom.politics_editor, edit(newsroom.economy)) == HTTPStatus.FORBIDDEN


def test_everyone_in_a_role_can_log_in_to_the_admin_and_upload(newsroom):
    for user in (newsroom.reporter, newsroom.editor, newsroom.approver, newsroom.administrator):
        assert status(user, "/admin/") == ALLOWED
        assert status(user, "/admin/images/multiple/add/") == ALLOWED
        assert status(user, "/admin/documents/multiple/add/") == ALLOWED


def test_roles_are_idempotent():
    from django.apps import apps

    before = {group.name: group.permissions.count() for group in Group.objects.all()}
    roles.ensure_roles(apps)
    assert {group.name: group.permissions.count() for group in Group.objects.all()} == before


def test_people_are_named_family_name_first(newsroom):
    from wagtail.admin.utils import get_user_display_name

    newsroom.reporter.first_name, newsroom.reporter.last_name = "Thu", "Nguyễn Minh"
    assert newsroom.reporter.get_full_name() == "Nguyễn Minh Thu"
    assert get_user_display_name(newsroom.reporter) == "Nguyễn Minh Thu"
    newsroom.editor.first_name, newsroom.editor.last_name = "", ""
    assert get_user_display_name(newsroom.editor) == "btv.kinhte"
