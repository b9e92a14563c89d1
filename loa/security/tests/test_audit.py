"""The dependency audit in `make lint`: findings fail it, an unreachable advisory service only warns."""

from __future__ import annotations

import json

from loa.security.audit import Report, parse, verdict


def audit_json(*dependencies: dict) -> str:
    return json.dumps({"dependencies": list(dependencies), "fixes": []})


DJANGO_OK = {"name": "django", "version": "5.2.19", "vulns": []}
WAGTAIL_VULNERABLE = {
    "name": "wagtail",
    "version": "8.0.0",
    "vulns": [{"id": "PYSEC-2026-1", "fix_versions": ["8.0.1"], "aliases": ["CVE-2026-0001"], "description": "…"}],
}
SKIPPED = {"name": "nh3", "version": "0.3.8", "skip_reason": "Dependency not found on PyPI and could not be audited"}


def test_a_known_vulnerability_fails_and_names_the_fix():
    status, message = verdict(parse(audit_json(DJANGO_OK, WAGTAIL_VULNERABLE)), strict=False)
    assert status == 1
    assert "wagtail 8.0.0: PYSEC-2026-1 (CVE-2026-0001) - fixed in 8.0.1" in message


def test_a_clean_audit_passes():
    status, message = verdict(parse(audit_json(DJANGO_OK, SKIPPED)), strict=True)
    assert status == 0 and "1 packages, no known vulnerabilities (1 not on PyPI, skipped)" in message


def test_an_audit_that_reached_nothing_warns_offline_and_fails_when_strict():
    report = parse(audit_json(SKIPPED, {**SKIPPED, "name": "redis"}))
    assert not report.reached_service
    assert verdict(report, strict=False)[0] == 0 and "WARNING" in verdict(report, strict=False)[1]
    assert verdict(report, strict=True)[0] == 1


def test_pip_audit_crashing_is_an_unreached_service_not_a_pass():
    report = parse("Traceback …\nrequests.exceptions.ConnectionError: no route to host")
    assert report == Report(error="requests.exceptions.ConnectionError: no route to host")
    assert verdict(report, strict=False)[0] == 0 and verdict(report, strict=True)[0] == 1
