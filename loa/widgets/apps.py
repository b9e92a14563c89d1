from django.apps import AppConfig


class WidgetsConfig(AppConfig):
    name = "loa.widgets"
    label = "loa_widgets"
