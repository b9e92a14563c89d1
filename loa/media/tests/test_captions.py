"""Captions for uploaded videos: an editor attaches a WebVTT file in the video's admin form, readers get a <track>.

Uploads go through Wagtail's media screens as an editor of the newsroom ("Biên tập viên")
would send them; a bad file is refused with a message in Vietnamese saying what is wrong.
"""

from __future__ import annotations

import unicodedata
from http import HTTPStatus

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtailmedia.models import Media

from loa.core.testing import home_page
from loa.core.tests.test_object_storage import s3, s3_endpoint  # noqa: F401 -- fixtures: moto's S3 server
from loa.media.captions import MAX_CAPTIONS_BYTES
from loa.media.models import VideoCaptions, VideoIndexPage, VideoPage
from loa.newsroom.roles import EDITOR

pytestmark = pytest.mark.django_db

MP4_HEAD = b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom" + b"\x00" * 64
# "Chào mừng" typed with combining marks (NFD), as some keyboards and subtitle tools send it.
CAPTIONS = (
    "WEBVTT\n\n"
    "00:00:00.000 --> 00:00:03.000\n"
    f"{unicodedata.normalize('NFD', 'Chào mừng quý vị đến với thành phố Hưng Yên.')}\n\n"
    "00:00:03.000 --> 00:00:06.500 line:85%\n"
    "Bình minh trên sông Hồng.\n"
)


@pytest.fixture
def editor(client, django_user_model):
    """A member of the newsroom's editors: may upload and change any video, not a superuser."""
    user = django_user_model.objects.create_user("bientap", "bt@example.invalid", "mat-khau-dai-123")
    user.groups.add(Group.objects.get(name=EDITOR))
    client.force_login(user)
    return client


def vtt(content: str | bytes, name: str = "phu-de.vtt") -> SimpleUploadedFile:
    data = content.encode("utf-8") if isinstance(content, str) else content
    return SimpleUploadedFile(name, data, content_type="text/vtt")


def upload_video(client, **fields):
    data = {"title": "Bình minh trên sông", "file": SimpleUploadedFile("clip.mp4", MP4_HEAD), "collection": 1}
    return client.post("/admin/media/video/add/", {"tags": "", **data, **fields})


def errors(response) -> str:
    soup = BeautifulSoup(response.content, "html.parser")
    return " ".join(node.get_text(" ", strip=True) for node in soup.select(".error-message, .help-critical, .error"))


@pytest.fixture
def clip():
    return Media.objects.create(title="Bình minh", type="video", file=ContentFile(MP4_HEAD, name="clip.mp4"))


def edit(client, media, **fields):
    data = {"title": media.title, "collection": media.collection_id, "tags": ""}
    return client.post(f"/admin/media/edit/{media.pk}/", {**data, **fields})


# --- In the admin -----------------------------------------------------------------------------


def test_an_editor_uploads_a_video_with_its_captions(editor):
    response = upload_video(editor, captions=vtt(CAPTIONS), captions_language="vi", captions_label="")

    assert response.status_code == HTTPStatus.FOUND, errors(response)
    track = VideoCaptions.objects.get(media=Media.objects.get())
    assert (track.language, track.display_label) == ("vi", "Tiếng Việt")
    assert track.file.name.startswith("media_captions/") and track.file.name.endswith(".vtt")
    stored = track.file.read().decode("utf-8")
    assert "Chào mừng quý vị" in stored and stored == unicodedata.normalize("NFC", stored)


def test_the_add_and_edit_forms_offer_captions_for_videos_only(editor, clip):
    video_form = editor.get("/admin/media/video/add/").content.decode()
    assert 'name="captions"' in video_form and 'accept=".vtt,text/vtt"' in video_form
    assert 'name="captions_language"' in video_form and 'value="vi"' in video_form
    assert 'name="captions" ' not in editor.get("/admin/media/audio/add/").content.decode()
    assert 'name="captions"' in editor.get(f"/admin/media/edit/{clip.pk}/").content.decode()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("Chào mừng\n\n00:00:00.000 --> 00:00:02.000\nXin chào\n", "dòng đầu tiên phải là “WEBVTT”"),
        ("WEBVTTX\n\n00:00:00.000 --> 00:00:02.000\nXin chào\n", "dòng đầu tiên phải là “WEBVTT”"),
        ("1\n00:00:00,000 --> 00:00:02,000\nXin chào\n", "có vẻ là phụ đề SRT"),
        ("WEBVTT\n\nXin chào, không có dòng thời gian nào.\n", "không có câu phụ đề nào"),
        ("WEBVTT\n\n00:00:00.000 --> 00:00:02.000\nXin chào\n".encode("cp1258"), "bảng mã UTF-8"),
        ("WEBVTT\n\n00:00:00.000 --> 00:00:02.000\nTiếng Việt\n".encode("utf-16"), "bảng mã UTF-8"),
        (b"WEBVTT\n\x00\x00\x00", "không phải là tệp văn bản"),
    ],
    ids=["no-signature", "bad-signature", "srt", "no-cues", "windows-1258", "utf-16", "binary"],
)
def test_a_bad_captions_file_is_refused_with_a_vietnamese_message(editor, content, message):
    response = upload_video(editor, captions=vtt(content))

    assert response.status_code == HTTPStatus.OK
    assert message in errors(response), errors(response)
    assert not Media.objects.exists() and not VideoCaptions.objects.exists()


def test_a_captions_file_over_the_limit_is_refused(editor):
    padding = "NOTE " + "x" * (MAX_CAPTIONS_BYTES + 10) + "\n\n"
    response = upload_video(editor, captions=vtt(CAPTIONS.replace("WEBVTT\n\n", "WEBVTT\n\n" + padding)))

    assert response.status_code == HTTPStatus.OK
    assert "Tệp phụ đề quá lớn" in errors(response) and "1,0" in errors(response)
    assert not VideoCaptions.objects.exists()


def test_a_byte_order_mark_and_windows_line_ends_are_accepted(editor):
    windows = ("\ufeff" + CAPTIONS).replace("\n", "\r\n").encode("utf-8")
    response = upload_video(editor, captions=vtt(windows))

    assert response.status_code == HTTPStatus.FOUND, errors(response)
    stored = VideoCaptions.objects.get().file.read()
    assert stored.startswith(b"WEBVTT\n") and b"\r" not in stored


def test_captions_are_added_replaced_relabelled_and_removed_when_editing(
    editor, clip, django_capture_on_commit_callbacks
):
    assert edit(editor, clip, captions=vtt(CAPTIONS), captions_language="en").status_code == HTTPStatus.FOUND
    track = VideoCaptions.objects.get(media=clip)
    assert (track.language, track.display_label) == ("en", "English")
    first_file = track.file.name

    replaced = CAPTIONS.replace("Bình minh trên sông Hồng.", "Hoàng hôn trên sông Hồng.")
    with django_capture_on_commit_callbacks(execute=True):  # the replaced file goes once the change commits
        response = edit(
            editor, clip, captions=vtt(replaced), captions_language="vi", captions_label="Phụ đề tiếng Việt"
        )
    assert response.status_code == HTTPStatus.FOUND, errors(response)
    track.refresh_from_db()
    assert (track.language, track.display_label) == ("vi", "Phụ đề tiếng Việt")
    assert "Hoàng hôn" in track.file.read().decode()
    assert track.file.name != first_file and not default_storage.exists(first_file)

    # Saving the form without a new file keeps the file and takes the new label.
    assert edit(editor, clip, captions_language="vi", captions_label="").status_code == HTTPStatus.FOUND
    track.refresh_from_db()
    assert track.display_label == "Tiếng Việt" and "Hoàng hôn" in track.file.read().decode()

    name = track.file.name
    with django_capture_on_commit_callbacks(execute=True):  # the file goes once the deletion commits
        assert edit(editor, clip, **{"captions-clear": "on"}).status_code == HTTPStatus.FOUND
    assert not VideoCaptions.objects.filter(media=clip).exists()
    assert not default_storage.exists(name)


def test_a_bad_language_code_is_refused(editor, clip):
    response = edit(editor, clip, captions=vtt(CAPTIONS), captions_language="Tiếng Việt")
    assert response.status_code == HTTPStatus.OK
    assert "mã ngôn ngữ" in errors(response)
    assert not VideoCaptions.objects.exists()


def test_deleting_the_video_deletes_its_captions_file(clip, django_capture_on_commit_callbacks):
    from loa.media.captions import captions_file

    track = VideoCaptions(media=clip)
    track.file.save("phu-de.vtt", captions_file(CAPTIONS, "phu-de.vtt"), save=False)
    track.save()
    name = track.file.name
    with django_capture_on_commit_callbacks(execute=True):
        clip.delete()
    assert not VideoCaptions.objects.exists() and not default_storage.exists(name)


# --- For readers ------------------------------------------------------------------------------


@pytest.fixture
def captioned_page(clip):
    from loa.media.captions import captions_file

    track = VideoCaptions(media=clip)
    track.file.save("binh-minh.vtt", captions_file(CAPTIONS, "binh-minh.vtt"), save=False)
    track.save()
    index = home_page().add_child(instance=VideoIndexPage(title="Video", show_in_menus=True))
    page = index.add_child(instance=VideoPage(title="Bình minh trên sông Hồng", video=clip))
    page.save_revision().publish()
    return page, track


def test_the_video_page_offers_the_captions_track(client, captioned_page):
    page, track = captioned_page
    soup = BeautifulSoup(client.get(page.url).content, "html.parser")
    found = soup.select_one("video track")
    assert found is not None
    assert (found["kind"], found["srclang"], found["label"]) == ("captions", "vi", "Tiếng Việt")
    assert found["src"] == track.url and found["src"].startswith(f"/phu-de/{track.media_id}.vtt?v=")

    served = client.get(found["src"])
    assert served.status_code == HTTPStatus.OK
    assert served["Content-Type"] == "text/vtt; charset=utf-8"
    assert served.content.decode("utf-8").startswith("WEBVTT\n")
    assert "public" in served["Cache-Control"]


def test_the_video_list_reads_every_clips_track_in_the_same_query(client, captioned_page):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from loa.media.captions import captions_file

    page, _ = captioned_page
    index = page.get_parent()

    def queries() -> tuple[int, str]:
        for _ in range(2):  # the caches every page shares, warm
            client.get(index.url)
        with CaptureQueriesContext(connection) as captured:
            html = client.get(index.url).content.decode()
        return len(captured), html

    def add_clips(count: int) -> None:
        for number in range(count):
            media = Media.objects.create(title=f"Clip {number}", type="video", file=ContentFile(MP4_HEAD, name="c.mp4"))
            track = VideoCaptions(media=media)
            track.file.save("c.vtt", captions_file(CAPTIONS, "c.vtt"), save=False)
            track.save()
            index.add_child(instance=VideoPage(title=f"Clip {number}", video=media)).save_revision().publish()

    add_clips(1)
    two, _ = queries()
    add_clips(2)
    four, html = queries()
    grid = BeautifulSoup(html, "html.parser").select_one(".video-grid")
    assert len(grid.select('video track[kind="captions"]')) == 4
    assert four == two


def test_videos_without_captions_have_no_track_and_unknown_tracks_are_404(client, clip):
    index = home_page().add_child(instance=VideoIndexPage(title="Video", show_in_menus=True))
    page = index.add_child(instance=VideoPage(title="Không phụ đề", video=clip))
    page.save_revision().publish()
    assert "<track" not in client.get(page.url).content.decode()
    assert client.get(f"/phu-de/{clip.pk}.vtt").status_code == HTTPStatus.NOT_FOUND
    assert client.post(f"/phu-de/{clip.pk}.vtt").status_code == HTTPStatus.METHOD_NOT_ALLOWED


def test_in_object_storage_the_track_is_stored_as_text_vtt_and_played_from_the_portal(s3, editor):  # noqa: F811
    """With uploads in a bucket the track is still same-origin: no CORS needed on the bucket or the video."""
    from django.test import Client

    bucket = s3()
    response = upload_video(editor, captions=vtt(CAPTIONS))
    assert response.status_code == HTTPStatus.FOUND, errors(response)
    track = VideoCaptions.objects.get()
    assert track.file.name in bucket.keys("media_captions/")
    assert bucket.client.head_object(Bucket=bucket.name, Key=track.file.name)["ContentType"] == "text/vtt"

    served = Client().get(track.url)
    assert served.status_code == HTTPStatus.OK
    assert served["Content-Type"] == "text/vtt; charset=utf-8"
    assert "Chào mừng quý vị" in served.content.decode("utf-8")
