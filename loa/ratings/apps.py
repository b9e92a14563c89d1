from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RatingsConfig(AppConfig):
    name = "loa.ratings"
    label = "loa_ratings"
    verbose_name = _("Satisfaction ratings")
