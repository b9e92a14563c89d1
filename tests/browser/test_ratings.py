"""A reader rates an article: with the mouse, with the keyboard alone, on a phone, and without JavaScript."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import SCREENSHOTS

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

QUESTION = "Thông tin này có hữu ích với bạn không?"
READER_UA = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Firefox/132.0"


def ratings():
    from loa.ratings.models import PageRating

    return list(PageRating.objects.order_by("pk").values_list("page_id", "rating", "comment"))


def test_a_reader_rates_an_article_and_finds_it_remembered(portal, open_page, screenshot):
    article = portal["articles"][0]
    page, watch = open_page("desktop")
    page.goto(portal["url"] + article.url)
    widget = page.locator("section.rating")
    expect(widget.get_by_role("heading", name=QUESTION)).to_be_visible()
    widget.scroll_into_view_if_needed()
    screenshot(widget, "ratings-widget-desktop.png")

    widget.get_by_label("4 Hữu ích", exact=True).check()
    box = widget.get_by_label("Góp ý thêm (không bắt buộc)")
    box.fill("Bài viết đầy đủ, mong có thêm ảnh.")
    expect(widget.locator("[data-rating-counter]")).to_have_text("Đã nhập 34/1.000 ký tự.")
    widget.get_by_role("button", name="Gửi đánh giá").click()

    expect(widget.get_by_role("status")).to_have_text("Đã gửi đánh giá.")
    expect(widget.locator("[data-rating-done]")).to_contain_text("Cảm ơn bạn đã đánh giá! Mức bạn chọn: 4 – Hữu ích.")
    expect(widget.locator("form")).to_be_hidden()
    screenshot(widget, "ratings-thanks-desktop.png")
    assert ratings() == [(article.pk, 4, "Bài viết đầy đủ, mong có thêm ảnh.")]

    page.reload()
    expect(widget.locator("[data-rating-done]")).to_contain_text(
        "Bạn đã đánh giá trang này. Mức bạn chọn: 4 – Hữu ích."
    )
    expect(widget.locator("form")).to_be_hidden()

    # Changing one's mind replaces the rating rather than adding one.
    widget.get_by_role("button", name="Đánh giá lại").click()
    expect(widget.get_by_label("4 Hữu ích", exact=True)).to_be_checked()
    widget.get_by_label("5 Rất hữu ích").check()
    widget.get_by_role("button", name="Gửi đánh giá").click()
    expect(widget.get_by_role("status")).to_have_text("Đã gửi đánh giá.")
    assert [row[1] for row in ratings()] == [5]
    assert watch.errors == []


def test_keyboard_only_rating_on_a_phone(portal, open_page, screenshot):
    article = portal["articles"][1]
    page, watch = open_page("mobile")
    page.goto(portal["url"] + article.url)
    for _ in range(80):  # Tab through the page as a keyboard user does, to the rating's choices
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.name") == "rating":
            break
    else:
        pytest.fail("the rating choices cannot be reached with Tab")
    # Without a choice yet, the submit button says what is missing.
    page.keyboard.press("Tab")  # to the comment box
    page.keyboard.type("Nên ghi rõ giờ tiếp công dân.")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    widget = page.locator("section.rating")
    expect(widget.get_by_role("status")).to_have_text("Bạn chưa chọn mức đánh giá.")
    expect(widget.locator("#danh-gia-loi-muc")).to_have_text("Vui lòng chọn một mức từ 1 đến 5.")
    expect(widget.get_by_label("1 Không hữu ích")).to_be_focused()
    screenshot(widget, "ratings-error-360.png")

    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")  # 3
    expect(widget.get_by_label("3 Tương đối hữu ích")).to_be_checked()
    expect(widget.locator("#danh-gia-loi-muc")).to_be_hidden()
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    expect(widget.get_by_role("status")).to_have_text("Đã gửi đánh giá.")
    expect(widget.locator("[data-rating-done]")).to_be_focused()
    assert ratings() == [(article.pk, 3, "Nên ghi rõ giờ tiếp công dân.")]
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    screenshot(page, "ratings-article-360.png")
    assert watch.errors == []


def test_without_javascript_the_form_still_works(portal, browser):
    article = portal["articles"][2]
    context = browser.new_context(
        locale="vi-VN", java_script_enabled=False, viewport={"width": 1280, "height": 900}, user_agent=READER_UA
    )
    context.set_default_timeout(15_000)
    try:
        page = context.new_page()
        page.goto(portal["url"] + article.url)
        widget = page.locator("section.rating")
        expect(widget.locator("#danh-gia-cam-on")).to_be_hidden()
        widget.get_by_label("2 Ít hữu ích").check()
        widget.get_by_label("Góp ý thêm (không bắt buộc)").fill("Thiếu thông tin về thời gian.")
        widget.get_by_role("button", name="Gửi đánh giá").click()
        page.wait_for_url("**#danh-gia-cam-on")
        expect(widget.locator("#danh-gia-cam-on")).to_be_visible()
        expect(widget.locator("form")).to_be_hidden()
        # Not the screenshot fixture: it scrolls with a script, and scripts are off here.
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        widget.screenshot(path=str(SCREENSHOTS / "ratings-thanks-no-js.png"))
        assert ratings() == [(article.pk, 2, "Thiếu thông tin về thời gian.")]
    finally:
        context.close()


def test_a_leader_reads_the_report(portal, open_page, screenshot, django_user_model):
    from django.contrib.auth.models import Group
    from django.utils import timezone

    from loa.ratings import demo

    demo.load_demo(portal["sections"][0].get_parent(), timezone.now())
    user = django_user_model.objects.create_user("lanhdao", "lanhdao@example.invalid", "mat-khau-123")
    user.groups.add(Group.objects.get(name="Lãnh đạo duyệt"))
    page, watch = open_page("desktop")
    page.goto(portal["url"] + "/admin/login/")
    page.locator("#id_username").fill("lanhdao")
    page.locator("#id_password").fill("mat-khau-123")
    page.get_by_role("button", name="Đăng nhập", exact=True).click()
    page.wait_for_url(portal["url"] + "/admin/")
    page.goto(portal["url"] + "/admin/ratings/report/?order=worst")
    expect(page.locator("#table-sections")).to_be_visible()
    expect(page.locator("[data-summary=count] strong")).not_to_have_text("0")
    screenshot(page, "ratings-report.png")
    screenshot(page.locator("section[aria-labelledby=table-pages]"), "ratings-report-pages.png")
    assert watch.errors == []
