from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RoyaltiesConfig(AppConfig):
    name = "loa.royalties"
    label = "loa_royalties"
    verbose_name = _("Royalties")
