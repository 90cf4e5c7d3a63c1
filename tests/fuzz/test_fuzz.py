"""Generated Markdown through the parser, the linter, the fixer and the exporter.

Documents mix tables (top level, in lists, in block quotes, ragged, escaped pipes, wide
and combining characters) with every other block, in random Unicode (control characters,
U+2028, lone CR, CRLF, BOM, tabs; never a lone surrogate: text is always valid Unicode).
The properties:

- nothing but FixError (the fixer declining, the text untouched) escapes lint_text,
  fix_text or the export;
- the fixed text parses to the same tables with the same cell texts;
- fixing the fixed text changes nothing;
- every line outside the tables is kept as it was, line ending included.

`HYPOTHESIS_PROFILE=long pytest tests/fuzz` runs the long profile (see README.md).
"""

from __future__ import annotations

import json
import os

from hypothesis import HealthCheck, event, example, given, note, settings
from hypothesis import strategies as st

from awesome_lint.api import lint_text
from awesome_lint.export import document_tables, export_csv, export_json
from awesome_lint.fixer import FixError, fix_text
from awesome_lint.markdown.blocks import split_lines
from awesome_lint.markdown.tables import parse
from awesome_lint.model import Row, Table

# Our own profiles, applied per test: loading one globally would change other test files.
_HEALTH = [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much]
settings.register_profile(
    "awesome-lint-ci", max_examples=120, deadline=None, suppress_health_check=_HEALTH
)
settings.register_profile(
    "awesome-lint-long", max_examples=25_000, deadline=None, suppress_health_check=_HEALTH
)
STRICT = os.environ.get("AWESOME_LINT_FUZZ_STRICT") == "1"
FUZZ = settings.get_profile(
    "awesome-lint-long" if os.environ.get("HYPOTHESIS_PROFILE") == "long" else "awesome-lint-ci"
)
if os.environ.get("AWESOME_LINT_FUZZ_EXAMPLES"):  # a run of any length, by hand
    FUZZ = settings(FUZZ, max_examples=int(os.environ["AWESOME_LINT_FUZZ_EXAMPLES"]))

# -- the generator --------------------------------------------------------------------------

_NOISE = st.characters(codec="utf-8")  # any code point but a surrogate
_TRICKY = st.sampled_from(
    [
        "\t",
        "\x0b",
        "\x0c",
        "\x00",
        "\x1b",
        "\x7f",
        "\x85",
        "\xa0",
        "\u2028",
        "\u2029",
        "\u200b",
        "\u200d",
        "\ufeff",
        "\u0301",
        "\u3000",
        "中文",
        "😀",
        "👩‍👩‍👧",
        "🇫🇷",
        "e\u0301",
        "\uffff",
        "\U0010ffff",
        "\r",
        "\\",
        "\\|",
        "|",
    ]
)
_INLINE = st.sampled_from(
    [
        "[",
        "]",
        "(",
        ")",
        "![",
        "](",
        "`",
        "``",
        "*",
        "**",
        "_",
        "__",
        "~",
        "~~",
        "<",
        ">",
        "!",
        "&",
        "&amp;",
        "&#35;",
        "&#x1F600;",
        "&nbsp;",
        "<!--",
        "-->",
        "<?",
        "?>",
        "<!A ",
        "<![CDATA[",
        "]]>",
        '<a href="x">',
        "</a>",
        "<b>",
        "<br/>",
        "<img src=x>",
        "<http://a.b>",
        "<a@b.c>",
        "http://x.org/a_(b)",
        "https://arxiv.org/pdf/2306.11925v2.pdf",
        "www.a.b",
        "www._a",
        "a@b.co",
        '[t](http://e.org "title")',
        "[t][r]",
        "[r]",
        "[]",
        "![i](u)",
        "[![i](u)](v)",
        "CVPR 2023",
        "NeurIPS'22",
        "arXiv(2023)",
        "N/A",
        "-",
        "http://github.com/a/b?utm_source=x",
        "  ",
        " ",
        "a",
        "b",
        "word",
        "1",
        ":",
        "'",
        '"',
    ]
)
_TEXT = st.lists(st.one_of(_INLINE, _TRICKY, _NOISE), max_size=8).map("".join)
# Cell content: no raw line breaks (a break ends the row), anything else goes.
_CELL = _TEXT.map(lambda s: s.replace("\n", " ").replace("\r", " ").replace("\u2028", " "))
_ALIGN = st.sampled_from(["---", ":--", "--:", ":-:", "-", " --- ", ":----------:"])
# (first line, following lines) of a table inside containers.
_CONTAINER = st.sampled_from(
    [("", "")] * 8
    + [("> ", "> "), ("- ", "  "), ("1. ", "   "), ("  ", "  "), ("* > ", "  > ")] * 2
    + [("\t", "\t"), (">>", ">"), ("- ", "- "), ("> ", "")]  # mostly no table at all
)


def _line(text: str) -> str:
    return text.replace("\n", " ").replace("\r", " ")


@st.composite
def table(draw: st.DrawFn) -> list[str]:
    width = draw(st.integers(1, 5))
    first, prefix = draw(_CONTAINER)
    lead = draw(st.booleans())

    def row(cells: list[str]) -> str:
        inner = " | ".join(cells) if cells else ""
        start = "| " if lead or not cells or not cells[0].strip() else ""
        end = draw(st.sampled_from([" |", "|", "", " | "]))
        return prefix + start + inner + end

    header = [draw(_CELL).replace("|", "/").replace("\\", "/") or "h" for _ in range(width)]
    lines = [first + row(header)[len(prefix) :]]
    lines.append(prefix + "|" + "|".join(draw(_ALIGN) for _ in range(width)) + "|")
    for _ in range(draw(st.integers(0, 6))):
        n = draw(st.integers(0, width + 2))
        lines.append(row([draw(_CELL) for _ in range(n)]))
    return lines


@st.composite
def block(draw: st.DrawFn) -> list[str]:
    kind = draw(
        st.sampled_from(
            [
                "table",
                "table",
                "table",
                "table",
                "table",
                "paragraph",
                "heading",
                "setext",
                "list",
                "quote",
                "fence",
                "indented",
                "html",
                "comment",
                "rule",
                "definition",
                "blank",
                "noise",
            ]
        )
    )
    text = draw(_TEXT)
    if kind == "table":
        return draw(table())
    if kind == "paragraph":
        return [_line(draw(_TEXT)) for _ in range(draw(st.integers(1, 3)))]
    if kind == "heading":
        return ["#" * draw(st.integers(1, 7)) + " " + _line(text)]
    if kind == "setext":
        return [_line(text) or "x", draw(st.sampled_from(["===", "---", "- - -"]))]
    if kind == "list":
        marker = draw(st.sampled_from(["- ", "* ", "+ ", "1. ", "2) "]))
        return [marker + _line(t) for t in draw(st.lists(_TEXT, min_size=1, max_size=3))]
    if kind == "quote":
        return ["> " + _line(t) for t in draw(st.lists(_TEXT, min_size=1, max_size=3))]
    if kind == "fence":
        fence = draw(st.sampled_from(["```", "~~~", "````"]))
        return [fence + draw(st.sampled_from(["", "md", "`"])), "| a | b |", "|---|---|", fence]
    if kind == "indented":
        return ["    | a | b |", "    |---|---|", "    " + _line(text)]
    if kind == "html":
        return ["<div>", "| a | b |", "|---|---|", "</div>"]
    if kind == "comment":
        return ["<!-- " + _line(text), draw(st.sampled_from(["-->", "| x |", ""]))]
    if kind == "rule":
        return [draw(st.sampled_from(["---", "***", "___", "- - -"]))]
    if kind == "definition":
        return [f'[r]: http://e.org/{_line(text).strip()[:5]} "t"']
    if kind == "blank":
        return [draw(st.sampled_from(["", " ", "\t"]))]
    return [_line(text)]


@st.composite
def documents(draw: st.DrawFn) -> str:
    lines: list[str] = []
    for b in draw(st.lists(block(), min_size=1, max_size=8)):
        lines.extend(b)
        if draw(st.integers(0, 3)):
            lines.append("")
    newline = st.sampled_from(["\n", "\n", "\r\n", "\r"])
    mixed = draw(st.booleans())
    first = draw(newline)
    out: list[str] = [line + (draw(newline) if mixed else first) for line in lines]
    if draw(st.booleans()) and out:
        out[-1] = out[-1].rstrip("\r\n")  # no final newline
    return "".join(out)


# -- the properties -------------------------------------------------------------------------


def _texts(row: Row, width: int) -> list[str]:
    texts = [cell.text for cell in row.cells[:width]]
    return texts + [""] * (width - len(texts))


def _cells(table: Table) -> list[list[str]]:
    """What a reader sees: the header and the non-empty rows, cut or padded to the header."""
    width = len(table.header.cells)
    rows = [r for r in table.rows if not r.is_empty]
    return [_texts(table.header, width), *(_texts(r, width) for r in rows)]


def _outside_tables(text: str) -> list[str]:
    """The lines (with their endings) that belong to no table."""
    # Markdown splits on LF, CRLF and CR only (str.splitlines also splits on U+2028...).
    bare, endings = split_lines(text)
    lines = [b + e for b, e in zip(bare, endings)]
    inside = {n for t in parse(text).tables for n in range(t.line, t.end_line + 1)}
    return [line for n, line in enumerate(lines, 1) if n not in inside]


def check_fix(text: str, unsafe: bool = False) -> None:
    note(repr(text))
    try:
        result = fix_text(text, unsafe_fixes=unsafe)
    except FixError as exc:
        # The fixer's own verification refused its result: the file would be left as it
        # was, which loses nothing. Counted (see --hypothesis-show-statistics); a failure
        # when hunting for fixer bugs with AWESOME_LINT_FUZZ_STRICT=1.
        event(f"FixError: {str(exc).split(':')[-1].strip()}")
        assert not STRICT, f"the fixer declined: {exc}"
        return
    fixed = result.text
    before, after = parse(text).tables, parse(fixed).tables
    assert len(after) == len(before)
    if not unsafe:
        assert [_cells(t) for t in after] == [_cells(t) for t in before]
    assert fix_text(fixed, unsafe_fixes=unsafe).text == fixed
    assert _outside_tables(fixed) == _outside_tables(text)


@FUZZ
@given(documents())
@example("| a | b |\r|---|---|\r| 1 |\r\u2028| x |\n")
@example("- | a |\n  |---|\n  | b | c |\n\n> | x\n> |-\n| lazy |\n")
@example("| see http:// | x |\n|---|---|\n| www._a | <!--<!-- |\n")
@example("\ufeff| a |\n|---|\n| \\| | \x00 |\n")
def test_fixing_keeps_what_readers_see(text: str) -> None:
    check_fix(text)


@FUZZ
@given(documents())
def test_unsafe_fixing_is_stable_and_keeps_the_rest(text: str) -> None:
    check_fix(text, unsafe=True)


@FUZZ
@given(documents())
def test_lint_and_export_never_raise(text: str) -> None:
    note(repr(text))
    problems = lint_text(text)
    lines = text.count("\n") + text.count("\r") + 1
    for p in problems:
        assert 1 <= p.line <= lines and p.column >= 1
    data = json.loads(export_json(text, "x.md"))
    assert data["tables"] == json.loads(json.dumps(document_tables(parse(text))))
    for index in range(1, len(parse(text).tables) + 1):
        export_csv(text, index)


@FUZZ
@given(st.text(st.characters(codec="utf-8"), max_size=300))
def test_any_text_at_all(text: str) -> None:
    """Not even Markdown-shaped: raw random Unicode."""
    note(repr(text))
    lint_text(text)
    export_json(text, "x.md")
    check_fix(text)
