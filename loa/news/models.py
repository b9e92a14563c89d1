"""Sections (chuyên mục), articles, authors and their bylines."""

from __future__ import annotations

from typing import ClassVar

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from loa.core.blocks import BodyBlock
from loa.core.models import BasePage
from loa.core.versioning import LoaPageManager

ARTICLES_PER_PAGE = 12


@register_snippet
class Author(index.Indexed, models.Model):
    """A person who writes for the portal, with the unit printed after their name."""

    name = models.CharField(_("name"), max_length=255)
    unit = models.CharField(
        _("unit"), max_length=255, blank=True, help_text=_("e.g. Trung tâm Văn hóa và Truyền thanh thành phố")
    )
    user = models.ForeignKey(
        "auth.User", verbose_name=_("admin account"), null=True, blank=True, on_delete=models.SET_NULL
    )

    panels = [FieldPanel("name"), FieldPanel("unit"), FieldPanel("user")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("author")
        verbose_name_plural = _("authors")

    def __str__(self) -> str:
        return f"{self.name} ({self.unit})" if self.unit else self.name


def format_byline(authors: list[Author]) -> str:
    """'Hoàng Anh – Minh Thu (Trung tâm Văn hóa và Truyền thanh thành phố)'.

    Consecutive authors of the same unit share one parenthesis, as newsrooms print it.
    """
    groups: list[tuple[list[str], str]] = []
    for author in authors:
        if groups and groups[-1][1] == author.unit:
            groups[-1][0].append(author.name)
        else:
            groups.append(([author.name], author.unit))
    parts = [" – ".join(names) + (f" ({unit})" if unit else "") for names, unit in groups]
    return "; ".join(parts)


class SectionPage(BasePage, Page):
    """A chuyên mục: articles newest first, paginated, with its sub-sections."""

    objects = LoaPageManager()

    intro = models.TextField(_("description"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    subpage_types: ClassVar[list[str]] = ["loa_news.SectionPage", "loa_news.ArticlePage"]
    parent_page_types: ClassVar[list[str]] = ["loa_home.HomePage", "loa_news.SectionPage"]
    template = "news/section_page.html"

    class Meta:
        verbose_name = _("section")
        verbose_name_plural = _("sections")

    def articles(self):
        return (
            ArticlePage.objects.live()
            .public()
            .descendant_of(self)
            .select_related("main_image")
            .order_by("-first_published_at")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        paginator = Paginator(self.articles(), ARTICLES_PER_PAGE)
        try:
            page_obj = paginator.page(request.GET.get("trang", 1))
        except PageNotAnInteger:
            page_obj = paginator.page(1)
        except EmptyPage:
            page_obj = paginator.page(paginator.num_pages)
        context["page_obj"] = page_obj
        context["subsections"] = SectionPage.objects.child_of(self).live().public()
        return context


class ArticlePageTag(TaggedItemBase):
    content_object = ParentalKey("loa_news.ArticlePage", related_name="tagged_items", on_delete=models.CASCADE)


class ArticlePage(BasePage, Page):
    """A news article (tin bài)."""

    objects = LoaPageManager()

    sapo = models.TextField(_("sapo (lead)"), blank=True, help_text=_("The lead paragraph, shown in bold."))
    main_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("main photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    main_image_caption = models.CharField(_("main photo caption"), max_length=500, blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)
    source = models.CharField(_("source"), max_length=255, blank=True)
    featured = models.BooleanField(_("featured on the home page"), default=False)
    tags = ClusterTaggableManager(through=ArticlePageTag, blank=True, verbose_name=_("tags"))

    content_panels = [
        *Page.content_panels,
        FieldPanel("sapo"),
        MultiFieldPanel([FieldPanel("main_image"), FieldPanel("main_image_caption")], heading=_("Main photo")),
        FieldPanel("body"),
        InlinePanel("article_authors", label=_("Authors"), min_num=0),
        FieldPanel("source"),
        FieldPanel("tags"),
        FieldPanel("featured"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("sapo"),
        index.SearchField("body"),
    ]
    parent_page_types: ClassVar[list[str]] = ["loa_news.SectionPage"]
    subpage_types: ClassVar[list[str]] = []
    template = "news/article_page.html"
    route_select_related = ("main_image",)

    class Meta:
        verbose_name = _("article")
        verbose_name_plural = _("articles")

    @property
    def publish_date(self):
        return self.first_published_at or self.go_live_at or timezone.now()

    @property
    def section(self) -> Page | None:
        return self.get_parent()

    def authors(self) -> list[Author]:
        return [item.author for item in self.article_authors.select_related("author")]

    def byline(self) -> str:
        return format_byline(self.authors())

    def related_articles(self, limit: int = 4, tag_ids: list[int] | None = None):
        """Articles sharing a tag first, then the newest of the same section, in one query."""
        if tag_ids is None:
            tag_ids = list(self.tags.values_list("pk", flat=True))
        shares_tag = Exists(ArticlePageTag.objects.filter(content_object_id=OuterRef("pk"), tag_id__in=tag_ids))
        sibling = Q(path__startswith=self.path[: -self.steplen], depth=self.depth)
        return list(
            ArticlePage.objects.live()
            .public()
            .exclude(pk=self.pk)
            .annotate(shares_tag=shares_tag)
            .filter(Q(shares_tag=True) | sibling)
            .order_by("-shares_tag", "-first_published_at")[:limit]
        )

    def get_context(self, request, *args, **kwargs):
        from loa.stats.counters import page_view_count

        context = super().get_context(request, *args, **kwargs)
        context["view_count"] = page_view_count(self.pk)
        context["tags"] = list(self.tags.all())
        context["print_view"] = request.GET.get("print") == "1"
        return context


class ArticleAuthor(Orderable):
    page = ParentalKey(ArticlePage, related_name="article_authors", on_delete=models.CASCADE)
    author = models.ForeignKey(Author, verbose_name=_("author"), on_delete=models.PROTECT, related_name="+")

    panels = [FieldPanel("author")]

    class Meta(Orderable.Meta):
        verbose_name = _("author")
