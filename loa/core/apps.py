from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "loa.core"
    label = "loa_core"
    verbose_name = "Loa"

    def ready(self) -> None:
        from . import signal_handlers  # noqa: F401
