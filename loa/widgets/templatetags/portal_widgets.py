"""Header, menu and sidebar pieces of every public page.

Each is rendered inside a `{% cache %}` fragment keyed on the content version
(see `loa.core.models.ContentVersion`), so their queries run once per change,
not once per request.
"""

from __future__ import annotations

from django import template
from wagtail.models import Site

from loa.stats.counters import visit_totals
from loa.stats.models import CounterSettings
from loa.stats.ranking import most_read

from ..models import CampaignBanner
from ..weather import weather_for_display

register = template.Library()


def _site(context):
    request = context.get("request")
    return Site.find_for_request(request) if request else Site.objects.filter(is_default_site=True).first()


@register.inclusion_tag("widgets/main_menu.html", takes_context=True)
def main_menu(context):
    site = _site(context)
    root = site.root_page if site else None
    items = list(root.get_children().live().public().in_menu()) if root else []
    current_path = getattr(context.get("page"), "path", "")
    return {
        "root": root,
        "root_current": root is not None and current_path == root.path,
        "items": [(item, current_path.startswith(item.path)) for item in items],
    }


@register.inclusion_tag("widgets/campaign_banners.html")
def campaign_banners():
    return {"banners": list(CampaignBanner.objects.current().select_related("image")[:3])}


@register.inclusion_tag("widgets/most_read.html", takes_context=True)
def most_read_box(context):
    site = _site(context)
    counter_settings = CounterSettings.for_site(site)
    return {
        "articles": most_read(counter_settings.most_read_window, counter_settings.most_read_count),
        "window": counter_settings.get_most_read_window_display(),
    }


@register.inclusion_tag("widgets/video_box.html")
def video_box(limit: int = 4):
    from loa.media.models import VideoIndexPage, VideoPage

    clips = list(
        VideoPage.objects.live().public().select_related("video", "poster").order_by("-first_published_at")[:limit]
    )
    return {"clips": clips, "index": VideoIndexPage.objects.live().first()}


@register.inclusion_tag("widgets/weather.html")
def weather_box():
    return {"places": weather_for_display()}


@register.inclusion_tag("widgets/visit_counter.html", takes_context=True)
def visit_counter(context):
    site = _site(context)
    return {"visits": visit_totals(CounterSettings.cached_offset(site))}


#: The state-portal modules readers look for by name (NĐ 224/2026), in the order portals list them.
QUICK_LINK_TYPES = (
    ("loa_legal.LegalDocumentIndexPage", "legal"),
    ("loa_schedule.SchedulePage", "schedule"),
    ("loa_qa.QuestionIndexPage", "qa"),
    ("loa_procedures.ProcedureIndexPage", "procedures"),
    ("loa_about.AboutIndexPage", "about"),
    ("loa_core.SitemapPage", "sitemap"),
)


@register.inclusion_tag("widgets/quick_links.html", takes_context=True)
def quick_links(context, variant: str = "box"):
    """Văn bản, Lịch công tác, Hỏi đáp…: the module pages under the site's home, in one query."""
    from django.apps import apps
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import Page

    site = _site(context)
    root = site.root_page if site else None
    links = []
    if root is not None:
        models = {apps.get_model(label): key for label, key in QUICK_LINK_TYPES}
        types = {
            content_type.pk: models[model]
            for model, content_type in ContentType.objects.get_for_models(*models).items()
        }
        by_key = {
            types[page.content_type_id]: page
            for page in Page.objects.child_of(root).live().filter(content_type_id__in=types)
        }
        links = [(key, by_key[key]) for _label, key in QUICK_LINK_TYPES if key in by_key]
    return {"links": links, "variant": variant}
