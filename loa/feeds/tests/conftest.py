"""A small portal for the feed tests: sections, articles (public, private, draft, old), a video clip."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.utils import timezone
from wagtail.models import PageViewRestriction

from loa.core.models import AgencySettings
from loa.core.testing import default_site, home_page, make_article, make_image, make_section
from loa.news.models import ArticlePage, Author, SectionPage

HOST = "cong.hungyen.example.gov.vn"
XSD = Path(__file__).parent / "xsd"
AGENCY = "Ủy ban nhân dân thành phố Hưng Yên"


@dataclass
class Portal:
    politics: SectionPage
    meetings: SectionPage  # a sub-section of politics
    economy: SectionPage
    internal: SectionPage  # private
    lead: ArticlePage  # photo, two authors, tags
    meeting: ArticlePage  # in the sub-section
    old: ArticlePage  # ten days old
    draft: ArticlePage
    private: ArticlePage  # restricted itself, in a public section
    internal_article: ArticlePage  # in the private section


@pytest.fixture
def host(settings) -> str:
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, HOST]
    return HOST


@pytest.fixture
def portal(db) -> Portal:
    home_page()
    agency = AgencySettings.for_site(default_site())
    agency.name = AGENCY
    agency.emblem = make_image("Biểu trưng", size=(400, 400))
    agency.save()

    politics = make_section("Thời sự – Chính trị")
    meetings = make_section("Hội nghị, hội thảo", parent=politics)
    economy = make_section("Kinh tế", intro="Tin kinh tế của thành phố.")
    internal = make_section("Văn bản nội bộ")
    authors = [
        Author.objects.create(name="Hoàng Anh", unit="Trung tâm Văn hóa và Truyền thanh thành phố"),
        Author.objects.create(name="Minh Thu", unit="Trung tâm Văn hóa và Truyền thanh thành phố"),
    ]
    now = timezone.now()
    lead = make_article(
        politics,
        "Thành phố Hưng Yên đón nhận Huân chương Lao động hạng Nhất",
        published=now - dt.timedelta(hours=2),
        authors=authors,
        sapo="Sáng 2/9, thành phố long trọng tổ chức lễ đón nhận Huân chương Lao động hạng Nhất.",
        main_image=make_image("Lễ đón nhận", size=(1200, 675)),
        main_image_caption="Lãnh đạo tỉnh trao Huân chương cho thành phố",
    )
    lead.tags.add("huân chương", "thành phố Hưng Yên")
    lead.save_revision().publish()
    ArticlePage.objects.filter(pk=lead.pk).update(first_published_at=now - dt.timedelta(hours=2))
    lead.refresh_from_db()
    meeting = make_article(
        meetings, "Hội nghị tổng kết công tác dân vận năm 2026", published=now - dt.timedelta(hours=30)
    )
    old = make_article(economy, "Đồng bằng sông Hồng thu hút đầu tư", published=now - dt.timedelta(days=10))
    draft = ArticlePage(title="Bản nháp chưa duyệt", live=False)
    politics.add_child(instance=draft)
    draft.save_revision()
    private = make_article(politics, "Bài chỉ dành cho cán bộ", published=now - dt.timedelta(hours=1))
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.PASSWORD, password="mk")
    internal_article = make_article(internal, "Công văn nội bộ số 12", published=now - dt.timedelta(hours=3))
    PageViewRestriction.objects.create(page=internal, restriction_type=PageViewRestriction.PASSWORD, password="mk")
    return Portal(politics, meetings, economy, internal, lead, meeting, old, draft, private, internal_article)


def absolute(page) -> str:
    return f"http://{HOST}{page.url}"
