"""Public URLs of loa.about that are not Wagtail pages (included by loa/urls.py)."""

urlpatterns: list = []
