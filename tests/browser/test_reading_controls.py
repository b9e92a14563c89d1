"""Text size (A-, A, A+) and high contrast in the header, as a reader uses them in Chromium.

The choice is kept in the browser (localStorage) and put on <html> by a script in <head>
(loa/static/loa/js/reading.js), because every reader gets the same cached HTML. What a
reader must see: the text grows at once and stays grown on the next page and after a
reload, from the first paint on; the high-contrast colours reach 7:1 everywhere they are
measured; the controls answer the keyboard; nothing is blocked by the Content-Security-Policy.
Screenshots of each mode on a phone and a desktop go to var/screenshots/reading-*.png.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import DEVICES

# axe-core as `make install-dev` installs it (tests/browser/test_accessibility.py runs it on every page type).
AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
CONTRAST_RULES = ["color-contrast-enhanced", "color-contrast", "link-in-text-block"]

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

LARGER, SMALLER, NORMAL, CONTRAST = "Tăng cỡ chữ", "Giảm cỡ chữ", "Cỡ chữ mặc định", "Chế độ tương phản cao"

# Installed before any page script: what <html> carried when <body> first appeared (nothing of
# the page can have been painted before that) and at DOMContentLoaded, and any CSP violation.
WATCH_FIRST_PAINT = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__violations.push(`${e.effectiveDirective} blocked ${e.blockedURI || "inline"}`);
});
window.__classAtBody = null;
window.__classAtReady = null;
new MutationObserver((records, observer) => {
  if (document.body) {
    window.__classAtBody = document.documentElement.className;
    observer.disconnect();
  }
}).observe(document, { childList: true, subtree: true });
document.addEventListener("DOMContentLoaded", () => {
  window.__classAtReady = document.documentElement.className;
});
"""

# WCAG's contrast ratio between an element's text colour and the first opaque background behind it.
CONTRAST_RATIO = """
(element) => {
  const parse = (colour) => {
    const parts = colour.match(/[\\d.]+/g).map(Number);
    return { rgb: parts.slice(0, 3), alpha: parts.length > 3 ? parts[3] : 1 };
  };
  const luminance = ({ rgb }) => {
    const [r, g, b] = rgb.map((v) => {
      v /= 255;
      return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  let background = { rgb: [255, 255, 255], alpha: 1 };
  for (let e = element; e; e = e.parentElement) {
    const colour = parse(getComputedStyle(e).backgroundColor);
    if (colour.alpha > 0) { background = colour; break; }
  }
  const text = luminance(parse(getComputedStyle(element).color));
  const [light, dark] = [text, luminance(background)].sort((a, b) => b - a);
  return (light + 0.05) / (dark + 0.05);
}
"""

# What the high-contrast mode must make readable: body text, links, header, menu, sidebar, forms, footer.
MEASURED = {
    "article text": ".article__body p",
    "article meta": ".article__meta",
    "breadcrumb link": ".breadcrumbs a",
    "date in the header": ".today",
    "search box": "#site-search-q",
    "search button": ".site-search button",
    "agency name": ".brand__name",
    "menu link": ".main-nav__list a",
    "current menu item": ".main-nav__list a[aria-current]",
    "sidebar title": ".box__title",
    "visit count": ".counter dd",
    "visit counter": ".counter dt",
    "rating question": ".rating__title",
    "rating option": ".rating__option label",
    "footer text": ".site-footer p",
    "footer link": ".site-footer a",
}


def font_size(page: Any, selector: str) -> float:
    return page.locator(selector).first.evaluate("e => parseFloat(getComputedStyle(e).fontSize)")


def html_classes(page: Any) -> set[str]:
    return set((page.locator("html").get_attribute("class") or "").split())


def first_paint_classes(page: Any) -> tuple[set[str], set[str]]:
    page.wait_for_load_state("domcontentloaded")
    at_body, at_ready = page.evaluate("() => [window.__classAtBody, window.__classAtReady]")
    assert at_ready is not None
    return set((at_body or "").split()), set(at_ready.split())


def scroll_width(page: Any) -> int:
    return page.evaluate("document.documentElement.scrollWidth")


def reader(open_page, device: str = "desktop") -> tuple[Any, Any]:
    page, watch = open_page(device)
    page.add_init_script(WATCH_FIRST_PAINT)
    return page, watch


def no_trouble(page: Any, watch: Any) -> None:
    assert page.evaluate("window.__violations") == []
    assert watch.errors == []


def test_larger_text_stays_on_the_next_page_and_after_a_reload_from_the_first_paint(portal, open_page):
    article, home = portal["articles"][0], portal["url"] + "/"
    page, watch = reader(open_page)
    page.goto(portal["url"] + article.url)
    controls = page.get_by_role("group", name="Cỡ chữ và độ tương phản")
    expect(controls).to_be_visible()
    text = ".article__body p"
    normal = font_size(page, text)
    expect(controls.get_by_role("button", name=NORMAL)).to_have_attribute("aria-pressed", "true")

    controls.get_by_role("button", name=LARGER).click()
    controls.get_by_role("button", name=LARGER).click()

    assert font_size(page, text) == pytest.approx(normal * 1.25, abs=0.1)
    assert "text-larger" in html_classes(page)
    expect(controls.get_by_role("button", name=NORMAL)).to_have_attribute("aria-pressed", "false")
    expect(page.get_by_role("status")).to_have_text("Cỡ chữ 125%")
    # The whole layout follows the root size: headings and the header's own text too.
    assert font_size(page, ".article__title") > 1.9 * 16 * 1.2

    page.reload()
    at_body, at_ready = first_paint_classes(page)
    assert "text-larger" in at_body and "text-larger" in at_ready
    assert font_size(page, text) == pytest.approx(normal * 1.25, abs=0.1)
    expect(page.get_by_role("button", name=NORMAL)).to_have_attribute("aria-pressed", "false")

    page.goto(home)
    at_body, _ = first_paint_classes(page)
    assert "text-larger" in at_body
    assert font_size(page, ".card__title") == pytest.approx(16 * 1.35 * 1.25, abs=0.2)  # featured card title

    page.get_by_role("link", name=article.title).first.click()
    page.wait_for_url(f"**{article.url}")
    assert "text-larger" in first_paint_classes(page)[0]

    page.get_by_role("button", name=NORMAL).click()

    assert font_size(page, text) == pytest.approx(normal, abs=0.1)
    assert not {"text-smaller", "text-large", "text-larger", "text-largest"} & html_classes(page)
    expect(page.get_by_role("button", name=NORMAL)).to_have_attribute("aria-pressed", "true")
    assert page.evaluate("localStorage.getItem('loa-text-size')") is None
    page.reload()
    assert font_size(page, text) == pytest.approx(normal, abs=0.1)
    no_trouble(page, watch)


def test_sizes_stop_at_both_ends(portal, open_page):
    page, watch = reader(open_page)
    page.goto(portal["url"] + portal["articles"][0].url)
    larger, smaller = page.get_by_role("button", name=LARGER), page.get_by_role("button", name=SMALLER)
    for _ in range(3):
        larger.click()
    assert "text-largest" in html_classes(page)
    assert page.evaluate("getComputedStyle(document.documentElement).fontSize") == "24px"  # 150 %
    expect(larger).to_have_attribute("aria-disabled", "true")
    larger.click(force=True)  # one more press changes nothing
    assert "text-largest" in html_classes(page)
    for _ in range(4):
        smaller.click()
    assert "text-smaller" in html_classes(page)
    assert page.evaluate("getComputedStyle(document.documentElement).fontSize") == "14px"  # 87.5 %
    expect(smaller).to_have_attribute("aria-disabled", "true")
    expect(larger).to_have_attribute("aria-disabled", "false")
    no_trouble(page, watch)


def test_high_contrast_reaches_seven_to_one_and_stays_across_pages(portal, open_page):
    article = portal["articles"][0]
    page, watch = reader(open_page)
    page.goto(portal["url"] + article.url)
    toggle = page.get_by_role("button", name=CONTRAST)
    expect(toggle).to_have_attribute("aria-pressed", "false")

    toggle.click()

    expect(toggle).to_have_attribute("aria-pressed", "true")
    assert "high-contrast" in html_classes(page)
    ratios = {}
    for name, selector in MEASURED.items():
        target = page.locator(selector).first
        assert target.count(), f"nothing to measure for {name} ({selector})"
        ratios[name] = round(target.evaluate(CONTRAST_RATIO), 2)
    assert min(ratios.values()) >= 7, ratios
    # Links are yellow, text white, and links are told apart by more than colour.
    link = page.locator(".breadcrumbs a").first
    assert link.evaluate("e => getComputedStyle(e).color") == "rgb(255, 255, 0)"
    assert page.locator(".article__body p").first.evaluate("e => getComputedStyle(e).color") == "rgb(255, 255, 255)"
    assert page.locator(".main-nav__list a").first.evaluate("e => getComputedStyle(e).textDecorationLine") == (
        "underline"
    )
    # Photos are still shown, unaltered.
    photo = page.locator(".article picture img").first
    assert photo.evaluate("e => e.complete && e.naturalWidth > 0")
    assert photo.evaluate("e => getComputedStyle(e).opacity") == "1"
    assert photo.evaluate("e => getComputedStyle(e).filter") == "none"
    expect(photo).to_be_visible()

    page.goto(portal["url"] + "/")
    assert "high-contrast" in first_paint_classes(page)[0]
    expect(page.get_by_role("button", name=CONTRAST)).to_have_attribute("aria-pressed", "true")
    assert page.locator(".card__title a").first.evaluate(CONTRAST_RATIO) >= 7

    page.get_by_role("button", name=CONTRAST).click()

    assert "high-contrast" not in html_classes(page)
    page.reload()
    assert "high-contrast" not in first_paint_classes(page)[0]
    no_trouble(page, watch)


def test_the_controls_answer_the_keyboard(portal, open_page):
    page, watch = reader(open_page)
    page.goto(portal["url"] + portal["articles"][0].url)
    smaller = page.get_by_role("button", name=SMALLER)
    for _ in range(12):  # skip link, language switch, then the controls
        page.keyboard.press("Tab")
        if smaller.evaluate("e => e === document.activeElement"):
            break
    expect(smaller).to_be_focused()
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"  # the focus is visible
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    expect(page.get_by_role("button", name=LARGER)).to_be_focused()

    page.keyboard.press("Enter")
    assert "text-large" in html_classes(page)
    page.keyboard.press("Tab")
    page.keyboard.press("Space")
    assert "high-contrast" in html_classes(page)
    assert page.evaluate("getComputedStyle(document.activeElement).outlineColor") == "rgb(0, 255, 255)"
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Enter")  # A: the default size
    assert "text-large" not in html_classes(page)
    no_trouble(page, watch)


def test_blocked_storage_leaves_the_controls_working_on_the_page(portal, open_page):
    page, watch = reader(open_page)
    page.add_init_script(
        "Object.defineProperty(window, 'localStorage', "
        "{ get() { throw new DOMException('The operation is insecure.', 'SecurityError'); } });"
    )
    page.goto(portal["url"] + portal["articles"][0].url)
    page.get_by_role("button", name=LARGER).click()
    page.get_by_role("button", name=CONTRAST).click()
    assert {"text-large", "high-contrast"} <= html_classes(page)
    page.reload()
    assert not {"text-large", "high-contrast"} & html_classes(page)
    no_trouble(page, watch)


def test_without_javascript_the_controls_are_not_shown(portal, browser):
    context = browser.new_context(java_script_enabled=False, locale="vi-VN", **DEVICES["desktop"])
    try:
        page = context.new_page()
        page.goto(portal["url"] + "/")
        expect(page.locator(".reading-controls")).to_be_attached()
        expect(page.locator(".reading-controls")).to_be_hidden()
        expect(page.locator(".site-search")).to_be_visible()
    finally:
        context.close()


@pytest.mark.parametrize("device", ["mobile", "desktop"])
def test_largest_text_and_high_contrast_keep_the_layout(portal, open_page, screenshot, device):
    """Screenshots for people to look at; the checks are what breaks a layout: sideways scrolling, hidden menus."""
    page, watch = reader(open_page, device)
    width = DEVICES[device]["viewport"]["width"]
    article = portal["url"] + portal["articles"][0].url
    page.goto(portal["url"] + "/")
    for _ in range(3):
        page.get_by_role("button", name=LARGER).click()
    assert "text-largest" in html_classes(page)
    assert scroll_width(page) <= width
    screenshot(page, f"reading-home-{device}-150.png")
    if device == "mobile":
        page.get_by_role("button", name="Danh mục").click()
        expect(page.locator(".main-nav__list")).to_be_visible()
        assert scroll_width(page) <= width
        screenshot(page, f"reading-home-{device}-150-menu.png")
        page.get_by_role("button", name="Danh mục").click()
    else:
        last = page.locator(".main-nav__list a").last
        expect(last).to_be_visible()
        box = last.bounding_box()
        assert box is not None and box["x"] + box["width"] <= width
    page.goto(article)
    assert scroll_width(page) <= width
    screenshot(page, f"reading-article-{device}-150.png")

    page.get_by_role("button", name=NORMAL).click()
    page.get_by_role("button", name=CONTRAST).click()
    assert scroll_width(page) <= width
    screenshot(page, f"reading-article-{device}-contrast.png")
    page.goto(portal["url"] + "/")
    screenshot(page, f"reading-home-{device}-contrast.png")
    no_trouble(page, watch)


@pytest.mark.parametrize("device", ["mobile", "desktop"])
def test_axe_finds_every_text_at_seven_to_one_in_high_contrast(portal, browser, device):
    """axe-core's AAA contrast rule (color-contrast-enhanced) over whole pages, not just the samples above."""
    if not AXE.is_file():
        pytest.skip("axe-core is not installed (make install-dev, with npm)")
    # bypass_csp: only so that axe itself can be injected; the page's own code runs as ever.
    context = browser.new_context(bypass_csp=True, locale="vi-VN", **DEVICES[device])
    context.add_init_script(
        "localStorage.setItem('loa-contrast', 'high'); localStorage.setItem('loa-text-size', 'text-large');"
    )
    try:
        page = context.new_page()
        found = {}
        for path in ("/", portal["articles"][0].url, portal["sections"][1].url):
            page.goto(portal["url"] + path)
            assert "high-contrast" in html_classes(page)
            page.add_script_tag(path=str(AXE))
            result = page.evaluate(
                """(rules) => axe.run(document, {runOnly: {type: "rule", values: rules}, resultTypes: ["violations"]})
                   .then(r => r.violations.map(v => v.id + ": " + v.nodes.map(n => n.target.join(" ")).join(", ")))""",
                CONTRAST_RULES,
            )
            if result:
                found[path] = result
        assert found == {}
    finally:
        context.close()
