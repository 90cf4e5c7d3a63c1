"""Bad input never crashes the run, never touches a file, and never costs more than linear time.

1. Bad files and bad configs, through the real CLI: one line per problem file
   (`awesome-lint: <file>: <reason>`), the exit code, the other files still checked, every
   file byte-for-byte as it was.
2. A remote `$ref` is refused without any network access (a local server counts requests).
3. Pathological Markdown: the time at size 4N is at most ~8x the time at N (linear is 4x,
   quadratic 16x), so the check holds on slow and fast machines alike.
4. Every module-level regular expression of the package, and those of the default schema,
   on adversarial strings built from its own characters: linear growth again.
"""

from __future__ import annotations

import http.server
import importlib
import itertools
import json
import os
import pkgutil
import re
import sys
import threading
import time
import warnings
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar

import pytest
from clitools import run

import awesome_lint
from awesome_lint.config import SCHEMA_DIR, ConfigError, config_from_text, validate_config
from awesome_lint.export import export_json
from awesome_lint.fixer import fix_text
from awesome_lint.rows import RowSchemaError, RowValidator

# The regex parser of the standard library (re._parser from Python 3.11, sre_parse before).
_NEW_RE = sys.version_info >= (3, 11)
sre_constants: Any = importlib.import_module("re._constants" if _NEW_RE else "sre_constants")
sre_parse: Any = importlib.import_module("re._parser" if _NEW_RE else "sre_parse")

POSIX = os.name == "posix"
ROOT_USER = POSIX and os.geteuid() == 0
# A table the default rules flag (misaligned): a file that was checked shows up in the output.
MESSY = "| Name | Year |\n|---|---|\n| a | 2020 |\n| bbbbbb | 2021 |\n"


def snapshot(folder: Path) -> dict[str, tuple[bytes | str, int]]:
    """Every entry under folder: its bytes (or link target) and its mtime."""
    out: dict[str, tuple[bytes | str, int]] = {}
    for path in sorted(folder.rglob("*")):
        name = str(path.relative_to(folder))
        if path.is_symlink():
            out[name] = (os.readlink(path), 0)
        elif path.is_file() and os.access(path, os.R_OK):
            out[name] = (path.read_bytes(), path.stat().st_mtime_ns)
        else:
            out[name] = (b"", path.lstat().st_mtime_ns)
    return out


# -- 1. bad input files ---------------------------------------------------------------------


@dataclass(frozen=True)
class Bad:
    """A bad input: how to make it, and the stderr line it must give (`{name}` = the path)."""

    id: str
    make: Callable[[Path], str]  # creates it under the folder, returns the path to pass
    reason: str | None  # None: not an error
    code: int = 2
    posix: bool = False
    skip_root: bool = False
    extra: list[str] = field(default_factory=list)


def _write(data: bytes, name: str = "bad.md") -> Callable[[Path], str]:
    def make(folder: Path) -> str:
        (folder / name).write_bytes(data)
        return name

    return make


def _folder_with_markdown(folder: Path) -> str:
    (folder / "docs" / "deep").mkdir(parents=True)
    (folder / "docs" / "deep" / "list.md").write_text(MESSY, encoding="utf-8")
    (folder / "docs" / "notes.txt").write_text(MESSY, encoding="utf-8")
    return "docs"


def _broken_link(folder: Path) -> str:
    (folder / "bad.md").symlink_to("nowhere.md")
    return "bad.md"


def _looping_link(folder: Path) -> str:
    (folder / "bad.md").symlink_to("loop.md")
    (folder / "loop.md").symlink_to("bad.md")
    return "bad.md"


def _unreadable(folder: Path) -> str:
    (folder / "bad.md").write_text(MESSY, encoding="utf-8")
    (folder / "bad.md").chmod(0)
    return "bad.md"


def _fifo(folder: Path) -> str:
    os.mkfifo(folder / "bad.md")
    return "bad.md"


def _too_large(folder: Path) -> str:
    (folder / "big").mkdir()
    (folder / "big" / ".awesome-lint.json").write_text('{"max_file_size": 100}')
    (folder / "big" / "bad.md").write_text(MESSY + "x" * 100, encoding="utf-8")
    return "big/bad.md"


BAD_FILES = [
    Bad(
        "not-utf8",
        _write(b"| a | b |\n|---|---|\n| caf\xe9 | x |\n"),
        "not UTF-8 (byte 0xe9 at line 3, column 6)",
    ),
    Bad(
        "latin1-late",
        _write(MESSY.encode() * 3 + b"ok\r\n\xa0bad\n"),
        "not UTF-8 (byte 0xa0 at line 14, column 1)",
    ),
    Bad("binary", _write(b"| a |\x00\x01\n|---|\n"), "binary file (NUL byte at line 1, column 6)"),
    Bad(
        "utf16", _write("| a |\n".encode("utf-16")), "UTF-16 text, not UTF-8 (convert it to UTF-8)"
    ),
    Bad("empty", _write(b""), "empty file"),
    Bad("no-tables", _write(b"# Title\n\nJust text, no table.\n"), None, code=1),
    Bad("missing", lambda folder: "bad.md", "no such file"),
    Bad("broken-link", _broken_link, "broken symbolic link", posix=True),
    Bad("looping-link", _looping_link, "symbolic link loop", posix=True),
    Bad("unreadable", _unreadable, "permission denied", posix=True, skip_root=True),
    Bad("fifo", _fifo, "not a regular file", posix=True),
    Bad(
        "too-large",
        _too_large,
        "157 bytes is over the limit of 100 bytes (max_file_size in .awesome-lint.json)",
    ),
]


@pytest.mark.parametrize("fix", [False, True], ids=["check", "fix"])
@pytest.mark.parametrize("bad", BAD_FILES, ids=[b.id for b in BAD_FILES])
def test_a_bad_file_is_one_line_and_the_others_are_still_checked(
    folder: Path, capsys: pytest.CaptureFixture[str], bad: Bad, fix: bool
) -> None:
    if bad.posix and not POSIX:
        pytest.skip("POSIX only")
    if bad.skip_root and ROOT_USER:
        pytest.skip("root reads anything; see test_an_unreadable_file_simulated")
    name = bad.make(folder)
    (folder / "a-first.md").write_text(MESSY, encoding="utf-8")
    (folder / "z-last.md").write_text(MESSY, encoding="utf-8")
    before = snapshot(folder)
    args = ["--fix"] if fix else []
    code, out, err = run(
        capsys, *args, "--output-format", "concise", "a-first.md", name, "z-last.md"
    )
    assert "Traceback" not in out + err
    if bad.reason is None:
        assert err == ""
        assert code == (0 if fix else bad.code)
    else:
        assert err.splitlines() == [f"awesome-lint: {name}: {bad.reason}"]
        assert code == bad.code
    after = snapshot(folder)
    if fix:
        fixed = fix_text(MESSY).text.encode()
        assert after.pop("a-first.md")[0] == fixed and after.pop("z-last.md")[0] == fixed
        before.pop("a-first.md"), before.pop("z-last.md")
        if bad.id == "no-tables":
            return
    else:
        assert "a-first.md:" in out and "z-last.md:" in out  # both still checked
    assert after == before  # the bad file (and everything else) untouched


def test_an_unreadable_file_simulated(
    folder: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Permission denied, as a non-root user gets it (root is let through chmod 000)."""
    import builtins

    from awesome_lint import files

    (folder / "bad.md").write_text(MESSY, encoding="utf-8")
    (folder / "ok.md").write_text(MESSY, encoding="utf-8")
    real_open = builtins.open

    def guarded_open(path: Any, *args: Any, **kwargs: Any) -> Any:
        if Path(path).name == "bad.md":
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(files, "open", guarded_open, raising=False)
    before = snapshot(folder)
    code, out, err = run(capsys, "bad.md", "ok.md")
    assert code == 2
    assert err.splitlines() == ["awesome-lint: bad.md: permission denied"]
    assert "ok.md:" in out
    assert snapshot(folder) == before


def test_a_folder_is_searched_for_markdown(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _folder_with_markdown(folder)
    before = snapshot(folder)
    code, out, err = run(capsys, "--output-format", "concise", "docs")
    assert code == 1 and err == ""
    assert out.splitlines()[0].startswith(str(Path("docs", "deep", "list.md")) + ":")
    assert "notes.txt" not in out
    assert snapshot(folder) == before


def test_a_folder_without_markdown(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (folder / "empty").mkdir()
    code, out, err = run(capsys, "empty")
    assert code == 2 and out == ""
    assert err.splitlines() == ["awesome-lint: no Markdown files found in empty"]


@pytest.mark.skipif(not POSIX, reason="symbolic links")
def test_a_folder_holding_a_link_loop(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (folder / "docs").mkdir()
    (folder / "docs" / "list.md").write_text(MESSY, encoding="utf-8")
    (folder / "docs" / "again").symlink_to("..")  # a folder loop: must not be followed
    (folder / "docs" / "self.md").symlink_to("self.md")
    code, out, err = run(capsys, "--output-format", "concise", "docs")
    assert code == 1 and err == ""  # the looping link is no Markdown file: skipped
    assert str(Path("docs", "list.md")) + ":" in out


@pytest.mark.parametrize("command", ["export", "init"])
def test_the_other_commands_refuse_bad_files_the_same_way(
    folder: Path, capsys: pytest.CaptureFixture[str], command: str
) -> None:
    (folder / "bad.md").write_bytes(b"| a |\n|---|\n| \xff |\n")
    before = snapshot(folder)
    code, out, err = run(capsys, command, "bad.md")
    assert code == 2 and out == ""
    assert err.splitlines() == ["awesome-lint: bad.md: not UTF-8 (byte 0xff at line 3, column 3)"]
    assert snapshot(folder) == before


@pytest.mark.parametrize(
    ("data", "reason"),
    [(b"| a |\x00\n", "binary file (NUL byte at line 1, column 6)"), (b"", "empty file")],
)
def test_standard_input_is_refused_the_same_way(
    folder: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    data: bytes,
    reason: str,
) -> None:
    import io

    class Stdin:
        buffer = io.BytesIO(data)

    monkeypatch.setattr(sys, "stdin", Stdin)
    for args in (["-"], ["--fix", "-"], ["--stdin-filename", "docs/x.md", "-"]):
        Stdin.buffer.seek(0)
        code, out, err = run(capsys, *args)
        name = "docs/x.md" if "--stdin-filename" in args else "-"
        assert code == 2 and out == ""
        assert err.splitlines() == [f"awesome-lint: {name}: {reason}"]


def test_the_50_mb_default_limit_refuses_at_once(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Over max_file_size (50 MB by default) a file is refused from its size, unread."""
    big = folder / "huge.md"
    with open(big, "wb") as f:
        f.write(MESSY.encode())
        f.truncate(50 * 1024 * 1024 + 1)  # sparse: costs no disk
    (folder / "ok.md").write_text(MESSY, encoding="utf-8")
    started = time.perf_counter()
    code, out, err = run(capsys, "huge.md", "ok.md")
    assert time.perf_counter() - started < 5
    assert code == 2 and "ok.md:" in out
    assert err.splitlines() == [
        "awesome-lint: huge.md: 52,428,801 bytes is over the limit of 52,428,800 bytes"
        " (max_file_size in .awesome-lint.json)"
    ]


# -- bad configuration ------------------------------------------------------------------


@dataclass(frozen=True)
class BadConfig:
    id: str
    text: str
    message: str  # after "awesome-lint: <config file>"


def _table_config(extra: dict[str, Any]) -> str:
    return json.dumps({"tables": [{"name": "t", "columns": [{"name": "Name"}], **extra}]})


BAD_CONFIGS = [
    BadConfig(
        "invalid-json",
        '{\n  "style": "aligned",\n  "rules": {,}\n}\n',
        ":3:13: invalid JSON: Expecting property name enclosed in double quotes",
    ),
    BadConfig("trailing-comma", '{"style": "aligned",}', ":1:21: invalid JSON: Expecting"),
    BadConfig("not-utf8", '{"style": "\xe9"}', ": cannot read the config: not UTF-8"),
    BadConfig(
        "schema-violation",
        '{"rules": {"ragged-row": "eror"}}',
        ': /rules/ragged-row: "eror" is not one of',
    ),
    BadConfig("unknown-key", '{"bogus": 1}', ": /: unknown key 'bogus'"),
    BadConfig("wrong-type", '{"max_file_size": "big"}', ": /max_file_size: 'big' is not of type"),
    BadConfig(
        "row-pattern",
        _table_config(
            {"row": {"properties": {"Name": {"properties": {"text": {"pattern": "[z-a]"}}}}}}
        ),
        ": /tables/0/row/properties/Name/properties/text/pattern: invalid regular expression"
        " '[z-a]': bad character range z-a at position 1",
    ),
    BadConfig(
        "pattern-properties",
        _table_config({"row": {"patternProperties": {"(": {}}}}),
        ": /tables/0/row/patternProperties: invalid regular expression '(':",
    ),
    BadConfig(
        "heading",
        _table_config({"match": {"heading": "Papers (20"}}),
        ": /tables/0/match/heading: invalid regular expression 'Papers (20': missing ),",
    ),
    BadConfig(
        "remote-ref",
        _table_config({"row": {"$ref": "https://example.org/row.json"}}),
        ": /tables/0/row/$ref: $ref 'https://example.org/row.json' points outside the config;"
        " awesome-lint never fetches schemas",
    ),
    BadConfig(
        "file-ref",
        _table_config({"row": {"properties": {"Name": {"$ref": "file:///etc/passwd"}}}}),
        ": /tables/0/row/properties/Name/$ref: $ref 'file:///etc/passwd' points outside",
    ),
    BadConfig(
        "bad-row-schema",
        _table_config({"row": {"type": "strin"}}),
        ": /tables/0/row/type: 'strin' is not valid",
    ),
]


def _config_bytes(config: BadConfig) -> bytes:
    return config.text.encode("latin-1" if config.id == "not-utf8" else "utf-8")


@pytest.mark.parametrize("config", BAD_CONFIGS, ids=[c.id for c in BAD_CONFIGS])
def test_a_bad_config_named_on_the_command_line(
    folder: Path, capsys: pytest.CaptureFixture[str], config: BadConfig
) -> None:
    (folder / "cfg.json").write_bytes(_config_bytes(config))
    (folder / "list.md").write_text(MESSY, encoding="utf-8")
    before = snapshot(folder)
    code, out, err = run(capsys, "--fix", "--config", "cfg.json", "list.md")
    assert code == 2 and out == ""
    [line] = err.splitlines()
    assert line.startswith(f"awesome-lint: cfg.json{config.message}"), line
    assert snapshot(folder) == before


@pytest.mark.parametrize("config", BAD_CONFIGS, ids=[c.id for c in BAD_CONFIGS])
def test_a_bad_config_found_next_to_a_file_stops_that_folder_only(
    folder: Path, capsys: pytest.CaptureFixture[str], config: BadConfig
) -> None:
    (folder / "bad").mkdir()
    (folder / "good").mkdir()
    (folder / "bad" / ".awesome-lint.json").write_bytes(_config_bytes(config))
    for sub in ("bad", "good"):
        (folder / sub / "list.md").write_text(MESSY, encoding="utf-8")
    before = snapshot(folder)
    code, out, err = run(capsys, "--output-format", "concise", "bad/list.md", "good/list.md")
    assert code == 2
    [line] = err.splitlines()
    config_path = str((folder / "bad" / ".awesome-lint.json").resolve())
    assert line.startswith(f"awesome-lint: {config_path}{config.message}"), line
    assert "good/list.md:" in out and "bad/list.md:" not in out
    assert snapshot(folder) == before


# -- 2. no network, ever -----------------------------------------------------------------


class _Counter(http.server.BaseHTTPRequestHandler):
    requests: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        _Counter.requests.append(self.path)
        body = json.dumps({"type": "string", "maxLength": 1}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/schema+json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: Any) -> None:
        pass


@pytest.fixture
def server() -> Iterator[str]:
    """A schema server on 127.0.0.1 that counts the requests it gets; yields its base URL."""
    _Counter.requests = []
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Counter)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_the_counting_server_does_count(server: str) -> None:
    """The control: jsonschema on its own would fetch the remote $ref."""
    from jsonschema import Draft202012Validator

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        assert not Draft202012Validator({"$ref": f"{server}/row.json"}).is_valid(42)
    assert _Counter.requests == ["/row.json"]


def test_a_remote_ref_is_refused_without_a_request(
    folder: Path, capsys: pytest.CaptureFixture[str], server: str
) -> None:
    url = f"{server}/row.json"
    configs: dict[str, dict[str, Any]] = {
        "ref.json": {"row": {"$ref": url}},
        "nested.json": {"row": {"properties": {"Name": {"$ref": url + "#/x"}}}},
        "dynamic.json": {"row": {"$dynamicRef": url}},
        "defs.json": {"row": {"$ref": "#/$defs/a", "$defs": {"a": {"$ref": url}}}},
        "relative.json": {"row": {"$id": url, "$ref": "other.json"}},
    }
    (folder / "list.md").write_text(MESSY, encoding="utf-8")
    for name, extra in configs.items():
        (folder / name).write_text(_table_config(extra), encoding="utf-8")
        code, out, err = run(capsys, "--config", name, "list.md")
        assert code == 2 and out == ""
        assert "points outside the config; awesome-lint never fetches schemas" in err, err
    assert _Counter.requests == []


def test_schemas_and_ids_naming_the_server_fetch_nothing(
    folder: Path, capsys: pytest.CaptureFixture[str], server: str
) -> None:
    """`$schema` and `$id` URLs are names, not addresses: the config is used, nothing fetched."""
    row = {
        "$schema": f"{server}/meta.json",
        "$id": f"{server}/row.json",
        "properties": {"Name": {"$ref": "#/$defs/name"}},
        "$defs": {"name": {"properties": {"text": {"maxLength": 3}}}},
    }
    config = {"$schema": f"{server}/config.schema.json", **json.loads(_table_config({"row": row}))}
    (folder / ".awesome-lint.json").write_text(json.dumps(config), encoding="utf-8")
    (folder / "list.md").write_text(MESSY, encoding="utf-8")
    code, out, err = run(capsys, "--output-format", "concise", "list.md")
    assert err == "" and code == 1, err
    assert "[invalid-cell]" in out  # `bbbbbb` is longer than 3: the local $ref was followed
    assert _Counter.requests == []


def test_the_row_validator_never_fetches(server: str) -> None:
    """Even a schema that skipped config validation: an unresolvable $ref, not a request."""
    for schema in (
        {"$ref": f"{server}/row.json"},
        {"properties": {"Name": {"$ref": f"{server}/name.json"}}},
        {"$id": f"{server}/base.json", "properties": {"Name": {"$ref": "name.json"}}},
        {"$schema": f"{server}/meta.json", "properties": {"Name": {"$dynamicRef": "#x"}}},
    ):
        validator = RowValidator(schema)
        try:
            validator.errors({"Name": {"text": "abc"}})
        except RowSchemaError as exc:
            assert "cannot be resolved" in str(exc)
    assert _Counter.requests == []


def test_config_validation_never_fetches(server: str) -> None:
    assert all(
        ref.startswith("#")
        for ref in re.findall(
            r'"\$ref":\s*"([^"]*)"', (SCHEMA_DIR / "config.schema.json").read_text()
        )
    )
    validate_config({"$schema": f"{server}/config.schema.json"}, "cfg.json")
    config_from_text(json.dumps({"$schema": f"{server}/x.json", "extends": "none"}), "cfg.json")
    with pytest.raises(ConfigError, match="points outside"):
        config_from_text(_table_config({"row": {"$ref": f"{server}/row.json"}}), "cfg.json")
    assert _Counter.requests == []


# -- 3. pathological Markdown: linear time ------------------------------------------------


def _best_of(runs: int, work: Callable[[str], object], text: str) -> float:
    best = float("inf")
    for _ in range(runs):
        started = time.perf_counter()
        work(text)
        best = min(best, time.perf_counter() - started)
    return best


def assert_linear(
    make: Callable[[int], str],
    n: int,
    work: Callable[[str], object],
    *,
    ratio: float = 8.0,
    floor: float = 0.05,
) -> None:
    """work(make(4n)) takes at most `ratio` times work(make(n)) (or under `floor` seconds)."""
    small, large = make(n), make(4 * n)
    work(small)  # warm up: imports, caches
    t_small = _best_of(3, work, small)
    t_large = _best_of(2, work, large)
    assert t_large <= max(ratio * t_small, floor), (
        f"size {len(small):,}: {t_small:.3f}s, size {len(large):,}: {t_large:.3f}s"
        f" ({t_large / t_small:.1f}x for 4x the input)"
    )


def _everything(text: str) -> None:
    """Parse, lint, fix (render, re-parse, verify) and export."""
    fix_text(text)
    export_json(text, "x.md")


def _cell(content: str) -> str:
    return f"| a | b |\n|---|---|\n| {content} | x |\n| y | z |\n"


def _readme(rows: int) -> str:
    """A paper list the way real ones look, with sections, links, venues and sloppy padding."""
    out = ["# Awesome Things\n\n- [Papers](#papers)\n\n"]
    for r in range(rows):
        if r % 40 == 0:
            out.append(f"\n## Topic {r // 40}\n\n| Name | Title | Venue | Paper | Code |\n")
            out.append("|---|:---|---|---|---|\n")
        out.append(
            f"| M{r} | *A* **title** `{r}` | CVPR {2000 + r % 25} |"
            f" [arXiv](https://arxiv.org/pdf/2{r % 10}01.{r:05d}.pdf) |"
            f" [code](http://github.com/u/r{r}?utm_source=x) |\n"
        )
    return "".join(out)


PATHOLOGICAL: list[tuple[str, Callable[[int], str], int]] = [
    # (id, make(n), n): each timed at n and 4n
    ("readme", _readme, 300),
    ("long-line", lambda n: "x" * n + "\n", 2_500_000),
    ("long-cell", lambda n: _cell("y" * n), 250_000),
    ("long-cell-words", lambda n: _cell("word " * (n // 5)), 200_000),
    ("many-cells", lambda n: "| a | b |\n|---|---|\n|" + " c |" * n + "\n", 6_000),
    ("many-columns", lambda n: "|" + " a |" * n + "\n|" + "---|" * n + "\n", 3_000),
    ("many-rows", lambda n: "| a | b |\n|---|---|\n" + "| 1 | 2 |\n" * n, 1_500),
    ("many-tables", lambda n: "## h\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n" * n, 400),
    ("nested-quotes", lambda n: ">" * n + " | a | b |\n" + ">" * n + " |---|---|\n", 2_500),
    ("nested-lists", lambda n: "- " * n + "x\n\n| a | b |\n|---|---|\n", 2_500),
    ("nested-ordered", lambda n: "1. " * n + "x\n\n| a | b |\n|---|---|\n", 2_500),
    ("nested-mixed", lambda n: "> - " * n + "| a | b |\n", 2_500),
    ("list-indents", lambda n: "".join("  " * i + "- x\n" for i in range(int(n**0.5))), 40_000),
    ("open-brackets", lambda n: _cell("[" * n), 10_000),
    ("close-brackets", lambda n: _cell("]" * n), 10_000),
    ("nested-brackets", lambda n: _cell("[" * n + "]" * n) + "\n[a]: /u\n", 5_000),
    ("open-images", lambda n: _cell("![" * n), 5_000),
    ("links", lambda n: _cell("[a](b) " * n), 2_000),
    ("links-after-open", lambda n: _cell("[" * n + "[a](b)" * n), 1_500),
    ("reference-links", lambda n: _cell("[a][r] " * n) + "\n[r]: /u\n", 2_000),
    ("backticks", lambda n: _cell("`" * n), 10_000),
    ("backtick-runs", lambda n: _cell(" ".join("`" * (i % 40 + 1) for i in range(n))), 2_000),
    ("angles", lambda n: _cell("<" * n), 10_000),
    ("tags", lambda n: _cell("<a " * n), 4_000),
    ("stars", lambda n: _cell("*" * n), 10_000),
    ("star-words", lambda n: _cell("*a " * n), 4_000),
    ("underscores", lambda n: _cell("_a " * n), 4_000),
    ("mixed-emphasis", lambda n: _cell("*a_" * n), 4_000),
    ("tildes", lambda n: _cell("~a " * n), 4_000),
    ("comments", lambda n: _cell("<!--" * n), 3_000),
    ("comment-dashes", lambda n: _cell("<!--" + "-" * n), 10_000),
    ("processing", lambda n: _cell("<?" * n), 5_000),
    ("declarations", lambda n: _cell("<!A " * n), 3_000),
    ("cdata", lambda n: _cell("<![CDATA[" * n), 1_500),
    ("anchors", lambda n: _cell("<a href=x>y</a> " * n), 1_000),
    ("entities", lambda n: _cell("&amp;&#1" * n), 2_000),
    ("backslashes", lambda n: _cell("\\" * n), 10_000),
    ("escaped-pipes", lambda n: _cell("\\|" * n), 5_000),
    ("bare-urls", lambda n: _cell("http://a.b " * n), 1_500),
    ("www", lambda n: _cell("www.a " * n), 2_000),
    ("www-underscores", lambda n: _cell("www._" * n), 2_000),
    ("url-parens", lambda n: _cell("http://a" + ")" * n), 10_000),
    ("emails", lambda n: _cell("a@" * n), 5_000),
    ("at-signs", lambda n: _cell("@" * n), 10_000),
    ("delimiter-spaces", lambda n: "| a |\n|---" + " " * n + "x\n", 10_000),
    ("thematic-spaces", lambda n: "* " * n + "x\n\n" + _cell("x"), 5_000),
    ("heading-comments", lambda n: "# " + "<!--" * n + "\n\n" + _cell("x"), 3_000),
    ("reference-definitions", lambda n: "[a]: b\n" * n + _cell("[a]"), 2_000),
    ("long-label", lambda n: "[" + "a" * n + "]\n\n" + _cell("[a]"), 10_000),
    ("paragraph-lines", lambda n: "a\n" * n + _cell("x"), 3_000),
    ("lone-cr", lambda n: "| a | b |\r|---|---|\r" + "| 1 | 2 |\r" * n, 800),
    ("control-chars", lambda n: _cell("\x0b\x0c\x1b\u2028\x85" * n), 4_000),
]


@pytest.mark.parametrize(
    ("make", "n"), [(m, n) for _, m, n in PATHOLOGICAL], ids=[i for i, _, _ in PATHOLOGICAL]
)
def test_pathological_markdown_takes_linear_time(make: Callable[[int], str], n: int) -> None:
    assert_linear(make, n, _everything)


def test_ten_thousand_levels_raise_no_recursion_error(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = (
        "> " * 10_000
        + "| a |\n"
        + "- " * 10_000
        + "x\n\n"
        + "1. " * 10_000
        + "y\n\n"
        + _cell("[" * 10_000 + "*" * 10_000 + "_" * 10_000 + "]" * 10_000)
        + "\n<table><tr><td>\n\n"
        + "[" * 5_000
        + "\n"
        + "*a " * 5_000
        + "\n\n</td></tr></table>\n"
    )
    (folder / "deep.md").write_text(text, encoding="utf-8")
    for args in (["deep.md"], ["--fix", "deep.md"], ["export", "deep.md"]):
        code, _, err = run(capsys, *args)
        assert "Traceback" not in err and "internal error" not in err, err[:500]
        assert code in (0, 1), err[:500]


def test_a_single_ten_megabyte_line(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    line = "| " + "word " * 2_000_000 + "|\n"
    (folder / "long.md").write_text("| a |\n|---|\n" + line + "| b |\n", encoding="utf-8")
    code, _, err = run(capsys, "--fix", "long.md")
    assert err == "" and code == 0
    assert (folder / "long.md").read_text(encoding="utf-8").count("\n") == 4


# -- 4. regular expressions: no catastrophic backtracking ----------------------------------

_CATEGORY_SAMPLES = {
    sre_constants.CATEGORY_DIGIT: "0",
    sre_constants.CATEGORY_NOT_DIGIT: "a",
    sre_constants.CATEGORY_SPACE: " ",
    sre_constants.CATEGORY_NOT_SPACE: "a",
    sre_constants.CATEGORY_WORD: "a",
    sre_constants.CATEGORY_NOT_WORD: "!",
    sre_constants.CATEGORY_LINEBREAK: "\n",
    sre_constants.CATEGORY_NOT_LINEBREAK: "a",
}
_SEARCHING = ("search", "finditer", "findall", "sub", "subn", "split")


def _module_patterns() -> Iterator[tuple[str, re.Pattern[str], bool]]:
    """(name, pattern, whether some code searches with it rather than matching at a place)."""
    sources = {}
    for info in pkgutil.walk_packages(awesome_lint.__path__, "awesome_lint."):
        if info.name.endswith("__main__"):
            continue
        module = importlib.import_module(info.name)
        sources[info.name] = Path(module.__file__ or "").read_text(encoding="utf-8")
    for module_name, source in sources.items():
        module = sys.modules[module_name]
        for name, value in vars(module).items():
            if not re.search(rf"^{name}\b[^=\n]*=", source, re.MULTILINE):
                continue  # imported from the module that defines it
            values: list[Any] = (
                list(value.values())
                if isinstance(value, dict)
                else list(value)
                if isinstance(value, (tuple, list))
                else [value]
            )
            found = [v for v in values if isinstance(v, re.Pattern) and isinstance(v.pattern, str)]
            if not found:
                continue
            imported = rf"from {re.escape(module_name)} import (?:\([^)]*|[^\n]*)\b{name}\b"
            users = [source] + [s for m, s in sources.items() if re.search(imported, s)]
            searched = any(_searches(name, s) for s in users)
            for i, pattern in enumerate(found):
                label = f"{module_name}.{name}" + (f"[{i}]" if len(found) > 1 else "")
                yield label, pattern, searched


def _searches(name: str, source: str) -> bool:
    receivers = {name, *re.findall(rf"(\w+)\s*:?=\s*{name}\b", source)}
    calls = "|".join(_SEARCHING)
    return any(
        re.search(rf"\b{re.escape(r)}(?:\[[^\]\n]*\])?\.(?:{calls})\(", source) for r in receivers
    )


def _schema_patterns() -> Iterator[tuple[str, re.Pattern[str], bool]]:
    """The regexes of the built-in table schemas (row `pattern`s, `match.heading`)."""
    data = json.loads((SCHEMA_DIR / "default.json").read_text(encoding="utf-8"))

    def walk(node: Any, pointer: str) -> Iterator[tuple[str, str]]:
        if isinstance(node, dict):
            for key, value in node.items():
                if key in ("pattern", "heading") and isinstance(value, str):
                    yield f"{pointer}/{key}", value
                elif key == "patternProperties" and isinstance(value, dict):
                    yield from ((f"{pointer}/{key}", k) for k in value)
                yield from walk(value, f"{pointer}/{key}")
        elif isinstance(node, list):
            for i, value in enumerate(node):
                yield from walk(value, f"{pointer}/{i}")

    for pointer, pattern in walk(data, "default.json#"):
        yield pointer, re.compile(pattern, re.IGNORECASE), True


def _alphabet(pattern: re.Pattern[str]) -> tuple[list[str], list[str]]:
    """The characters a pattern mentions, and its runs of literal text."""
    chars: set[str] = set()
    words: set[str] = set()
    c = sre_constants

    def walk(items: Any) -> None:
        run: list[str] = []
        for op, arg in items:
            if op is c.LITERAL:
                chars.add(chr(arg))
                run.append(chr(arg))
                continue
            if len(run) > 1:
                words.add("".join(run))
            run = []
            if op is c.NOT_LITERAL:
                chars.update((chr(arg), "a"))
            elif op is c.ANY:
                chars.update("a\n")
            elif op is c.IN:
                for item_op, item in arg:
                    if item_op is c.LITERAL:
                        chars.add(chr(item))
                    elif item_op is c.RANGE:
                        chars.update((chr(item[0]), chr(item[1])))
                    elif item_op is c.CATEGORY:
                        chars.add(_CATEGORY_SAMPLES.get(item, "a"))
                    elif item_op is c.NEGATE:
                        chars.add("\x01")
            elif op in (c.MAX_REPEAT, c.MIN_REPEAT) or op is getattr(c, "POSSESSIVE_REPEAT", 0):
                walk(arg[2])
            elif op is c.SUBPATTERN:
                walk(arg[-1])
            elif op is c.BRANCH:
                for branch in arg[1]:
                    walk(branch)
            elif op in (c.ASSERT, c.ASSERT_NOT):
                walk(arg[1])
            elif op is getattr(c, "ATOMIC_GROUP", 0):
                walk(arg)
            elif op is c.GROUPREF_EXISTS:
                walk(arg[1])
                if arg[2]:
                    walk(arg[2])
        if len(run) > 1:
            words.add("".join(run))

    walk(sre_parse.parse(pattern.pattern, pattern.flags))
    return sorted(chars), sorted(words)[:10]


def adversarial(pattern: re.Pattern[str], n: int) -> list[str]:
    """Strings of about n characters made of the pattern's own pieces, each also with a
    character at the end that makes the match fail late (where backtracking hurts)."""
    chars, words = _alphabet(pattern)
    out = [ch * n for ch in chars]
    for word in words:
        out.append(word * (n // len(word)))
        out.extend(word + ch * n for ch in chars[:12])
    out.extend((a + b) * (n // 2) for a, b in itertools.combinations(chars[:10], 2))
    out.extend(a + b * n for a in chars[:12] for b in chars[:12] if a != b)
    return [s + end for s in out for end in ("", "\x00")]


REGEXES = [*_module_patterns(), *_schema_patterns()]


def test_the_regexes_were_found() -> None:
    names = {name for name, _, _ in REGEXES}
    assert {
        "awesome_lint.markdown.blocks._DELIMITER_RE",
        "awesome_lint.markdown.inline_scanner._COMMENT",
    } <= names
    assert len(REGEXES) > 50


@pytest.mark.parametrize(
    ("pattern", "searched"), [(p, s) for _, p, s in REGEXES], ids=[n for n, _, _ in REGEXES]
)
def test_no_regex_backtracks_catastrophically(pattern: re.Pattern[str], searched: bool) -> None:
    """Matched where the code matches (or searched, where it searches), 10,000 then 40,000
    characters of the pattern's own characters cost at most ~8x, not 16x or worse."""
    small, large = adversarial(pattern, 10_000), adversarial(pattern, 40_000)

    def work(strings: list[str]) -> float:
        started = time.perf_counter()
        for s in strings:
            (pattern.search if searched else pattern.match)(s)
        return time.perf_counter() - started

    t_small = min(work(small) for _ in range(2))
    assert t_small < 2.0, f"{t_small:.2f}s for {len(small)} strings of 10,000 characters"
    t_large = work(large)
    assert t_large <= max(8 * t_small, 0.05), f"{t_small:.3f}s -> {t_large:.3f}s"


def test_the_old_delimiter_regex_would_have_been_caught() -> None:
    """The check above finds quadratic backtracking (this was _DELIMITER_RE before its fix)."""
    old = re.compile(
        r"\|?[ \t\v\f]*:?-+:?[ \t\v\f]*(?:\|[ \t\v\f]*:?-+:?[ \t\v\f]*)*\|?[ \t\v\f]*$"
    )
    small, large = adversarial(old, 1_000), adversarial(old, 4_000)
    started = time.perf_counter()
    for s in small:
        old.match(s)
    t_small = time.perf_counter() - started
    started = time.perf_counter()
    for s in large:
        old.match(s)
    assert time.perf_counter() - started > 8 * t_small


def test_a_run_with_errors_never_says_all_checks_passed(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (folder / "clean.md").write_text("| a   |\n| --- |\n| b   |\n", encoding="utf-8")
    code, out, err = run(capsys, "clean.md", "missing.md")
    assert code == 2
    assert err.splitlines() == ["awesome-lint: missing.md: no such file"]
    assert "passed" not in out
    assert (
        out.splitlines()[-1] == "No problems in the files checked. 1 file with errors, see above."
    )
