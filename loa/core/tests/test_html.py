"""HTML from people is sanitised on the way in, whatever path it took."""

from __future__ import annotations

import pytest

from loa.core.blocks import BodyBlock, SafeRichTextBlock
from loa.core.html import sanitize_rich_text, strip_tags

PAYLOADS = [
    '<p>Tin <script>alert("x")</script>mới</p>',
    '<p onclick="alert(1)">Tin mới</p>',
    '<p><a href="javascript:alert(1)">Tin mới</a></p>',
    '<p><img src=x onerror="alert(1)">Tin mới</p>',
    '<p><iframe src="https://example.com"></iframe>Tin mới</p>',
    '<p><svg onload="alert(1)"></svg>Tin mới</p>',
    "<p><style>body{display:none}</style>Tin mới</p>",
]


@pytest.mark.parametrize("payload", PAYLOADS)
def test_dangerous_markup_is_removed_and_text_kept(payload):
    clean = sanitize_rich_text(payload)
    assert "Tin" in clean and "mới" in clean
    for bad in ("<script", "onclick", "javascript:", "onerror", "<iframe", "<svg", "<style", "alert"):
        assert bad not in clean


def test_wagtail_rich_text_references_survive():
    html = '<p data-block-key="a1">Xem <a linktype="page" id="12">bài</a> và <b>đậm</b></p>'
    clean = sanitize_rich_text(html)
    assert '<a linktype="page" id="12"' in clean
    assert '<p data-block-key="a1">' in clean and "<b>đậm</b>" in clean


def test_links_get_safe_rel():
    assert 'rel="noopener noreferrer"' in sanitize_rich_text('<p><a href="https://hungyen.gov.vn">Cổng</a></p>')


def test_strip_tags_keeps_only_text():
    assert strip_tags("<b>Sapo</b> <script>x</script>ngắn") == "Sapo ngắn"


def test_paragraph_block_sanitises_when_stored():
    block = SafeRichTextBlock()
    stored = block.get_prep_value(block.to_python("<p>Tin<script>alert(1)</script></p>"))
    assert "<script" not in stored and "Tin" in stored


def test_raw_stored_paragraph_is_sanitised_when_rendered():
    """Rich text written straight into the database (an import, a script) never reaches readers raw."""
    body = BodyBlock()
    value = body.to_python([{"type": "paragraph", "value": '<p onmouseover="x()">Đoạn<script>alert(1)</script></p>'}])
    html = str(value.render_as_block() if hasattr(value, "render_as_block") else value)
    assert "Đoạn" in html
    assert "onmouseover" not in html and "<script" not in html
