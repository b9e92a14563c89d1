"""Banners and weather places appear on every page: their changes bump the content version."""

from loa.core.signal_handlers import bump_on_change

from .models import CampaignBanner, WeatherPlace

bump_on_change(CampaignBanner, WeatherPlace)
