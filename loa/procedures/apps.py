from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProceduresConfig(AppConfig):
    name = "loa.procedures"
    label = "loa_procedures"
    verbose_name = _("Administrative procedures")
