"""A video site's player is always named: screen readers announce a frame by its title (WCAG 4.1.2)."""

from __future__ import annotations

from django.utils.translation import gettext

from loa.media.templatetags.media_tags import titled_frames

PLAYER = '<iframe width="200" height="113" src="https://www.youtube.com/embed/M7lc1UVf-VE" allowfullscreen></iframe>'


def test_a_frame_without_a_title_gets_the_clip_title() -> None:
    assert titled_frames(PLAYER, "Hướng dẫn nộp hồ sơ").startswith('<iframe title="Hướng dẫn nộp hồ sơ" width="200"')


def test_the_title_is_escaped() -> None:
    assert '<iframe title="&quot;&gt;&lt;script&gt;"' in titled_frames(PLAYER, '"><script>')


def test_without_a_clip_title_the_frame_is_called_a_video_player() -> None:
    assert titled_frames(PLAYER, "").startswith(f'<iframe title="{gettext("Video player")}"')


def test_a_provider_title_is_kept() -> None:
    html = '<iframe src="https://player.vimeo.com/video/1" title="Vimeo clip"></iframe>'
    assert titled_frames(html, "Ours") == html


def test_every_frame_is_named() -> None:
    assert titled_frames(PLAYER + PLAYER.upper(), "Clip").count('title="Clip"') == 2
