"""Public URLs of loa.ratings that are not Wagtail pages (included by loa/urls.py)."""

from django.urls import path

from .views import submit

urlpatterns: list = [path("api/danh-gia/", submit, name="ratings-submit")]
