"""Public URLs of loa.feeds that are not Wagtail pages (included by loa/urls.py)."""

urlpatterns: list = []
