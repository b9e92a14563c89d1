from django.apps import AppConfig


class NewsConfig(AppConfig):
    name = "loa.news"
    label = "loa_news"
