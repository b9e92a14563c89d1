"""Public URLs of loa.feeds that are not Wagtail pages (included by loa/urls.py)."""

from django.urls import path

from . import views

urlpatterns = [
    path("robots.txt", views.robots_txt, name="feeds-robots"),
    path("sitemap.xml", views.sitemap_xml, name="sitemap-xml"),
    path("sitemap-news.xml", views.news_sitemap, name="feeds-news-sitemap"),
    path("sitemap-<slug:section>.xml", views.sitemap_section, name="feeds-sitemap-section"),
    path("rss.xml", views.site_rss, name="feeds-rss"),
    path("rss/", views.rss_directory, name="feeds-directory"),
    path("rss/<path:path>.xml", views.section_rss, name="feeds-section-rss"),
]
