"""The fixer's last check before a write: GitHub's own renderer must show the same page.

The fixer verifies a fix by reading the fixed text again with our own reader, which cannot
catch what that reader misreads. This check shares nothing with it: it renders the original
and the fixed text with cmark-gfm (GitHub's C library, through the `cmarkgfm` package) and
refuses the fix unless the HTML is identical, the all-empty rows a safe fix removes aside.
After unsafe fixes, which change what cells say, the cells' contents are left out of the
comparison, everything else (the tables' shape included) still counts.

Where `cmarkgfm` cannot be imported the check is skipped and the reader's check stands
alone; `awesome-lint --version` says which check runs.
"""

from __future__ import annotations

import ctypes
import re
from collections.abc import Callable
from functools import lru_cache
from typing import Any, cast

_EMPTY_ROW = re.compile(r"<tr>\n(?:<t[dh][^>]*></t[dh]>\n)+</tr>\n")
_EMPTY_BODY = re.compile(r"<tbody>\n</tbody>\n")
_CELL = re.compile(r"(<t[dh](?: [^>]*)?>).*?(</t[dh]>)", re.DOTALL)


@lru_cache(maxsize=1)
def _renderer() -> Callable[[str], str] | None:
    try:
        from cmarkgfm import cmark
    except ImportError:
        return None
    options = cmark.Options.CMARK_OPT_UNSAFE | cmark.Options.CMARK_OPT_GITHUB_PRE_LANG
    try:
        cmark.core_extensions_ensure_registered()
        extensions = [
            cmark.find_syntax_extension(name)
            for name in ("table", "autolink", "tagfilter", "strikethrough", "tasklist")
        ]
        free_node = _node_free(cmark)
    except (AttributeError, OSError, ValueError):  # another cmarkgfm: its one-call API
        unsafe = cmark.Options.CMARK_OPT_UNSAFE

        def render_simply(text: str) -> str:
            html: str = cmark.github_flavored_markdown_to_html(text, options=unsafe)
            return html

        return render_simply

    def render(text: str) -> str:
        # github_flavored_markdown_to_html step by step, freeing the document it parsed
        # (cmarkgfm's own call keeps it: some twenty times the text, at every call).
        parser = cmark.parser_new(options=options)
        try:
            for extension in extensions:
                cmark.parser_attach_syntax_extension(parser, extension)
            cmark.parser_feed(parser, text)
            root = cmark.parser_finish(parser)
            try:
                html: str = cmark.render_html(
                    root, options=options, extensions=cmark.parser_get_syntax_extensions(parser)
                )
            finally:
                free_node(int(cmark._cmark.ffi.cast("uintptr_t", root)))
        finally:
            cmark.parser_free(parser)
        return html

    return render


def _node_free(cmark: Any) -> Callable[[int], None]:
    """cmark_node_free, which cmarkgfm's compiled module holds but does not wrap."""
    free = ctypes.CDLL(cmark._cmark.__file__).cmark_node_free
    free.argtypes = [ctypes.c_void_p]
    free.restype = None
    return cast(Callable[[int], None], free)


def check_name() -> str:
    """Which check guards a write, for `--version`."""
    return "cmark-gfm (cmarkgfm)" if _renderer() is not None else "awesome-lint's own reader"


def rendering_difference(before: str, after: str, unsafe_fixes: bool) -> str | None:
    """None when GitHub shows `after` as it shows `before` (or when cmarkgfm is missing),
    else what first differs, in a few words."""
    render = _renderer()
    if render is None:
        return None
    old_parts, new_parts = _parts(before, after)
    for old_part, new_part in zip(old_parts, new_parts):
        old, new = render(old_part), render(new_part)
        if old == new:
            continue
        old, new = _comparable(old, unsafe_fixes), _comparable(new, unsafe_fixes)
        if old != new:
            return _first_difference(old, new)
    return None


def _first_difference(old: str, new: str) -> str:
    old_lines, new_lines = old.splitlines(), new.splitlines()
    for a, b in zip(old_lines, new_lines):
        if a != b:
            return f"{a[:60]!r} becomes {b[:60]!r}"
    return f"{len(old_lines)} lines of HTML become {len(new_lines)}"


def _comparable(html: str, unsafe_fixes: bool) -> str:
    html = _EMPTY_BODY.sub("", _EMPTY_ROW.sub("", html))
    return _CELL.sub(r"\1\2", html) if unsafe_fixes else html


# Where a document may be cut so that cmark-gfm reads each part as it reads it in the
# whole: before an ATX heading at the margin that follows a blank line (no container, no
# paragraph, no table goes on across it), outside fenced code and raw HTML that runs over
# blank lines. A fix never changes such a line, so both texts cut into as many parts.
# Parts keep cmark-gfm's memory (some thirty times the text) to a part's size.
_PART_SIZE = 256 * 1024
_CUT = re.compile(r"\n[ \t]*\n(?=#{1,6}(?:[ \t]|\n))")
_FENCE = re.compile(r"^ {0,3}(`{3,}(?=[^`\n]*$)|~{3,})", re.MULTILINE)
_HTML_OPEN = re.compile(
    r"^ {0,3}(?:<(?:script|pre|style|textarea)(?=[ \t>]|$)|<!--|<\?|<![A-Za-z]|<!\[CDATA\[)",
    re.MULTILINE | re.IGNORECASE,
)


def _parts(before: str, after: str) -> tuple[list[str], list[str]]:
    """Both texts cut at the same headings, into parts of about _PART_SIZE (of the larger
    text); uncut where they do not have the same cut points."""
    if max(len(before), len(after)) <= _PART_SIZE or "\r" in before or "\r" in after:
        return [before], [after]
    old_cuts = [m.end() for m in _CUT.finditer(before)]
    new_cuts = [m.end() for m in _CUT.finditer(after)]
    if len(old_cuts) != len(new_cuts):
        return [before], [after]
    old_parts: list[str] = []
    new_parts: list[str] = []
    old_start = new_start = 0
    for old_cut, new_cut in zip(old_cuts, new_cuts):
        if new_cut - new_start < _PART_SIZE and old_cut - old_start < _PART_SIZE:
            continue
        if _line_at(before, old_cut) != _line_at(after, new_cut):
            return [before], [after]  # not the same heading
        if _open_across(before, old_start, old_cut) or _open_across(after, new_start, new_cut):
            continue
        old_parts.append(before[old_start:old_cut])
        new_parts.append(after[new_start:new_cut])
        old_start, new_start = old_cut, new_cut
    old_parts.append(before[old_start:])
    new_parts.append(after[new_start:])
    return old_parts, new_parts


def _line_at(text: str, start: int) -> str:
    end = text.find("\n", start)
    return text[start:] if end < 0 else text[start:end]


def _open_across(text: str, start: int, end: int) -> bool:
    """Whether fenced code or raw HTML may still be open at `end` (conservatively: any
    fence or HTML block start in the part with no closing after it counts as open)."""
    part = text[start:end]
    fences = _FENCE.findall(part)
    if len(fences) % 2:
        return True
    return _HTML_OPEN.search(part) is not None
