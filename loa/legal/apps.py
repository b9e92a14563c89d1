from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LegalConfig(AppConfig):
    name = "loa.legal"
    label = "loa_legal"
    verbose_name = _("Legal documents")
