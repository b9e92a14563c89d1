from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class QaConfig(AppConfig):
    name = "loa.qa"
    label = "loa_qa"
    verbose_name = _("Citizen questions")

    def ready(self) -> None:
        from . import signal_handlers  # noqa: F401
