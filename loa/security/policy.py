"""The Content-Security-Policy directives, as plain data the settings module builds from the environment.

Two policies, because the two halves of the site have different needs:

* **Public pages** are served from a full-page cache, so a per-request nonce
  would be frozen into the cached HTML and protect nothing. Their policy is a
  fixed allow-list instead: every script and style is a file under /static/
  (`script-src 'self'`, `style-src 'self'`, no inline code at all), the page
  talks only to its own origin (beacon, search suggestions), and the only
  third-party content is a video provider's player in an <iframe>. PDFs are
  previewed in an <object>, so object-src allows our own origin (not 'none').
  `<script type="application/ld+json">` (feeds/head_tags.html) is a data
  block, never executed, and CSP's script-src does not apply to it.
* **The Wagtail admin** still ships inline <script> (date pickers, inline
  panels) and style="" attributes, so it needs 'unsafe-inline'; it keeps every
  other restriction (no other origins, no plugins, no framing by others).

Kept free of Django imports so the settings module can call it.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

SELF = "'self'"
NONE = "'none'"
UNSAFE_INLINE = "'unsafe-inline'"

#: Players that video pages and body blocks embed (Wagtail's oEmbed finders return their <iframe>).
VIDEO_FRAME_SOURCES = (
    "https://www.youtube-nocookie.com",
    "https://www.youtube.com",
    "https://player.vimeo.com",
)
#: Thumbnails the admin's embed chooser shows for those players.
VIDEO_THUMBNAIL_SOURCES = ("https://i.ytimg.com", "https://i.vimeocdn.com")


def origin_of(url: str) -> str | None:
    """The origin (https://cdn.example.vn) of an absolute URL on another host; None for a path like /media/."""
    parts = urlsplit(url)
    if parts.scheme in {"http", "https"} and parts.netloc:
        return f"{parts.scheme}://{parts.netloc}"
    return None


def _unique(*groups: tuple[str, ...] | list[str]) -> list[str]:
    seen: dict[str, None] = {}
    for group in groups:
        for source in group:
            seen.setdefault(source, None)
    return list(seen)


def public_directives(
    *,
    media_url: str = "/media/",
    static_url: str = "/static/",
    media_sources: tuple[str, ...] | list[str] = (),
    extra_frame_sources: tuple[str, ...] | list[str] = (),
    extra_image_sources: tuple[str, ...] | list[str] = (),
    upgrade_insecure_requests: bool = False,
) -> dict[str, list[str] | bool]:
    """The readers' policy: nothing inline, nothing from elsewhere but the video players (and media storage)."""
    storage = tuple(o for o in (origin_of(media_url), origin_of(static_url)) if o) + tuple(media_sources)
    directives: dict[str, list[str] | bool] = {
        "default-src": [SELF],
        "script-src": _unique([SELF], storage),
        "style-src": _unique([SELF], storage),
        "img-src": _unique([SELF], storage, extra_image_sources),
        "font-src": _unique([SELF], storage),
        "media-src": _unique([SELF], storage),
        "connect-src": [SELF],
        "frame-src": _unique([SELF], VIDEO_FRAME_SOURCES, extra_frame_sources),
        # The PDF preview of Văn bản is an <object type="application/pdf">: only our own files
        # (and uploads in object storage), never another site's plugin content.
        "object-src": _unique([SELF], storage),
        "base-uri": [SELF],
        "form-action": [SELF],
        # Wagtail's live preview frames our own pages; nobody else may (clickjacking).
        "frame-ancestors": [SELF],
    }
    if upgrade_insecure_requests:
        directives["upgrade-insecure-requests"] = True
    return directives


def admin_directives(**options) -> dict[str, list[str] | bool]:
    """The admin's policy: Wagtail's inline scripts and styles allowed, other origins still closed.

    Takes the keyword arguments of `public_directives`, which it extends.
    """
    directives = public_directives(**options)
    directives["script-src"] = _unique(directives["script-src"], [UNSAFE_INLINE])  # type: ignore[arg-type]
    directives["style-src"] = _unique(directives["style-src"], [UNSAFE_INLINE])  # type: ignore[arg-type]
    # Image previews before upload (blob:), Wagtail's icons and focal-point tools (data:), embed thumbnails.
    directives["img-src"] = _unique(directives["img-src"], ["data:", "blob:"], VIDEO_THUMBNAIL_SOURCES)  # type: ignore[arg-type]
    directives["media-src"] = _unique(directives["media-src"], ["blob:"])  # type: ignore[arg-type]
    directives["font-src"] = _unique(directives["font-src"], ["data:"])  # type: ignore[arg-type]
    return directives


def object_storage_origins(env: dict[str, str] | Any) -> list[str]:
    """Where browsers fetch uploads from when they live in S3-compatible storage (loa.core.storage_settings).

    The CDN or custom domain when one is set; otherwise the endpoint, both
    path-style (endpoint/bucket/…) and virtual-hosted (bucket.endpoint/…);
    AWS's own host names without an endpoint.
    """
    bucket = env.get("LOA_S3_BUCKET", "").strip()
    if not bucket:
        return []
    domain = env.get("LOA_S3_CUSTOM_DOMAIN", "").strip().rstrip("/")
    if domain:
        if "://" not in domain:
            domain = "https://" + domain
        return [o for o in [origin_of(domain + "/")] if o]
    endpoint = env.get("LOA_S3_ENDPOINT_URL", "").strip()
    if endpoint:
        parts = urlsplit(endpoint)
        return [f"{parts.scheme}://{parts.netloc}", f"{parts.scheme}://{bucket}.{parts.netloc}"]
    region = env.get("LOA_S3_REGION", "").strip()
    hosts = [f"https://{bucket}.s3.amazonaws.com"] + ([f"https://{bucket}.s3.{region}.amazonaws.com"] if region else [])
    return hosts
