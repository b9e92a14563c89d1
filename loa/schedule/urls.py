"""Public URLs of loa.schedule that are not Wagtail pages (included by loa/urls.py)."""

urlpatterns: list = []
