from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AboutConfig(AppConfig):
    name = "loa.about"
    label = "loa_about"
    verbose_name = _("About the agency")
