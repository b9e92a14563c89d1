from django.apps import AppConfig


class StatsConfig(AppConfig):
    name = "loa.stats"
    label = "loa_stats"

    def ready(self) -> None:
        from . import signal_handlers  # noqa: F401
