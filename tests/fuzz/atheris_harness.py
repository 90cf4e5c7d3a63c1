"""Coverage-guided fuzzing of the whole pipeline with atheris (not run by pytest or CI).

Bytes in, as a file would give them: decoded (or refused with InputError), then linted,
fixed (safe, then unsafe) and exported. Any other exception is a crash; so is a fix that
does not read back, is not stable, or touches a line outside the tables. See README.md.

    pip install atheris
    python tests/fuzz/atheris_harness.py -max_total_time=600 -max_len=4096 corpus/
"""

from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports():
    from awesome_lint.api import lint_text
    from awesome_lint.document import InputError, decode
    from awesome_lint.export import export_json
    from awesome_lint.fixer import FixError, fix_text
    from awesome_lint.markdown.blocks import split_lines
    from awesome_lint.markdown.tables import parse


def _cells(text: str) -> list[list[list[str]]]:
    out = []
    for table in parse(text).tables:
        width = len(table.header.cells)
        rows = [table.header, *(r for r in table.rows if not r.is_empty)]
        texts = [[c.text for c in r.cells[:width]] for r in rows]
        out.append([t + [""] * (width - len(t)) for t in texts])
    return out


def _outside(text: str) -> list[str]:
    bare, endings = split_lines(text)
    inside = {n for t in parse(text).tables for n in range(t.line, t.end_line + 1)}
    return [b + e for n, (b, e) in enumerate(zip(bare, endings), 1) if n not in inside]


def test_one_input(data: bytes) -> None:
    try:
        text = decode(data).text
    except InputError:
        return
    lint_text(text)
    export_json(text, "fuzz.md")
    for unsafe in (False, True):
        try:
            fixed = fix_text(text, unsafe_fixes=unsafe).text
        except FixError:
            continue  # declined: the text is left as it was
        if not unsafe and _cells(fixed) != _cells(text):
            raise AssertionError("the fixed tables read differently")
        if fix_text(fixed, unsafe_fixes=unsafe).text != fixed:
            raise AssertionError("a second fix changed the text")
        if _outside(fixed) != _outside(text):
            raise AssertionError("a line outside the tables changed")


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
