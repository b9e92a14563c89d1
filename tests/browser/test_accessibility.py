"""WCAG 2.1 A and AA on the public portal, checked in Chromium: axe-core finds nothing, and a keyboard does everything.

axe-core comes from npm (package.json pins it, `make install-dev` runs `npm ci`); it is
read from node_modules, never fetched. It checks, on the demo portal that `load_demo`
builds, one page of every public page type in each language (home, sections, articles
with photos and captions, videos, legal documents, the leaders' schedule, Q&A, procedures,
the about pages, the site map; Vietnamese and English), the pages that are not Wagtail
pages (search with and without results, RSS, 404, 500 and 503), and the states a reader
puts pages in (search suggestions open, forms sent with mistakes, the rating widget's
messages, the mobile menu open), at desktop and phone widths.

The pages' Content-Security-Policy refuses inline scripts, and Playwright adds axe as
one: the axe runs use contexts made with `bypass_csp=True` (test_csp.py checks the policy
itself in ordinary contexts). Every violation fails the test, listed with its rule, impact,
element and help text. axe's "needs review" results are written to
var/accessibility/axe-review.json; those it cannot decide because text sits on a gradient
(the masthead) are decided here, against every colour of the gradient.

The keyboard tests Tab from the top of the page as a reader without a mouse does: the
skip link comes first and leads to the content, every element reached shows where the
focus is, the menus, search suggestions and the question form work without a pointer
(the rating form: tests/browser/test_ratings.py::test_keyboard_only_rating_on_a_phone).
"""

from __future__ import annotations

import io
import json
import os
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import DEVICES

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
REVIEW = ROOT / "var" / "accessibility" / "axe-review.json"
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
PLAYER = "https://www.youtube.com/embed/M7lc1UVf-VE"
PLAYER_PAGE = "<!doctype html><html lang=vi><title>Trình phát video</title><p>Trình phát video</p></html>"

# Started without waiting for it (`window.__axe`), so that the desktop and the phone pages are checked at once.
START_AXE = """(tags) => {
  const options = {runOnly: {type: "tag", values: tags}, resultTypes: ["violations", "incomplete"]};
  const brief = (rule) => ({
    id: rule.id, impact: rule.impact, help: rule.help,
    nodes: rule.nodes.map((node) => ({
      target: node.target.join(" "),
      summary: (node.failureSummary || "").replace(/\\s+/g, " ").trim(),
      data: [...node.any, ...node.all].map((check) => check.data).find((data) => data && data.messageKey) || null,
    })),
  });
  window.__axe = axe.run(document, options).then(
    (result) => ({violations: result.violations.map(brief), incomplete: result.incomplete.map(brief)}));
}"""

# The colours a text sits on when axe cannot tell (a gradient): those of the nearest background image.
GRADIENT_COLOURS = """(selector) => {
  const element = document.querySelector(selector);
  let node = element;
  while (node && getComputedStyle(node).backgroundImage === "none") node = node.parentElement;
  const image = node ? getComputedStyle(node).backgroundImage : "";
  return {text: getComputedStyle(element).color, stops: image.match(/rgba?\\([^)]*\\)/g) || []};
}"""


@pytest.fixture(scope="module")
def axe_path() -> Path:
    """axe-core as `make install-dev` installs it; without npm the axe tests skip, except under CI."""
    if not AXE.is_file():
        message = f"{AXE.relative_to(ROOT)} is missing: run `make install-dev` (it needs npm)"
        if os.environ.get("CI") == "true":
            pytest.fail(f"{message}; CI=true: the accessibility tests must run")
        pytest.skip(message)
    return AXE


# --- axe-core on every kind of page ---------------------------------------------------------------------


def representative_pages() -> dict[str, str]:
    """One live page of every page type in every language, by a name for the report.

    Where a type has richer and poorer pages, the richer one: the section with sub-sections,
    the article with the most photos (captions, a quote or a table), the legal document
    with files (the PDF preview). A new page type is picked up without changing this test.
    """
    from wagtail.models import Page

    from loa.legal.models import LegalDocumentPage
    from loa.news.models import ArticlePage, SectionPage

    def richness(page: Page) -> int:
        if isinstance(page, ArticlePage):
            kinds = [block.block_type for block in page.body]
            return 3 * kinds.count("photo") + len(set(kinds)) + bool(page.main_image_caption)
        if isinstance(page, SectionPage):
            return page.get_children().type(SectionPage).live().count()
        if isinstance(page, LegalDocumentPage):
            return len(page.files())
        return 0

    best: dict[str, tuple[int, str]] = {}
    for page in Page.objects.live().public().specific().order_by("path"):
        if page.depth < 2:
            continue
        name = f"{type(page).__name__} ({page.locale.language_code})"
        score = richness(page)
        if name not in best or score > best[name][0]:
            best[name] = (score, page.get_url())
    return {name: url for name, (_, url) in sorted(best.items())}


def add_embedded_video() -> str:
    """A clip from a video site whose player markup has no title (as some providers send it)."""
    from wagtail.embeds.embeds import get_embed_hash
    from wagtail.embeds.models import Embed

    from loa.media.models import VideoIndexPage, VideoPage

    url = "https://www.youtube.com/watch?v=M7lc1UVf-VE"
    Embed.objects.create(
        url=url,
        hash=get_embed_hash(url),
        type="video",
        html=f'<iframe width="200" height="113" src="{PLAYER}" allowfullscreen></iframe>',
        width=200,
        height=113,
        provider_name="YouTube",
    )
    index = VideoIndexPage.objects.live().first()
    clip = index.add_child(instance=VideoPage(title="Hướng dẫn nộp hồ sơ trực tuyến", embed_url=url))
    clip.save_revision().publish()
    return clip.get_url()


@pytest.fixture
def demo_portal(live_server) -> dict[str, Any]:
    """The demo portal as `make run` shows it, and the error pages as the server writes them."""
    from django.core.management import call_command
    from django.template import Context, loader

    call_command("load_demo", stdout=io.StringIO())
    embedded = add_embedded_video()
    return {
        "url": live_server.url,
        "pages": representative_pages(),
        "embedded video": embedded,
        # Rendered as loa.core.views.server_error renders them (they never touch the database).
        "error pages": {code: loader.get_template(f"{code}.html").template.render(Context({})) for code in (500, 503)},
    }


def start_axe(page: Any, axe_path: Path) -> None:
    page.add_script_tag(path=str(axe_path))
    page.evaluate(START_AXE, WCAG_21_AA)


def axe_result(page: Any) -> dict[str, list[dict[str, Any]]]:
    return page.evaluate("() => window.__axe")


def relative_luminance(css_colour: str) -> float:
    red, green, blue = (int(float(part)) / 255 for part in re.findall(r"[\d.]+", css_colour)[:3])

    def linear(channel: float) -> float:
        return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4

    return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)


def contrast(first: str, second: str) -> float:
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def decide_gradients(page: Any, incomplete: list[dict[str, Any]]) -> tuple[list[str], list[dict[str, Any]]]:
    """Text on a gradient: axe leaves it to a person; here each colour of the gradient is checked.

    Returns the failures and what is still left for review.
    """
    failures, left = [], []
    for rule in incomplete:
        nodes = []
        for node in rule["nodes"]:
            data = node["data"] or {}
            if rule["id"] != "color-contrast" or data.get("messageKey") != "bgGradient":
                nodes.append(node)
                continue
            colours = page.evaluate(GRADIENT_COLOURS, node["target"])
            needed = float(str(data.get("expectedContrastRatio", "4.5")).split(":")[0])
            if not colours["stops"]:
                nodes.append(node)
            for stop in colours["stops"]:
                if (ratio := contrast(colours["text"], stop)) < needed:
                    failures.append(
                        f"color-contrast (serious) {node['target']}: {colours['text']} on the gradient's {stop} "
                        f"is {ratio:.2f}:1, needs {needed}:1"
                    )
        if nodes:
            left.append({**rule, "nodes": nodes})
    return failures, left


def describe(result: list[dict[str, Any]]) -> list[str]:
    return [
        f"{rule['id']} ({rule['impact']}) {node['target']}: {rule['help']}. {node['summary']}"
        for rule in result
        for node in rule["nodes"]
    ]


# The states a reader puts a page in, each prepared on an open page before axe runs.


def suggestions_open(page: Any) -> None:
    page.locator("#site-search-q").fill("hội nghị")
    expect(page.locator("#site-search-q-suggestions [role=option]").first).to_be_visible()
    page.keyboard.press("ArrowDown")


def question_sent_empty(page: Any) -> None:
    page.get_by_role("button", name="Gửi câu hỏi").click()
    expect(page.locator("#qa-errors")).to_be_visible()


def follow_not_found(page: Any) -> None:
    page.get_by_label("Mã tra cứu").fill("HD-2026-ZZZZ")
    page.get_by_label("Thư điện tử hoặc số điện thoại").fill("khongco@example.com")
    page.get_by_role("button", name="Tra cứu").click()
    expect(page.get_by_role("alert")).to_be_visible()


def rating_without_choice(page: Any) -> None:
    widget = page.locator("section.rating")
    widget.get_by_role("button", name="Gửi đánh giá").click()
    expect(widget.locator("#danh-gia-loi-muc")).to_be_visible()


def rating_sent(page: Any) -> None:
    widget = page.locator("section.rating")
    widget.get_by_label("4 Hữu ích", exact=True).check()
    widget.get_by_role("button", name="Gửi đánh giá").click()
    expect(widget.locator("[data-rating-done]")).to_be_visible()


def rating_refused_without_javascript(page: Any) -> None:
    """The form posted as a browser without JavaScript posts it, with no choice: the failure page."""
    with page.expect_navigation():
        page.evaluate(
            """() => {
              const form = document.querySelector("[data-rating-form]");
              form.elements.comment.value = "Thiếu giờ làm việc.";
              HTMLFormElement.prototype.submit.call(form);
            }"""
        )
    expect(page.locator(".rating__failure")).to_be_visible()


STATES: dict[str, tuple[str, Callable[[Any], None] | None]] = {
    "search with results": ("/tim-kiem/?q=h%E1%BB%99i+ngh%E1%BB%8B", None),
    "search without results": ("/tim-kiem/?q=kh%C3%B4ng+c%C3%B3+g%C3%AC+c%E1%BA%A3+xyz", None),
    "search suggestions open": ("/", suggestions_open),
    "legal documents filtered to nothing": ("/van-ban/?q=kh%C3%B4ng+c%C3%B3+v%C4%83n+b%E1%BA%A3n+n%C3%A0o", None),
    "procedures filtered": ("/thu-tuc-hanh-chinh/?q=khai+sinh", None),
    "question form": ("/hoi-dap/dat-cau-hoi/", None),
    "question form sent with mistakes": ("/hoi-dap/dat-cau-hoi/", question_sent_empty),
    "follow a question, not found": ("/hoi-dap/tra-cuu/", follow_not_found),
    "rating sent without a choice": ("article", rating_without_choice),
    "rating sent": ("article", rating_sent),
    "rating refused (no JavaScript)": ("article", rating_refused_without_javascript),
    "embedded video": ("embedded video", None),
    "RSS directory": ("/rss/", None),
    "404": ("/khong-co-trang-nay/", None),
    "500": ("/__error-500__/", None),
    "503": ("/__error-503__/", None),
}


def serve(status: int, html: str) -> Callable[[Any], None]:
    """A route handler that answers with this page."""
    return lambda route: route.fulfill(status=status, content_type="text/html; charset=utf-8", body=html)


def test_axe_finds_no_wcag_21_aa_violation_on_any_kind_of_public_page(demo_portal, browser, axe_path):
    """Desktop and phone (menu open); one failure lists every violation of every page."""
    base = demo_portal["url"]
    article = next(url for name, url in demo_portal["pages"].items() if name.startswith("ArticlePage (vi"))
    targets = {name: (url, None) for name, url in demo_portal["pages"].items()}
    for name, (where, prepare) in STATES.items():
        targets[name] = (
            {"article": article, "embedded video": demo_portal["embedded video"]}.get(where, where),
            prepare,
        )

    problems: list[str] = []
    review: dict[str, Any] = {}
    pages = {}
    for device in ("desktop", "mobile"):
        reader = {"locale": "vi-VN", "timezone_id": "Asia/Ho_Chi_Minh", **DEVICES[device]}
        context = browser.new_context(bypass_csp=True, **reader)  # axe is added as an inline script
        context.set_default_timeout(15_000)
        # The video site's player, offline: a local stand-in.
        context.route(PLAYER, lambda route: route.fulfill(content_type="text/html", body=PLAYER_PAGE))
        for code, html in demo_portal["error pages"].items():
            context.route(f"{base}/__error-{code}__/", serve(code, html))
        pages[device] = context.new_page()

    try:
        for name, (url, prepare) in targets.items():
            for device, page in pages.items():
                response = page.goto(base + url)
                expected = {"404": 404, "500": 500, "503": 503}.get(name, 200)
                assert response is not None and response.status == expected, f"{name}: {url} answered {response.status}"
                page.wait_for_load_state("load")
                if prepare:
                    prepare(page)
                toggle = page.locator(".main-nav__toggle")
                if device == "mobile" and toggle.count() and toggle.get_attribute("aria-expanded") == "false":
                    toggle.click()
                    expect(page.locator("#main-menu")).to_be_visible()
                start_axe(page, axe_path)
            for device, page in pages.items():
                result = axe_result(page)
                failures, left = decide_gradients(page, result["incomplete"])
                problems += [f"{device} · {name} · {url}: {line}" for line in describe(result["violations"]) + failures]
                if left:
                    review[f"{device} · {name} · {url}"] = left
    finally:
        for page in pages.values():
            page.context.close()

    REVIEW.parent.mkdir(parents=True, exist_ok=True)
    REVIEW.write_text(json.dumps(review, ensure_ascii=False, indent=1))
    assert len(targets) >= 30, targets  # every page type and state above, twice: at desktop and phone widths
    assert problems == [], f"{len(problems)} WCAG 2.1 A/AA violations:\n" + "\n".join(problems)


# --- the keyboard ---------------------------------------------------------------------------------------

# Everything that can take the focus, with how it looks unfocused, so that focused it can be compared.
REMEMBER_LOOKS = """() => {
  const look = (el) => {
    const style = getComputedStyle(el);
    return [style.outlineStyle, style.outlineWidth, style.outlineColor, style.boxShadow, style.borderColor,
            style.backgroundColor, style.color, style.textDecorationLine].join("|");
  };
  window.__looks = new Map();
  document.querySelectorAll("a[href], button, input, select, textarea, [tabindex], summary, video, iframe, object")
    .forEach((el) => window.__looks.set(el, [el, ...(el.labels || [])].map(look).join("/")));
  window.__look = look;
}"""

FOCUSED = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const before = window.__looks.get(el);
  const now = [el, ...(el.labels || [])].map(window.__look).join("/");
  const box = el.getBoundingClientRect();
  const on_screen = box.width > 0 && box.height > 0 && box.bottom > 0 && box.right > 0
    && box.top < innerHeight && box.left < innerWidth;
  const name = (el.getAttribute("aria-label") || el.textContent || el.name || el.id || "").trim().slice(0, 40);
  return {element: el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") + " «" + name + "»",
          shows_focus: before !== undefined && before !== now, on_screen};
}"""


def tab_through(page: Any, limit: int = 400) -> list[dict[str, Any]]:
    """Press Tab from the top of the page until the focus leaves it; what each press reached."""
    page.evaluate(REMEMBER_LOOKS)
    reached = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        stop = page.evaluate(FOCUSED)
        if stop is None or (reached and stop["element"] == reached[0]["element"]):
            return reached
        reached.append(stop)
    pytest.fail(f"Tab never left the page after {limit} presses: a keyboard trap")


def add_questions() -> None:
    from django.utils import timezone

    from loa.core.testing import home_page
    from loa.qa.demo import load_demo

    load_demo(home_page(), timezone.now())


def add_clip() -> Any:
    """A published video page playing one of the demo's clips (the browser's own player buttons)."""
    from django.core.files.base import ContentFile
    from wagtailmedia.models import Media

    from loa.core.demo.loader import VIDEO_DIR
    from loa.core.demo.site import CLIPS
    from loa.core.testing import home_page
    from loa.media.models import VideoIndexPage, VideoPage

    clip = CLIPS[0]
    media = Media(title=clip.title, type="video", duration=clip.duration, width=clip.width, height=clip.height)
    media.file.save(clip.file, ContentFile((VIDEO_DIR / clip.file).read_bytes()))
    index = home_page().add_child(instance=VideoIndexPage(title="Video", show_in_menus=True))
    video = index.add_child(instance=VideoPage(title=clip.title, video=media, description=clip.description))
    video.save_revision().publish()
    return video


def test_tab_from_the_top_the_skip_link_comes_first_and_every_stop_shows_the_focus(portal, open_page, screenshot):
    """Home (menu, sidebar with a player, footer), an article (rating form) and a video page."""
    add_questions()
    video = add_clip()
    page, watch = open_page("desktop")
    for url in ("/", portal["articles"][0].url, video.url):
        page.goto(portal["url"] + url)
        page.wait_for_load_state("load")
        skip = page.locator(".skip-link")
        expect(skip).not_to_be_in_viewport()

        stops = tab_through(page)

        assert stops[0]["element"].startswith("a «Bỏ qua, đến nội dung chính»"), (url, stops[0])
        assert len(stops) > 20, (url, stops)
        hidden_focus = [stop["element"] for stop in stops if not stop["shows_focus"]]
        off_screen = [stop["element"] for stop in stops if not stop["on_screen"]]
        assert hidden_focus == [], f"{url}: the focus cannot be seen on " + ", ".join(hidden_focus)
        assert off_screen == [], f"{url}: the focus went out of sight to " + ", ".join(off_screen)

        # Back to the top: the skip link shows itself and moves the focus to the content.
        page.goto(portal["url"] + url)
        page.keyboard.press("Tab")
        expect(skip).to_be_focused()
        expect(skip).to_be_in_viewport()
        if url == "/":
            screenshot(page.locator(".site-header"), "a11y-skip-link-desktop.png")
        page.keyboard.press("Enter")
        expect(page.locator("#main")).to_be_focused()
        page.keyboard.press("Tab")
        assert page.evaluate("document.getElementById('main').contains(document.activeElement)"), url
    assert watch.errors == []


def test_the_main_menu_works_by_keyboard_on_a_desktop(portal, open_page):
    page, watch = open_page("desktop")
    page.goto(portal["url"] + "/")
    section = portal["sections"][1]
    menu = page.get_by_role("navigation", name="Menu chính")
    expect(menu.locator(".main-nav__toggle")).to_be_hidden()
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent") == section.title:
            break
    else:
        pytest.fail(f"the menu item {section.title!r} cannot be reached with Tab")
    page.keyboard.press("Enter")
    page.wait_for_url(f"**{section.url}")
    expect(page.get_by_role("heading", level=1)).to_have_text(section.title)
    assert watch.errors == []


def test_the_mobile_menu_opens_and_closes_by_keyboard(portal, open_page, screenshot):
    page, watch = open_page("mobile")
    page.goto(portal["url"] + "/")
    toggle = page.get_by_role("button", name="Danh mục")
    menu = page.locator("#main-menu")
    expect(menu).to_be_hidden()
    for _ in range(30):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('main-nav__toggle')"):
            break
    else:
        pytest.fail("the menu button cannot be reached with Tab")

    page.keyboard.press("Enter")
    expect(toggle).to_have_attribute("aria-expanded", "true")
    expect(menu).to_be_visible()
    page.keyboard.press("Tab")
    expect(menu.get_by_role("link", name="Trang chủ")).to_be_focused()
    page.keyboard.press("Tab")
    screenshot(page.locator(".main-nav"), "a11y-mobile-menu-open-360.png")
    page.keyboard.press("Escape")  # from inside the menu: closed, and the focus is back on the button
    expect(menu).to_be_hidden()
    expect(toggle).to_have_attribute("aria-expanded", "false")
    expect(toggle).to_be_focused()

    page.keyboard.press("Enter")
    expect(menu).to_be_visible()
    page.keyboard.press("Escape")  # on the button itself
    expect(menu).to_be_hidden()
    expect(toggle).to_be_focused()
    page.keyboard.press("Space")
    expect(menu).to_be_visible()
    page.keyboard.press("Space")
    expect(menu).to_be_hidden()
    assert watch.errors == []


def test_search_suggestions_by_arrow_keys_and_enter(portal, open_page):
    page, watch = open_page("desktop")
    page.goto(portal["url"] + "/")
    box = page.locator("#site-search-q")
    for _ in range(20):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "site-search-q":
            break
    else:
        pytest.fail("the search box cannot be reached with Tab")
    page.keyboard.type("nhãn lồng")
    options = page.locator("#site-search-q-suggestions [role=option]")
    expect(options.first).to_be_visible()
    expect(box).to_have_attribute("aria-expanded", "true")
    page.keyboard.press("ArrowDown")
    expect(options.first).to_have_attribute("aria-selected", "true")
    expect(box).to_have_attribute("aria-activedescendant", "site-search-q-suggestions-0")
    # The chosen option is marked by more than a pale background: a bar in the portal's red.
    assert options.first.evaluate("el => getComputedStyle(el).boxShadow") != "none"
    title = options.first.inner_text()
    page.keyboard.press("Enter")
    page.wait_for_url("**/kinh-te-xa-hoi/**")
    expect(page.get_by_role("heading", level=1)).to_have_text(title)

    # Escape closes the list and keeps the words; Enter then searches them.
    page.goto(portal["url"] + "/")
    box.focus()
    page.keyboard.type("hội nghị")
    expect(options.first).to_be_visible()
    page.keyboard.press("Escape")
    expect(page.locator("#site-search-q-suggestions")).to_be_hidden()
    expect(box).to_have_value("hội nghị")
    page.keyboard.press("Enter")
    page.wait_for_url("**/tim-kiem/?q=*")
    expect(page.locator(".search-hit").first).to_be_visible()
    assert watch.errors == []


def read_label(text: str | None) -> str | None:
    """A field's label as a person reads it, without the required mark."""
    return " ".join(text.replace("*", "").replace("(bắt buộc)", "").split()) if text is not None else None


def test_a_question_is_asked_with_the_keyboard_alone(portal, open_page, settings):
    """Tab, type, arrow keys in the list, Space on the check box, Enter on the button: a reference code."""
    from tests.browser.test_qa import solve

    add_questions()
    settings.LOA_QA_MIN_SECONDS = 0  # a keyboard in a test types faster than a person
    page, watch = open_page("desktop")
    page.goto(portal["url"] + "/hoi-dap/dat-cau-hoi/")

    def tab_to(label: str) -> None:
        for _ in range(80):
            page.keyboard.press("Tab")
            if read_label(page.evaluate("document.activeElement.labels?.[0]?.textContent ?? null")) == label:
                return
        pytest.fail(f"{label!r} cannot be reached with Tab")

    tab_to("Họ và tên")
    page.keyboard.type("Trần Văn Bình")
    page.keyboard.press("Tab")
    page.keyboard.press("Space")  # initials only
    expect(page.locator("#id_show_initials")).to_be_checked()
    tab_to("Thư điện tử (email)")
    page.keyboard.type("tranvanbinh@example.com")
    tab_to("Lĩnh vực")
    page.keyboard.press("ArrowDown")
    assert page.locator("#id_topic").input_value() != ""
    tab_to("Tiêu đề")
    page.keyboard.type("Hồ sơ cấp đổi giấy phép lái xe")
    page.keyboard.press("Tab")
    page.keyboard.type("Tôi muốn hỏi cấp đổi giấy phép lái xe hạng B2 sang hạng mới cần giấy tờ gì?")
    question = read_label(page.locator("label[for=id_captcha]").text_content())
    tab_to(question)
    page.keyboard.type(solve(question))
    page.keyboard.press("Tab")
    expect(page.get_by_role("button", name="Gửi câu hỏi")).to_be_focused()
    page.keyboard.press("Enter")
    page.wait_for_url("**/hoi-dap/da-gui/**")
    expect(page.locator(".qa-receipt__code")).to_have_text(re.compile(r"HD-\d{4}-\w+"))
    assert watch.errors == []
