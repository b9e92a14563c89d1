"""Panels of the royalty form: the article it is for, and the shares checked as a whole."""

from __future__ import annotations

from django.urls import reverse
from wagtail.admin.panels import InlinePanel, Panel

from loa.core.formats import vn_date

from .forms import SharesFormSet
from .money import format_dong, format_percent
from .payroll import Calculator
from .permissions import can_view_payroll


class SharesPanel(InlinePanel):
    """An InlinePanel whose formset refuses shares that do not add up to 100%."""

    def get_form_options(self):
        options = super().get_form_options()
        options["formsets"][self.relation_name]["formset"] = SharesFormSet
        return options


class ArticleSummaryPanel(Panel):
    """What is being paid for: the article, its section and date, and (for payroll readers) the amount."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "royalties/panels/article_summary.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            royalty = self.instance
            article = royalty.article
            section = article.get_parent()
            context.update(
                article=article,
                section=section.title if section else "",
                published=vn_date(article.first_published_at),
                byline=article.byline(),
                edit_url=reverse("wagtailadmin_pages:edit", args=[article.pk]),
                live_url=article.full_url if article.live else "",
            )
            if not royalty._state.adding and can_view_payroll(getattr(self.request, "user", None)):
                # From the database, not the instance: a refused form has put its bad values on it.
                amount = Calculator().amount(type(royalty).objects.get(pk=royalty.pk), article)
                context.update(
                    amount=amount,
                    amount_total=format_dong(amount.total),
                    amount_value=format_dong(amount.point_value.amount) if amount.point_value else "",
                    amount_multiplier=format_percent(amount.multiplier_percent),
                    amount_due=vn_date(amount.due),
                )
            return context
