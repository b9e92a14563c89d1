"""The Video section lists every clip, uploaded or embedded, playable in place."""

from __future__ import annotations

from http import HTTPStatus

import pytest
from django.core.files.base import ContentFile
from wagtailmedia.models import Media

from loa.core.testing import home_page
from loa.media.models import VideoIndexPage, VideoPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def videos():
    index = home_page().add_child(instance=VideoIndexPage(title="Video", show_in_menus=True))
    media = Media.objects.create(
        title="Bình minh", type="video", file=ContentFile(b"\x00\x00\x00\x18ftypmp42" + b"\x00" * 64, name="clip.mp4")
    )
    uploaded = index.add_child(instance=VideoPage(title="Bình minh trên sông Hồng", video=media))
    embedded = index.add_child(
        instance=VideoPage(title="Phóng sự trên YouTube", embed_url="https://www.youtube.com/watch?v=abc")
    )
    for page in (embedded, uploaded):  # the uploaded clip is the newest
        page.save_revision().publish()
    return index, uploaded, embedded


def test_index_lists_every_clip(client, videos):
    index, uploaded, embedded = videos
    html = client.get(index.url).content.decode()
    assert "Bình minh trên sông Hồng" in html and "Phóng sự trên YouTube" in html
    assert '<video controls preload="none"' in html
    assert 'type="video/mp4"' in html


def test_embed_without_network_falls_back_to_a_link(client, videos, settings):
    settings.WAGTAILEMBEDS_FINDERS = [{"class": "wagtail.embeds.finders.oembed", "providers": []}]
    _, _, embedded = videos
    response = client.get(embedded.url)
    assert response.status_code == HTTPStatus.OK
    assert 'href="https://www.youtube.com/watch?v=abc"' in response.content.decode()


def test_sidebar_plays_the_latest_clip_in_place(client, videos):
    html = client.get(home_page().url).content.decode()
    assert "Video Clip" in html
    assert "<video" in html


def test_a_clip_needs_a_file_or_a_link():
    from django.core.exceptions import ValidationError

    page = VideoPage(title="Trống", slug="trong")
    with pytest.raises(ValidationError):
        page.clean()


def test_a_failed_embed_is_not_fetched_again_at_every_render(client, videos, settings):
    """The video site, an outside service, is a local oEmbed endpoint answering 500 and counting calls."""
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    calls = []

    class Broken(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 -- http.server's naming
            calls.append(self.path)
            self.send_error(500)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Broken)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    settings.WAGTAILEMBEDS_FINDERS = [
        {
            "class": "wagtail.embeds.finders.oembed",
            "providers": [
                {
                    "endpoint": f"http://127.0.0.1:{server.server_port}/oembed",
                    "urls": [r"^https://www\.youtube\.com/.+$"],
                }
            ],
        }
    ]
    try:
        _, _, embedded = videos
        for _ in range(3):
            response = client.get(embedded.url)
            assert response.status_code == HTTPStatus.OK
            assert 'href="https://www.youtube.com/watch?v=abc"' in response.content.decode()
        assert len(calls) == 1
    finally:
        server.shutdown()
