from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AboutConfig(AppConfig):
    name = "loa.about"
    label = "loa_about"
    verbose_name = _("About the agency")

    def ready(self) -> None:
        from wagtail.models import Locale

        from loa.core.signal_handlers import bump_on_change

        from . import locales
        from .models import EnglishAgencySettings

        locales.install()
        bump_on_change(Locale, EnglishAgencySettings)
