"""Genres, the value of a point, each site's multiplier, and each article's royalty split between payees."""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_DOWN, Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Orderable

from .money import format_decimal, format_dong
from .widgets import multiplier_input, percent_input, points_input

NOT_NEGATIVE = MinValueValidator(Decimal(0), message=_("Enter zero or a positive number, not a negative one."))
AT_MOST_100 = MaxValueValidator(Decimal(100), message=_("A share cannot be more than %(limit_value)s%%."))
NEGATIVE_MESSAGE = NOT_NEGATIVE.message


def points_field(verbose_name, **kwargs) -> models.DecimalField:
    return models.DecimalField(verbose_name, max_digits=5, decimal_places=2, validators=[NOT_NEGATIVE], **kwargs)


class GenreCategory(models.TextChoices):
    """The groups of Nghị định 18/2014/NĐ-CP, Điều 7; each caps the points of its genres (see CATEGORY_CAPS)."""

    NEWS = "news", _("News and photos")
    COMMENTARY = "commentary", _("Commentary and reportage")
    ONLINE = "online", _("Online and media")


#: The highest coefficient (points) a genre of each category may be worth.
CATEGORY_CAPS: dict[str, Decimal] = {
    GenreCategory.NEWS: Decimal(10),
    GenreCategory.COMMENTARY: Decimal(30),
    GenreCategory.ONLINE: Decimal(50),
}


class Genre(Orderable):
    """A thể loại of the province's table: what an article of this kind is worth, in points."""

    name = models.CharField(_("name"), max_length=100, unique=True)
    category = models.CharField(_("category"), max_length=20, choices=GenreCategory.choices)
    min_points = points_field(_("fewest points"))
    max_points = points_field(_("most points"))

    panels = [
        FieldPanel("name"),
        FieldPanel("category"),
        FieldRowPanel(
            [FieldPanel("min_points", widget=points_input()), FieldPanel("max_points", widget=points_input())]
        ),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("genre")
        verbose_name_plural = _("genres")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(min_points__gte=0),
                name="loa_royalties_genre_min_not_negative",
                violation_error_message=NEGATIVE_MESSAGE,
            ),
            models.CheckConstraint(
                condition=models.Q(max_points__gte=models.F("min_points")),
                name="loa_royalties_genre_range",
                violation_error_message=_("The most points cannot be fewer than the fewest points."),
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def cap(self) -> Decimal:
        return CATEGORY_CAPS.get(self.category, Decimal(0))

    def range_label(self) -> str:
        """'1,5 điểm' or '3–8 điểm'."""
        if self.min_points == self.max_points:
            return _("%(points)s points") % {"points": format_decimal(self.min_points)}
        return _("%(min)s–%(max)s points") % {
            "min": format_decimal(self.min_points),
            "max": format_decimal(self.max_points),
        }

    def clean(self) -> None:
        super().clean()
        if self.min_points is None or self.max_points is None:
            return
        if self.max_points < self.min_points:
            raise ValidationError({"max_points": _("The most points cannot be fewer than the fewest points.")})
        if self.category and self.max_points > self.cap:
            raise ValidationError(
                {
                    "max_points": _(
                        "A genre of the category “%(category)s” may be worth at most %(cap)s points "
                        "(Nghị định 18/2014/NĐ-CP, Điều 7)."
                    )
                    % {"category": self.get_category_display(), "cap": format_decimal(self.cap)}
                }
            )


class PointValue(models.Model):
    """What one point is worth from a date on: 10% of the base salary (lương cơ sở) in force then."""

    amount = models.PositiveIntegerField(
        _("value of one point (đồng)"),
        validators=[MinValueValidator(1, message=_("The value of a point must be more than 0 đồng."))],
    )
    effective_from = models.DateField(_("in effect from"), unique=True)
    note = models.CharField(
        _("note"), max_length=255, blank=True, help_text=_("e.g. the decree that set the base salary")
    )

    panels = [FieldPanel("amount"), FieldPanel("effective_from"), FieldPanel("note")]

    class Meta:
        ordering = ["-effective_from"]
        verbose_name = _("point value")
        verbose_name_plural = _("point values")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(amount__gt=0),
                name="loa_royalties_point_value_positive",
                violation_error_message=_("The value of a point must be more than 0 đồng."),
            )
        ]

    def __str__(self) -> str:
        return _("%(amount)s from %(date)s") % {
            "amount": format_dong(self.amount),
            "date": self.effective_from.strftime("%d/%m/%Y") if self.effective_from else "",
        }

    @classmethod
    def in_effect_on(cls, day: dt.date) -> PointValue | None:
        return cls.objects.filter(effective_from__lte=day).order_by("-effective_from").first()


@register_setting(icon="decimal")
class RoyaltySettings(BaseSiteSetting):
    """How much of the standard amount this site pays, and how long the agency has to pay it."""

    multiplier_percent = models.DecimalField(
        _("site multiplier (%)"),
        max_digits=5,
        decimal_places=2,
        default=Decimal(100),
        validators=[NOT_NEGATIVE],
        help_text=_("100 on the agency's portal; e.g. 20 on a department's site that pays a fifth of the amount."),
    )
    payment_days = models.PositiveSmallIntegerField(
        _("days to pay"), default=60, help_text=_("Royalties are due this many days after the article is published.")
    )

    panels = [FieldPanel("multiplier_percent", widget=multiplier_input()), FieldPanel("payment_days")]

    class Meta:
        verbose_name = _("royalty settings")


class ArticleRoyalty(ClusterableModel):
    """An article's genre and points, split between the people paid for it (see RoyaltyShare).

    The article is the primary key, so the admin edits an article's royalty at
    the article's own id whether or not one was saved before.
    """

    article = models.OneToOneField(
        "loa_news.ArticlePage",
        verbose_name=_("article"),
        primary_key=True,
        on_delete=models.CASCADE,
        related_name="royalty",
    )
    genre = models.ForeignKey(Genre, verbose_name=_("genre"), on_delete=models.PROTECT, related_name="royalties")
    points = points_field(_("points"))
    note = models.CharField(_("note"), max_length=500, blank=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("article royalty")
        verbose_name_plural = _("article royalties")
        permissions = [("view_payroll", _("Can see the royalty payment list and amounts"))]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(points__gte=0),
                name="loa_royalties_points_not_negative",
                violation_error_message=NEGATIVE_MESSAGE,
            )
        ]

    def __str__(self) -> str:
        return self.article.title if self.article_id else ""

    def clean(self) -> None:
        super().clean()
        genre = self.genre if self.genre_id else None
        if genre is None or self.points is None:
            return
        if not genre.min_points <= self.points <= genre.max_points:
            raise ValidationError(
                {
                    "points": _("“%(genre)s” is worth %(range)s; %(points)s is outside that range.")
                    % {"genre": genre.name, "range": genre.range_label(), "points": format_decimal(self.points)}
                }
            )


class ShareRole(models.TextChoices):
    AUTHOR = "author", _("author")
    PHOTO = "photo", _("photos")
    CONTRIBUTOR = "contributor", _("contributor")
    OTHER = "other", _("other")


class RoyaltyShare(Orderable):
    """One payee's part of an article's royalty; the parts of an article add up to 100%."""

    royalty = ParentalKey(ArticleRoyalty, on_delete=models.CASCADE, related_name="shares")
    payee = models.ForeignKey(
        "loa_news.Author", verbose_name=_("payee"), on_delete=models.PROTECT, related_name="royalty_shares"
    )
    role = models.CharField(_("role"), max_length=20, choices=ShareRole.choices, default=ShareRole.AUTHOR)
    percent = models.DecimalField(
        _("share (%)"), max_digits=5, decimal_places=2, validators=[NOT_NEGATIVE, AT_MOST_100]
    )

    panels = [FieldPanel("payee"), FieldPanel("role"), FieldPanel("percent", widget=percent_input())]

    class Meta(Orderable.Meta):
        verbose_name = _("share")
        verbose_name_plural = _("shares")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(percent__gte=0, percent__lte=100),
                name="loa_royalties_share_percent_range",
                violation_error_message=_("A share must be between 0 and 100%%."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.payee} – {format_decimal(self.percent)}%"


def equal_shares(payees) -> list[RoyaltyShare]:
    """One author share per payee, equal to the hundredth; the first takes the rounding (33.34 + 33.33 + 33.33)."""
    unique = list({payee.pk: payee for payee in payees}.values())
    if not unique:
        return []
    each = (Decimal(100) / len(unique)).quantize(Decimal("0.01"), rounding=ROUND_DOWN)
    first = Decimal(100) - each * (len(unique) - 1)
    return [
        RoyaltyShare(payee=payee, role=ShareRole.AUTHOR, percent=first if index == 0 else each)
        for index, payee in enumerate(unique)
    ]
