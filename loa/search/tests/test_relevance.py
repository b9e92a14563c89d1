"""The relevance set over the demo content: MRR and recall@5, on whichever database the suite runs.

bin/test runs this module on SQLite and again on PostgreSQL, so both backends
are measured with the same cases; the figures are printed (pytest -s, or in the
summary of a failure) and the test fails under recall@5 = 0.95.
"""

from __future__ import annotations

import io
import re
from collections import defaultdict

import pytest
from django.core.management import call_command
from django.db import connection, transaction

from loa.search import query

from .relevance_set import CASES

MIN_RECALL_AT_5 = 0.95


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_demo", stdout=io.StringIO())
        yield
        transaction.set_rollback(True)


def test_relevance_set_is_large_and_varied():
    assert len(CASES) >= 60
    kinds = defaultdict(int)
    for case in CASES:
        for kind in re.findall(r"\[(\w+)\]", case.note):
            kinds[kind] += 1
    assert kinds["plain"] >= len(CASES) / 2
    assert kinds["nfd"] >= 5 and kinds["name"] and kinds["phrase"]


@pytest.mark.django_db
def test_recall_at_5_and_mrr(demo):
    reciprocal_ranks, recalled, misses = [], 0, []
    by_kind: dict[str, list[float]] = defaultdict(list)
    for case in CASES:
        top = [hit.title for hit in query.search(case.query, query.Options(limit=10)).hits]
        ranks = [top.index(title) + 1 for title in case.expected if title in top]
        reciprocal = 1 / min(ranks) if ranks else 0.0
        reciprocal_ranks.append(reciprocal)
        in_top5 = all(title in top[:5] for title in case.expected)
        recalled += in_top5
        for kind in re.findall(r"\[(\w+)\]", case.note):
            by_kind[kind].append(reciprocal)
        if not in_top5 or reciprocal < 1:
            misses.append(f"  {case.query!r}: expected {case.expected[0][:50]!r}, got {[t[:40] for t in top[:3]]}")
    mrr = sum(reciprocal_ranks) / len(CASES)
    recall = recalled / len(CASES)
    report = [
        f"\nSearch relevance on {connection.vendor}: {len(CASES)} queries, MRR {mrr:.3f}, recall@5 {recall:.3f}",
        "  MRR by kind: " + ", ".join(f"{k} {sum(v) / len(v):.2f} ({len(v)})" for k, v in sorted(by_kind.items())),
        f"  not first ({len(misses)}):",
        *misses,
    ]
    print("\n".join(report))
    assert recall >= MIN_RECALL_AT_5, "\n".join(report)
