from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "loa.home"
    label = "loa_home"
