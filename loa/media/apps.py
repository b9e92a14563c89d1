import mimetypes

from django.apps import AppConfig


class MediaConfig(AppConfig):
    name = "loa.media"
    label = "loa_media"

    def ready(self) -> None:
        from django.db.models.signals import post_delete

        from .models import VideoCaptions
        from .signal_handlers import delete_captions_file

        # Python's table lacks .vtt on some systems; the media view (embedded default) and
        # django-storages (S3: the object's Content-Type) both name a file's type from it.
        mimetypes.add_type("text/vtt", ".vtt")
        post_delete.connect(delete_captions_file, sender=VideoCaptions, dispatch_uid="loa-media-captions-file")
