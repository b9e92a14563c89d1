"""An uploaded video's captions reach the player: Chromium lists the track, loads its cues, shows them.

The track is served by the portal itself (loa.media.views.captions) as text/vtt, within the
Content-Security-Policy's media-src 'self'; a violation or a console error fails the test.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

CAPTIONS = """WEBVTT

00:00:00.000 --> 00:00:04.000
Bình minh trên sông Hồng, đoạn chảy qua thành phố.

00:00:04.000 --> 00:00:08.000
Thuyền đánh cá trở về bến.
"""
LISTEN = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__violations.push(`${e.effectiveDirective} blocked ${e.blockedURI || "inline"}`);
});
"""


@pytest.fixture
def captioned_video(live_server):
    from django.core.files.base import ContentFile
    from wagtailmedia.models import Media

    from loa.core.demo.loader import VIDEO_DIR
    from loa.core.testing import home_page
    from loa.media.captions import captions_file
    from loa.media.models import VideoCaptions, VideoIndexPage, VideoPage

    media = Media(title="Bình minh trên sông Hồng", type="video", width=640, height=360, duration=8)
    media.file.save("binh-minh.mp4", ContentFile((VIDEO_DIR / "binh-minh-tren-song.mp4").read_bytes()), save=False)
    media.save()
    track = VideoCaptions(media=media, language="vi")
    track.file.save("binh-minh.vtt", captions_file(CAPTIONS, "binh-minh.vtt"), save=False)
    track.save()
    index = home_page().add_child(instance=VideoIndexPage(title="Video", show_in_menus=True))
    page = index.add_child(instance=VideoPage(title="Bình minh trên sông Hồng", video=media))
    page.save_revision().publish()
    return live_server.url + page.url


def test_the_player_lists_loads_and_shows_the_vietnamese_captions(captioned_video, open_page, screenshot):
    page, watch = open_page("desktop")
    page.add_init_script(LISTEN)
    page.goto(captioned_video)
    video = page.locator("article video")
    expect(video).to_be_visible()

    track = video.evaluate(
        "v => { const t = v.textTracks[0]; return t && {kind: t.kind, language: t.language, label: t.label}; }"
    )
    assert track == {"kind": "captions", "language": "vi", "label": "Tiếng Việt"}

    # Turning the captions on (as the player's CC button does) fetches and parses the file.
    loaded = video.evaluate(
        """v => new Promise((resolve) => {
            const element = v.querySelector("track");
            element.addEventListener("load", () => resolve(v.textTracks[0].cues.length));
            element.addEventListener("error", () => resolve("error"));
            v.textTracks[0].mode = "showing";
        })"""
    )
    assert loaded == 2
    first = video.evaluate("v => v.textTracks[0].cues[0].text")
    assert first == "Bình minh trên sông Hồng, đoạn chảy qua thành phố."
    assert video.evaluate("v => v.querySelector('track').readyState") == 2  # LOADED
    # For the screenshot: a second into the clip, the first caption over the picture.
    video.evaluate(
        """v => new Promise((resolve) => {
            v.addEventListener("seeked", resolve, { once: true });
            v.addEventListener("error", resolve, { once: true });
            v.preload = "auto";
            v.currentTime = 1;
        })"""
    )
    assert video.evaluate("v => v.textTracks[0].activeCues.length") == 1
    screenshot(page.locator("article .player"), "video-captions.png")

    assert page.evaluate("window.__violations") == []
    assert watch.errors == []
