"""The command line: files in, exit codes out. No lint logic lives here.

Exit codes: 0 clean, 1 problems remain (or --diff found changes), 2 usage or input error.
"""

from __future__ import annotations

import os
import signal
import sys
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from awesome_lint import __version__
from awesome_lint.collector import collector_paused
from awesome_lint.commands import EPILOG, export, init, rules, show_version
from awesome_lint.commands import crash as _crash
from awesome_lint.commands import error as _error
from awesome_lint.files import FileError, MarkdownFile, discover, read_markdown, write_atomic

if TYPE_CHECKING:
    from awesome_lint.api import Selection
    from awesome_lint.config import Config
    from awesome_lint.document import Document

OUTPUT_FORMATS = ("text", "concise", "full", "json", "github", "gitlab", "sarif")
# Formats a program reads: a diff on the same standard output would corrupt them.
MACHINE_FORMATS = ("json", "github", "gitlab", "sarif")

# `awesome-lint --help` lists these; each has its own --help.


@dataclass
class Outcome:
    reports: list[Any] = field(default_factory=list)
    errors: int = 0
    changed: int = 0
    fixed: int = 0


def _split(values: Sequence[str]) -> frozenset[str]:
    return frozenset(v.strip() for value in values for v in value.split(",") if v.strip())


def _use_color(option: bool | None) -> bool:
    if option is not None:
        return option
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return sys.stdout.isatty()


_STYLE = click.option(
    "--style", type=click.Choice(["auto", "aligned", "compact", "tight"]), help="Layout."
)


@click.command(context_settings={"help_option_names": ["-h", "--help"]}, epilog=EPILOG)
@click.argument("paths", nargs=-1, type=click.Path(path_type=str))
@click.option("--fix", is_flag=True, help="Rewrite tables in place (safe fixes).")
@click.option(
    "--fix-only",
    is_flag=True,
    help="Apply fixes, report nothing that remains, exit 0 (for pre-commit's fix hook).",
)
@click.option("--unsafe-fixes", is_flag=True, help="With --fix: also apply unsafe fixes.")
@click.option("--diff", is_flag=True, help="Print what --fix would change; write nothing.")
@click.option(
    "--output-format",
    type=click.Choice(OUTPUT_FORMATS),
    default="text",
    show_default=True,
    help="How to print problems.",
)
@click.option("--config", "config_path", type=click.Path(path_type=str), help="Config file.")
@_STYLE
@click.option("--select", multiple=True, help="Run only these rules (comma-separated ids).")
@click.option("--ignore", multiple=True, help="Skip these rules (comma-separated ids).")
@click.option("--strict", is_flag=True, help="Warnings also make the exit code 1.")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when problems remain.")
@click.option("-q", "--quiet", is_flag=True, help="Print problems only, no summary.")
@click.option(
    "--statistics", is_flag=True, help="Print only the number of problems per rule, a table."
)
@click.option("--stdin-filename", help="The name of the file read from standard input.")
@click.option("--color/--no-color", default=None, help="Colour the output (default: on a tty).")
@click.option("--online", is_flag=True, help="Also check the links online (see the README).")
@click.option("--changed-since", metavar="REF", help="--online, for rows changed since REF.")
@click.option(
    "-V", "--version", is_flag=True, expose_value=False, is_eager=True, callback=show_version
)
def check(
    paths: tuple[str, ...],
    fix: bool,
    fix_only: bool,
    unsafe_fixes: bool,
    diff: bool,
    output_format: str,
    config_path: str | None,
    style: str | None,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    strict: bool,
    exit_zero: bool,
    quiet: bool,
    statistics: bool,
    stdin_filename: str | None,
    color: bool | None,
    **online: Any,
) -> int:
    """Lint (and with --fix, format) the Markdown tables of awesome lists.

    PATHS are Markdown files or folders; `-` reads standard input. Without PATHS, the
    current folder is checked. A folder means the Markdown files below it: those git tracks
    or would track inside a repository, every one (but .git, node_modules, venvs) outside.
    """
    from awesome_lint.api import Selection
    from awesome_lint.rules import BY_ID, ONLINE_IDS, resolve

    selection = Selection(
        frozenset(map(resolve, _split(select))), frozenset(map(resolve, _split(ignore)))
    )
    unknown = sorted((selection.select | selection.ignore) - BY_ID.keys() - ONLINE_IDS)
    if unknown:
        raise click.UsageError(f"unknown rule id {', '.join(map(repr, unknown))}")
    if diff and output_format in MACHINE_FORMATS:
        raise click.UsageError(
            f"--diff prints a diff, which --output-format {output_format} cannot carry;"
            " run them separately"
        )
    fix = fix or fix_only
    runner = _Runner(selection, config_path, fix, diff, unsafe_fixes, style)
    runner.online = online
    if paths == ("-",):
        return runner.stdin(stdin_filename or "-", output_format, quiet, color)
    try:
        files = discover(paths)
    except FileError as exc:
        _error(str(exc))
        return 2
    if not files and not runner.outcome.errors:
        if paths:
            _error("no Markdown files found in " + ", ".join(paths))
            return 2
        _error("no Markdown files here: name one, e.g. `awesome-lint README.md`")
        return 2
    for entry in files:
        runner.run(entry)
    if fix_only:
        return runner.finish_fix_only()
    return runner.finish(output_format, quiet, statistics, strict, exit_zero, color)


@click.command(context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("paths", nargs=-1, type=click.Path(path_type=str))
@click.option("--check", "check_only", is_flag=True, help="Change nothing; exit 1 if any would.")
@click.option("--diff", is_flag=True, help="Print what would change; write nothing.")
@click.option("--config", "config_path", type=click.Path(path_type=str), help="Config file.")
@click.option("--stdin-filename", help="The name of the file read from standard input.")
@click.option("-q", "--quiet", is_flag=True, help="Print nothing but errors.")
@_STYLE
def format_command(
    paths: tuple[str, ...],
    check_only: bool,
    diff: bool,
    config_path: str | None,
    stdin_filename: str | None,
    quiet: bool,
    style: str | None,
) -> int:
    """Lay out the tables (pipes and padding: the `table-format` fix alone).

    The same as `awesome-lint --fix --select table-format`; cell contents never change.
    With --check or --diff nothing is written and the exit code is 1 if a file would change.
    """
    from awesome_lint.api import Selection

    selection = Selection(frozenset({"table-format"}))
    runner = _Runner(selection, config_path, True, diff or check_only, False, style)
    runner.show_diff = diff
    if paths == ("-",):
        if diff or check_only:
            code = runner.stdin(stdin_filename or "-", "text", True, False)
            return 2 if code == 2 else (1 if runner.outcome.changed else 0)
        return runner.stdin(stdin_filename or "-", "text", True, False)
    try:
        files = discover(paths)
    except FileError as exc:
        _error(str(exc))
        return 2
    for entry in files:
        runner.run(entry)
    changed = [name for name, _ in runner.fixed_files]
    unchanged = len(files) - len(changed) - runner.outcome.errors
    if not quiet:
        verb = "Would reformat" if diff or check_only else "Reformatted"
        for name in changed:
            click.echo(f"{verb}: {name}", err=diff)
        done = "would be reformatted" if diff or check_only else "reformatted"
        left = "already formatted" if diff or check_only else "left unchanged"
        parts = [f"{_plural(len(changed), 'file')} {done}"] if changed else []
        if unchanged:
            parts.append(f"{_plural(unchanged, 'file')} {left}")
        if parts or not runner.outcome.errors:
            click.echo(", ".join(parts) + "." if parts else "No files formatted.", err=diff)
    if runner.outcome.errors:
        return 2
    return 1 if changed and (diff or check_only) else 0


def _plural(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


class _Runner:
    def __init__(
        self,
        selection: Selection,
        config_path: str | None,
        fix: bool,
        diff: bool,
        unsafe_fixes: bool,
        style: str | None,
    ) -> None:
        self.selection = selection
        self.style = style
        self.fix = fix
        self.diff = diff
        self.unsafe_fixes = unsafe_fixes
        self.outcome = Outcome()
        self.fixed_files: list[tuple[str, int]] = []
        self.show_diff = True  # with `diff`: print it (`format --check` only counts)
        self._configs: dict[Path | None, Config] = {}
        self._explicit: Config | None = None
        self.online: dict[str, Any] = {}  # --online and --changed-since
        self.session: Any = None  # the online checks' (awesome_lint.online.cli.Session)
        if config_path is not None:
            self._explicit = self._load(Path(config_path))

    def config_for(self, path: Path) -> Config:
        if self._explicit is not None:
            return self._explicit
        from awesome_lint.config import find_config

        found = find_config(Path(os.path.realpath(path)))
        if found not in self._configs:
            self._configs[found] = self._load(found)
        return self._configs[found]

    def _load(self, path: Path | None) -> Config:
        from awesome_lint.config import load_config

        config = load_config(path)
        return replace(config, style=self.style) if self.style else config

    def run(self, entry: MarkdownFile) -> None:
        from awesome_lint.config import ConfigError

        try:
            config = self.config_for(entry.path)
            document = read_markdown(entry.path, config.max_file_size)
            self._check(entry.display, entry.path, document, config)
        except (FileError, ConfigError) as exc:
            _error(str(exc) if isinstance(exc, ConfigError) else f"{entry.display}: {exc}")
            self.outcome.errors += 1
        except (KeyboardInterrupt, SystemExit):
            raise
        except Exception as exc:
            _crash(exc, [entry.display])
            self.outcome.errors += 1

    def _check(self, display: str, path: Path | None, document: Document, config: Config) -> None:
        from awesome_lint.reporters import FileReport, unified_diff

        text = document.text
        if self.fix or self.diff:
            from awesome_lint.fixer import FixError, fix_text

            try:
                result = fix_text(
                    text,
                    config,
                    self.selection,
                    unsafe_fixes=self.unsafe_fixes,
                    complete_before=self.diff,  # --diff reports the problems before
                )
            except FixError as exc:
                _error(f"{display}: not fixed: {exc}; the file was left unchanged")
                self.outcome.errors += 1
                return
            if result.rewritten is not None:
                self.outcome.changed += 1
                self.fixed_files.append((display, result.fixed))
                if self.diff:
                    if self.show_diff:
                        click.echo(unified_diff(display, text, result.text), nl=False)
                elif path is not None:
                    write_atomic(path, document.encode_lines(result.rewritten), document.original)
                else:
                    click.echo(document.encode(result.text).decode("utf-8"), nl=False)
            if not self.diff:
                self.outcome.fixed += result.fixed
                # The fixed text's lines, for the full format: never joined into one string.
                source = text if result.rewritten is None else tuple(result.rewritten.lines)
                self._online(path, display, lambda: result.text, config, document)
                self.outcome.reports.append(FileReport(display, tuple(result.after), source))
                return
            self.outcome.reports.append(FileReport(display, tuple(result.before), text))
            return
        from awesome_lint.api import analyse

        analysis = analyse(text, config, self.selection)
        self._online(path, display, lambda: text, config, document, analysis)
        self.outcome.reports.append(FileReport(display, tuple(analysis.problems), text))

    def _online(
        self,
        path: Path | None,
        display: str,
        text: Callable[[], str],
        config: Config,
        document: Document,
        analysis: Any = None,
    ) -> None:
        # The online code is imported, and a fixed text joined, only when asked for.
        if self.session or any(self.online.values()) or config.online:
            from awesome_lint.online.cli import add

            add(self, path, display, text(), config, document, analysis)

    def stdin(self, name: str, output_format: str, quiet: bool, color: bool | None) -> int:
        from awesome_lint.config import ConfigError
        from awesome_lint.document import InputError, decode

        data = sys.stdin.buffer.read()
        try:
            config = self.config_for(Path(name) if name != "-" else Path.cwd() / "-")
            document = decode(data)
        except (InputError, ConfigError) as exc:
            _error(f"{name}: {exc}" if isinstance(exc, InputError) else str(exc))
            return 2
        if self.fix and not self.diff:
            from awesome_lint.fixer import FixError, fix_text

            try:
                result = fix_text(
                    document.text, config, self.selection, unsafe_fixes=self.unsafe_fixes
                )
            except FixError as exc:
                _error(f"{name}: not fixed: {exc}")
                sys.stdout.buffer.write(data)
                return 2
            sys.stdout.buffer.write(document.encode(result.text))
            return 0
        self._check(name, None, document, config)
        return self.finish(output_format, quiet, False, False, False, color)

    def finish_fix_only(self) -> int:
        fixed = dict(self.fixed_files)
        if self.session and self.unsafe_fixes:  # the online fixes are all unsafe ones
            fixed = self.session.finish_fix_only(self, fixed)
        for path, count in fixed.items():
            click.echo(f"{path}: fixed {count} problem{'s' if count != 1 else ''}")
        return 2 if self.outcome.errors else 0

    def finish(
        self,
        output_format: str,
        quiet: bool,
        statistics: bool,
        strict: bool,
        exit_zero: bool,
        color: bool | None,
    ) -> int:
        from awesome_lint.reporters import format_reports
        from awesome_lint.rules import INFOS

        infos = INFOS if self.session is None else self.session.finish(self, INFOS)
        outcome = self.outcome
        use_color = _use_color(color)
        if statistics:
            from awesome_lint.reporters import statistics as format_statistics

            click.echo(format_statistics(outcome.reports, output_format), nl=False)
        elif self.diff:
            if not quiet:
                n = outcome.changed
                click.echo(f"{n} file{'s' if n != 1 else ''} would be changed.", err=True)
        else:
            out = format_reports(
                outcome.reports,
                output_format,  # type: ignore[arg-type]
                rules=infos,
                color=use_color,
                tool_version=__version__,
                unsafe_fixes=self.unsafe_fixes,
                fixed=outcome.fixed,
                unchecked=outcome.errors,
                quiet=quiet,
            )
            click.echo(out, nl=False, color=use_color)
        if outcome.errors:
            return 2
        if exit_zero:
            return 0
        if self.diff:
            return 1 if outcome.changed else 0
        problems = [p for r in outcome.reports for p in r.problems]
        failing = [p for p in problems if strict or p.severity == "error"]
        return 1 if failing else 0


# `check` is the default command under the name ruff users type; `format` is ruff's too.
_COMMANDS = {
    "check": check,
    "format": format_command,
    "export": export,
    "rules": rules,
    "init": init,
}
# `add` and `venues` (cli_add.PAPER_COMMANDS), imported only when asked for.
_PAPER_COMMANDS = ("add", "venues")


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    command, name = check, "awesome-lint"
    commands: dict[str, click.Command] = _COMMANDS
    if args and args[0] in _PAPER_COMMANDS:
        from awesome_lint.cli_add import PAPER_COMMANDS

        commands = {**_COMMANDS, **PAPER_COMMANDS}
    if args and args[0] in commands:
        command = commands[args[0]]
        name = f"awesome-lint {args[0]}"
        args = args[1:]
    from awesome_lint.config import ConfigError

    previous = _sigterm_interrupts()
    try:
        with collector_paused():
            result = command.main(args, prog_name=name, standalone_mode=False)
    except click.exceptions.Exit as exc:
        return int(exc.exit_code)
    except (click.Abort, KeyboardInterrupt):
        _error("interrupted")
        return 128 + _interrupted_by
    except ConfigError as exc:  # a bad --config is an input error, not a crash
        _error(str(exc))
        return 2
    except click.ClickException as exc:
        exc.show()
        return 2
    except BrokenPipeError:
        return 130
    except Exception as exc:
        return _crash(exc, args)
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)
    code = int(result or 0)
    online = sys.modules.get("awesome_lint.online.cli")
    if argv is None and online is not None and online.RAN:
        online.hard_exit(code)
    return code


# The signal that interrupted the run: SIGTERM is turned into KeyboardInterrupt like SIGINT,
# so a write in progress is rolled back the same way; the exit code tells them apart.
_interrupted_by = int(signal.SIGINT)


def _sigterm_interrupts() -> Any:
    """Make SIGTERM raise KeyboardInterrupt; the handler it replaced, to put back."""
    global _interrupted_by
    _interrupted_by = int(signal.SIGINT)
    if threading.current_thread() is not threading.main_thread():
        return None
    previous = signal.getsignal(signal.SIGTERM)
    if previous is not signal.SIG_DFL:
        return None  # ignored, or someone else's handler: leave it
    signal.signal(signal.SIGTERM, _on_sigterm)
    return previous


def _on_sigterm(signum: int, frame: object) -> None:
    global _interrupted_by
    _interrupted_by = signum
    raise KeyboardInterrupt


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
