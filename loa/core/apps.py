from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "loa.core"
    label = "loa_core"
    verbose_name = "Loa"

    def ready(self) -> None:
        from . import frontend_purge, signal_handlers  # noqa: F401 -- connect their receivers
        from .pictures import connect_signals

        connect_signals()
