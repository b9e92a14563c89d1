"""The royalty form: a genre's range bounds the points, and the shares must add up to exactly 100%."""

from __future__ import annotations

from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from modelcluster.forms import BaseChildFormSet
from wagtail.admin.forms import WagtailAdminModelForm

from .models import Genre
from .money import format_decimal
from .payroll import Month

HUNDRED = Decimal(100)


class SharesFormSet(BaseChildFormSet):
    """Checks the shares as a whole; each row's own limits (0–100%) are checked by its fields."""

    def clean(self) -> None:
        super().clean()
        if any(self.errors):
            return
        rows = [form.cleaned_data for form in self.forms if form.cleaned_data and not self._should_delete_form(form)]
        if not rows:
            raise ValidationError(_("Add at least one person to pay."), code="no_shares")
        seen: set[tuple[int, str]] = set()
        for row in rows:
            key = (row["payee"].pk, row["role"])
            if key in seen:
                raise ValidationError(
                    _("%(payee)s is listed twice for the same role; put their whole share in one row.")
                    % {"payee": row["payee"].name},
                    code="duplicate_share",
                )
            seen.add(key)
        total = sum((row["percent"] for row in rows), Decimal(0))
        if total != HUNDRED:
            raise ValidationError(
                _("The shares add up to %(total)s%%; they must add up to exactly 100%%.")
                % {"total": format_decimal(total)},
                code="shares_total",
            )


def genre_label(genre: Genre) -> str:
    return f"{genre.name} ({genre.range_label()})"


class ArticleRoyaltyForm(WagtailAdminModelForm):
    """Genres are offered with their range in points, in the order of the province's table."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if genre := self.fields.get("genre"):
            genre.queryset = Genre.objects.order_by("sort_order", "name")
            genre.label_from_instance = genre_label
            genre.empty_label = _("Choose a genre")

    def shares_errors(self) -> list[str]:
        formset = self.formsets.get("shares")
        return list(formset.non_form_errors()) if formset is not None else []


class PayrollFilterForm(forms.Form):
    """Which month (and, on a multi-site install, which site) the payment list is for."""

    month = forms.ChoiceField(label=_("Month"))
    site = forms.ModelChoiceField(label=_("Site"), queryset=None, required=False, empty_label=None)

    def __init__(self, *args, months: list[Month], sites, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["month"].choices = [(month.key, month.label) for month in months]
        self.fields["site"].queryset = sites
        if sites.count() < 2:
            del self.fields["site"]
