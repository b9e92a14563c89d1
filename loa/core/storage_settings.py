"""STORAGES entries for S3-compatible object storage, read from the environment.

Several app servers cannot share a `var/media` folder, so on a multi-node deployment
uploads live in object storage (AWS S3, MinIO, Ceph, a Vietnamese cloud's S3 service).
Two storages come out of one set of variables:

- ``default``: everything editors upload (Wagtail images and their renditions, documents,
  wagtailmedia videos), public, addressed by plain URLs (no signature) so that pages, a
  CDN (`LOA_S3_CUSTOM_DOMAIN`) and browsers can cache them;
- ``private``: citizens' Hỏi đáp attachments (`loa.qa.attachments`), stored with a
  private ACL under their own prefix or bucket, never given a public URL; staff get them
  through the permission-checked admin view, which reads them with the app's credentials.

The settings import this module, so it imports nothing from Django.
"""

from __future__ import annotations

from collections.abc import Mapping
from urllib.parse import urlsplit

S3_BACKEND = "loa.core.storage.ObjectStorage"  # django-storages S3Storage with short timeouts
#: Browsers and CDNs may keep public files for a week: Wagtail gives every upload and
#: rendition a name of its own, so a changed file gets a new URL rather than new bytes.
DEFAULT_CACHE_CONTROL = "public, max-age=604800"


def custom_domain(value: str) -> tuple[str, str | None]:
    """("https:", "cdn.example.gov.vn") from "cdn.example.gov.vn" or "https://cdn.example.gov.vn".

    A scheme may be given (http:// for a test server on loopback); a path is kept, so a
    domain can point at a bucket behind a path-style endpoint ("127.0.0.1:9000/loa-media").
    """
    value = value.strip().rstrip("/")
    if not value:
        return "https:", None
    if "://" not in value:
        return "https:", value
    parts = urlsplit(value)
    return f"{parts.scheme}:", parts.netloc + parts.path


def object_storages(env: Mapping[str, str]) -> dict[str, dict]:
    """The "default" and "private" STORAGES entries when LOA_S3_BUCKET is set, else nothing."""
    bucket = env.get("LOA_S3_BUCKET", "").strip()
    if not bucket:
        return {}
    connection: dict[str, object] = {"file_overwrite": False}
    for option, name in (
        ("endpoint_url", "LOA_S3_ENDPOINT_URL"),
        ("access_key", "LOA_S3_ACCESS_KEY_ID"),
        ("secret_key", "LOA_S3_SECRET_ACCESS_KEY"),
        ("region_name", "LOA_S3_REGION"),
        ("addressing_style", "LOA_S3_ADDRESSING_STYLE"),
    ):
        # Unset keys fall back to boto3's own chain (AWS_* variables, an instance role).
        if env.get(name, "").strip():
            connection[option] = env[name].strip()
    protocol, domain = custom_domain(env.get("LOA_S3_CUSTOM_DOMAIN", ""))
    location = env.get("LOA_S3_LOCATION", "").strip("/ ")
    public = {
        **connection,
        "bucket_name": bucket,
        "location": location,
        # Empty: rely on a bucket policy instead (buckets whose ACLs are disabled refuse any ACL).
        "default_acl": env.get("LOA_S3_PUBLIC_ACL", "public-read").strip() or None,
        "querystring_auth": False,
        "custom_domain": domain,
        "url_protocol": protocol,
        "object_parameters": {"CacheControl": env.get("LOA_S3_CACHE_CONTROL", DEFAULT_CACHE_CONTROL)},
    }
    private_bucket = env.get("LOA_S3_PRIVATE_BUCKET", "").strip() or bucket
    private_location = env.get("LOA_S3_PRIVATE_LOCATION", "private").strip("/ ")
    if private_bucket == bucket and (not private_location or private_location == location):
        raise ValueError("LOA_S3_PRIVATE_LOCATION must name a prefix of its own when the private bucket is shared")
    private = {
        **connection,
        "bucket_name": private_bucket,
        "location": private_location,
        "default_acl": "private",
        # Signed, short-lived URLs if anything ever asks for one; the admin view streams instead.
        "querystring_auth": True,
        "querystring_expire": 300,
        "custom_domain": None,
        "object_parameters": {"CacheControl": "private, no-store"},
    }
    return {
        "default": {"BACKEND": S3_BACKEND, "OPTIONS": public},
        "private": {"BACKEND": S3_BACKEND, "OPTIONS": private},
    }
