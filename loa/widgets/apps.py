from django.apps import AppConfig


class WidgetsConfig(AppConfig):
    name = "loa.widgets"
    label = "loa_widgets"

    def ready(self) -> None:
        from . import signal_handlers  # noqa: F401
