"""Random GFM documents built around tables, for the differential fuzzer.

`document(rng)` mixes pipe tables (ragged, escaped pipes, alignments, empty rows, VT/FF and
tabs beside pipes and dashes) with every other block (paragraphs, headings, setext lines,
thematic breaks, fenced and indented code, the seven kinds of HTML block, link reference
definitions, lists with bullets, ordered and task items, block quotes, nested containers,
lazy lines, blank lines) and cells with every inline construct (emphasis, strikethrough,
code spans, links and images inline, reference and autolinked, raw HTML, entities,
escapes), with CR, CRLF and LF line endings, control characters and tabs. Some documents
reach cmark-gfm's limits (nesting depth, long backtick runs, wide rows).
"""

from __future__ import annotations

import random

_WORDS = ["a", "b", "x", "foo", "Bar", "ß", "ẞ", "K", "ǅ", "中文", "😀", "é", "1", "0"]
_INLINE = [
    "*{w}*",
    "_{w}_",
    "**{w}**",
    "__{w}__",
    "~{w}~",
    "~~{w}~~",
    "~~~{w}~~~",
    "`{w}`",
    "``{w}`{w}``",
    "``{w}`{w}`{w}`{w}`",
    "[{w}](/u)",
    '[{w}](/u "t")',
    '[{w}](/u "C:\\")',
    "[{w}](( )",
    "![{w}](/i.png)",
    "![^]()",
    "[{w}][r]",
    "[{w}][R]",
    "[r]",
    "[{w}]",
    "<http://{w}.com>",
    "http://{w}.com",
    "www.{w}.com",
    "http://*{w}*",
    "http://`{w}`",
    "{w}@{w}.com",
    "<b>{w}</b>",
    "<!-- {w} -->",
    "&amp;",
    "&#124;",
    "&nbsp;",
    "\\*",
    "\\|",
    "\\\\",
    "|",
    "*",
    "_",
    "~",
    "`",
    "[",
    "]",
    "(",
    ")",
    "!",
    "<",
    ">",
    "&",
    "\\",
    "~~a~a~*a~*",
    "**a*",
    "[^{w}]",
    "<table><tr><td>{w}</td></tr></table>",
    "<img src=x>",
    "\t",
    "\x0b",
    "\x0c",
    "\x00",
    "\x1b",
    "\u00a0",
    "\u2028",
]
_HTML_BLOCKS = [
    "<script>\n{w}\n</script>",
    "<PRE>\n{w}\n</pre>",
    "<!-- {w}\n-->",
    "<?php {w} ?>",
    "<!DOCTYPE html>",
    "<![CDATA[\n{w}\n]]>",
    "<![cdata[ {w} ]]>",
    "<div>\n{w}\n</div>",
    "<DIV>",
    "<table>\n<tr><td>{w}</td><td>{w}</td></tr>\n</table>",
    "<TABLE><tr><th>{w}</th></tr></TABLE>",
    '<custom-tag a="1">',
    "</span>",
    "<details><summary>{w}</summary>",
]


def _word(rng: random.Random) -> str:
    return rng.choice(_WORDS)


def inline(rng: random.Random, pieces: int = 3) -> str:
    parts = []
    for _ in range(rng.randint(0, pieces)):
        if rng.random() < 0.5:
            parts.append(_word(rng))
        else:
            parts.append(rng.choice(_INLINE).replace("{w}", _word(rng)))
        parts.append(rng.choice(["", " ", " ", "  "]))
    return "".join(parts)


def _space(rng: random.Random) -> str:
    return rng.choice(["", "", " ", " ", "  ", "\t", "\x0b", "\x0c", " \x0c"])


def _row(rng: random.Random, cells: int, empty: bool = False) -> str:
    lead = rng.random() < 0.8
    trail = rng.random() < 0.7
    texts = ["" if empty else inline(rng, 2) for _ in range(cells)]
    body = "|".join(_space(rng) + t + _space(rng) for t in texts)
    return ("|" if lead else "") + body + ("|" if trail or cells == 1 else "")


def _delimiter(rng: random.Random, cells: int) -> str:
    marks = []
    for _ in range(cells):
        dash = "-" * rng.choice([1, 1, 2, 3])
        mark = rng.choice(["", ":"]) + dash + rng.choice(["", ":"])
        marks.append(_space(rng) + mark + _space(rng))
    lead = rng.random() < 0.8
    return (
        ("|" if lead else "") + "|".join(marks) + ("|" if rng.random() < 0.7 or cells == 1 else "")
    )


def table(rng: random.Random) -> list[str]:
    cols = rng.choice([1, 1, 2, 2, 2, 3, 4])
    header_cols = cols if rng.random() < 0.9 else cols + rng.choice([-1, 1])
    lines = [_row(rng, max(1, header_cols)), _delimiter(rng, cols)]
    if rng.random() < 0.05:
        lines[0] = rng.choice(["-|x", "|-|", "| - |", "-", "[x] a | b", "|[ ] x|"])
    for _ in range(rng.randint(0, 4)):
        width = cols if rng.random() < 0.7 else rng.randint(1, cols + 2)
        lines.append(_row(rng, width, empty=rng.random() < 0.15))
    if rng.random() < 0.1:
        lines.append(rng.choice(["x", "", "> q", "- i", "# h", "    code", "<![cdata[", "***"]))
    return lines


def block(rng: random.Random, depth: int = 0) -> list[str]:
    kind = rng.randrange(16)
    if kind < 5:
        return table(rng)
    if kind == 5:
        return [inline(rng, 4) or "p" for _ in range(rng.randint(1, 2))]
    if kind == 6:
        return ["#" * rng.randint(1, 6) + " " + inline(rng)]
    if kind == 7:
        return [inline(rng) or "t", rng.choice(["===", "---", "-", "*", "+", "1.", "* a", "+ b"])]
    if kind == 8:
        return [rng.choice(["***", "---", "___", "* * *", "-\t-\t-"])]
    if kind == 9:
        fence = rng.choice(["```", "~~~", "````"])
        return [fence + rng.choice(["", "py"]), "| a | b |", "|---|---|", fence]
    if kind == 10:
        return ["    | a | b |", "    |---|---|"]
    if kind == 11:
        return rng.choice(_HTML_BLOCKS).replace("{w}", _word(rng)).split("\n")
    if kind == 12:
        label = rng.choice(["r", "R", "ẞ", "ß", "ss", "K", "k", "ǅ", "Ǆ"])
        title = rng.choice(["", ' "t"', " 'C:\\'", ' "C:\\"'])
        return [f"[{label}]: /{_word(rng)}{title}"]
    if kind == 13:
        return [""]
    if depth > 3:
        return [inline(rng) or "x"]
    inner = []
    for _ in range(rng.randint(1, 3)):
        inner += block(rng, depth + 1)
        if rng.random() < 0.3:
            inner.append("")
    if kind == 14:
        prefix = rng.choice([">", "> ", ">\t", ">  "])
        return [
            (prefix if rng.random() < 0.9 or i == 0 else "") + line for i, line in enumerate(inner)
        ]
    marker = rng.choice(["-", "*", "+", "1.", "2)", "- [x]", "- [ ]", "* [X]", "1. [ ]"])
    gap = rng.choice([" ", " ", "  ", "\t", "    "])
    indent = " " * (len(marker.split(" ")[0]) + len(gap) if gap != "\t" else 4)
    if rng.random() < 0.2:
        indent = rng.choice(["\t", "  ", " " * 4])
    first, *rest = inner
    task = marker.split(" ", 1)
    lines = [marker + gap + first if len(task) == 1 else task[0] + " " + task[1] + " " + first]
    lines += [(indent if line else "") + line for line in rest]
    if rng.random() < 0.2:
        lines += ["", ""]
    return lines


def _limits(rng: random.Random) -> list[str]:
    kind = rng.randrange(4)
    if kind == 0:
        n = rng.choice([79, 80, 81, 82])
        tick = "`" * n
        return ["| a | b |", "|---|---|", f"| {tick}x{tick} | y |"]
    if kind == 1:
        depth = rng.choice([99, 100, 101])
        return ["".join("- " for _ in range(depth)) + "| a |", "  " * depth + "| - |"]
    if kind == 2:
        return ["|" + "|".join("a" for _ in range(rng.choice([10, 300]))) + "|", "|-|", "|b|"]
    return ["> " * rng.choice([1, 50, 120]) + "| a |", "> " * 2 + "|---|"]


def document(rng: random.Random) -> str:
    lines: list[str] = []
    for _ in range(rng.randint(1, 5)):
        lines += block(rng)
        if rng.random() < 0.5:
            lines.append("")
    if rng.random() < 0.03:
        lines += _limits(rng)
    ending = rng.choice(["\n", "\n", "\n", "\r\n", "\r"])
    if rng.random() < 0.05:
        return "".join(line + rng.choice(["\n", "\r\n", "\r"]) for line in lines)
    text = ending.join(lines)
    return text + ending if rng.random() < 0.9 else text
