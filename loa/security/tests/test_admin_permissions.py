"""Every admin URL Loa adds, opened by nobody, by each newsroom role: who gets in and who is turned away.

The URLs are found, not listed: every admin route whose view lives in `loa.` or
works on a Loa model (snippets, model viewsets, reports, imports, the Q&A queue),
and the settings screens of Loa's setting models. Each must match a rule in
ACCESS below, so a module that adds an admin screen without deciding who may
open it fails here.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal
from http import HTTPStatus

import pytest
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from wagtail.contrib.settings.models import BaseSiteSetting
from wagtail.contrib.settings.registry import registry as settings_registry

from loa.core.testing import default_site, home_page, make_article, make_section
from loa.newsroom import roles

pytestmark = pytest.mark.django_db

ANONYMOUS, REPORTER, EDITOR, APPROVER, ADMINISTRATOR = "anonymous", *roles.ROLES
ROLES = (REPORTER, EDITOR, APPROVER, ADMINISTRATOR)
DENIED, OPEN = "denied", "open"


@dataclass(frozen=True)
class AdminURL:
    route: str  # "admin/qa/questions/edit/<int:pk>/"
    name: str  # "loa_qa_question:edit"
    model: str  # "loa_qa.question" or ""

    @property
    def path(self) -> str:
        return "/" + self.route


def _walk(patterns, prefix: str = "", namespace: str = ""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            space = ":".join(n for n in (namespace, pattern.namespace) if n)
            yield from _walk(pattern.url_patterns, prefix + str(pattern.pattern), space)
        elif isinstance(pattern, URLPattern):
            yield prefix + str(pattern.pattern), ":".join(n for n in (namespace, pattern.name or "") if n), pattern


def _model_label(model) -> str:
    if isinstance(model, str):
        return model.lower()
    return model._meta.label_lower if model is not None else ""


def loa_admin_urls() -> list[AdminURL]:
    found = []
    for route, name, pattern in _walk(get_resolver().url_patterns):
        if not route.startswith("admin/"):
            continue
        callback = pattern.callback
        view = getattr(callback, "view_class", callback)
        model = _model_label((getattr(callback, "view_initkwargs", None) or {}).get("model"))
        if view.__module__.startswith("loa.") or model.startswith("loa_"):
            found.append(AdminURL(route, name, model))
    # A function view beside a viewset (the Q&A attachment) works on the viewset's model.
    by_prefix = {url.route.rsplit("/", 3)[0]: url.model for url in found if url.model}
    return [
        AdminURL(url.route, url.name, by_prefix.get(url.route.rsplit("/", 3)[0], "")) if not url.model else url
        for url in found
    ]


def loa_setting_models() -> list[type]:
    return [m for m in settings_registry if m._meta.app_label.startswith("loa_")]


EVERY_ROLE = frozenset(ROLES)
FROM_EDITOR = frozenset({EDITOR, APPROVER, ADMINISTRATOR})
FROM_APPROVER = frozenset({APPROVER, ADMINISTRATOR})
ADMINISTRATOR_ONLY = frozenset({ADMINISTRATOR})
NOBODY = frozenset()

#: (route pattern, roles that may open it). The first matching rule wins; every other role,
#: and anybody signed out, must be turned away.
ACCESS: list[tuple[str, frozenset[str]]] = [
    (r"^admin/newsroom/reports/", FROM_APPROVER),
    (r"^admin/ratings/report/", FROM_APPROVER),
    (r"^admin/two-factor/$", EVERY_ROLE),
    (r"^admin/two-factor/verify/$", NOBODY),  # only for someone with an app, between password and admin
    # Wagtail's snippet choosers serve the page editor's pickers: any admin user may list what the
    # public site shows anyway; creating a row from a chooser needs the model's own "add".
    (r"^admin/snippets/choose/loa_(news|legal)/\w+/create/", FROM_EDITOR),
    (r"^admin/snippets/choose/loa_widgets/\w+/create/", ADMINISTRATOR_ONLY),
    (r"^admin/snippets/choose/", EVERY_ROLE),
    (r"^admin/snippets/loa_news/author/(results/)?$", EVERY_ROLE),  # reporters credit authors
    (r"^admin/snippets/loa_news/author/delete/", FROM_APPROVER),
    (r"^admin/snippets/loa_news/author/", FROM_EDITOR),
    (r"^admin/snippets/loa_widgets/", ADMINISTRATOR_ONLY),  # banners, weather places
    (r"^admin/snippets/loa_legal/", FROM_EDITOR),  # the lists of Văn bản
    (r"^admin/legal/import/", FROM_APPROVER),  # needs "add" on the Văn bản page
    (r"^admin/royalties/articles/", FROM_EDITOR),
    (r"^admin/royalties/payroll/", FROM_APPROVER),
    (r"^admin/royalties/(genres|point-values)/", ADMINISTRATOR_ONLY),
    (r"^admin/schedule/(entries|import)/", FROM_EDITOR),
    (r"^admin/schedule/(weeks|leaders)/", FROM_APPROVER),
    (r"^admin/qa/questions/delete/", ADMINISTRATOR_ONLY),
    (r"^admin/qa/questions/", FROM_EDITOR),  # the moderation queue and the askers' attachments
    (r"^admin/qa/(topics|units|agency-days)/", ADMINISTRATOR_ONLY),
    (r"^admin/procedures/delete/", FROM_APPROVER),
    (r"^admin/procedures/", FROM_EDITOR),
    (r"^admin/settings/loa_", ADMINISTRATOR_ONLY),
]


def rule_for(route: str):
    for pattern, allowed in ACCESS:
        if re.search(pattern, route):
            return allowed
    return None


# --- the site the URLs are opened on --------------------------------------------------------------


@pytest.fixture
def people(django_user_model) -> dict[str, Client]:
    section = make_section("Kinh tế")
    groups = {
        REPORTER: [REPORTER, roles.section_group_name(REPORTER, section.title)],
        EDITOR: [EDITOR, roles.section_group_name(EDITOR, section.title)],
        APPROVER: [APPROVER],
        ADMINISTRATOR: [ADMINISTRATOR],
    }
    clients = {ANONYMOUS: Client()}
    for number, (role, names) in enumerate(groups.items()):
        user = django_user_model.objects.create_user(f"user{number}", f"user{number}@example.invalid", "x")
        user.groups.set(Group.objects.filter(name__in=names))
        clients[role] = Client()
        clients[role].force_login(user)
    return clients


@pytest.fixture
def objects(settings, tmp_path) -> dict[str, int]:
    """One row of every model the admin URLs take a primary key of (model label → pk)."""
    from loa.legal.models import DocumentType, IssuingBody, IssuingLevel, LegalDocumentIndexPage, Sector, Signer
    from loa.news.models import Author
    from loa.procedures.models import Procedure
    from loa.qa.models import AgencyDay, Question, Topic, Unit
    from loa.royalties.models import ArticleRoyalty, Genre, PointValue
    from loa.schedule.models import Leader, ScheduleEntry, ScheduleWeek
    from loa.widgets.models import CampaignBanner, WeatherPlace

    settings.LOA_QA_PRIVATE_ROOT = str(tmp_path / "private")
    monday = dt.date(2026, 11, 23)
    leader = Leader.objects.create(name="Nguyễn Văn An", title="Chủ tịch")
    week = ScheduleWeek.objects.create(monday=monday)
    topic = Topic.objects.create(name="Đất đai")
    question = Question.objects.create(
        topic=topic, asker_name="Trần Thị Bình", email="b@example.com", title="Cấp lại sổ đỏ", text="Xin hỏi thủ tục."
    )
    question.attachment.save("giay-to.pdf", ContentFile(b"%PDF-1.4\n%%EOF\n"))
    article = make_article(make_section("Thời sự"), "Hội nghị tổng kết", body=[])
    home_page().add_child(instance=LegalDocumentIndexPage(title="Văn bản", slug="van-ban"))
    rows = [
        Author.objects.create(name="Minh Thu"),
        CampaignBanner.objects.create(text="Chào mừng Đại hội"),
        WeatherPlace.objects.create(name="Hưng Yên", latitude=Decimal("20.65"), longitude=Decimal("106.05")),
        Genre.objects.order_by("pk").first(),
        PointValue.objects.order_by("pk").first(),
        *(m.objects.create(name="Mục thử") for m in (DocumentType, IssuingBody, IssuingLevel, Sector, Signer)),
        leader,
        week,
        ScheduleEntry.objects.create(week=week, date=monday, content="Họp giao ban", host=leader),
        topic,
        Unit.objects.create(name="Phòng Tư pháp"),
        AgencyDay.objects.create(date=dt.date(2026, 12, 31), name="Nghỉ bù"),
        question,
        Procedure.objects.create(
            code="1.0001", name="Đăng ký khai sinh", field="Hộ tịch", level="xa", service_level="4"
        ),
    ]
    found = {row._meta.label_lower: row.pk for row in rows}
    royalty = ArticleRoyalty.objects.create(article=article, genre=rows[3], points=Decimal("10"))
    found["loa_royalties.articleroyalty"] = royalty.pk  # the article's own id
    return found


def concrete(url: AdminURL, objects: dict[str, int]) -> str:
    """The route with its pk filled with the model's row (a new kind of parameter fails loudly)."""

    def fill(match: re.Match) -> str:
        kind, name = match.group(1), match.group(2)
        if name == "pk":
            return str(objects[url.model])
        raise AssertionError(f"{url.route}: no value for <{kind}:{name}>")

    return "/" + re.sub(r"<(?:(\w+):)?(\w+)>", fill, url.route)


def outcome(client: Client, path: str) -> str:
    """What happened: OPEN, DENIED, "login", another redirect or the status code."""
    response = client.get(path)
    if response.status_code == HTTPStatus.METHOD_NOT_ALLOWED:  # an action (reorder): try it
        response = client.post(path)
    if response.status_code == HTTPStatus.OK:
        return OPEN
    if response.status_code == HTTPStatus.FORBIDDEN:
        return DENIED
    if response.status_code == HTTPStatus.FOUND:
        location = response["Location"]
        if location.startswith("/admin/login/"):
            return "login"
        if location == "/admin/":  # Wagtail's "Sorry, you do not have permission" redirect
            return DENIED
        return f"redirect {location}"
    return str(response.status_code)


def every_admin_path(objects: dict[str, int]) -> list[tuple[str, str]]:
    """(route as written, path to open) for every Loa admin URL and Loa setting screen."""
    paths = [(url.route, concrete(url, objects)) for url in loa_admin_urls()]
    for model in loa_setting_models():
        args: list = [model._meta.app_label, model._meta.model_name]
        if issubclass(model, BaseSiteSetting):
            args.append(default_site().pk)
        path = reverse("wagtailsettings:edit", args=args)
        paths.append((path.lstrip("/"), path))
    return paths


def test_the_walk_finds_the_screens_of_every_module():
    routes = {url.route for url in loa_admin_urls()}
    for expected in (
        "admin/newsroom/reports/",
        "admin/ratings/report/",
        "admin/legal/import/",
        "admin/schedule/import/",
        "admin/procedures/import/",
        "admin/qa/questions/",
        "admin/qa/questions/attachment/<int:pk>/",
        "admin/royalties/payroll/",
        "admin/snippets/loa_widgets/campaignbanner/edit/<int:pk>/",
    ):
        assert expected in routes
    assert len(routes) > 150
    assert {m._meta.label_lower for m in loa_setting_models()} >= {"loa_core.agencysettings", "loa_qa.qasettings"}


def test_every_loa_admin_url_has_an_access_rule():
    missing = [url.route for url in loa_admin_urls() if rule_for(url.route) is None]
    missing += [m._meta.label for m in loa_setting_models() if rule_for(f"admin/settings/{m._meta.app_label}/") is None]
    assert missing == [], "decide who may open these and add them to ACCESS"


def test_anonymous_visitors_are_sent_to_the_login_page(people, objects):
    wrong = {}
    for route, path in every_admin_path(objects):
        response = people[ANONYMOUS].get(path)
        location = response.get("Location", "")
        if response.status_code != HTTPStatus.FOUND or not location.startswith("/admin/login/?next="):
            wrong[route] = (response.status_code, location)
    assert wrong == {}


@pytest.mark.parametrize("role", ROLES)
def test_each_role_opens_what_it_needs_and_is_turned_away_from_the_rest(people, objects, role):
    wrong = {}
    for route, path in every_admin_path(objects):
        expected = OPEN if role in (rule_for(route) or NOBODY) else DENIED
        got = outcome(people[role], path)
        if got != expected:
            wrong[route] = f"expected {expected}, got {got}"
    assert wrong == {}
