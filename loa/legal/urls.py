"""Public URLs of loa.legal that are not Wagtail pages (included by loa/urls.py)."""

urlpatterns: list = []
