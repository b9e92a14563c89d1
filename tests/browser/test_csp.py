"""The Content-Security-Policy is sent and the pages live within it: no violation, no console message.

Chromium reports every blocked script, style, frame or request as a
`securitypolicyviolation` event and a console error; a listener installed before
any page script (Playwright's init script runs outside the page's policy)
collects the events. The video site's player is answered by a local stand-in,
so nothing leaves the machine while frame-src is still enforced.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

LISTEN = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (e) => {
  const where = `${e.sourceFile}:${e.lineNumber}`;
  window.__violations.push(`${e.effectiveDirective} blocked ${e.blockedURI || "inline"} at ${where}`);
});
"""
VIDEO_ID = "M7lc1UVf-VE"
# What YouTube's oEmbed endpoint answers, as Wagtail stores it.
YOUTUBE_IFRAME = (
    f'<iframe width="200" height="113" src="https://www.youtube.com/embed/{VIDEO_ID}?feature=oembed" '
    'frameborder="0" allow="accelerometer; autoplay; clipboard-write; encrypted-media; gyroscope; '
    'picture-in-picture; web-share" referrerpolicy="strict-origin-when-cross-origin" allowfullscreen '
    'title="Hướng dẫn nộp hồ sơ trực tuyến"></iframe>'
)


@pytest.fixture
def whole_portal(portal) -> dict[str, Any]:
    """The small portal, every state-portal module's demo pages, and a video page embedding YouTube."""
    from django.utils import timezone
    from wagtail.embeds.embeds import get_embed_hash
    from wagtail.embeds.models import Embed

    from loa.core.modules import MODULES
    from loa.core.testing import home_page
    from loa.media.models import VideoIndexPage, VideoPage

    now = timezone.now()
    for app in MODULES:
        import_module(f"loa.{app}.demo").load_demo(home_page(), now)
    url = f"https://www.youtube.com/watch?v={VIDEO_ID}"
    Embed.objects.create(
        url=url,
        hash=get_embed_hash(url),
        type="video",
        html=YOUTUBE_IFRAME,
        width=200,
        height=113,
        provider_name="YouTube",
    )
    index = home_page().add_child(instance=VideoIndexPage(title="Video", show_in_menus=True))
    video = index.add_child(instance=VideoPage(title="Hướng dẫn nộp hồ sơ trực tuyến", embed_url=url))
    video.save_revision().publish()
    return {**portal, "video": video}


def visit(open_page, url: str) -> tuple[Any, list[str]]:
    """Open a page as a reader, collecting violations and every console message."""
    page, watch = open_page("desktop")
    messages: list[str] = []

    def on_console(message: Any) -> None:
        # The player's <iframe allow="… web-share"> names a feature headless Chromium does not know:
        # a Permissions-Policy notice about the provider's markup, not a policy violation.
        if not message.text.startswith("Unrecognized feature:"):
            messages.append(f"console {message.type}: {message.text}")

    page.on("console", on_console)
    page.add_init_script(LISTEN)
    # The player itself: a local stand-in, so the frame loads (and frame-src is judged) offline.
    page.route(
        "https://www.youtube.com/**", lambda route: route.fulfill(content_type="text/html", body="<p>player</p>")
    )
    response = page.goto(url)
    assert response is not None and response.ok, url
    policy = response.headers.get("content-security-policy", "")
    assert "script-src 'self'" in policy and "'unsafe-inline'" not in policy, (url, policy)
    page.wait_for_load_state("load")
    return page, [*messages, *watch.errors]


def violations(page) -> list[str]:
    return page.evaluate("window.__violations")


PAGES = (
    "/",
    "section",
    "article",
    "video",
    "/tim-kiem/?q=h%E1%BB%99i+ngh%E1%BB%8B",
    "/van-ban/",
    "legal document",
    "/lich-cong-tac/",
    "/hoi-dap/",
    "/hoi-dap/dat-cau-hoi/",
    "/thu-tuc-hanh-chinh/",
    "/gioi-thieu/",
    "/en/",
)


def test_every_kind_of_public_page_raises_no_violation_and_logs_nothing(whole_portal, open_page):
    """One walk over the pages (loading every module's demo is the slow part, so it happens once)."""
    from loa.legal.models import LegalDocumentPage

    named = {
        "legal document": next(d for d in LegalDocumentPage.objects.live().order_by("pk") if d.files()).url,
        "section": whole_portal["sections"][0].url,
        "article": whole_portal["articles"][0].url,
        "video": whole_portal["video"].url,
    }
    problems = {}
    for where in PAGES:
        page, messages = visit(open_page, whole_portal["url"] + named.get(where, where))
        if where == "video":  # the player loaded inside the frame: frame-src let it through
            expect(page.frame_locator("#main iframe[src*='youtube.com/embed']").locator("p")).to_have_text("player")
        if where == "legal document":  # the PDF preview, an <object>, within object-src
            expect(page.locator("object.legal-preview__frame")).to_be_attached()
        if where == "article":  # JSON-LD is a data block: present, and nothing complains about it
            assert page.locator('script[type="application/ld+json"]').count() >= 1
        page.wait_for_timeout(300)  # the beacon's answer and any late report
        if found := violations(page) + messages:
            problems[where] = found
        page.close()
    assert problems == {}


def test_a_missing_page_carries_the_policy_too(portal, open_page):
    page, _ = open_page("desktop")
    page.add_init_script(LISTEN)
    response = page.goto(portal["url"] + "/khong-co-trang-nay/")
    assert response.status == 404 and "script-src 'self'" in response.headers["content-security-policy"]
    assert violations(page) == []


def test_the_scripts_that_talk_to_the_server_stay_within_the_policy(whole_portal, open_page):
    """Search suggestions (fetch), the beacon (fetch after load) and a rating (form sent by fetch)."""
    page, messages = visit(open_page, whole_portal["url"] + whole_portal["articles"][0].url)
    expect(page.locator("html")).to_have_attribute("data-beacon", "counted")
    page.locator("#site-search-q").fill("hội")
    page.wait_for_timeout(600)
    widget = page.locator("section.rating")
    widget.get_by_label("4 Hữu ích", exact=True).check()
    widget.get_by_role("button", name="Gửi đánh giá").click()
    expect(widget.get_by_role("status")).to_have_text("Đã gửi đánh giá.")
    assert violations(page) == []
    assert messages == []


def test_the_admin_works_within_its_own_policy(whole_portal, open_page, django_user_model):
    """Sign in, the two-step page, the dashboard, the page editor with its inline scripts, a chooser."""
    from loa.core.testing import home_page

    django_user_model.objects.create_superuser("quantri", "quantri@example.invalid", "mot-mat-khau-dai-va-kho-doan")
    page, watch = open_page("desktop")
    page.add_init_script(LISTEN)
    response = page.goto(whole_portal["url"] + "/admin/login/")
    assert "'unsafe-inline'" in response.headers["content-security-policy"]
    page.get_by_label("Tên đăng nhập").fill("quantri")
    page.get_by_label("Mật khẩu").fill("mot-mat-khau-dai-va-kho-doan")
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_url("**/admin/")
    found = []
    for path in (
        "/admin/",
        f"/admin/pages/{whole_portal['articles'][0].pk}/edit/",
        f"/admin/pages/{home_page().pk}/",
        "/admin/two-factor/",
        "/admin/qa/questions/",
        "/admin/newsroom/reports/",
    ):
        page.goto(whole_portal["url"] + path)
        page.wait_for_load_state("load")
        found += [f"{path}: {v}" for v in violations(page)]
    assert found == []
    assert [e for e in watch.errors if "Content Security Policy" in e or "Refused" in e] == []
