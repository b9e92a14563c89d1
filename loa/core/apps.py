from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "loa.core"
    label = "loa_core"
    verbose_name = "Loa"

    def ready(self) -> None:
        from . import frontend_purge, signal_handlers  # noqa: F401 -- connect their receivers
        from .pictures import connect_signals
        from .slugs import use_vietnamese_slug_input
        from .uploads import connect_signals as connect_upload_signals
        from .uploads import refuse_decompression_bombs

        connect_signals()
        use_vietnamese_slug_input()
        connect_upload_signals()
        refuse_decompression_bombs()
