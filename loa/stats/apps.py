from django.apps import AppConfig


class StatsConfig(AppConfig):
    name = "loa.stats"
    label = "loa_stats"
