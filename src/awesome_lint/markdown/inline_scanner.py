"""A cell's inline Markdown, read in one left-to-right pass, the way cmark-gfm reads it.

It follows the spec's algorithm: code spans, autolinks and HTML where they start; a stack
of delimiter runs for emphasis and strikethrough; a stack of brackets for links and images
(inline and reference); entities and escapes. It only yields what a reader sees: the text,
the links (with the destination's place in the source, for fixes) and the images. Line
breaks are left to mistletoe (scan returns None): cells have none, so only multi-line
headings and paragraphs take that path. The tests compare this reader with cmark-gfm on
real and generated cells. It mirrors one cmark-gfm file, inlines.c (with the strikethrough
extension), which is why it is longer than the other modules.
"""

from __future__ import annotations

import bisect
import html
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

from awesome_lint.markdown import autolinks
from awesome_lint.markdown.entities import (
    ASCII_PUNCTUATION,
    normalize_label,
    resolve_entities,
    unescape,
)
from awesome_lint.markdown.linkrefs import (
    MAX_LABEL,
    References,
    angle_destination_end,
    label_end,
    label_fits,
    plain_destination_end,
    title_end,
)
from awesome_lint.model import Image, Link, LinkKind

_TEXT = re.compile(r"[^\\`*_~\[\]!<&\n\r]+")
_ENTITY = re.compile(r"&(?:#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|[A-Za-z][A-Za-z0-9]{1,31});")
_BACKTICKS = re.compile(r"`+")
_SPACE = r"[ \t\n\v\f\r]"
_ATTRIBUTE = (
    rf"(?:{_SPACE}+[A-Za-z_:][A-Za-z0-9_.:-]*"
    rf"(?:{_SPACE}*={_SPACE}*(?:[^ \t\n\v\f\r\"'=<>`]+|'[^']*'|\"[^\"]*\"))?)"
)
_TAG = re.compile(
    rf"<[A-Za-z][A-Za-z0-9-]*{_ATTRIBUTE}*{_SPACE}*/?>|</[A-Za-z][A-Za-z0-9-]*{_SPACE}*>"
)
# cmark-gfm's comments: `<!-->`, `<!--->`, or text up to the first `-->` not after a `-`;
# then processing instructions, declarations and CDATA.
_COMMENT = re.compile(r"<!--(?:>|->|(?:.*?[^-])??-->)", re.DOTALL)
# What _COMMENT can still match once a search from an earlier `<!--` found no end.
_SHORT_COMMENT = re.compile(r"<!--(?:>|->|-->)")
_OTHER_HTML = re.compile(r"<\?.*?\?>|<![A-Z]+[ \t\n\v\f\r][^>]*>|<!\[CDATA\[.*?\]\]>", re.DOTALL)
_AUTOLINK = re.compile(
    r"<([A-Za-z][A-Za-z0-9+.-]{1,31}:[^ \t\n\v\f\r<>\x00-\x1f]*)>"
    r"|<([A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
    r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*)>"
)
# The tags GitHub's tag filter disarms (cmark-gfm's tagfilter.c, is_tag): the name, then
# cmark_isspace, `>` or `/>`.
FILTERED_TAG = re.compile(
    r"</?(?:title|textarea|style|xmp|iframe|noembed|noframes|script|plaintext)"
    r"(?=[ \t\n\v\f\r>]|/>)",
    re.IGNORECASE,
)
_HREF = re.compile(
    r"""[ \t\n]href[ \t\n]*=[ \t\n]*(?:"([^"]*)"|'([^']*)'|([^ \t\n"'=<>`]+))""", re.I
)
# cmark-gfm's MAXBACKTICKS: a longer run never opens or closes a code span.
_MAX_BACKTICKS = 80


class Scanned(NamedTuple):
    text: str
    links: tuple[Link, ...]
    images: tuple[Image, ...]


@dataclass
class _Delimiter:
    char: str
    length: int  # characters not yet paired
    original: int
    can_open: bool
    can_close: bool
    piece: int
    prev: _Delimiter | None = None
    next: _Delimiter | None = None


@dataclass
class _Bracket:
    piece: int
    source: int  # offset of the `[`
    image: bool
    delimiters: int  # how many delimiters preceded it
    active: bool = True


@dataclass
class _Found:
    """A link, image or bare URL met so far, with the piece it starts at."""

    piece: int
    link: Link | None = None
    image: Image | None = None


class _GiveUp(Exception):
    pass


def scan(
    source: str, references: References | None = None, *, keep_html: bool = False
) -> Scanned | None:
    """The text, links and images of inline Markdown, or None if it holds a line break.

    With keep_html the text is HTML: the raw HTML tags as written, the rest escaped (for
    finding the tables a paragraph writes inline)."""
    try:
        return _Scanner(source, references or {}, keep_html).run()
    except (_GiveUp, RecursionError):
        return None


def _is_whitespace(c: str) -> bool:
    # cmark_utf8proc_is_space: no vertical tab.
    return c in " \t\n\f\r" or unicodedata.category(c) == "Zs"


def _is_punctuation(c: str) -> bool:
    return c in ASCII_PUNCTUATION or unicodedata.category(c).startswith("P")


class _Scanner:
    def __init__(self, source: str, references: References, keep_html: bool = False) -> None:
        self.keep_html = keep_html
        # With keep_html: the pieces that are raw HTML tags.
        self.html_pieces: set[int] = set()
        self.s = source
        self.n = len(source)
        self.references = references
        self.pieces: list[str] = []
        # Pieces that are not plain text (code, HTML, links): e-mail addresses are not in them.
        self.opaque: set[int] = set()
        self.delimiters: list[_Delimiter] = []
        self.brackets: list[_Bracket] = []
        self.found: list[_Found] = []
        # The backtick runs of the source as (start, length), and the state of cmark-gfm's
        # search for closing runs (see _closing_backticks).
        self._runs: list[tuple[int, int]] | None = None
        self._run_starts: list[int] = []
        self._last_run: dict[int, int] = {}
        self._scanned_to_end = False
        # Searches that found no end, so later ones from further right need not scan again
        # (unclosed `<!--`, `<?`, `<!X` and CDATA would otherwise make a cell quadratic).
        self._no_comment_end = self.n
        self._absent: dict[str, int] = {}

    def run(self) -> Scanned:
        s, n, out = self.s, self.n, self.pieces
        pos = text_end = 0
        while pos < n:
            c = s[pos]
            if pos >= text_end:
                m = _TEXT.match(s, pos)
                text_end = m.end() if m else pos
            if pos < text_end:
                # A bare URL may end inside a run of text: the rest of the run is still text.
                pos = self._text(pos, text_end)
            elif c == "\\":
                nxt = s[pos + 1 : pos + 2]
                if nxt in ("\n", "\r"):
                    raise _GiveUp
                escaped = bool(nxt) and nxt in ASCII_PUNCTUATION
                out.append(nxt if escaped else "\\")
                pos += 2 if escaped else 1
            elif c == "&":
                m = _ENTITY.match(s, pos)
                out.append(resolve_entities(m.group(0)) if m else "&")
                pos = m.end() if m else pos + 1
            elif c == "`":
                pos = self._code(pos)
            elif c in "*_~":
                pos = self._delimiter_run(pos)
            elif c == "<":
                pos = self._angle(pos)
            elif c == "!" and s.startswith("![", pos) and s[pos + 2 : pos + 3] != "^":
                # `![^` is no image opener in cmark-gfm (parse_inline, for footnotes): the
                # `!` stays text and the `[` opens a link.
                self.brackets.append(_Bracket(len(out), pos + 1, True, len(self.delimiters)))
                out.append("![")
                pos += 2
            elif c == "!":
                out.append("!")
                pos += 1
            elif c == "[":
                self.brackets.append(_Bracket(len(out), pos, False, len(self.delimiters)))
                out.append("[")
                pos += 1
            elif c == "]":
                pos = self._close_bracket(pos)
            else:
                raise _GiveUp  # a line break
        _process_emphasis(self.delimiters, self.pieces, self.opaque)
        self._emails()
        self.found.sort(key=lambda f: f.piece)
        links = tuple(f.link for f in self.found if f.link is not None)
        images = tuple(f.image for f in self.found if f.image is not None)
        if self.keep_html:
            tags = self.html_pieces
            text = "".join(
                p if i in tags else html.escape(p, quote=False) for i, p in enumerate(self.pieces)
            )
            return Scanned(text, links, images)
        return Scanned("".join(self.pieces), links, images)

    # -- text, code spans, delimiter runs, angle brackets -------------------------------

    def _text(self, pos: int, end: int) -> int:
        """Plain text from pos to end, with the bare URLs GitHub links (which may run on)."""
        s, out = self.s, self.pieces
        if not self.brackets:  # GitHub links no bare URL while a `[` is open
            for m in autolinks.candidates_in(s, pos, end):
                at = m.start()
                if m.group(0) == "www.":
                    start, stop = at, autolinks.match_www(s, at)
                    href = "http://"
                else:
                    span = autolinks.match_url(s, at)
                    start, stop = span if span else (at, None)
                    href = ""
                if stop is None or start < pos:
                    continue
                out.append(s[pos:start])
                url = s[start:stop]
                link = Link(url, href + html.unescape(url), kind="bare")
                self.found.append(_Found(len(out), link=link))
                self._opaque(url)
                return stop
        out.append(s[pos:end])
        return end

    def _opaque(self, piece: str) -> None:
        self.opaque.add(len(self.pieces))
        self.pieces.append(piece)

    def _emails(self) -> None:
        if not any("@" in piece for piece in self.pieces):
            return
        run: list[str] = []
        start = 0
        for i, piece in enumerate([*self.pieces, ""]):
            if i in self.opaque or i == len(self.pieces):
                if run:
                    links = autolinks.email_links("".join(run))
                    self.found.extend(_Found(start, link=link) for link in links)
                run = []
                start = i + 1
            else:
                run.append(piece)

    def _code(self, pos: int) -> int:
        run = _BACKTICKS.match(self.s, pos)
        assert run is not None
        length = len(run.group(0))
        if self._runs is None:
            self._runs = [(m.start(), m.end() - m.start()) for m in _BACKTICKS.finditer(self.s)]
            self._run_starts = [start for start, _ in self._runs]
        closing = self._closing_backticks(length, run.end())
        if closing is None:
            self.pieces.append(run.group(0))
            return run.end()
        content = self.s[run.end() : closing]
        if len(content) >= 2 and content[0] == " " == content[-1] and content.strip(" "):
            content = content[1:-1]
        self._opaque(content)
        return closing + length

    def _closing_backticks(self, length: int, pos: int) -> int | None:
        """Where the run closing a code span opened by `length` backticks before pos starts.

        cmark-gfm's scan_to_closing_backticks, quirk included: it remembers, for each
        length up to 80, the last run of that length it passed, and once a scan has reached
        the end of the cell it trusts that memory. After `` ``a`b`c`d` `` the opener of `d`
        finds the remembered run before it and takes itself for unclosed. Longer openers
        never open a code span.
        """
        assert self._runs is not None
        if length > _MAX_BACKTICKS:
            return None
        if self._scanned_to_end and self._last_run.get(length, 0) <= pos:
            return None
        runs = self._runs
        for i in range(bisect.bisect_left(self._run_starts, pos), len(runs)):
            start, size = runs[i]
            if size <= _MAX_BACKTICKS:
                self._last_run[size] = start
            if size == length:
                return start
        self._scanned_to_end = True
        return None

    def _delimiter_run(self, pos: int) -> int:
        s = self.s
        end = pos
        while end < self.n and s[end] == s[pos]:
            end += 1
        delimiter = _delimiter(s, pos, end, len(self.pieces))
        if delimiter is not None:
            self.delimiters.append(delimiter)
        self.pieces.append(s[pos:end])
        return end

    def _angle(self, pos: int) -> int:
        s = self.s
        m = _AUTOLINK.match(s, pos)
        if m:
            target = m.group(1) or m.group(2)
            url = target if m.group(1) else "mailto:" + target
            self.found.append(_Found(len(self.pieces), link=Link(target, url, kind="autolink")))
            self._opaque(target)
            return m.end()
        m = _TAG.match(s, pos)
        if m is None and s.startswith("<!--", pos):
            if pos > self._no_comment_end:
                m = _SHORT_COMMENT.match(s, pos)
            else:
                m = _COMMENT.match(s, pos)
                if m is None:
                    self._no_comment_end = pos
        elif m is None and s.startswith(("<!", "<?"), pos):
            closer = "?>" if s[pos + 1] == "?" else "]]>" if s[pos + 2 : pos + 3] == "[" else ">"
            if not self._never(closer, pos + 2):
                m = _OTHER_HTML.match(s, pos)
        if m:
            tag = m.group(0)
            if "\n" in tag or "\r" in tag:
                raise _GiveUp
            self._html_anchor(tag, pos)
            if self.keep_html:
                self.html_pieces.add(len(self.pieces))
                self._opaque(tag)
            else:
                self._opaque(tag if FILTERED_TAG.match(tag) else "")
            return m.end()
        self.pieces.append("<")
        return pos + 1

    def _never(self, needle: str, start: int) -> bool:
        """Whether `needle` does not occur at or after `start` (remembered once found so)."""
        if self._absent.get(needle, self.n + 1) <= start:
            return True
        if self.s.find(needle, start) < 0:
            self._absent[needle] = start
            return True
        return False

    def _html_anchor(self, tag: str, pos: int) -> None:
        """`<a href=...>` in a cell is a link too; `</a>` gives it its text."""
        if tag[:3].lower() == "</a" and tag[3:4] in (">", " ", "\t"):
            for f in reversed(self.found):
                if f.link is not None and f.link.kind == "html" and not f.link.text:
                    text = "".join(self.pieces[f.piece :])
                    f.link = Link(text, f.link.url, None, "html", f.link.image, f.link.url_span)
                    break
            return
        if tag[:2].lower() != "<a" or tag[2:3] not in (" ", "\t", "\n"):
            return
        m = _HREF.search(tag)
        if m is None:
            return
        value = m.group(1) if m.group(1) is not None else m.group(2) or m.group(3) or ""
        start = pos + m.start(m.lastindex or 1)
        url = html.unescape(value)
        span = (start, start + len(value)) if url == value else None
        self.found.append(_Found(len(self.pieces), link=Link("", url, None, "html", None, span)))

    # -- links and images -----------------------------------------------------------------

    def _close_bracket(self, pos: int) -> int:
        if not self.brackets:
            self.pieces.append("]")
            return pos + 1
        opener = self.brackets[-1]
        if not opener.active:
            self.brackets.pop()
            self.pieces.append("]")
            return pos + 1
        target = self._inline_target(pos + 1) or self._reference_target(opener, pos)
        if target is None:
            self.brackets.pop()
            self.pieces.append("]")
            return pos + 1
        url, title, span, kind, end = target
        self.brackets.pop()
        inner = [d for d in self.delimiters[opener.delimiters :]]
        _process_emphasis(inner, self.pieces)
        del self.delimiters[opener.delimiters :]
        text = "".join(self.pieces[opener.piece + 1 :])
        # `found` is in piece order: what the link holds is at its end.
        split = len(self.found)
        while split and self.found[split - 1].piece > opener.piece:
            split -= 1
        inside = self.found[split:]
        del self.found[split:]
        for i in range(opener.piece, len(self.pieces)):
            self.opaque.discard(i)
            self.html_pieces.discard(i)
        del self.pieces[opener.piece :]
        if opener.image:
            self.found.append(_Found(opener.piece, image=Image(text, url, title)))
            self._opaque("")
            return end
        images = [f.image for f in inside if f.image is not None]
        link = Link(text, url, title, kind, images[0] if images else None, span)
        self.found.append(_Found(opener.piece, link=link))
        # Autolinks and HTML anchors may sit inside link text: GitHub nests them.
        self.found += [_Found(opener.piece, link=f.link) for f in inside if f.link is not None]
        self._opaque(text)
        for earlier in reversed(self.brackets):
            if not earlier.image:
                if not earlier.active:
                    break  # and so are all below it (cmark-gfm stops here too)
                earlier.active = False  # links may not contain links
        return end

    def _inline_target(
        self, pos: int
    ) -> tuple[str, str | None, tuple[int, int] | None, LinkKind, int] | None:
        """`(destination "title")` at pos: url, title, the destination's span, kind, end."""
        s, n = self.s, self.n
        if pos >= n or s[pos] != "(":
            return None
        pos = _skip_spaces(s, pos + 1)
        start = pos
        if pos < n and s[pos] == "<":
            end = angle_destination_end(s, pos)
            if end is None:
                return None
            raw, after = s[pos + 1 : end], end + 1
            start = pos + 1
        else:
            plain_end = plain_destination_end(s, pos)
            # An empty destination is one only when the link closes right after it: `[a]()`.
            if plain_end is None or (plain_end == pos and not s.startswith(")", pos)):
                return None
            raw, after = s[pos:plain_end], plain_end
        title = None
        pos = _skip_spaces(s, after)
        if pos > after and pos < n and s[pos] in "\"'(":
            closing = title_end(s, pos)
            if closing is not None:
                title = unescape(s[pos + 1 : closing - 1])
                pos = _skip_spaces(s, closing)
        if pos >= n or s[pos] != ")":
            return None
        url = unescape(raw)
        span = (start, start + len(raw)) if url == raw else None
        return url, title, span, "inline", pos + 1

    def _reference_target(
        self, opener: _Bracket, pos: int
    ) -> tuple[str, str | None, None, LinkKind, int] | None:
        s = self.s
        label_source = s[opener.source + 1 : pos] if pos - opener.source <= MAX_LABEL + 1 else ""
        end = pos + 1
        if s.startswith("[", end):
            close = label_end(s, end)
            if close is not None:
                label = s[end + 1 : close - 1]
                if label.strip():  # full reference
                    label_source, end = label, close
                else:  # collapsed reference `[]`
                    end = close
        if not self.references or not label_fits(label_source):
            return None
        found = self.references.get(normalize_label(label_source))
        if found is None:
            return None
        return found[0], found[1], None, "reference", end


def _skip_spaces(s: str, pos: int) -> int:
    """Past cmark-gfm's scan_spacechars (space, tab, VT, FF, CR, LF)."""
    while pos < len(s) and s[pos] in " \t\v\f\r\n":
        pos += 1
    return pos


def _delimiter(s: str, pos: int, end: int, piece: int) -> _Delimiter | None:
    """The delimiter run of `*`, `_` or `~` at s[pos:end], if it can open or close."""
    char, length = s[pos], end - pos
    # The characters around the run, as cmark-gfm sees them: the strikethrough extension
    # makes it step over tildes (`_a_~a` is no emphasis on GitHub, `_a_~.` is).
    back = pos - 1
    while back >= 0 and s[back] == "~":
        back -= 1
    before = s[back] if back >= 0 else "\n"
    ahead = end
    while ahead < len(s) and s[ahead] == "~":
        ahead += 1
    after = s[ahead] if ahead < len(s) else "\n"
    left = not _is_whitespace(after) and (
        not _is_punctuation(after) or _is_whitespace(before) or _is_punctuation(before)
    )
    right = not _is_whitespace(before) and (
        not _is_punctuation(before) or _is_whitespace(after) or _is_punctuation(after)
    )
    if char == "_":
        can_open = left and (not right or _is_punctuation(before))
        can_close = right and (not left or _is_punctuation(after))
    elif char == "~":
        can_open, can_close = (left, right) if length <= 2 else (False, False)
    else:
        can_open, can_close = left, right
    if can_open or can_close:
        return _Delimiter(char, length, length, can_open, can_close, piece)
    return None


_TILDES = re.compile(r"~+")


def struck_tildes(text: str, usable: Sequence[bool]) -> set[int]:
    """The offsets of the tildes in `text` that strikethrough pairs, as the scanner pairs them;
    a run counts only where `usable` is true for all its characters (text, not code or HTML)."""
    pieces: list[str] = []
    delimiters: list[_Delimiter] = []
    spans: dict[int, tuple[int, int]] = {}
    pos = 0
    for m in _TILDES.finditer(text):
        start, end = m.span()
        pieces.append(text[pos:start])
        if all(usable[start:end]):
            delimiter = _delimiter(text, start, end, len(pieces))
            if delimiter is not None:
                delimiters.append(delimiter)
                spans[len(pieces)] = (start, end)
        pieces.append(text[start:end])
        pos = end
    _process_emphasis(delimiters, pieces)
    return {
        i for piece, (start, end) in spans.items() if not pieces[piece] for i in range(start, end)
    }


def _process_emphasis(
    stack: list[_Delimiter], pieces: list[str], paired: set[int] | None = None
) -> None:
    """Pair delimiter runs as the spec's `process emphasis` does; drop the paired chars.

    The pieces of paired runs are added to `paired`: they end a text node.
    """
    if not stack:
        return
    for d in stack:
        d.prev = d.next = None
    for a, b in zip(stack, stack[1:]):
        a.next, b.prev = b, a
    # Where the search for an opener stops, per kind of closer: no opener before that run
    # (by piece) matches. cmark-gfm's process_emphasis keys it by the character and the run's
    # length modulo 3 only (openers_bottom), not by whether the closer can open too as
    # later CommonMark does: `~~a~a~*a~*` keeps its `~~`.
    bottoms: dict[tuple[str, int], int] = {}
    current: _Delimiter | None = stack[0]
    while current is not None:
        if not current.can_close:
            current = current.next
            continue
        key = (current.char, current.original % 3)
        bottom = bottoms.get(key, -1)
        opener = current.prev
        while opener is not None and opener.piece >= bottom and not _pairs(opener, current):
            opener = opener.prev
        if opener is None or opener.piece < bottom:
            bottoms[key] = current.piece
            following = current.next
            if not current.can_open:
                _unlink(current)
            current = following
            continue
        if current.char == "~":
            if opener.length != current.length:
                # cmark-gfm's strikethrough drops both runs, and every run between them.
                following = current.next
                while current is not None and current is not opener:
                    earlier = current.prev
                    _unlink(current)
                    current = earlier
                _unlink(opener)
                current = following
                continue
            use = current.length
        else:
            use = 2 if opener.length >= 2 and current.length >= 2 else 1
        opener.length -= use
        current.length -= use
        pieces[opener.piece] = opener.char * opener.length
        pieces[current.piece] = current.char * current.length
        if paired is not None:
            paired.update((opener.piece, current.piece))
        opener.next, current.prev = current, opener
        if opener.length == 0:
            _unlink(opener)
        if current.length == 0:
            following = current.next
            _unlink(current)
            current = following


def _pairs(opener: _Delimiter, closer: _Delimiter) -> bool:
    if opener.char != closer.char or not opener.can_open:
        return False
    # The "rule of 3": a run that can both open and close pairs only if the lengths allow.
    return not (
        (opener.can_close or closer.can_open)
        and (opener.original + closer.original) % 3 == 0
        and not (opener.original % 3 == 0 and closer.original % 3 == 0)
    )


def _unlink(d: _Delimiter) -> None:
    if d.prev is not None:
        d.prev.next = d.next
    if d.next is not None:
        d.next.prev = d.prev
    d.prev = d.next = None
