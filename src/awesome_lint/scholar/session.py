"""The venue rules in an `--online` run: called by `awesome_lint.online.cli.Session` for the
files it collected, with the link checks' cache folder and rule selection."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from awesome_lint.scholar.cache import PaperCache
from awesome_lint.scholar.check import RULE_IDS, VenueReport, check_venues, online_look
from awesome_lint.scholar.client import Client


def run_venues(
    jobs: Sequence[Any], active: Callable[[str], bool], cache_folder: Path | None
) -> tuple[list[VenueReport | None], list[str]]:
    """Each job's venue report (None when no venue rule runs) and notes for the user. A job
    has `text`, `config` and `lines` (the lines to check, or None for all)."""
    rules = [rule for rule in RULE_IDS if active(rule)]
    if not rules:
        return [None] * len(jobs), []
    cache = PaperCache(cache_folder)
    look = online_look(Client(), cache)
    reports: list[VenueReport | None] = []
    notes: list[str] = []
    requests = unknown = 0
    for job in jobs:
        report = check_venues(job.text, look, job.config, rules, job.lines)
        reports.append(report)
        requests += report.lookup.requests
        unknown += report.unknown
        for source, reason in sorted(report.lookup.errors.items()):
            notes.append(f"venues: {source} could not answer ({reason}); its rows are unknown")
    cache.save()
    notes.append(f"venues: {requests} requests, {unknown} rows unknown")
    return reports, notes
