"""The newsroom's path through Wagtail's admin in Chromium, in Vietnamese, as its people walk it.

A reporter of "Kinh tế" signs in through the login form, finds the section
in the page explorer, writes an article with a photo uploaded through the
image chooser, a paragraph and an author, and submits it (Gửi duyệt). The
section's editor finds it waiting on the dashboard and passes it on with a
comment; a leader (Lãnh đạo duyệt) approves it, which publishes it, and looks
at its history. A reader then opens it on the portal.

Every screen on the way is photographed into var/screenshots/editor-path-*.png
and read for English: a visible word of the English catalogues (Wagtail's,
Django's, Loa's own source strings) is a missing translation. All screens
are read before the test says what it found, so one run lists them all.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from loa.core.text import vn_slugify

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "var" / "screenshots"
PASSWORD = "Hung-Yen-2025!"

TITLE = "Doanh nghiệp nhỏ tăng tốc chuyển đổi số"
SAPO = "Nhiều doanh nghiệp nhỏ trong tỉnh đã đưa hóa đơn điện tử vào sử dụng từ đầu năm."
PARAGRAPH = "Sáng nay, Sở Tài chính tổ chức tập huấn hóa đơn điện tử cho hơn hai trăm doanh nghiệp."
PHOTO_TITLE = "Tập huấn hóa đơn điện tử"
PHOTO_ALT = "Cán bộ thuế hướng dẫn hộ kinh doanh dùng hóa đơn điện tử"
CAPTION = "Quang cảnh buổi tập huấn"
EDITOR_COMMENT = "Đã biên tập, đề nghị lãnh đạo duyệt."

# --- The English detector -----------------------------------------------------------------------

#: Proper names that the catalogues also use as words.
PROPER_NAMES = {
    "wagtail",  # the CMS: "Đăng nhập vào Wagtail", "Hướng dẫn biên tập Wagtail 8.0.1"
    "django",
    "draftail",  # Wagtail's rich text editor
    "loa",  # this project
    "youtube",  # in Loa's help text for embedded videos
    "facebook",
}

#: Vietnamese syllables without diacritics that are spelled like a word of the catalogues.
VIETNAMESE_SYLLABLES = {
    # "thu" as in "Thu gọn tất cả" (collapse all), "Bản đồ thu nhỏ" (minimap), and the reporter's
    # given name "Thu"; Django's catalogue has "Thu" (Thursday). Other such syllables ("can",
    # "may", "long", "the") do not show on this path; "tin", "con", "ban" are in no catalogue.
    "thu",
}

#: Words Vietnamese has borrowed, written as Loa's translations write them.
LOANWORDS = {
    "web",  # "trang web", locale/admin/GLOSSARY.md's word for "site" ("Tổng quan trang web")
    "video",  # the glossary keeps it ("video = video"): Loa's blocks "Video", "Video nhúng"
    # Not in the glossary, but what Vietnamese software says: "Menu chính" (aria-label of the
    # sidebar), "(2 mục mới trong menu này)"; "trình đơn" would be the purist's word.
    "menu",
    "sapo",  # the lead paragraph, as Vietnamese newsrooms call it: "Sapo (tóm tắt)" (Loa's "sapo (lead)")
}

#: File formats and protocols, written the same in Vietnamese ("ảnh JPG", "tệp PDF", "tin RSS").
FORMATS = {"jpg", "jpeg", "png", "gif", "webp", "avif", "pdf", "doc", "docx", "xlsx", "csv", "rss", "xml", "json"}

ALLOWED = PROPER_NAMES | VIETNAMESE_SYLLABLES | LOANWORDS | FORMATS

# Loa's own English source strings: gettext calls in Python, {% trans %} and {% blocktrans %} in templates.
GETTEXT_CALL = re.compile(
    r"\b(?:_|gettext(?:_lazy)?|pgettext(?:_lazy)?|ngettext(?:_lazy)?)\(\s*(?:\"[^\"]*\"\s*,\s*)?\"((?:[^\"\\]|\\.)*)\""
)
TEMPLATE_TRANS = re.compile(
    r"{%\s*(?:trans|translate)\s+\"([^\"]*)\"|{%\s*blocktrans(?:late)?\b[^%]*%}(.*?){%\s*endblocktrans(?:late)?\s*%}",
    re.S,
)


def loa_source_strings() -> list[str]:
    """Loa's English msgids (those with Vietnamese letters in them are not English and are left out)."""
    package = ROOT / "loa"
    texts: list[str] = []
    for path in package.rglob("*.py"):
        if not {"tests", "migrations"} & set(path.relative_to(package).parts):
            texts += [match.group(1) for match in GETTEXT_CALL.finditer(path.read_text(encoding="utf-8"))]
    for path in package.rglob("*.html"):
        texts += [a or b for a, b in TEMPLATE_TRANS.findall(path.read_text(encoding="utf-8"))]
    return [text for text in texts if not any(c.isalpha() and not c.isascii() for c in text)]


@cache
def english_words() -> frozenset[str]:
    """Every word of 3 letters or more of the English msgids an editor can meet, lower-cased."""
    from loa.core.catalogue import source_strings

    texts = [text for string in source_strings() for text in (string.msgid, string.msgid_plural or "")]
    texts += loa_source_strings()
    words = {word.lower() for text in texts for word in re.findall(r"[A-Za-z]+", text) if len(word) >= 3}
    return frozenset(words - ALLOWED)


def english_in(parts: list[tuple[str, str]]) -> list[str]:
    """Each line with English in it, as "word, word in «line» (where)", once each."""
    english = english_words()
    found: dict[str, None] = {}
    for text, where in parts:
        for line in text.splitlines():
            words = dict.fromkeys(
                token
                for token in re.findall(r"\w+", line)
                if token.isascii() and token.isalpha() and token.lower() in english
            )
            if words:
                found[f"{', '.join(words)} in «{line.strip()[:160]}»" + (f" ({where})" if where else "")] = None
    return list(found)


#: What a person reads: the tab's title, the rendered text, and the attributes of visible elements
#: that show as text (placeholders, tooltips) or are read out (aria-label), each with where it is.
VISIBLE_TEXT_JS = """() => {
    const parts = [[document.title, "tab title"], [document.body.innerText, ""]];
    const names = ["placeholder", "title", "aria-label", "data-w-tooltip-content-value"];
    for (const el of document.body.querySelectorAll(names.map((name) => `[${name}]`).join(","))) {
        if (!el.checkVisibility({visibilityProperty: true})) continue;
        const cls = typeof el.className === "string" ? el.className.trim().split(/\\s+/)[0] : "";
        const what = el.tagName.toLowerCase() + (el.id ? `#${el.id}` : "") + (cls ? `.${cls}` : "");
        for (const name of names) {
            const value = el.getAttribute(name);
            if (value) parts.push([value, `${name} of ${what}`]);
        }
    }
    return parts;
}"""

#: Modals fade and dropdowns slide: wait for such transitions to end (not for the long decorative
#: animations, such as the pulse of the help menu's badge).
TRANSITIONS_DONE_JS = """() => Promise.all(document.getAnimations()
    .filter((a) => a.playState === "running" && a.effect && a.effect.getComputedTiming().endTime <= 2000)
    .map((a) => a.finished.catch(() => null))).then(() => true)"""


@dataclass
class Screens:
    """The screens of the path: a screenshot of each and the English read on it."""

    prefix: str = "editor-path"
    names: list[str] = field(default_factory=list)
    findings: dict[str, list[str]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        for old in SCREENSHOTS.glob(f"{self.prefix}-*.png"):
            old.unlink()

    def check(self, page: Any, name: str) -> None:
        page.evaluate(TRANSITIONS_DONE_JS)
        self.names.append(name)
        path = SCREENSHOTS / f"{self.prefix}-{len(self.names):02d}-{vn_slugify(name)}.png"
        page.screenshot(path=str(path))
        if found := english_in([tuple(part) for part in page.evaluate(VISIBLE_TEXT_JS)]):
            self.findings[name] = found

    def report(self) -> str:
        return "\n".join(
            f"{name}:\n" + "\n".join(f"    {line}" for line in lines) for name, lines in self.findings.items()
        )


# --- What may go wrong in the console, and why ---------------------------------------------------

CONSOLE_400 = "console error: Failed to load resource: the server responded with a status of 400 (Bad Request) at {}"
AUTOSAVE_URL = re.compile(r"/admin/pages/\d+/edit/$")
# The browser cancels the editor's background requests (autosave, the editing-session ping) when
# the page navigates away, e.g. on "Gửi duyệt": Chromium reports them as failed requests.
ABORTED_BACKGROUND = re.compile(
    r"^request failed: \S+/admin/(editing-sessions/\S+|pages/\d+/edit/) \(net::ERR_ABORTED\)$"
)


@dataclass
class Autosave:
    """Autosaves that Wagtail answered 400 "validation_error".

    Wagtail autosaves the form half a second after each change. Between "Thêm Tác giả" (a new,
    empty author row, required) and choosing the author in the chooser, the form is invalid: the
    server answers 400 with {"error_code": "validation_error"}, the indicator shows "Tự động lưu
    đang tạm dừng", and Chromium logs the 400 as a console error. That is Wagtail's design, not a
    fault; any other 400 is.
    """

    rejected: set[str] = field(default_factory=set)

    def attach(self, page: Any) -> None:
        page.on("response", self._on_response)

    def _on_response(self, response: Any) -> None:
        if response.status != 400 or response.request.method != "POST" or not AUTOSAVE_URL.search(response.url):
            return
        try:
            answer = response.json()
        except Exception:
            return
        if answer.get("error_code") == "validation_error":
            self.rejected.add(response.url)

    def unexplained(self, errors: list[str]) -> list[str]:
        explained = set()
        for url in self.rejected:
            explained.add(f"HTTP 400 for {url}")
            explained.add(CONSOLE_400.format(url))
        return [error for error in errors if error not in explained and not ABORTED_BACKGROUND.match(error)]


# --- The newsroom -------------------------------------------------------------------------------


@pytest.fixture
def newsroom(live_server, django_user_model) -> dict[str, Any]:
    from django.contrib.auth.models import Group

    from loa.core.testing import make_section
    from loa.news.models import Author
    from loa.newsroom import roles

    economy = make_section("Kinh tế")

    def person(username: str, first_name: str, last_name: str, *groups: str):
        user = django_user_model.objects.create_user(
            username, f"{username}@hungyen.gov.vn", PASSWORD, first_name=first_name, last_name=last_name
        )
        user.groups.set(Group.objects.filter(name__in=groups))
        assert user.groups.count() == len(groups), groups
        return user

    return {
        "url": live_server.url,
        "section": economy,
        "author": Author.objects.create(name="Hoàng Anh", unit="Trung tâm Văn hóa và Truyền thanh thành phố"),
        "reporter": person(
            "pv.kinhte", "Thu", "Nguyễn Minh", roles.REPORTER, roles.section_group_name(roles.REPORTER, economy.title)
        ),
        "editor": person(
            "btv.kinhte", "Hùng", "Trần Văn", roles.EDITOR, roles.section_group_name(roles.EDITOR, economy.title)
        ),
        "approver": person("lanhdao", "Lan", "Phạm Thị", roles.APPROVER),
    }


@pytest.fixture
def photo(tmp_path) -> Path:
    """A 1200×800 JPEG on disk, as a reporter's camera hands it over (a few coloured shapes)."""
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (1200, 800), "#1d5c96")
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 520, 1200, 800), fill="#2f7d32")
    draw.ellipse((880, 80, 1040, 240), fill="#f0c419")
    draw.rectangle((200, 360, 560, 600), fill="#b23a2a")
    path = tmp_path / "tap-huan-hoa-don-dien-tu.jpg"
    image.save(path, "JPEG", quality=85)
    return path


# --- The steps ----------------------------------------------------------------------------------


MODAL = ".modal.in[role=dialog]"  # Wagtail's chooser and workflow action modals


def log_in(page: Any, screens: Screens, url: str, who: str, user: Any) -> None:
    page.goto(url + "/admin/")
    page.wait_for_url(re.compile(r"/admin/login/\?next=/admin/$"))
    expect(page.locator("form.login-form")).to_be_visible()
    screens.check(page, f"đăng nhập ({who})")
    page.locator("#id_username").press_sequentially(user.username)
    page.locator("#id_password").press_sequentially(PASSWORD)
    page.get_by_role("button", name="Đăng nhập", exact=True).click()
    page.wait_for_url(url + "/admin/")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    screens.check(page, f"bảng điều khiển ({who})")


def log_out(page: Any, screens: Screens, who: str, user: Any) -> None:
    sidebar = page.get_by_role("complementary", name="Thanh bên")
    sidebar.get_by_role("button", name=user.first_name, exact=True).click()
    logout = sidebar.get_by_role("button", name="Đăng xuất")
    expect(logout).to_be_visible()
    screens.check(page, f"trình đơn tài khoản ({who})")
    logout.click()
    page.wait_for_url("**/admin/login/")
    expect(page.locator("form.login-form")).to_be_visible()
    screens.check(page, f"đã đăng xuất ({who})")


def open_action_menu(page: Any) -> Any:
    """The editing form's footer: "Lưu bản nháp" and, behind the arrow, the other actions."""
    footer = page.get_by_role("navigation", name="Thao tác (chân trang)")
    footer.get_by_role("button", name="Thao tác khác").click()
    return footer


def current_step(article: Any) -> str | None:
    from wagtail.models import WorkflowState

    state = WorkflowState.objects.filter(object_id=str(article.pk), status=WorkflowState.STATUS_IN_PROGRESS).first()
    return state.current_task_state.task.name if state else None


def test_reporter_editor_and_leader_publish_an_article(newsroom, photo, open_page):
    from wagtail.images.models import Image
    from wagtail.models import TaskState

    from loa.news.models import ArticlePage

    url, section, author = newsroom["url"], newsroom["section"], newsroom["author"]
    screens = Screens()
    autosave = Autosave()
    watches = []

    def new_person() -> Any:
        page, watch = open_page("desktop")
        autosave.attach(page)
        watches.append(watch)
        return page

    # The reporter: from the dashboard through the page explorer to the section.
    page = new_person()
    log_in(page, screens, url, "phóng viên", newsroom["reporter"])
    page.get_by_role("button", name="Trang", exact=True).click()
    explorer = page.get_by_role("dialog", name="Cây trang")
    expect(explorer.get_by_role("link", name=section.title)).to_be_visible()
    screens.check(page, "cây trang")
    explorer.get_by_role("link", name=section.title).click()
    page.wait_for_url(f"**/admin/pages/{section.pk}/")
    screens.check(page, "chuyên mục Kinh tế")

    # A new article.
    page.get_by_role("link", name="Thêm trang con").first.click()
    page.wait_for_url(f"**/admin/pages/{section.pk}/add_subpage/")
    screens.check(page, "chọn loại trang")
    page.get_by_role("link", name="Tin bài", exact=True).click()
    page.wait_for_url(f"**/admin/pages/add/loa_news/articlepage/{section.pk}/")
    expect(page.locator("#id_title")).to_be_visible()
    screens.check(page, "thêm tin bài")
    page.locator("#id_title").fill(TITLE)
    page.locator("#id_sapo").fill(SAPO)

    # The photo, uploaded in the image chooser.
    page.get_by_role("button", name="Chọn một ảnh").click()
    modal = page.locator(MODAL)
    upload_tab = modal.get_by_role("tab", name="Tải lên")
    expect(upload_tab).to_be_visible()
    screens.check(page, "hộp chọn ảnh")
    upload_tab.click()
    file_input = modal.locator("input[type=file]")
    expect(file_input).to_be_visible()
    screens.check(page, "hộp chọn ảnh – tải lên")
    file_input.set_input_files(str(photo))
    photo_title = modal.locator("#id_image-chooser-upload-title")
    expect(photo_title).to_have_value("tap-huan-hoa-don-dien-tu")  # filled from the file's name
    photo_title.fill(PHOTO_TITLE)
    # The alt text, which the upload requires (loa.core.image_forms).
    modal.locator("#id_image-chooser-upload-description").fill(PHOTO_ALT)
    modal.get_by_role("button", name="Tải lên", exact=True).click()
    expect(page.locator(".modal, .modal-backdrop")).to_have_count(0)
    expect(page.locator("#id_main_image-title")).to_have_text(PHOTO_TITLE)
    screens.check(page, "đã chọn ảnh")
    page.locator("#id_main_image_caption").fill(CAPTION)

    # A paragraph of body text.
    page.get_by_role("button", name="Chèn khối").click()
    paragraph = page.get_by_role("option", name="Đoạn văn")
    expect(paragraph).to_be_visible()
    screens.check(page, "chọn khối nội dung")
    paragraph.click()
    text = page.locator("[data-contentpath=body] [contenteditable=true]")
    expect(text).to_be_focused()
    text.press_sequentially(PARAGRAPH)

    # The author, from the snippet chooser.
    page.get_by_role("button", name=re.compile(r"^Thêm tác giả$", re.IGNORECASE)).click()
    page.get_by_role("button", name="Chọn tác giả").click()
    author_link = modal.get_by_role("link", name=author.name)
    expect(author_link).to_be_visible()
    screens.check(page, "hộp chọn tác giả")
    author_link.click()
    expect(page.locator(".modal, .modal-backdrop")).to_have_count(0)
    expect(page.locator("#id_article_authors-0-author-title")).to_have_text(str(author))
    screens.check(page, "tin bài đã soạn")

    # Submit it to the workflow from the footer's action menu.
    footer = open_action_menu(page)
    submit = footer.locator("button[name=action-submit]")  # "Gửi duyệt", or "Gửi đến <quy trình>"
    expect(submit).to_be_visible()
    expect(submit).to_have_text(re.compile(r"^\s*Gửi (duyệt|đến Quy trình duyệt tin bài)\s*$"))
    screens.check(page, "trình đơn thao tác (phóng viên)")
    submit.click()
    page.wait_for_url(f"**/admin/pages/{section.pk}/")
    expect(page.locator(".messages .success")).to_contain_text(TITLE)
    screens.check(page, "đã gửi duyệt")
    log_out(page, screens, "phóng viên", newsroom["reporter"])

    article = ArticlePage.objects.get()
    assert (article.title, article.sapo, article.main_image_caption) == (TITLE, SAPO, CAPTION)
    assert article.owner == newsroom["reporter"]
    assert not article.live
    assert current_step(article) == "Chờ biên tập"
    revision = article.get_latest_revision_as_object()
    image = Image.objects.get()
    assert (image.title, image.width, image.height) == (PHOTO_TITLE, 1200, 800)
    assert image.uploaded_by_user == newsroom["reporter"]
    assert revision.main_image == image
    assert [block.block_type for block in revision.body] == ["paragraph"]
    assert PARAGRAPH in revision.body[0].value.source
    assert [item.author for item in revision.article_authors.all()] == [author]

    # The section's editor: the article waits on the dashboard; pass it on with a comment.
    page = new_person()
    log_in(page, screens, url, "biên tập viên", newsroom["editor"])
    waiting = page.get_by_role("region", name="Đang chờ bạn duyệt")
    waiting.get_by_role("link", name=TITLE).click()
    page.wait_for_url(f"**/admin/pages/{article.pk}/edit/")
    expect(page.locator("#id_title")).to_have_value(TITLE)
    screens.check(page, "tin bài chờ biên tập (biên tập viên)")
    footer = open_action_menu(page)
    pass_on_with_comment = footer.locator("button[data-workflow-action-name=approve][data-workflow-action-modal-url]")
    expect(pass_on_with_comment).to_be_visible()
    screens.check(page, "trình đơn thao tác (biên tập viên)")
    pass_on_with_comment.click()
    modal = page.locator(MODAL)
    comment = modal.locator("#id_comment")
    expect(comment).to_be_visible()
    screens.check(page, "hộp thoại chuyển duyệt kèm góp ý")
    comment.fill(EDITOR_COMMENT)
    modal.locator("button[type=submit]").click()
    page.wait_for_url(f"**/admin/pages/{section.pk}/")
    expect(page.locator(".messages .success")).to_contain_text(TITLE)
    screens.check(page, "đã chuyển duyệt")
    log_out(page, screens, "biên tập viên", newsroom["editor"])

    assert current_step(article) == "Chờ duyệt"
    assert not ArticlePage.objects.get(pk=article.pk).live
    assert TaskState.objects.get(task__name="Chờ biên tập", status="approved").comment == EDITOR_COMMENT

    # The leader approves, which publishes it, and looks at its history.
    page = new_person()
    log_in(page, screens, url, "lãnh đạo", newsroom["approver"])
    page.get_by_role("region", name="Đang chờ bạn duyệt").get_by_role("link", name=TITLE).click()
    page.wait_for_url(f"**/admin/pages/{article.pk}/edit/")
    expect(page.locator("#id_title")).to_have_value(TITLE)
    screens.check(page, "tin bài chờ duyệt (lãnh đạo)")
    footer = open_action_menu(page)
    approve = footer.locator("button[data-workflow-action-name=approve]:not([data-workflow-action-modal-url])")
    expect(approve).to_be_visible()
    expect(approve).to_contain_text("Duyệt")  # "Duyệt và xuất bản": the last step publishes
    screens.check(page, "trình đơn thao tác (lãnh đạo)")
    approve.click()
    page.wait_for_url(f"**/admin/pages/{section.pk}/")
    expect(page.locator(".messages .success")).to_contain_text(TITLE)
    screens.check(page, "đã duyệt và xuất bản")
    page.get_by_role("link", name=TITLE).first.click()
    page.wait_for_url(f"**/admin/pages/{article.pk}/edit/")
    page.get_by_role("link", name="Lịch sử").click()
    page.wait_for_url(f"**/admin/pages/{article.pk}/history/")
    expect(page.get_by_role("table")).to_be_visible()
    screens.check(page, "lịch sử tin bài")
    log_out(page, screens, "lãnh đạo", newsroom["approver"])

    article.refresh_from_db()
    assert article.live and article.first_published_at is not None
    assert current_step(article) is None
    assert article.status_string == "đã xuất bản"

    # A reader opens it on the portal.
    reader = new_person()
    response = reader.goto(url + article.url)
    assert response.status == 200
    expect(reader.get_by_role("heading", level=1)).to_have_text(TITLE)
    expect(reader.get_by_text(SAPO)).to_be_visible()
    expect(reader.get_by_text(PARAGRAPH)).to_be_visible()
    photo_on_page = reader.locator("figure.photo img").first
    expect(photo_on_page).to_be_visible()
    reader.wait_for_function("(img) => img.complete && img.naturalWidth > 0", arg=photo_on_page.element_handle())
    screens.check(reader, "tin bài trên cổng thông tin")

    errors = [error for watch in watches for error in watch.errors]
    assert autosave.unexplained(errors) == []
    assert not screens.findings, "English on the Vietnamese screens:\n" + screens.report()
