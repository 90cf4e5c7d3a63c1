"""`awesome-lint venues`: the online venue rules (`venue-outdated`, `venue-mismatch`) on files.

Exit codes: 0 nothing found (or everything found was fixed), 1 problems remain (warnings
only with --strict), 2 a usage or input error. Rows the sources could not answer for are
counted on standard error, never reported as problems.
"""

from __future__ import annotations

from pathlib import Path

import click

from awesome_lint.commands import error as _error
from awesome_lint.commands import read_with_config
from awesome_lint.files import FileError, write_atomic


@click.command(context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=str))
@click.option("--fix", is_flag=True, help="With --unsafe-fixes: write the venues found.")
@click.option("--unsafe-fixes", is_flag=True, help="Venue rewrites are unsafe fixes.")
@click.option("--diff", is_flag=True, help="Print what the fixes would change; write nothing.")
@click.option(
    "--output-format",
    type=click.Choice(["text", "concise", "json", "github"]),
    default="text",
    show_default=True,
)
@click.option("--cache-dir", default=".awesome-lint-cache", show_default=True)
@click.option("--no-cache", is_flag=True, help="Ask the sources again; keep nothing.")
@click.option("--strict", is_flag=True, help="Warnings (venue-mismatch) also make exit 1.")
@click.option("--config", "config_path", type=click.Path(path_type=str), help="Config file.")
def venues(
    paths: tuple[str, ...],
    fix: bool,
    unsafe_fixes: bool,
    diff: bool,
    output_format: str,
    cache_dir: str,
    no_cache: bool,
    strict: bool,
    config_path: str | None,
) -> int:
    """Look the listed papers up online: preprint venues now published, venues contradicted."""
    from awesome_lint.online.rules import INFOS as ONLINE
    from awesome_lint.reporters import FileReport, format_reports
    from awesome_lint.rules import INFOS
    from awesome_lint.scholar.cache import PaperCache
    from awesome_lint.scholar.check import apply_fixes, check_venues, online_look
    from awesome_lint.scholar.client import Client

    cache = PaperCache(None if no_cache else Path(cache_dir))
    look = online_look(Client(), cache)
    infos = {**INFOS, **ONLINE}
    reports = []
    errors = 0
    requests = unknown = rows = 0
    for path in paths:
        source = Path(path)
        read = read_with_config(path, config_path)
        if read is None:
            errors += 1
            continue
        config, document = read
        report = check_venues(document.text, look, config)
        requests += report.lookup.requests
        unknown += report.unknown
        rows += report.entries
        for name, reason in sorted(report.lookup.errors.items()):
            _error(f"{name} could not answer ({reason}); its rows are unknown")
        problems = report.problems
        if ((fix and unsafe_fixes) or diff) and report.fixes:
            fixed = apply_fixes(document.text, report.fixes)
            if diff:
                from awesome_lint.reporters import unified_diff

                click.echo(unified_diff(path, document.text, fixed), nl=False)
            else:
                try:
                    write_atomic(source, document.encode(fixed), document.original)
                except FileError as exc:
                    _error(f"{path}: {exc}")
                    errors += 1
                    continue
                done = {(f.line, f.column) for f in report.fixes}
                problems = [p for p in problems if (p.line, p.column) not in done or p.fix is None]
                click.echo(f"{path}: wrote {len(report.fixes)} venues", err=True)
        reports.append(FileReport(path, tuple(problems), document.text))
    cache.save()
    if not diff:
        out = format_reports(reports, output_format, rules=infos)  # type: ignore[arg-type]
        click.echo(out, nl=False)
    click.echo(
        f"{rows} rows with a paper id looked up, {unknown} unknown; {requests} requests",
        err=True,
    )
    if errors:
        return 2
    failing = [p for r in reports for p in r.problems if strict or p.severity == "error"]
    return 1 if failing else 0
