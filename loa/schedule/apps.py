from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ScheduleConfig(AppConfig):
    name = "loa.schedule"
    label = "loa_schedule"
    verbose_name = _("Work schedule")
