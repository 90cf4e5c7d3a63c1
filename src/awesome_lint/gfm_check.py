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

import contextlib
import ctypes
import os
import re
import signal
import sys
import threading
from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import Any, cast

_EMPTY_ROW = re.compile(rb"<tr>\n(?:<t[dh][^>]*></t[dh]>\n)+</tr>\n")
_EMPTY_BODY = re.compile(rb"<tbody>\n</tbody>\n")
_CELL = re.compile(rb"(<t[dh](?: [^>]*)?>).*?(</t[dh]>)", re.DOTALL)


@lru_cache(maxsize=1)
def _renderer() -> Callable[[str], bytes] | None:
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
        free_node, free_buffer = _frees(cmark)
    except (AttributeError, OSError, ValueError):  # another cmarkgfm: its one-call API
        unsafe = cmark.Options.CMARK_OPT_UNSAFE

        def render_simply(text: str) -> bytes:
            html: str = cmark.github_flavored_markdown_to_html(text, options=unsafe)
            return html.encode("utf-8")

        return render_simply

    def render(text: str) -> bytes:
        # github_flavored_markdown_to_html step by step, freeing the document it parsed
        # and the HTML buffer (cmarkgfm's own call keeps both: some twenty times the text,
        # at every call).
        parser = cmark.parser_new(options=options)
        try:
            for extension in extensions:
                cmark.parser_attach_syntax_extension(parser, extension)
            cmark.parser_feed(parser, text)
            root = cmark.parser_finish(parser)
            ffi, lib = cmark._cmark.ffi, cmark._cmark.lib
            try:
                raw = lib.cmark_render_html(
                    root, options, cmark.parser_get_syntax_extensions(parser)
                )
                try:
                    html: bytes = ffi.string(raw)
                finally:
                    free_buffer(int(ffi.cast("uintptr_t", raw)))
            finally:
                free_node(int(ffi.cast("uintptr_t", root)))
        finally:
            cmark.parser_free(parser)
        return html

    return render


def _frees(cmark: Any) -> tuple[Callable[[int], None], Callable[[int], None]]:
    """cmark_node_free, which cmarkgfm's compiled module holds but does not wrap, and the C
    library's free for the HTML it returns (on Windows, where the module may use another C
    runtime, that buffer is left as cmarkgfm leaves it)."""
    node_free = ctypes.CDLL(cmark._cmark.__file__).cmark_node_free
    node_free.argtypes = [ctypes.c_void_p]
    node_free.restype = None
    if sys.platform == "win32":
        return cast(Callable[[int], None], node_free), lambda pointer: None
    free = ctypes.CDLL(None).free
    free.argtypes = [ctypes.c_void_p]
    free.restype = None
    return cast(Callable[[int], None], node_free), cast(Callable[[int], None], free)


def check_name() -> str:
    """Which check guards a write, for `--version`."""
    return "cmark-gfm (cmarkgfm)" if _renderer() is not None else "awesome-lint's own reader"


# A text as its lines and their line endings (`markdown.tables.Lines`): the fixed text is
# never joined whole (aligned, a large list's is twice its size, four bytes a character
# once one emoji is in it); each part is joined on its own.
Text = tuple[Sequence[str], Sequence[str]]


class Rendering:
    """The original and the fixed text cut into the same parts, each pair of parts rendered
    and compared in turn: only one part's HTML is held at a time.

    cmarkgfm's C code holds the interpreter's lock, so a thread would not run beside the
    fixer's own checks; a large comparison runs in a child process instead (`fork`)."""

    def __init__(self, before: Text, after: Text, render: Callable[[str], bytes]) -> None:
        self.before, self.after, self.render = before, after, render
        bounds = _bounds(before[0], after[0])
        self.pairs = (
            list(zip(bounds[0], bounds[0][1:], bounds[1], bounds[1][1:]))
            if bounds is not None
            else [(0, len(before[0]), 0, len(after[0]))]
        )
        # The child comparing, as its process id, the pipe it answers on and the
        # `unsafe_fixes` it compares for.
        self.child: tuple[int, int, bool] | None = None

    def fork(self, unsafe_fixes: bool) -> None:
        """Start comparing in a child process, where that can pay: on Linux, with more than
        one processor to run on, no other thread (a fork copies none) and over _FORK_SIZE
        characters of text. Otherwise `difference` compares when asked."""
        if not _fork_pays() or sum(map(len, self.after[0])) < _FORK_SIZE:
            return
        read, write = os.pipe()
        try:
            pid = os.fork()
        except OSError:
            os.close(read)
            os.close(write)
            return
        if pid == 0:  # pragma: no cover (the child; its answer is what the tests check)
            status = 1
            try:
                os.close(read)
                signal.signal(signal.SIGINT, signal.SIG_DFL)
                signal.signal(signal.SIGTERM, signal.SIG_DFL)
                found = self._compare(unsafe_fixes)
                with os.fdopen(write, "wb") as out:
                    out.write(b"=" if found is None else b"!" + found.encode("utf-8", "replace"))
                status = 0
            finally:
                os._exit(status)  # no cleanup: that is the parent's
        os.close(write)
        self.child = (pid, read, unsafe_fixes)

    def difference(self, unsafe_fixes: bool) -> str | None:
        """None when GitHub shows both texts alike, else what first differs."""
        if self.child is not None and self.child[2] == unsafe_fixes:
            answer = self._answer()
            if answer is not None:
                return answer[1:] or None
        self.close()
        return self._compare(unsafe_fixes)

    def close(self) -> None:
        """Stop and reap the child, if one is still comparing."""
        if self.child is None:
            return
        pid, read, _ = self.child
        self.child = None
        os.close(read)
        with contextlib.suppress(ProcessLookupError):  # it had finished
            os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)

    def _answer(self) -> str | None:
        """The child's answer: "=" (alike) or "!" and the difference; None if it failed."""
        assert self.child is not None
        pid, read, _ = self.child
        self.child = None
        with os.fdopen(read, "rb") as pipe:
            data = pipe.read()
        _, status = os.waitpid(pid, 0)
        if status != 0 or data[:1] not in (b"=", b"!"):
            return None
        return "" if data == b"=" else data.decode("utf-8", "replace")

    def _compare(self, unsafe_fixes: bool) -> str | None:
        for a, b, c, d in self.pairs:
            # A part the fix left as it was renders as it did: equal text, equal HTML.
            if _same(self.before, a, b, self.after, c, d):
                continue
            old = _comparable(self.render(_join(self.before, a, b)), unsafe_fixes)
            new = _comparable(self.render(_join(self.after, c, d)), unsafe_fixes)
            if old != new:
                return _first_difference(old.decode(), new.decode())
        return None


# The text (in characters of the fixed text) above which the comparison runs in a child
# process, beside the fixer's own checks: below it a fork costs more than it saves.
_FORK_SIZE = 1 << 20


def _fork_pays() -> bool:
    if not sys.platform.startswith("linux") or threading.active_count() != 1:
        return False
    try:
        return len(os.sched_getaffinity(0)) > 1
    except (AttributeError, OSError):
        return False


def start(before: Text, after: Text, unsafe_fixes: bool) -> Rendering | None:
    """The comparison of the original and the fixed text of a fix, as (lines, endings),
    started in a child process where that pays, else done when its difference is asked for
    (None without cmarkgfm). Close it when its difference is not asked for."""
    render = _renderer()
    if render is None:
        return None
    rendering = Rendering(before, after, render)
    rendering.fork(unsafe_fixes)
    return rendering


def rendering_difference(before: str | Text, after: str | Text, unsafe_fixes: bool) -> str | None:
    """None when GitHub shows `after` as it shows `before` (or when cmarkgfm is missing),
    else what first differs, in a few words."""
    render = _renderer()
    if render is None:
        return None
    rendering = Rendering(_as_text(before), _as_text(after), render)
    return rendering.difference(unsafe_fixes)


def _as_text(text: str | Text) -> Text:
    if isinstance(text, str):
        lines = text.split("\n")
        endings = ["\n"] * (len(lines) - 1) + [""]
        return lines, endings
    return text


def _join(text: Text, start: int, end: int) -> str:
    lines, endings = text
    return "".join(line + ending for line, ending in zip(lines[start:end], endings[start:end]))


def _same(before: Text, a: int, b: int, after: Text, c: int, d: int) -> bool:
    # As lists: a tuple never equals a list, whatever they hold.
    return (
        b - a == d - c
        and list(before[0][a:b]) == list(after[0][c:d])
        and list(before[1][a:b]) == list(after[1][c:d])
    )


def _bounds(old: Sequence[str], new: Sequence[str]) -> tuple[list[int], list[int]] | None:
    """Where both texts (their lines) are cut, at the same headings and table starts, into
    parts of about _PART_SIZE characters of the original; None where they cannot be."""
    old_cuts, new_cuts = _cut_points(old), _cut_points(new)
    if not old_cuts or len(old_cuts) != len(new_cuts):
        return None
    old_open, new_open = _openings(old), _openings(new)
    old_bounds, new_bounds = [0], [0]
    size, previous = 0, 0
    for old_cut, new_cut in zip(old_cuts, new_cuts):
        line, old_line = new[new_cut], old[old_cut]
        # A heading stays as it was; a table's first line may be rewritten, with its pipe.
        if line != old_line and old_line[:1] != "|":
            return None
        size += sum(len(text) for text in old[previous:old_cut])
        previous = old_cut
        if size < _PART_SIZE:
            continue
        if _open_across(old_open, old_bounds[-1], old_cut) or _open_across(
            new_open, new_bounds[-1], new_cut
        ):
            continue
        old_bounds.append(old_cut)
        new_bounds.append(new_cut)
        size = 0
    old_bounds.append(len(old))
    new_bounds.append(len(new))
    return old_bounds, new_bounds


def _first_difference(old: str, new: str) -> str:
    old_lines, new_lines = old.splitlines(), new.splitlines()
    for a, b in zip(old_lines, new_lines):
        if a != b:
            return f"{a[:60]!r} becomes {b[:60]!r}"
    return f"{len(old_lines)} lines of HTML become {len(new_lines)}"


def _comparable(html: bytes, unsafe_fixes: bool) -> bytes:
    html = _EMPTY_BODY.sub(b"", _EMPTY_ROW.sub(b"", html))
    return _CELL.sub(rb"\1\2", html) if unsafe_fixes else html


# Where a document may be cut so that cmark-gfm reads each part as it reads it in the
# whole: before an ATX heading or a line starting with a pipe, at the margin, after a blank
# line (no container, no paragraph, no table goes on across it), outside fenced code and
# raw HTML that runs over blank lines. Both texts are cut at the same such lines.
# Parts keep cmark-gfm's memory (some twenty times the text) to a part's size.
_PART_SIZE = 64 * 1024
_HEADING = re.compile(r"#{1,6}(?:[ \t]|$)")
_FENCE = re.compile(r" {0,3}(`{3,}(?=[^`]*$)|~{3,})")
_HTML_OPEN = re.compile(
    r" {0,3}(?:<(?:script|pre|style|textarea)(?=[ \t>]|$)|<!--|<\?|<![A-Za-z]|<!\[CDATA\[)",
    re.IGNORECASE,
)


def _cut_points(lines: Sequence[str]) -> list[int]:
    """The lines a text may be cut before: a heading or a row with a leading pipe (a
    table's first line) at the margin, after a blank line."""
    return [
        i
        for i in range(1, len(lines))
        if (lines[i][:1] == "|" or (lines[i][:1] == "#" and _HEADING.match(lines[i])))
        and not lines[i - 1].strip(" \t")
    ]


def _openings(lines: Sequence[str]) -> tuple[list[int], list[int]]:
    """How many fence lines, and how many starts of HTML blocks that run over blank lines,
    come before each line (counts, so that any stretch is checked at once)."""
    fences, html = [0], [0]
    for line in lines:
        head = line[:4]
        fence = head.lstrip(" ")[:1] in ("`", "~") and _FENCE.match(line) is not None
        opens = "<" in head and _HTML_OPEN.match(line) is not None
        fences.append(fences[-1] + fence)
        html.append(html[-1] + opens)
    return fences, html


def _open_across(openings: tuple[list[int], list[int]], start: int, end: int) -> bool:
    """Whether fenced code or raw HTML may still be open at line `end` (conservatively:
    an odd number of fences, or any start of an HTML block, between `start` and `end`)."""
    fences, html = openings
    return (fences[end] - fences[start]) % 2 == 1 or html[end] > html[start]
