"""Citizen questions (Hỏi đáp): the private question, its handling, and the public answer page.

A question belongs to the agency, not to the site tree: it holds the asker's contact
details and stays private. Only when a leader publishes the answer does a
`QuestionPage` appear under the "Hỏi đáp" index page, carrying the question and the
answer and the asker's name as they chose to show it, never their contact details.
"""

from __future__ import annotations

import datetime as dt
import secrets
from typing import ClassVar

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Page
from wagtail.search import index

from loa.core.formats import local_date
from loa.core.models import BasePage
from loa.core.text import vn_slugify
from loa.core.versioning import LoaPageManager
from loa.search.text import fold

from .attachments import DEFAULT_MAX_MB, private_storage
from .workdays import WorkCalendar

DEFAULT_WORKING_DAYS = 15

#: Reference codes: no 0/O, 1/I/L, so a code read over the phone or copied by hand is unambiguous.
CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
CODE_LENGTH = 4


class Topic(models.Model):
    """A field of questions (lĩnh vực): Hộ tịch, Đất đai, Bảo hiểm xã hội…"""

    name = models.CharField(_("name"), max_length=150, unique=True)
    slug = models.SlugField(_("slug"), max_length=150, unique=True, blank=True, allow_unicode=False)
    sort_order = models.PositiveSmallIntegerField(_("sort order"), default=0)
    active = models.BooleanField(_("offered on the form"), default=True)

    panels: ClassVar[list] = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("sort_order"), FieldPanel("active")]

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("topic")
        verbose_name_plural = _("topics")

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs) -> None:
        if not self.slug:
            self.slug = vn_slugify(self.name)[:150]
        super().save(*args, **kwargs)


class Unit(models.Model):
    """A unit of the agency that answers questions (Phòng Tư pháp, Phòng Tài nguyên và Môi trường…)."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    email = models.EmailField(
        _("email"), blank=True, help_text=_("Told when a question is assigned to the unit (optional).")
    )
    sort_order = models.PositiveSmallIntegerField(_("sort order"), default=0)
    active = models.BooleanField(_("can be assigned"), default=True)

    panels: ClassVar[list] = [FieldPanel("name"), FieldPanel("email"), FieldPanel("sort_order"), FieldPanel("active")]

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("answering unit")
        verbose_name_plural = _("answering units")

    def __str__(self) -> str:
        return self.name


class AgencyDay(models.Model):
    """A day the agency decided on: a day off (Tết bridging day) or a Saturday worked in exchange."""

    class Kind(models.TextChoices):
        DAY_OFF = "day_off", _("Day off")
        WORKING_DAY = "working_day", _("Working day (make-up day)")

    date = models.DateField(_("date"), unique=True)
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices, default=Kind.DAY_OFF)
    name = models.CharField(_("reason"), max_length=200, help_text=_("e.g. Nghỉ bù Tết Nguyên đán"))

    panels: ClassVar[list] = [FieldPanel("date"), FieldPanel("kind"), FieldPanel("name")]

    class Meta:
        ordering = ["-date"]
        verbose_name = _("agency day off or working day")
        verbose_name_plural = _("agency days off and working days")

    def __str__(self) -> str:
        return f"{self.date:%d/%m/%Y} – {self.name}"


@register_setting(icon="help")
class QASettings(BaseSiteSetting):
    """How long the agency has to answer, and how large an attachment may be."""

    working_days = models.PositiveSmallIntegerField(
        _("working days to answer"),
        default=DEFAULT_WORKING_DAYS,
        help_text=_("Counted from the day after receipt; weekends, public holidays and agency days off excluded."),
    )
    attachment_max_mb = models.PositiveSmallIntegerField(
        _("largest attachment (MB)"), default=DEFAULT_MAX_MB, help_text=_("PDF files and JPG or PNG photos.")
    )

    panels: ClassVar[list] = [FieldPanel("working_days"), FieldPanel("attachment_max_mb")]

    class Meta:
        verbose_name = _("citizen questions")


def work_calendar() -> WorkCalendar:
    """Weekdays and Vietnam's holidays, with the agency's own days from the admin."""
    days = AgencyDay.objects.values_list("date", "kind")
    return WorkCalendar.of(
        days_off=[day for day, kind in days if kind == AgencyDay.Kind.DAY_OFF],
        extra_working_days=[day for day, kind in days if kind == AgencyDay.Kind.WORKING_DAY],
    )


def answer_working_days() -> int:
    """The site setting of the default site (one agency per installation), else 15."""
    from wagtail.models import Site

    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        return DEFAULT_WORKING_DAYS
    return QASettings.for_site(site).working_days


def deadline_for(received_at: dt.datetime, calendar: WorkCalendar | None = None, days: int | None = None) -> dt.date:
    calendar = calendar or work_calendar()
    return calendar.add_working_days(local_date(received_at), answer_working_days() if days is None else days)


def new_code(now: dt.datetime | None = None) -> str:
    """'HD-2026-7K3Q': year of receipt and four unambiguous characters."""
    year = local_date(now or timezone.now()).year
    return f"HD-{year}-" + "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def normalise_code(raw: str) -> str:
    """What someone typed ('hd 2026 7k3q', 'HD20267K3Q') in the stored form 'HD-2026-7K3Q'."""
    compact = "".join(char for char in (raw or "").upper() if char.isalnum())
    if len(compact) == 6 + CODE_LENGTH and compact.startswith("HD"):
        return f"HD-{compact[2:6]}-{compact[6:]}"
    return (raw or "").strip().upper()


class QuestionQuerySet(models.QuerySet):
    def open(self):
        return self.filter(status__in=(Question.Status.NEW, Question.Status.IN_PROGRESS))

    def overdue(self, today: dt.date | None = None):
        return self.open().filter(deadline__lt=today or timezone.localdate())


class Question(models.Model):
    """A citizen's question as received: private, with its handling until the answer is published."""

    class Status(models.TextChoices):
        # With a context: Wagtail's catalogue has "New" and "Rejected" for pages in a workflow.
        NEW = "new", pgettext_lazy("question status", "New")
        IN_PROGRESS = "in_progress", pgettext_lazy("question status", "Assigned, in progress")
        ANSWERED = "answered", pgettext_lazy("question status", "Answered")
        REJECTED = "rejected", pgettext_lazy("question status", "Rejected")

    code = models.CharField(_("reference code"), max_length=20, unique=True, editable=False)
    index_page = models.ForeignKey(
        "loa_qa.QuestionIndexPage",
        verbose_name=_("asked on"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    asker_name = models.CharField(_("asker's name"), max_length=120)
    show_initials = models.BooleanField(_("show only the asker's initials"), default=False)
    email = models.EmailField(_("email"), blank=True)
    phone = models.CharField(_("phone"), max_length=16, blank=True)
    topic = models.ForeignKey(Topic, verbose_name=_("topic"), on_delete=models.PROTECT, related_name="questions")
    title = models.CharField(_("title"), max_length=200)
    text = models.TextField(_("question"))
    attachment = models.FileField(
        _("attachment"), storage=private_storage, upload_to="qa/%Y/%m/", blank=True, max_length=200
    )
    attachment_name = models.CharField(_("attachment's file name"), max_length=200, blank=True)

    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.NEW)
    unit = models.ForeignKey(
        Unit,
        verbose_name=_("answering unit"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="questions",
    )
    answer = models.TextField(_("answer"), blank=True, help_text=_("Plain text; blank lines separate paragraphs."))
    rejection_reason = models.TextField(
        _("reason for rejection"), blank=True, help_text=_("Sent to the asker and shown when they follow the question.")
    )
    received_at = models.DateTimeField(_("received"), default=timezone.now)
    deadline = models.DateField(_("answer due"))
    assigned_at = models.DateTimeField(_("assigned"), null=True, blank=True)
    answered_at = models.DateTimeField(_("answer published"), null=True, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("published by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    page = models.OneToOneField(
        "loa_qa.QuestionPage",
        verbose_name=_("public page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="source_question",
        editable=False,
    )

    objects = QuestionQuerySet.as_manager()

    search_fields: ClassVar[list] = [index.SearchField("title"), index.SearchField("code"), index.SearchField("text")]

    class Meta:
        ordering = ["-received_at"]
        verbose_name = _("citizen question")
        verbose_name_plural = _("citizen questions")
        permissions = [("publish_answer", _("Can publish and unpublish answers"))]
        indexes = [models.Index(fields=["status", "deadline"])]

    def __str__(self) -> str:
        return f"{self.code} – {self.title}"

    def save(self, *args, **kwargs) -> None:
        if not self.code:
            self.code = self._unused_code()
        if not self.deadline:
            self.deadline = deadline_for(self.received_at)
        super().save(*args, **kwargs)

    def _unused_code(self) -> str:
        for _attempt in range(20):
            code = new_code(self.received_at)
            if not Question.objects.filter(code=code).exists():
                return code
        raise RuntimeError("no free reference code")  # 923,521 codes a year: not reached in practice

    @property
    def is_open(self) -> bool:
        return self.status in (self.Status.NEW, self.Status.IN_PROGRESS)

    def is_overdue(self, today: dt.date | None = None) -> bool:
        return self.is_open and self.deadline < (today or timezone.localdate())

    def working_days_left(self, today: dt.date | None = None) -> int:
        """Working days until the deadline (0 on the day itself, negative once overdue)."""
        today = today or timezone.localdate()
        calendar = work_calendar()
        if today <= self.deadline:
            return calendar.working_days_between(today, self.deadline)
        return -calendar.working_days_between(self.deadline, today)

    @property
    def public_name(self) -> str:
        """'Ông/bà Nguyễn Văn A', or 'Ông/bà N.V.A.' when the asker asked for initials only."""
        name = " ".join(self.asker_name.split())
        if self.show_initials:
            name = "".join(f"{part[0].upper()}." for part in name.split() if part[:1].isalpha())
        elif fold(name.split(" ", 1)[0]) in ("ong", "ba", "anh", "chi", "co", "chu", "bac"):
            return name  # they wrote their own form of address
        return f"Ông/bà {name}"


class QuestionIndexPage(BasePage, RoutablePageMixin, Page):
    """Hỏi đáp: the answered questions, the form to ask one and the page to follow it."""

    objects = LoaPageManager()

    intro = models.TextField(_("lead"), blank=True)
    form_intro = models.TextField(
        _("text above the form"),
        blank=True,
        help_text=_("e.g. what the agency answers and what it does not, how long it takes."),
    )

    content_panels: ClassVar[list] = [*Page.content_panels, FieldPanel("intro"), FieldPanel("form_intro")]
    subpage_types: ClassVar[list[str]] = ["loa_qa.QuestionPage"]
    parent_page_types: ClassVar[list[str]] = ["loa_home.HomePage"]
    template = "qa/question_index_page.html"

    class Meta:
        verbose_name = _("questions and answers page")

    def base_context(self, request, *args, **kwargs) -> dict:
        """The context of any page (for the form, receipt and follow-up routes)."""
        return super().get_context(request, *args, **kwargs)

    def get_context(self, request, *args, **kwargs) -> dict:
        """The list of answered questions (served without a route: HomePage.route finds this page itself)."""
        from .views import answered_list_context

        return {**self.base_context(request, *args, **kwargs), **answered_list_context(request, self)}

    @path("dat-cau-hoi/", name="ask")
    def ask_view(self, request):
        from .views import ask

        return ask(request, self)

    @path("da-gui/", name="thanks")
    def thanks_view(self, request):
        from .views import thanks

        return thanks(request, self)

    @path("tra-cuu/", name="follow")
    def follow_view(self, request):
        from .views import follow

        return follow(request, self)

    def answered(self):
        return (
            QuestionPage.objects.live().public().child_of(self).select_related("topic").order_by("-answered_at", "-pk")
        )


class QuestionPage(BasePage, Page):
    """A question and its answer as the public reads them (made when the answer is published)."""

    objects = LoaPageManager()

    asker = models.CharField(_("asker as shown"), max_length=150)
    topic = models.ForeignKey(
        Topic, verbose_name=_("topic"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    question = models.TextField(_("question"))
    answer = models.TextField(_("answer"))
    unit_name = models.CharField(_("answering unit"), max_length=200, blank=True)
    asked_at = models.DateTimeField(_("asked"))
    answered_at = models.DateTimeField(_("answered"))
    folded_text = models.TextField(editable=False, blank=True)

    content_panels: ClassVar[list] = [
        *Page.content_panels,
        MultiFieldPanel([FieldPanel("asker"), FieldPanel("topic"), FieldPanel("asked_at")], heading=_("Question")),
        FieldPanel("question"),
        MultiFieldPanel([FieldPanel("unit_name"), FieldPanel("answered_at")], heading=_("Answer")),
        FieldPanel("answer"),
    ]
    parent_page_types: ClassVar[list[str]] = ["loa_qa.QuestionIndexPage"]
    subpage_types: ClassVar[list[str]] = []
    # Made from a question when its answer is published (admin › Hỏi đáp), never by hand.
    is_creatable = False
    template = "qa/question_page.html"
    show_sidebar = True

    class Meta:
        verbose_name = _("answered question")
        verbose_name_plural = _("answered questions")

    def save(self, *args, **kwargs):
        self.folded_text = fold(" ".join([self.title, self.question, self.answer]))
        return super().save(*args, **kwargs)

    def search_text(self) -> str:
        """Question and answer for the site search (loa.search.index)."""
        return f"{self.question}\n{self.answer}"
