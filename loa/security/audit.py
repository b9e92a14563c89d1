"""Known-vulnerable dependencies, for `make lint`: pip-audit over the project's virtualenv.

`make lint` installs exactly the pinned requirements into .venv first, so auditing
the installed packages audits the pins and everything they pull in, without
pip-audit building a second environment.

The vulnerability data lives online (PyPI's advisory feed, or OSV). Where it
cannot be reached — an offline machine, a network that reaches the package index
but not its JSON API — pip-audit reports every package as "skipped" and would
still say "No known vulnerabilities found". This wrapper tells that apart: it
prints a warning and succeeds, unless LOA_AUDIT_STRICT=1 (CI with network),
where an audit that audited nothing fails like a vulnerable one.

    python -m loa.security.audit            # exit 1 on a known vulnerability
    LOA_AUDIT_STRICT=1 python -m loa.security.audit
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass, field

#: pip-audit's own request timeout (seconds) and the whole run's.
SERVICE_TIMEOUT = 15
RUN_TIMEOUT = 600


@dataclass
class Report:
    audited: int = 0
    skipped: list[str] = field(default_factory=list)
    vulnerable: list[str] = field(default_factory=list)
    error: str = ""

    @property
    def reached_service(self) -> bool:
        return not self.error and self.audited > 0


def parse(output: str) -> Report:
    """pip-audit's JSON (`--format json`) → what was audited, skipped and found."""
    try:
        data = json.loads(output)
    except ValueError:
        return Report(error=(output.strip().splitlines() or ["no output"])[-1])
    report = Report()
    for dependency in data.get("dependencies", []):
        name = f"{dependency.get('name')} {dependency.get('version', '')}".strip()
        if "skip_reason" in dependency:
            report.skipped.append(name)
            continue
        report.audited += 1
        for vuln in dependency.get("vulns", []):
            fixes = ", ".join(vuln.get("fix_versions", [])) or "no fixed release yet"
            aliases = ", ".join(vuln.get("aliases", []))
            report.vulnerable.append(f"{name}: {vuln.get('id')} {f'({aliases}) ' if aliases else ''}- fixed in {fixes}")
    return report


def run_pip_audit() -> tuple[int, str, str]:
    command = [
        sys.executable,
        "-m",
        "pip_audit",
        "--local",
        "--skip-editable",
        "--format",
        "json",
        "--progress-spinner",
        "off",
        "--timeout",
        str(SERVICE_TIMEOUT),
    ]
    try:
        result = subprocess.run(command, capture_output=True, text=True, timeout=RUN_TIMEOUT)
    except subprocess.TimeoutExpired:
        return 1, "", f"pip-audit did not finish in {RUN_TIMEOUT} s"
    return result.returncode, result.stdout, result.stderr


def verdict(report: Report, *, strict: bool) -> tuple[int, str]:
    """The exit code and what to print."""
    if report.vulnerable:
        lines = "\n".join(f"  {line}" for line in report.vulnerable)
        return 1, f"Known vulnerabilities in installed dependencies:\n{lines}\nUpgrade the pins in requirements*.txt."
    if not report.reached_service:
        why = report.error or f"all {len(report.skipped)} packages skipped (the advisory data could not be fetched)"
        message = f"WARNING: dependency audit not done: {why}."
        if strict:
            return 1, message + " LOA_AUDIT_STRICT=1: failing."
        return 0, message + " Run `make lint` again with network access (LOA_AUDIT_STRICT=1 makes this fatal)."
    note = f" ({len(report.skipped)} not on PyPI, skipped)" if report.skipped else ""
    return 0, f"Dependency audit: {report.audited} packages, no known vulnerabilities{note}."


def main() -> int:
    code, stdout, stderr = run_pip_audit()
    report = parse(stdout) if stdout.strip() else Report(error=(stderr.strip().splitlines() or ["no output"])[-1])
    status, message = verdict(report, strict=os.environ.get("LOA_AUDIT_STRICT") == "1")
    print(message, file=sys.stderr if status else sys.stdout)
    return status


if __name__ == "__main__":
    sys.exit(main())
