"""Hostile strings and the check that none of them became markup.

A payload is harmless when the page shows it as text (or drops it). The check
parses the HTML the way a browser builds elements and looks for what only a
payload creates: an element carrying the ``data-xss`` marker, an ``on*``
handler, a ``javascript:`` URL, or a script that is not one of ours. Python's
``html.parser`` reads ``<title>`` and ``<textarea>`` content as markup where a
browser reads text: stricter than a browser, never laxer.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from html.parser import HTMLParser

#: Every payload that injects an element marks it, so "created by the payload" is decidable.
MARKER = "data-xss"

#: Classic payloads, one per context: element, attribute (double, single, back quotes), URL,
#: raw-text elements closed early, template syntax, escaped and look-alike angle brackets, NUL.
PAYLOADS: dict[str, str] = {
    "script": "<script>alert(1)</script>",
    "img-onerror": '"><img src=x onerror=alert(1) data-xss>',
    "svg-onload": "'><svg onload=alert(1) data-xss>",
    "backtick": "`\"'><details open ontoggle=alert(1) data-xss>",
    "javascript-url": "javascript:alert(1)",
    "javascript-url-obfuscated": " JaVaScRiPt:alert(1)",
    "close-textarea": "</textarea><script>alert(1)</script><textarea>",
    "close-title": "</title><script>alert(1)</script>",
    "close-script": "</script><script>alert(1)</script>",
    "iframe": '<iframe src="javascript:alert(1)" data-xss></iframe>',
    "template": "{{ 7|add:7 }}{% debug %}${7*7}<%= 7*7 %>",
    "escaped-brackets": "\\u003cscript\\u003ealert(1)\\u003c/script\\u003e &lt;script&gt;",
    "fullwidth-brackets": "＜script＞alert(1)＜/script＞",
    "nul": "<scr\x00ipt>alert(1)</scr\x00ipt>\x00",
}

#: One string that tries most contexts at once, for fields an editor fills in.
COMBINED = (
    "x\"'`><img src=x onerror=alert(1) data-xss></textarea></title></style></script>"
    "<script>alert(1)</script><svg onload=alert(1) data-xss>{{ 7|add:7 }}"
)
#: For fields of at most 64 characters (a phone, a number, a date label).
SHORT = "\"'><img src=x onerror=alert(1) data-xss>"

#: Rich text an import or a crafted request could store: only whitelisted markup may survive.
RICH_TEXT = (
    "<p>Đoạn văn.</p><script>alert(1)</script><img src=x onerror=alert(1) data-xss>"
    '<p onclick="alert(1)" data-xss>a</p><a href="javascript:alert(1)" data-xss>b</a>'
    '<a href="jav&#x09;ascript:alert(1)">c</a><iframe src="javascript:alert(1)"></iframe>'
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1) data-xss></style></mglyph></table></mtext></math>"
    '<svg><a xlink:href="javascript:alert(1)"><text>d</text></a></svg><style>body{display:none}</style>'
)

URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data", "poster", "background", "srcset"}
DANGEROUS_SCHEMES = ("javascript:", "vbscript:", "data:text/html")
DATA_SCRIPT_TYPES = {"application/ld+json", "application/json"}
_INVISIBLE = re.compile(r"[\x00-\x20\x7f]+")


@dataclass
class _Elements(HTMLParser):
    static_prefixes: tuple[str, ...] = ("/static/",)
    problems: list[str] = field(default_factory=list)
    _script: tuple[str, dict[str, str]] | None = None
    _script_text: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        super().__init__(convert_charrefs=True)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        where = f"<{tag} {' '.join(values)}>"
        for name, value in values.items():
            if name.startswith("on"):
                self.problems.append(f"event handler {name}= on {where}")
            if name == MARKER or MARKER in name:
                self.problems.append(f"element created by a payload: {where}")
            if name in URL_ATTRIBUTES and _dangerous_url(value):
                self.problems.append(f"{name}={value!r} on {where}")
        if (
            tag == "meta"
            and values.get("http-equiv", "").lower() == "refresh"
            and _dangerous_url(values.get("content", "").partition("url=")[2])
        ):
            self.problems.append(f"refresh to a script URL: {where}")
        if tag == "script":
            self._script, self._script_text = (tag, values), []

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag == "script":
            self.handle_endtag(tag)

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            self._script_text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag != "script" or self._script is None:
            return
        attrs, text = self._script[1], "".join(self._script_text)
        self._script = None
        kind = attrs.get("type", "").lower()
        if "src" in attrs:
            if not attrs["src"].startswith(self.static_prefixes):
                self.problems.append(f"script from elsewhere: {attrs['src']!r}")
        elif kind in DATA_SCRIPT_TYPES:
            if "<" in text:
                self.problems.append(f"'<' inside a {kind} script: {text[:120]!r}")
            try:
                json.loads(text)
            except ValueError:
                self.problems.append(f"{kind} script that is not JSON: {text[:120]!r}")
        else:
            self.problems.append(f"inline script: {text[:120]!r}")


def _dangerous_url(value: str) -> bool:
    return _INVISIBLE.sub("", value).lower().startswith(DANGEROUS_SCHEMES)


def problems(html: str, *, admin: bool = False) -> list[str]:
    """What a payload created in ``html``; empty when everything hostile stayed text.

    ``admin``: Wagtail's admin has inline scripts and scripts of its own; there only
    the marker, handlers, script URLs and scripts that call alert() count.
    """
    parser = _Elements()
    parser.feed(html)
    parser.close()
    found = parser.problems
    if admin:
        found = [
            problem
            for problem in found
            if not problem.startswith(("inline script", "script from")) or "alert(" in problem
        ]
    # Whatever the parser made of it: a payload's opening tag never appears in the bytes.
    for raw in ("<script>alert", "<img src=x", "<svg onload", "<details open", '<iframe src="javascript'):
        if raw in html:
            found.append(f"raw {raw!r} at …{html[max(0, html.find(raw) - 60) : html.find(raw) + 60]!r}…")
    if "sql_queries" in html:
        found.append("{% debug %} was rendered")
    return found


def assert_clean(html: str, where: str = "", *, admin: bool = False) -> None:
    found = problems(html, admin=admin)
    assert not found, f"{where}: " + "\n".join(found)


def assert_clean_response(response, where: str = "", *, admin: bool = False) -> None:
    """An HTML answer without injected markup; JSON and XML are checked by their own rules."""
    kind = response.get("Content-Type", "")
    body = response.content.decode()
    if kind.startswith("application/json"):
        assert response.get("X-Content-Type-Options") == "nosniff", where
        json.loads(body)
        return
    assert kind.startswith("text/html"), f"{where}: {kind}"
    assert_clean(body, where, admin=admin)


def assert_clean_feed(xml: bytes, where: str = "") -> None:
    """Well-formed XML whose item descriptions, read as HTML (as feed readers do), create nothing."""
    root = ET.fromstring(xml)  # raises on anything a payload broke
    for item in root.iter("item"):
        for name in ("description",):
            for element in item.iter(name):
                assert_clean(element.text or "", f"{where} <{name}>")
    for element in root.iter("description"):
        assert_clean(element.text or "", f"{where} channel <description>")
