"""Public URLs of loa.procedures that are not Wagtail pages (included by loa/urls.py)."""

urlpatterns: list = []
