"""Public URLs of loa.qa that are not Wagtail pages (included by loa/urls.py)."""

urlpatterns: list = []
