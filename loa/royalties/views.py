"""Admin screens: the article list with its royalty form, and the monthly payment list (HTML and XLSX)."""

from __future__ import annotations

from urllib.parse import urlencode

from django.core.exceptions import PermissionDenied
from django.db.models import OuterRef, Prefetch, Subquery
from django.db.models.functions import Length, Substr
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext
from django.views.generic import TemplateView, View
from wagtail.admin.ui.tables import Column, StatusTagColumn, TitleColumn
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.admin.views.generic import EditView, IndexView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.widgets.button import HeaderButton
from wagtail.models import Page, Site

from loa.core.formats import vn_date
from loa.news.models import ArticlePage

from . import sheet
from .filters import ArticleRoyaltyFilterSet, published_months
from .forms import PayrollFilterForm
from .models import ArticleRoyalty, RoyaltyShare, equal_shares
from .money import format_decimal, format_dong
from .payroll import Calculator, Month, Payroll, build_payroll
from .permissions import can_view_payroll
from .xlsx import payroll_workbook


def _royalty(article: ArticlePage) -> ArticleRoyalty | None:
    try:
        return article.royalty
    except ArticleRoyalty.DoesNotExist:
        return None


def _payees(article: ArticlePage) -> str:
    """'Hoàng Anh (60%), Minh Thu (40%)'."""
    royalty = _royalty(article)
    if royalty is None:
        return ""
    return ", ".join(f"{share.payee.name} ({format_decimal(share.percent)}%)" for share in royalty.shares.all())


class ArticleRoyaltyIndexView(IndexView):
    """Published articles (not royalties): the ones still without a royalty are the work to do."""

    any_permission_required = ["change", "view"]
    page_title = gettext_lazy("Article royalties")
    default_ordering = "-first_published_at"
    filterset_class = ArticleRoyaltyFilterSet

    @cached_property
    def verbose_name_plural(self):
        return ArticlePage._meta.verbose_name_plural

    def get_base_queryset(self):
        section_title = Page.objects.filter(
            path=Substr(OuterRef("path"), 1, Length(OuterRef("path")) - Page.steplen)
        ).values("title")[:1]
        return (
            ArticlePage.objects.filter(first_published_at__isnull=False)
            .select_related("royalty__genre")
            .prefetch_related(
                Prefetch(
                    "royalty__shares", queryset=RoyaltyShare.objects.select_related("payee").order_by("sort_order")
                )
            )
            .annotate(section_title=Subquery(section_title))
        )

    @cached_property
    def calculator(self) -> Calculator:
        return Calculator()

    def _amount(self, article: ArticlePage) -> str:
        royalty = _royalty(article)
        if royalty is None:
            return ""
        return format_dong(self.calculator.amount(royalty, article).total)

    @cached_property
    def columns(self):
        columns = [
            self._get_title_column("title", label=_("Article"), sort_key="title"),
            Column("section_title", label=pgettext("royalty list", "Section"), sort_key="section_title"),
            Column(
                "published",
                label=pgettext("royalty list", "Published"),
                accessor=lambda article: vn_date(article.first_published_at),
                sort_key="first_published_at",
            ),
            Column("genre", label=_("Genre"), accessor=lambda a: (r := _royalty(a)) and r.genre.name),
            Column("points", label=_("Points"), accessor=lambda a: (r := _royalty(a)) and format_decimal(r.points)),
            Column("payees", label=_("Payees"), accessor=_payees),
        ]
        if can_view_payroll(self.request.user):
            columns.append(Column("amount", label=_("Amount"), accessor=self._amount))
        columns.append(
            StatusTagColumn(
                "status",
                label=_("Royalty"),
                accessor=lambda article: (
                    pgettext("royalty status", "Set")
                    if _royalty(article)
                    else pgettext("royalty status", "Not set yet")
                ),
                primary=lambda article: _royalty(article) is None,
                classname="w-whitespace-nowrap",
            )
        )
        return columns

    def _get_title_column(self, field_name, column_class=TitleColumn, **kwargs):
        column_class = self._get_title_column_class(column_class)
        return column_class(field_name, get_url=self.get_edit_url, **kwargs)

    def get_edit_url(self, instance):
        url = super().get_edit_url(instance)
        if url:
            query = self.request.GET.copy()
            for key in ("_w_filter_fragment", "p"):
                query.pop(key, None)
            back = self.index_url + (f"?{query.urlencode()}" if query else "")
            url += "?" + urlencode({"next": back})
        return url

    @cached_property
    def header_buttons(self):
        if can_view_payroll(self.request.user):
            return [HeaderButton(_("Payment list"), url=reverse("royalty_payroll:index"), icon_name="table")]
        return []


class ArticleRoyaltyEditView(EditView):
    """Edits the royalty of the article whose id is in the URL, creating it on the first save.

    A new royalty starts with the article's authors sharing equally, so the
    usual case (one or two reporters) is a genre, a number and Save.
    """

    success_message = gettext_lazy("Royalty of “%(object)s” saved.")
    error_message = gettext_lazy("The royalty was not saved. Please correct the errors below.")

    def get_object(self, queryset=None):
        article = get_object_or_404(ArticlePage, pk=self.object_pk)
        royalty = ArticleRoyalty.objects.filter(pk=article.pk).select_related("article").first()
        if royalty is None:
            royalty = ArticleRoyalty(article=article)
            if self.request.method == "GET":
                royalty.shares = equal_shares(article.authors())
        return royalty

    def get_page_subtitle(self):
        return self.object.article.title

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse(self.index_url_name), "label": _("Article royalties")},
            {"url": "", "label": self.get_page_subtitle()},
        ]

    def get_edit_url(self):
        url = super().get_edit_url()
        if next_url := get_valid_next_url_from_request(self.request):
            url += "?" + urlencode({"next": next_url})
        return url

    def get_success_url(self):
        return get_valid_next_url_from_request(self.request) or super().get_success_url()

    def get_success_buttons(self):
        return []

    def is_valid(self, form):
        self.form = form  # read by get_error_message() below
        return super().is_valid(form)

    def get_error_message(self):
        """Wagtail's banner plus why the shares were refused, which no single field shows."""
        message = super().get_error_message()
        return " ".join([message, *self.form.shares_errors()]) if message else message

    def save_instance(self):
        log_action = "wagtail.create" if self.object._state.adding else "wagtail.edit"
        self.action_class(self.form.instance, user=self.request.user, form=self.form, log_action=log_action).execute(
            skip_permission_checks=True
        )
        return self.form.instance


# --- the payment list ----------------------------------------------------------------------------


class PayrollAccessMixin:
    """Only approvers and administrators (``view_payroll``) see who is paid what."""

    def dispatch(self, request, *args, **kwargs):
        if not can_view_payroll(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def selection(self) -> tuple[PayrollFilterForm, Site, Month]:
        """The form, site and month asked for; last month on the request's site by default."""
        this_month = Month.of(timezone.now())
        months = sorted({this_month, this_month.previous(), *published_months()}, reverse=True)
        sites = Site.objects.select_related("root_page").order_by("-is_default_site", "site_name", "hostname")
        site = Site.find_for_request(self.request) or sites.first()
        initial = {"month": this_month.previous().key, "site": site.pk if site else None}
        data = self.request.GET if "month" in self.request.GET else None
        form = PayrollFilterForm(data, initial=initial, months=months, sites=sites)
        month = this_month.previous()
        if form.is_bound and form.is_valid():
            month = Month.parse(form.cleaned_data["month"]) or month
            site = form.cleaned_data.get("site") or site
        return form, site, month


class PayrollView(PayrollAccessMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "royalties/payroll.html"
    page_title = gettext_lazy("Royalty payment list")
    header_icon = "table"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]

    def get_context_data(self, **kwargs):
        form, site, month = self.selection()
        payroll = build_payroll(site, month)
        context = super().get_context_data(**kwargs)
        query = {"month": month.key}
        if "site" in form.fields:
            query["site"] = site.pk
        context.update(
            form=form,
            payroll=payroll,
            xlsx_url=reverse("royalty_payroll:xlsx") + "?" + urlencode(query),
            missing_url=reverse("article_royalties:index")
            + "?"
            + urlencode({"month": month.key, "royalty": "missing"}),
            days_without_value=", ".join(vn_date(day) for day in payroll.days_without_value),
            **self.sheet_texts(payroll),
        )
        return context

    @staticmethod
    def sheet_texts(payroll: Payroll) -> dict:
        """The printed words of the form, the same ones the XLSX file uses (see sheet.py)."""
        parent, agency = sheet.agency_lines(payroll)
        return {
            "agency_parent": parent,
            "agency_name": agency,
            "republic": sheet.REPUBLIC,
            "motto": sheet.MOTTO,
            "sheet_title": sheet.title(),
            "month_line": sheet.month_line(payroll),
            "rules_line": sheet.rules_line(payroll),
            "columns": sheet.COLUMNS,
            "subtotal_label": sheet.subtotal_label(),
            "total_label": sheet.total_label(),
            "empty_line": sheet.empty_line(),
            "words_line": sheet.words_line(payroll),
            "date_line": sheet.date_line(),
            "signatures": sheet.signatures(),
        }


class PayrollXlsxView(PayrollAccessMixin, View):
    def get(self, request, *args, **kwargs):
        _form, site, month = self.selection()
        content = payroll_workbook(build_payroll(site, month))
        response = HttpResponse(
            content, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        )
        response["Content-Disposition"] = f'attachment; filename="nhuan-but-{month.key}.xlsx"'
        return response
