from django.apps import AppConfig


class BenchSearchConfig(AppConfig):
    name = "bench.search.benchapp"
    label = "loa_bench_search"
    verbose_name = "Search bench"
    default_auto_field = "django.db.models.BigAutoField"
