"""Public URLs of loa.ratings that are not Wagtail pages (included by loa/urls.py)."""

urlpatterns: list = []
