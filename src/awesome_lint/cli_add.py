"""`awesome-lint add`: the command-line edge of `awesome_lint.add` (files, output, exit codes).

Exit codes as for `--fix`: 0 the row was added and the check reports nothing on it, 1 it
was added (or, with --dry-run, would be) and problems remain on it, 2 a usage or input
error (nothing is written).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import click

from awesome_lint.cli_venues import venues
from awesome_lint.commands import error as _error
from awesome_lint.commands import read_with_config
from awesome_lint.files import FileError, write_atomic


def parse_sets(values: Sequence[str]) -> list[tuple[str, str]]:
    pairs = []
    for item in values:
        name, sep, value = item.partition("=")
        if not sep or not name.strip():
            raise click.UsageError(f"--set takes COLUMN=VALUE, not {item!r}")
        pairs.append((name.strip(), value))
    return pairs


def _paper_url(pairs: Sequence[tuple[str, str]]) -> str:
    from awesome_lint.add import AddError
    from awesome_lint.markdown.tables import read_cell

    for name, value in pairs:
        if name.strip().casefold() in ("paper", "link", "url", "pdf", "arxiv"):
            links = read_cell(value, {}).links
            return links[0].url if links else value.strip("<> ")
    raise AddError("--online needs a URL argument or a --set Paper=URL")


def _fetched(
    text: str, table: str | None, url: str, pairs: list[tuple[str, str]], config: Any
) -> list[tuple[str, str]]:
    from awesome_lint.scholar.cache import PaperCache, look_up
    from awesome_lint.scholar.check import CACHE_DIR
    from awesome_lint.scholar.client import Client
    from awesome_lint.scholar.entry import values_for
    from awesome_lint.scholar.sources import BY_NAME

    cache = PaperCache(Path(CACHE_DIR))
    client = Client()
    sources = list(BY_NAME.values())
    fetched = values_for(
        text, table, url, pairs, lambda keys: look_up(keys, sources, client, cache), config
    )
    cache.save()
    for item in fetched:
        click.echo(f"{item.column}: {item.value}  (from {item.source})", err=True)
    return [(item.column, item.value) for item in fetched]


@click.command(context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("path", type=click.Path(path_type=str))
@click.argument("url", required=False)
@click.option(
    "--table",
    "table",
    default=None,
    help="The table: a heading above it (any level) or its 1-based number.",
)
@click.option(
    "--set",
    "values",
    multiple=True,
    metavar="COLUMN=VALUE",
    help="A cell of the new row, by column name (repeatable).",
)
@click.option("--dry-run", is_flag=True, help="Print the diff; write nothing.")
@click.option(
    "--online",
    is_flag=True,
    help="Fill in the row from open scholarly sources (implied by a URL argument).",
)
@click.option("--config", "config_path", type=click.Path(path_type=str), help="Config file.")
def add(
    path: str,
    url: str | None,
    table: str | None,
    values: tuple[str, ...],
    dry_run: bool,
    online: bool,
    config_path: str | None,
) -> int:
    """Add one entry to a table of a Markdown file, written in the list's conventions."""
    from awesome_lint.add import AddError, add_entry
    from awesome_lint.reporters import FileReport, format_reports
    from awesome_lint.rules import INFOS

    pairs = parse_sets(values)
    source = Path(path)
    read = read_with_config(path, config_path)
    if read is None:
        return 2
    config, document = read
    try:
        if url is None and online:
            url = _paper_url(pairs)
        if url is not None:
            pairs = pairs + _fetched(document.text, table, url, pairs, config)
        added = add_entry(document.text, table, pairs, config)
    except AddError as exc:
        _error(f"{path}: not added: {exc}")
        return 2
    if dry_run:
        from awesome_lint.reporters import unified_diff

        click.echo(unified_diff(path, document.text, added.text), nl=False)
    else:
        try:
            write_atomic(source, document.encode(added.text), document.original)
        except FileError as exc:
            _error(f"{path}: {exc}")
            return 2
        click.echo(f"{path}:{added.line}: added a row to table {added.table}")
    if added.problems:
        report = FileReport(path, added.problems, added.text)
        click.echo(format_reports([report], "text", rules=INFOS), nl=False)
        return 1
    return 0


# The commands of this module and cli_venues, for the command line's table of commands.
PAPER_COMMANDS: dict[str, click.Command] = {"add": add, "venues": venues}
