"""A small about section (index, chart, duties, history, contact) and its English translation."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.contrib.auth.models import Group
from wagtail.models import Locale, Page

from loa.about.models import (
    AboutIndexPage,
    ContactPage,
    EnglishAgencySettings,
    FunctionsPage,
    HistoryPage,
    OrganisationPage,
)
from loa.core.models import AgencySettings
from loa.core.testing import default_site, home_page, make_image


def publish(parent: Page, page: Page) -> Page:
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def translate(page: Page, locale: Locale, **fields) -> Page:
    """As the admin's "Translate" action: a copy in the locale, then edited and published."""
    translated = page.specific.copy_for_translation(locale)
    for name, value in fields.items():
        setattr(translated, name, value)
    translated.draft_title = translated.title
    translated.save()
    translated.save_revision().publish()
    translated.refresh_from_db()
    return translated


def leader(name: str, position: str, phone: str = "", email: str = "", photo=None) -> dict:
    return {"name": name, "position": position, "phone": phone, "email": email, "photo": photo}


@pytest.fixture
def agency(db) -> AgencySettings:
    settings = AgencySettings.for_site(default_site())
    settings.name = "Ủy ban nhân dân thành phố Hưng Yên"
    settings.address = "Số 2 đường Bãi Sậy, phường Quang Trung"
    settings.phone = "0221 3 862 345"
    settings.email = "vanphong@tphungyen.example"
    settings.save()
    return settings


@pytest.fixture
def home(db):
    return home_page()


@pytest.fixture
def english(db) -> Locale:
    return Locale.objects.get_or_create(language_code="en")[0]


@pytest.fixture
def about(home, agency) -> AboutIndexPage:
    return publish(
        home,
        AboutIndexPage(title="Giới thiệu", slug="gioi-thieu", intro="Thành phố bên sông Hồng.", show_in_menus=True),
    )


@pytest.fixture
def portrait(db):
    return make_image("Ảnh chân dung Trần Quốc Hưng", size=(160, 200))


@pytest.fixture
def organisation(about, portrait) -> OrganisationPage:
    units = [
        (
            "unit",
            {
                "name": "Lãnh đạo UBND thành phố",
                "description": "Chủ tịch và các Phó Chủ tịch.",
                "phone": "",
                "email": "",
                "leaders": [
                    leader(
                        "Trần Quốc Hưng", "Chủ tịch UBND thành phố", "0221 3 862 001", "chutich@example.vn", portrait
                    ),
                    leader("Nguyễn Thị Thanh Hà", "Phó Chủ tịch Thường trực", "+84 221 3862002"),
                ],
                "units": [],
            },
        ),
        (
            "unit",
            {
                "name": "Các cơ quan chuyên môn",
                "description": "",
                "phone": "",
                "email": "",
                "leaders": [],
                "units": [
                    {
                        "name": "Văn phòng HĐND và UBND",
                        "description": "Tham mưu tổng hợp.",
                        "phone": "0221 3 862 345",
                        "email": "vanphong@example.vn",
                        "leaders": [leader("Nguyễn Văn Thành", "Chánh Văn phòng", "0221 3 862 010")],
                    },
                    {
                        "name": "Phòng Tư pháp",
                        "description": "",
                        "phone": "",
                        "email": "tuphap@example.vn",
                        "leaders": [leader("Hoàng Văn Nam", "Trưởng phòng")],
                    },
                ],
            },
        ),
    ]
    return publish(
        about,
        OrganisationPage(title="Cơ cấu tổ chức", slug="co-cau-to-chuc", intro="Các đơn vị.", units=units),
    )


@pytest.fixture
def functions(about) -> FunctionsPage:
    return publish(
        about,
        FunctionsPage(
            title="Chức năng, nhiệm vụ",
            slug="chuc-nang-nhiem-vu",
            functions="Là cơ quan chấp hành của HĐND.\n\nLà cơ quan hành chính nhà nước ở địa phương.",
            duties=[("group", {"heading": "Kinh tế", "items": ["Lập kế hoạch 5 năm.", "Quản lý ngân sách."]})],
            legal_basis="Luật Tổ chức chính quyền địa phương 2015\nNghị định 108/2020/NĐ-CP",
        ),
    )


@pytest.fixture
def history(about) -> HistoryPage:
    return publish(
        about,
        HistoryPage(
            title="Lịch sử hình thành",
            slug="lich-su-hinh-thanh",
            milestones=[
                ("milestone", {"when": "1831", "title": "Tỉnh lỵ Hưng Yên", "text": "Tỉnh Hưng Yên được thành lập."}),
                ("milestone", {"when": "19/1/2009", "title": "Thành lập thành phố", "text": ""}),
            ],
        ),
    )


@pytest.fixture
def contact(about) -> ContactPage:
    return publish(
        about,
        ContactPage(
            title="Liên hệ",
            slug="lien-he",
            fax="0221 3 862 346",
            working_hours="Sáng: 7 giờ 30 – 11 giờ 30\nChiều: 13 giờ 30 – 17 giờ",
            latitude=Decimal("20.6464"),
            longitude=Decimal("106.0511"),
            contact_points=[
                ("contact", {"name": "Đường dây nóng", "phone": "0221 3 862 222", "email": "", "note": ""}),
            ],
        ),
    )


@pytest.fixture
def english_settings(db) -> EnglishAgencySettings:
    settings = EnglishAgencySettings.for_site(default_site())
    settings.name = "People's Committee of Hung Yen City"
    settings.parent_name = "Hung Yen Province"
    settings.address = "2 Bai Say Street, Quang Trung Ward, Hung Yen City"
    settings.save()
    return settings


@pytest.fixture
def english_tree(home, about, organisation, contact, english, english_settings) -> dict[str, Page]:
    """English home, About, Organisation chart and Contact, as an editor translates them."""
    home_en = translate(home, english, title="Home", slug="home-en", intro="Welcome to Hung Yen City.")
    about_en = translate(about, english, title="About", slug="about", intro="The city on the Red River.")
    units = organisation.units.raw_data
    organisation_en = translate(organisation, english, title="Organisation chart", slug="organisation-chart")
    organisation_en.units = units  # names stay as they are in the test; the language is the page's
    organisation_en.save_revision().publish()
    contact_en = translate(contact, english, title="Contact", slug="contact", working_hours="Monday to Friday")
    return {"home": home_en, "about": about_en, "organisation": organisation_en, "contact": contact_en}


@pytest.fixture
def login(client, django_user_model):
    """The test client logged in as a new user of a newsroom role (or a superuser with role=None)."""

    def as_role(role: str | None):
        username = f"user{django_user_model.objects.count() + 1}"
        if role is None:
            user = django_user_model.objects.create_superuser(username, f"{username}@example.invalid", "mat-khau-123")
        else:
            user = django_user_model.objects.create_user(username, f"{username}@example.invalid", "mat-khau-123")
            user.groups.add(Group.objects.get(name=role))
        client.force_login(user)
        return client

    return as_role
