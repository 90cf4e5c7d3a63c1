"""The commands besides checking and formatting: `export`, `rules` and `init`; the help's list
of commands and `--version`.

Thin edges like the rest of the command line: files in, text out, exit codes 0 and 2.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import click

from awesome_lint import __version__
from awesome_lint.files import FileError, read_markdown, write_atomic

if TYPE_CHECKING:
    from awesome_lint.config import Config
    from awesome_lint.document import Document


def error(message: str) -> None:
    """One line on standard error, as every command says what went wrong."""
    click.echo(f"awesome-lint: {message}", err=True)


_error = error


def crash(exc: BaseException, args: Sequence[str]) -> int:
    """Say that the program failed (where, and how to report it); exit code 2."""
    import traceback

    where = next((a for a in args if not a.startswith("-")), "")
    last = traceback.extract_tb(exc.__traceback__)[-1] if exc.__traceback__ else None
    at = f" at {Path(last.filename).name}:{last.lineno}" if last else ""
    _error(
        f"internal error{(' on ' + where) if where else ''}: {type(exc).__name__}: {exc}{at}"
        f" (awesome-lint {__version__}, Python {sys.version.split()[0]})."
        " Please report it at https://github.com/awesome-lint/awesome-lint/issues"
    )
    return 2


def read_with_config(path: str, config_path: str | None) -> tuple[Config, Document] | None:
    """The file's config (`config_path`, or the one found above the file) and its text;
    None after saying why not (the caller counts an error: exit 2)."""
    from awesome_lint.config import ConfigError, find_config, load_config

    source = Path(path)
    try:
        found = Path(config_path) if config_path else find_config(Path(os.path.realpath(source)))
        config = load_config(found)
        return config, read_markdown(source, config.max_file_size)
    except ConfigError as exc:
        error(str(exc))
    except FileError as exc:
        error(f"{path}: {exc}")
    return None


EPILOG = """\b
Commands (each has its own --help):
  check    check tables; the default: `awesome-lint FILE` is `awesome-lint check FILE`
  format   lay tables out (--check, --diff: write nothing)
  rules    list the rules, or print one rule's documentation
  init     write a .awesome-lint.json inferred from a list's tables
  export   print a file's tables as JSON or CSV
  add      add an entry to a table, written in the list's conventions
  venues   look the listed papers up online: preprints since published
"""


def show_version(ctx: click.Context, _param: object, value: bool) -> None:
    """`--version`: the version, and which check guards the fixer's writes."""
    if value:
        from awesome_lint import gfm_check

        click.echo(f"awesome-lint, version {__version__}\nfix check: {gfm_check.check_name()}")
        ctx.exit(0)


@click.command(context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("path", type=click.Path(path_type=str))
@click.option("--format", "fmt", type=click.Choice(["json", "csv"]), default="json")
@click.option("--table", "table_index", type=int, default=None, help="CSV: which table (1-based).")
def export(path: str, fmt: str, table_index: int | None) -> int:
    """Print the tables of a Markdown file as data (JSON, or one table as CSV).

    CSV has a column per cell text and, after each column whose cells link somewhere, a
    `<column> URL` column with the links' URLs (space-separated when a cell has several).
    """
    from awesome_lint.config import DEFAULT_MAX_FILE_SIZE
    from awesome_lint.export import export_csv, export_json_chunks

    try:
        if path == "-":
            from awesome_lint.document import decode

            document = decode(sys.stdin.buffer.read())
        else:
            document = read_markdown(Path(path), DEFAULT_MAX_FILE_SIZE)
    except Exception as exc:
        from awesome_lint.document import InputError

        if not isinstance(exc, (FileError, InputError)):
            raise
        _error(f"{path}: {exc}")
        return 2
    if fmt == "csv":
        try:
            click.echo(export_csv(document.text, table_index), nl=False)
        except ValueError as exc:
            _error(f"{path}: {exc}")
            return 2
        return 0
    for chunk in export_json_chunks(document.text, path):
        click.echo(chunk, nl=False)
    click.echo()
    return 0


@click.command(context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("rule_id", required=False)
@click.option("--markdown", is_flag=True, help="Print the rule table as Markdown (the README's).")
def rules(rule_id: str | None, markdown: bool) -> int:
    """List the rules, or print one rule's documentation."""
    from awesome_lint.rules import BY_ID, ONLINE_IDS, RULES, rules_markdown

    if markdown:
        click.echo(rules_markdown(), nl=False)
        return 0
    if rule_id is None:
        from awesome_lint.online.rules import INFOS as ONLINE

        width = max(len(name) for name in (*BY_ID, *ONLINE))
        for rule in RULES:
            safety = rule.fix_safety or "-"
            click.echo(f"{rule.id:<{width}}  {safety:<6}  {rule.info.summary}")
        for info in ONLINE.values():
            safety = info.fix or "-"
            click.echo(f"{info.id:<{width}}  {safety:<6}  (--online) {info.summary}")
        return 0
    if rule_id in ONLINE_IDS:
        from awesome_lint.online.rules import INFOS as ONLINE

        click.echo(f"# {rule_id} (with --online)\n\n{ONLINE[rule_id].doc}")
        return 0
    found = BY_ID.get(rule_id)
    if found is None:
        _error(f"unknown rule {rule_id!r}; `awesome-lint rules` lists them")
        return 2
    click.echo(f"# {found.id}\n")
    click.echo(found.info.doc)
    return 0


@click.command(context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("path", required=False, default="README.md", type=click.Path(path_type=str))
@click.option(
    "-o",
    "--output",
    default=None,
    help="Where to write (default: .awesome-lint.json next to the file).",
)
@click.option("--force", is_flag=True, help="Overwrite an existing config.")
@click.option(
    "--schema-path",
    default=None,
    type=click.Path(path_type=str),
    help="Copy the config's JSON Schema here and point $schema at the copy (editors offline).",
)
def init(path: str, output: str | None, force: bool, schema_path: str | None) -> int:
    """Write a .awesome-lint.json inferred from the tables of a Markdown file.

    Its `$schema` is the schema's URL; with --schema-path, a path relative to the config
    to a copy of the schema, so that editors complete and check the file offline.
    """
    from awesome_lint.config import CONFIG_NAME, DEFAULT_MAX_FILE_SIZE
    from awesome_lint.init import infer_config

    source = Path(path)
    try:
        document = read_markdown(source, DEFAULT_MAX_FILE_SIZE)
    except FileError as exc:
        _error(f"{path}: {exc}")
        return 2
    target = Path(output) if output else source.resolve().parent / CONFIG_NAME
    if target.exists() and not force:
        _error(f"{target} exists; use --force to overwrite it")
        return 2
    text = infer_config(document.text)
    if schema_path is not None:
        try:
            text = _with_local_schema(text, target, Path(schema_path))
        except (FileError, OSError) as exc:
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else exc
            _error(f"{schema_path}: cannot write the schema: {reason}")
            return 2
    try:
        write_atomic(target, text.encode("utf-8"), None)
    except (FileError, OSError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else exc
        _error(f"{target}: cannot write the config: {reason}")
        return 2
    click.echo(f"Wrote {target}")
    return 0


def _with_local_schema(config_text: str, config_path: Path, schema_path: Path) -> str:
    """Copy the config schema to `schema_path`; the config with `$schema` pointing there."""
    import json

    from awesome_lint.config import SCHEMA_DIR

    schema_path.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(schema_path, (SCHEMA_DIR / "config.schema.json").read_bytes(), None)
    relative = Path(os.path.relpath(schema_path.resolve(), config_path.resolve().parent))
    data = json.loads(config_text)
    # `./` marks it as a path for editors that would read a bare name as a URL.
    posix = relative.as_posix()
    data["$schema"] = posix if relative.parts[0] == ".." else f"./{posix}"
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
