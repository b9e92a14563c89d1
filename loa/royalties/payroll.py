"""What each article's royalty is worth, and the monthly payment list (danh sách chi trả nhuận bút).

An article's point value is the one in effect on the day it was first
published (Asia/Ho_Chi_Minh), and its multiplier is that of the site the
article belongs to, so a sheet made today for last year's month still says
what was owed then.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Prefetch
from wagtail.models import Site

from loa.core.formats import VN_TZ, local_date
from loa.core.models import AgencySettings
from loa.core.text import ascii_fold
from loa.news.models import ArticlePage, Author

from .models import ArticleRoyalty, PointValue, RoyaltySettings, RoyaltyShare
from .money import amount_in_words, share_amount


@dataclass(frozen=True, order=True)
class Month:
    """A calendar month in Vietnam, written '2026-07' in URLs and '07/2026' on paper."""

    year: int
    month: int

    @classmethod
    def parse(cls, text: str | None) -> Month | None:
        match = re.fullmatch(r"(\d{4})-(\d{1,2})", (text or "").strip())
        if not match or not 1 <= int(match.group(2)) <= 12:
            return None
        return cls(int(match.group(1)), int(match.group(2)))

    @classmethod
    def of(cls, day: dt.date | dt.datetime) -> Month:
        day = local_date(day)
        return cls(day.year, day.month)

    def previous(self) -> Month:
        return Month(self.year - 1, 12) if self.month == 1 else Month(self.year, self.month - 1)

    def next(self) -> Month:
        return Month(self.year + 1, 1) if self.month == 12 else Month(self.year, self.month + 1)

    @property
    def start(self) -> dt.datetime:
        return dt.datetime(self.year, self.month, 1, tzinfo=VN_TZ)

    @property
    def end(self) -> dt.datetime:
        return self.next().start

    @property
    def key(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"

    @property
    def label(self) -> str:
        return f"{self.month:02d}/{self.year:04d}"


class PointValues:
    """Every point value, read once, answering "which one was in effect on this day?"."""

    def __init__(self, values: list[PointValue] | None = None) -> None:
        rows = values if values is not None else list(PointValue.objects.all())
        self.values = sorted(rows, key=lambda value: value.effective_from, reverse=True)

    def on(self, day: dt.date) -> PointValue | None:
        return next((value for value in self.values if value.effective_from <= day), None)


class SiteMultipliers:
    """Each site's RoyaltySettings, found from an article's url_path (one query per site, at most)."""

    def __init__(self) -> None:
        self._roots = Site.get_site_root_paths()  # most specific root first
        self._settings: dict[int, RoyaltySettings] = {}

    def site_id_for(self, url_path: str) -> int | None:
        return next((root.site_id for root in self._roots if url_path.startswith(root.root_path)), None)

    def settings_for(self, url_path: str) -> RoyaltySettings:
        site_id = self.site_id_for(url_path)
        if site_id is None:
            return RoyaltySettings()  # an article outside every site: the defaults
        if site_id not in self._settings:
            self._settings[site_id] = RoyaltySettings.for_site(Site.objects.get(pk=site_id))
        return self._settings[site_id]


@dataclass
class ArticleAmount:
    """The amount of one article: per share, and the facts it was computed from."""

    published: dt.date
    point_value: PointValue | None
    multiplier_percent: Decimal
    payment_days: int
    shares: list[tuple[RoyaltyShare, int]]

    @property
    def total(self) -> int:
        return sum(amount for _share, amount in self.shares)

    @property
    def due(self) -> dt.date:
        return self.published + dt.timedelta(days=self.payment_days)


class Calculator:
    """Computes amounts for many articles with the point values and site settings read once."""

    def __init__(self, point_values: PointValues | None = None, multipliers: SiteMultipliers | None = None) -> None:
        self.point_values = point_values or PointValues()
        self.multipliers = multipliers or SiteMultipliers()

    def amount(self, royalty: ArticleRoyalty, article: ArticlePage | None = None) -> ArticleAmount:
        article = article or royalty.article
        published = local_date(article.first_published_at or article.publish_date)
        settings = self.multipliers.settings_for(article.url_path or "")
        point_value = self.point_values.on(published)
        shares = [
            (
                share,
                share_amount(royalty.points, point_value.amount, settings.multiplier_percent, share.percent)
                if point_value
                else 0,
            )
            for share in royalty.shares.all()
        ]
        return ArticleAmount(published, point_value, settings.multiplier_percent, settings.payment_days, shares)


# --- the monthly sheet ---------------------------------------------------------------------------


@dataclass
class PayrollLine:
    """One article on one payee's part of the sheet (their shares in it added together)."""

    article: ArticlePage
    genre: str
    published: dt.date
    points: Decimal
    percent: Decimal
    amount: int
    due: dt.date


@dataclass
class PayeeGroup:
    payee: Author
    lines: list[PayrollLine] = field(default_factory=list)

    @property
    def total(self) -> int:
        return sum(line.amount for line in self.lines)


@dataclass
class Payroll:
    site: Site
    month: Month
    agency: AgencySettings
    settings: RoyaltySettings
    groups: list[PayeeGroup]
    point_values: list[PointValue]
    days_without_value: list[dt.date]
    unrated_count: int

    @property
    def total(self) -> int:
        return sum(group.total for group in self.groups)

    @property
    def total_in_words(self) -> str:
        return amount_in_words(self.total)

    @property
    def article_count(self) -> int:
        return len({line.article.pk for group in self.groups for line in group.lines})


def articles_of(site: Site, month: Month):
    """Articles of ``site`` first published in ``month``."""
    return ArticlePage.objects.descendant_of(site.root_page, inclusive=True).filter(
        first_published_at__gte=month.start, first_published_at__lt=month.end
    )


def build_payroll(site: Site, month: Month) -> Payroll:
    """Who is owed what for the articles ``site`` first published in ``month``, grouped per payee."""
    settings = RoyaltySettings.for_site(site)
    point_values = PointValues()
    royalties = (
        ArticleRoyalty.objects.filter(article__in=articles_of(site, month))
        .select_related("article", "genre")
        .prefetch_related(Prefetch("shares", queryset=RoyaltyShare.objects.select_related("payee")))
    )
    groups: dict[int, PayeeGroup] = {}
    used_values: dict[int, PointValue] = {}
    days_without_value: set[dt.date] = set()
    for royalty in royalties:
        article = royalty.article
        published = local_date(article.first_published_at)
        point_value = point_values.on(published)
        if point_value is None:
            days_without_value.add(published)
        else:
            used_values[point_value.pk] = point_value
        per_payee: dict[int, tuple[Decimal, int]] = defaultdict(lambda: (Decimal(0), 0))
        for share in royalty.shares.all():
            amount = (
                share_amount(royalty.points, point_value.amount, settings.multiplier_percent, share.percent)
                if point_value
                else 0
            )
            percent, total = per_payee[share.payee_id]
            per_payee[share.payee_id] = (percent + share.percent, total + amount)
            groups.setdefault(share.payee_id, PayeeGroup(share.payee))
        for payee_id, (percent, amount) in per_payee.items():
            groups[payee_id].lines.append(
                PayrollLine(
                    article=article,
                    genre=royalty.genre.name,
                    published=published,
                    points=royalty.points,
                    percent=percent,
                    amount=amount,
                    due=published + dt.timedelta(days=settings.payment_days),
                )
            )
    ordered = sorted(groups.values(), key=lambda group: (ascii_fold(group.payee.name).casefold(), group.payee.pk))
    for group in ordered:
        group.lines.sort(key=lambda line: (line.published, line.article.title))
    return Payroll(
        site=site,
        month=month,
        agency=AgencySettings.for_site(site),
        settings=settings,
        groups=ordered,
        point_values=sorted(used_values.values(), key=lambda value: value.effective_from),
        days_without_value=sorted(days_without_value),
        unrated_count=articles_of(site, month).filter(royalty__isnull=True).count(),
    )
