from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from django.views.static import serve
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from loa.core.modules import MODULES
from loa.core.views import favicon
from loa.search.views import search_page, suggestions
from loa.stats.views import beacon

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/beacon/", beacon, name="beacon"),
    path("tim-kiem/", search_page, name="search"),
    path("tim-kiem/goi-y/", suggestions, name="search-suggestions"),
    path("favicon.ico", favicon),
    # Captions of uploaded videos (loa.media.views.captions).
    path("", include("loa.media.urls")),
    # Each module's own non-page URLs (feeds, form endpoints, robots.txt…).
    *[path("", include(f"loa.{app}.urls")) for app in MODULES],
]

if settings.LOA_SERVE_MEDIA:
    # The embedded default has nothing in front of the app to serve uploads.
    # Not documents/: Wagtail serves those through /documents/<id>/, which checks private collections.
    urlpatterns += [re_path(r"^media/(?!documents/)(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT})]

# Wagtail's pages: Vietnamese at the root as always, English under /en/ (the language is activated
# from the URL by loa.about.middleware.PathLanguageMiddleware before resolving).
urlpatterns += i18n_patterns(path("", include(wagtail_urls)), prefix_default_language=False)

handler404 = "loa.core.views.page_not_found"
handler500 = "loa.core.views.server_error"
