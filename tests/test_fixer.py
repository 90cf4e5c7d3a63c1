"""--fix on generated tables: GitHub renders the result exactly as before, and it is stable."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from gfm import render
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from awesome_lint.api import Selection
from awesome_lint.config import default_config
from awesome_lint.document import decode
from awesome_lint.fixer import fix_text
from awesome_lint.markdown.blocks import split_lines
from awesome_lint.markdown.tables import parse_tables
from awesome_lint.render import counts_code_points
from awesome_lint.width import display_width

_EMPTY_ROW = re.compile(r"<tr>\n(?:<t[dh][^>]*></t[dh]>\n)+</tr>\n")
_EMPTY_BODY = re.compile(r"<tbody>\n</tbody>\n")

_CELLS = st.sampled_from(
    [
        "",
        "a",
        "SAM",
        "中文标题",
        "日本語のモデル",
        "👍🏽",
        "👨‍👩‍👧",
        "1️⃣",
        "❤️",
        "é",
        "e\u0301",
        "`code`",
        "`a\\|b`",
        "x \\| y",
        "**bold**",
        "_it_",
        "[Link](https://github.com/x/y)",
        "[![Star](https://img.shields.io/badge/s.svg)](https://github.com/x)",
        "<br>",
        "&amp;",
        "ICCV'23",
        "arXiv(2023)",
        "N/A",
        "-",
        "a  b",
        "\\*",
    ]
)
_ALIGN = st.sampled_from(["---", ":--", ":-:", "--:", "-", ":---------:", " --- "])
_PREFIX = st.sampled_from(["", "> ", "- ", "1. ", ">"])


def _row(cells: list[str], lead: bool, trail: bool, pad: str) -> str:
    body = "|".join(f"{pad}{c}{pad}" for c in cells)
    return ("|" if lead else "") + body + ("|" if trail else "")


@st.composite
def documents(draw: st.DrawFn) -> str:
    width = draw(st.integers(1, 4))
    header = [draw(_CELLS.filter(bool)) for _ in range(width)]
    lead, trail = draw(st.booleans()), draw(st.booleans())
    lead = lead or width == 1  # one column needs a pipe to be a table
    pad = draw(st.sampled_from(["", " ", "  "]))
    prefix = draw(_PREFIX)
    cont = " " * len(prefix) if prefix[:1] in "-1" else prefix
    lines = [prefix + _row(header, lead, trail, pad)]
    lines.append(cont + _row([draw(_ALIGN) for _ in range(width)], lead, trail, pad))
    for _ in range(draw(st.integers(0, 5))):
        n = draw(st.integers(max(1, width - 2), width + 1))
        cells = [draw(_CELLS) for _ in range(n)]
        if n == 1 and not cells[0]:
            cells[0] = "x"
        lines.append(cont + _row(cells, True, draw(st.booleans()), pad))
    before = draw(st.sampled_from(["", "Intro text.\n\n", "# Title\n\n"]))
    after = draw(st.sampled_from(["", "\n\nOutro.", "\n"]))
    newline = draw(st.sampled_from(["\n", "\r\n"]))
    text = before + "\n".join(lines) + after
    text = text.replace("\n", newline)
    return draw(st.sampled_from(["", "\ufeff"])) + text


def _rendered(text: str) -> str:
    return _EMPTY_BODY.sub("", _EMPTY_ROW.sub("", render(text)))


SAFE = Selection(frozenset({"table-format", "empty-row", "ragged-row"}))
ALIGNED = replace(default_config(), style="aligned")


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents())
def test_safe_fix_keeps_what_github_shows(original: str) -> None:
    document = decode(original.encode("utf-8"))
    fixed = fix_text(document.text, selection=SAFE).text
    assert _rendered(fixed) == _rendered(document.text)
    assert fix_text(fixed, selection=SAFE).text == fixed

    tables = parse_tables(document.text)
    inside = {n for t in tables for n in range(t.line, t.end_line + 1)}
    before_lines, _ = split_lines(document.text)
    after_lines, _ = split_lines(fixed)
    head = min(inside) - 1 if inside else len(before_lines)
    assert after_lines[:head] == before_lines[:head]
    tail = len(before_lines) - max(inside) if inside else 0
    if tail:
        assert after_lines[-tail:] == before_lines[-tail:]
    assert document.encode(fixed).startswith(b"\xef\xbb\xbf") == original.startswith("\ufeff")
    if "\r\n" in original:
        assert "\n" not in fixed.replace("\r\n", "")

    # Laid out aligned, the pipes line up (the documents' cells are too short to overflow).
    aligned = fix_text(document.text, ALIGNED, SAFE).text
    assert _rendered(aligned) == _rendered(document.text)
    for table in parse_tables(aligned):
        lines = [r.source[len(r.prefix) :] for r in (table.header, table.delimiter, *table.rows)]
        measure = len if counts_code_points(table) else display_width
        pipes = [_pipe_columns(line, measure) for line in lines]
        width = len(table.header.cells) + 1
        # A short row kept short (render.keeps_short_rows) has its pipes where the others do.
        assert all(p[:width] == pipes[0][: len(p[:width])] for p in pipes), lines


def _pipe_columns(line: str, measure: Callable[[str], int] = display_width) -> list[int]:
    out, i = [], 0
    while i < len(line):
        if line[i] == "\\":
            i += 2
            continue
        if line[i] == "|":
            out.append(measure(line[:i]))
        i += 1
    return out
