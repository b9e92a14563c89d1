"""The captions of uploaded videos, served on the portal's own origin."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_safe

from .captions import CONTENT_TYPE
from .models import VideoCaptions

#: Addresses carry the track's version (?v=…), so a browser or CDN may keep an answer a day.
CAPTIONS_MAX_AGE = 24 * 3600


@require_safe
def captions(request: HttpRequest, media_id: int) -> HttpResponse:
    """The WebVTT file of a video, read through the storage, as text/vtt.

    Why not the storage's own URL: a <track> from another origin (object storage, a CDN) loads
    only when the <video> is marked crossorigin, and then the video file itself must be served
    with CORS headers too, which most buckets are not. From here the track is same-origin, its
    type is right whatever the storage or nginx's mime.types say, and the CSP's media-src 'self'
    allows it.
    """
    track = get_object_or_404(VideoCaptions.objects.only("file"), media_id=media_id)
    try:
        with track.file.open("rb") as handle:
            body = handle.read()
    except (FileNotFoundError, OSError) as error:
        raise Http404("captions file missing") from error
    response = HttpResponse(body, content_type=f"{CONTENT_TYPE}; charset=utf-8")
    response["Cache-Control"] = f"public, max-age={CAPTIONS_MAX_AGE}"
    return response
