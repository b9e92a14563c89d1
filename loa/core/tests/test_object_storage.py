"""Media and private files on S3-compatible object storage, against a real S3 server on loopback.

The server is moto's (installed from PyPI by `make install-dev`), started in server mode:
Loa's storages talk to it over HTTP with boto3 exactly as they would to MinIO or AWS,
and the tests fetch the URLs a page shows with a plain HTTP client, as a browser would.
Each test gets buckets of its own and STORAGES built by `object_storages()` from the
same LOA_S3_* variables a deployment sets.
"""

from __future__ import annotations

import io
import logging
import os
import socket
import time
import urllib.error
import urllib.request
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from http import HTTPStatus

import pytest
from bs4 import BeautifulSoup
from django.core.cache import caches
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage, storages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from PIL import Image as PILImage

from loa.core.storage_settings import object_storages
from loa.core.testing import home_page, make_article, make_section

pytestmark = pytest.mark.django_db

REGION = "us-east-1"
MP4_HEAD = b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom" + b"\x00" * 64


@pytest.fixture(scope="module")
def s3_endpoint() -> Iterator[str]:
    """moto's S3 server on a free loopback port, for this module."""
    try:
        from moto.server import ThreadedMotoServer
    except ImportError as error:  # pragma: no cover - make install-dev installs it
        message = f"moto[server] is not installed ({error}): run make install-dev"
        if os.environ.get("CI") == "true":
            pytest.fail(f"{message} (CI=true: object-storage tests must run)")
        pytest.skip(message)
    logging.getLogger("werkzeug").setLevel(logging.ERROR)
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    yield f"http://{host}:{port}"
    server.stop()


@dataclass
class Bucket:
    name: str
    endpoint: str
    client: object
    env: dict[str, str]

    def keys(self, prefix: str = "") -> list[str]:
        listing = self.client.list_objects_v2(Bucket=self.name, Prefix=prefix)
        return [item["Key"] for item in listing.get("Contents", [])]

    def read(self, key: str) -> bytes:
        return self.client.get_object(Bucket=self.name, Key=key)["Body"].read()


@pytest.fixture
def s3(s3_endpoint, settings):
    """Object storage on: `s3(**extra_env)` makes a fresh bucket and switches STORAGES to it."""
    import boto3

    def configure(**extra: str) -> Bucket:
        name = f"loa-{uuid.uuid4().hex[:12]}"
        env = {
            "LOA_S3_BUCKET": name,
            "LOA_S3_ENDPOINT_URL": s3_endpoint,
            "LOA_S3_ACCESS_KEY_ID": "loa-test",
            "LOA_S3_SECRET_ACCESS_KEY": "loa-test-secret",
            "LOA_S3_REGION": REGION,
            **{key: value.replace("{bucket}", name) for key, value in extra.items()},
        }
        client = boto3.client(
            "s3",
            endpoint_url=s3_endpoint,
            aws_access_key_id="loa-test",
            aws_secret_access_key="loa-test-secret",
            region_name=REGION,
        )
        for bucket in {name, env.get("LOA_S3_PRIVATE_BUCKET") or name}:
            client.create_bucket(Bucket=bucket)
        settings.STORAGES = {**settings.STORAGES, **object_storages(env)}
        caches["renditions"].clear()
        return Bucket(name, s3_endpoint, client, env)

    return configure


@pytest.fixture
def editor(django_user_model) -> Client:
    client = Client()
    client.force_login(django_user_model.objects.create_superuser("bientap", "bt@example.invalid", "mat-khau-123"))
    return client


def fetch(url: str) -> tuple[int, str, bytes]:
    """GET with no credentials at all, as a reader's browser or a CDN would."""
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.headers.get("Content-Type", ""), response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get("Content-Type", ""), error.read()


def jpeg(size: tuple[int, int] = (1000, 560)) -> bytes:
    buffer = io.BytesIO()
    PILImage.new("RGB", size, "#1c6e8c").save(buffer, "JPEG")
    return buffer.getvalue()


def upload_image(editor: Client) -> object:
    from wagtail.images.models import Image

    response = editor.post(
        "/admin/images/add/",
        {
            "title": "Cầu Yên Lệnh",
            "description": "Cầu Yên Lệnh bắc qua sông Hồng nhìn từ bờ đê",  # the alt text, required
            "file": SimpleUploadedFile("cau-yen-lenh.jpg", jpeg()),
            "collection": 1,
        },
    )
    assert response.status_code == HTTPStatus.FOUND, response.content[:500]
    return Image.objects.get(title="Cầu Yên Lệnh")


def page_image_urls(html: str) -> tuple[str, list[str]]:
    """The article photo's <img src> and every URL its <picture> offers."""
    soup = BeautifulSoup(html, "html.parser")
    img = soup.select_one("figure.photo img")
    assert img is not None, "the article shows its photo"
    offered = [img["src"]]
    for source in soup.select("figure.photo source"):
        offered += [candidate.split()[0] for candidate in source["srcset"].split(",")]
    return img["src"], offered


# --- Public media ---------------------------------------------------------------------------------


def test_an_image_uploaded_in_the_admin_is_stored_and_served_from_the_bucket(s3, editor):
    bucket = s3()
    image = upload_image(editor)
    assert image.file.name in bucket.keys("original_images/")
    assert not default_storage.__class__.__name__.startswith("FileSystem")

    article = make_article(make_section("Thời sự"), "Thông xe cầu Yên Lệnh", main_image=image)
    response = Client().get(article.url)
    assert response.status_code == HTTPStatus.OK
    src, offered = page_image_urls(response.content.decode())

    prefix = f"{bucket.endpoint}/{bucket.name}/images/"
    assert all(url.startswith(prefix) for url in offered), offered
    renditions = bucket.keys("images/")
    assert {url.removeprefix(f"{bucket.endpoint}/{bucket.name}/") for url in offered} <= set(renditions)
    status, content_type, body = fetch(src)
    assert status == HTTPStatus.OK and content_type.startswith("image/")
    assert body == bucket.read(src.removeprefix(f"{bucket.endpoint}/{bucket.name}/"))
    with PILImage.open(io.BytesIO(body)) as shown:
        assert shown.width < 1000  # a rendition, not the original


def test_with_a_custom_domain_pages_link_to_the_cdn(s3, editor, s3_endpoint):
    cdn = s3_endpoint.replace("127.0.0.1", "localhost")  # another host name for the same server
    bucket = s3(LOA_S3_CUSTOM_DOMAIN=f"{cdn}/{{bucket}}")
    article = make_article(make_section("Thời sự"), "Thông xe cầu Yên Lệnh", main_image=upload_image(editor))

    src, offered = page_image_urls(Client().get(article.url).content.decode())
    assert all(url.startswith(f"{cdn}/{bucket.name}/images/") for url in offered), offered
    status, content_type, body = fetch(src)
    assert status == HTTPStatus.OK and content_type.startswith("image/") and body


def test_public_files_are_uploaded_readable_by_anyone_and_cacheable(s3):
    bucket = s3()
    name = default_storage.save("documents/thong-bao.pdf", ContentFile(b"%PDF-1.4 thong bao"))
    head = bucket.client.head_object(Bucket=bucket.name, Key=name)
    assert head["CacheControl"] == "public, max-age=604800"
    assert fetch(default_storage.url(name))[0] == HTTPStatus.OK
    # A second file of the same name never replaces the first.
    assert default_storage.save("documents/thong-bao.pdf", ContentFile(b"%PDF-1.4 khac")) != name


def test_a_document_downloads_from_the_bucket(s3, editor):
    from wagtail.documents.models import Document

    bucket = s3()
    content = b"%PDF-1.4\n% Ke hoach phong chong bao lu\n%%EOF\n"
    response = editor.post(
        "/admin/documents/add/",
        {"title": "Kế hoạch phòng chống bão lũ", "file": SimpleUploadedFile("ke-hoach.pdf", content), "collection": 1},
    )
    assert response.status_code == HTTPStatus.FOUND
    document = Document.objects.get()
    assert document.file.name in bucket.keys("documents/")

    # Wagtail's document link sends the reader to the file in the bucket.
    served = Client().get(document.url)
    assert served.status_code == HTTPStatus.FOUND
    assert served["Location"].startswith(f"{bucket.endpoint}/{bucket.name}/documents/")
    status, _, body = fetch(served["Location"])
    assert (status, body) == (HTTPStatus.OK, content)


def test_an_uploaded_video_plays_from_the_bucket(s3, editor):
    from wagtailmedia.models import Media

    from loa.media.models import VideoIndexPage, VideoPage

    bucket = s3()
    response = editor.post(
        "/admin/media/video/add/",
        {"title": "Bình minh", "file": SimpleUploadedFile("binh-minh.mp4", MP4_HEAD), "collection": 1, "tags": ""},
    )
    assert response.status_code == HTTPStatus.FOUND
    media = Media.objects.get()
    assert media.file.name in bucket.keys("media/")

    index = home_page().add_child(instance=VideoIndexPage(title="Video", show_in_menus=True))
    page = index.add_child(instance=VideoPage(title="Bình minh trên sông Hồng", video=media))
    page.save_revision().publish()
    html = Client().get(page.url).content.decode()
    source = BeautifulSoup(html, "html.parser").select_one("video source")
    assert source["src"].startswith(f"{bucket.endpoint}/{bucket.name}/media/")
    assert fetch(source["src"])[::2] == (HTTPStatus.OK, MP4_HEAD)


def test_pages_still_render_while_the_object_storage_is_down(s3, editor, settings):
    import botocore.exceptions

    bucket = s3()
    article = make_article(make_section("Thời sự"), "Thông xe cầu Yên Lệnh", main_image=upload_image(editor))
    assert Client().get(article.url).status_code == HTTPStatus.OK  # its renditions are made

    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        down = f"http://127.0.0.1:{probe.getsockname()[1]}"
    settings.STORAGES = {
        **settings.STORAGES,
        **object_storages({**bucket.env, "LOA_S3_ENDPOINT_URL": down}),
    }
    response = Client().get(article.url)
    assert response.status_code == HTTPStatus.OK  # a page only carries URLs
    src, _ = page_image_urls(response.content.decode())
    assert src.startswith(f"{down}/{bucket.name}/images/")
    with pytest.raises(botocore.exceptions.EndpointConnectionError):  # an upload fails, and says why
        default_storage.save("documents/moi.pdf", ContentFile(b"%PDF-1.4"))


def test_the_environment_chooses_the_storages():
    assert object_storages({}) == {}
    chosen = object_storages({"LOA_S3_BUCKET": "loa-media", "LOA_S3_CUSTOM_DOMAIN": "media.example.gov.vn"})
    public, private = chosen["default"]["OPTIONS"], chosen["private"]["OPTIONS"]
    assert (public["custom_domain"], public["url_protocol"]) == ("media.example.gov.vn", "https:")
    assert (public["default_acl"], public["querystring_auth"]) == ("public-read", False)
    assert (private["bucket_name"], private["location"], private["default_acl"]) == ("loa-media", "private", "private")
    assert private["custom_domain"] is None and private["querystring_auth"] is True
    assert "access_key" not in public  # unset keys: boto3's own chain (instance role, AWS_* variables)
    with pytest.raises(ValueError, match="LOA_S3_PRIVATE_LOCATION"):
        object_storages({"LOA_S3_BUCKET": "loa-media", "LOA_S3_PRIVATE_LOCATION": ""})


# --- Private files: citizens' attachments -----------------------------------------------------------


@pytest.fixture
def qa_page():
    from loa.qa.models import QuestionIndexPage, Topic

    page = QuestionIndexPage(title="Hỏi đáp", slug="hoi-dap", show_in_menus=True, intro="Hỏi đáp với công dân.")
    home_page().add_child(instance=page)
    page.save_revision().publish()
    return page, Topic.objects.create(name="Hộ tịch", sort_order=1)


def ask_with_attachment(qa_page, content: bytes):
    from loa.qa import spam
    from loa.qa.models import Question

    page, topic = qa_page
    challenge = spam.new_challenge(started=time.time() - 60)
    response = Client().post(
        page.url + page.reverse_subpage("ask"),
        {
            "name": "Nguyễn Văn An",
            "email": "nguyenvanan@example.com",
            "topic": topic.pk,
            "title": "Đăng ký khai sinh quá hạn",
            "text": "Con tôi sinh được ba tháng mà chưa đăng ký khai sinh, xin hỏi thủ tục thế nào?",
            "website": "",
            "token": challenge.token,
            "captcha": str(spam.solve(challenge.token)),
            "attachment": SimpleUploadedFile("Giấy chứng sinh.pdf", content, content_type="application/pdf"),
        },
    )
    assert response.status_code == HTTPStatus.FOUND, response.content[:500]
    return Question.objects.get()


def test_a_citizens_attachment_is_stored_privately_and_only_staff_open_it(s3, qa_page, editor, settings, tmp_path):
    settings.LOA_QA_PRIVATE_ROOT = str(tmp_path / "private")
    bucket = s3()
    content = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n"
    question = ask_with_attachment(qa_page, content)

    key = f"private/{question.attachment.name}"
    assert bucket.keys("private/") == [key]
    assert bucket.keys() == [key]  # nothing in the public part of the bucket
    assert not (tmp_path / "private").exists()  # nor on this server's disk
    # Anyone asking the bucket for it without a signature is refused…
    status, _, body = fetch(f"{bucket.endpoint}/{bucket.name}/{key}")
    assert status == HTTPStatus.FORBIDDEN and content not in body
    assert bucket.client.get_object_acl(Bucket=bucket.name, Key=key)["Grants"][0]["Permission"] == "FULL_CONTROL"
    assert len(bucket.client.get_object_acl(Bucket=bucket.name, Key=key)["Grants"]) == 1  # the owner only
    # …while a URL signed with the app's key works (nothing in Loa hands one out).
    assert fetch(storages["private"].url(question.attachment.name))[0] == HTTPStatus.OK

    # Staff open it through the permission-checked admin view, which reads it from the bucket.
    response = editor.get(f"/admin/qa/questions/attachment/{question.pk}/")
    assert response.status_code == HTTPStatus.OK
    assert response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content) == content
    assert Client().get(f"/admin/qa/questions/attachment/{question.pk}/").status_code == HTTPStatus.FOUND  # login


def test_private_files_may_have_a_bucket_of_their_own(s3, qa_page):
    public = s3(LOA_S3_PRIVATE_BUCKET="{bucket}-rieng")
    private = Bucket(f"{public.name}-rieng", public.endpoint, public.client, public.env)
    question = ask_with_attachment(qa_page, b"%PDF-1.4\n%%EOF\n")
    assert private.keys() == [f"private/{question.attachment.name}"]
    assert public.keys() == []


def test_settings_without_a_private_storage_keep_attachments_in_the_private_folder(settings, tmp_path):
    from loa.qa.attachments import private_storage

    settings.LOA_QA_PRIVATE_ROOT = str(tmp_path / "private")
    settings.STORAGES = {alias: config for alias, config in settings.STORAGES.items() if alias != "private"}
    name = private_storage.save("qa/2026/06/giay-to.pdf", ContentFile(b"%PDF-1.4"))
    assert (tmp_path / "private" / name).read_bytes() == b"%PDF-1.4"
    with pytest.raises(ValueError, match="no public URL"):
        private_storage.url(name)
