"""Display width of text in a monospace font: CJK and emoji take two columns.

Text is measured by `wcwidth.width`: emoji ZWJ sequences, skin tones, VS16 emoji, keycaps and
flags are two columns, combining marks and joiners none, East Asian ambiguous characters one.

Two corrections for text in a file rather than on a terminal:

- Control characters, the tab included, count one column each, in ASCII text or not. A tab's
  real width depends on the column it starts at and on the viewer's tab size, so no fixed count
  lines it up everywhere; one column keeps a cell's width a property of its text alone (which
  rendering needs to be deterministic) and agrees with `len` on the ASCII fast path.
- A zero-width joiner outside an emoji sequence joins nothing: `wcwidth` lets it swallow the
  next character (`a<ZWJ>b` measures 1), an editor shows both.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")
_ZWJ = "\u200d"


def display_width(text: str) -> int:
    if text.isascii():
        return len(text)
    return _wide_width(text)


def display_widths(texts: Sequence[str]) -> list[int]:
    """`display_width` of each text; one C-speed check when all of them are ASCII."""
    if "".join(texts).isascii():
        return list(map(len, texts))
    return list(map(display_width, texts))


@lru_cache(maxsize=65536)
def _wide_width(text: str) -> int:
    if _CONTROL.search(text) is None:
        return _printable_width(text)
    # Controls always break graphemes, so the text between them can be measured apart.
    pieces = _CONTROL.split(text)
    return sum(map(_printable_width, pieces)) + len(pieces) - 1


def _printable_width(text: str) -> int:
    simple = _simple_width(text)
    if simple is not None:
        return simple
    import wcwidth  # 30-40 ms to import: only text that needs grapheme rules pays for it

    if _ZWJ not in text:
        return wcwidth.width(text, control_codes="ignore")
    # A grapheme that ends with a joiner did not join what follows it (UAX #29 GB11 would have
    # kept an emoji in the same grapheme), so measure the text in pieces cut after such graphemes.
    total = 0
    start = 0
    end = 0
    for grapheme in wcwidth.iter_graphemes(text):
        end += len(grapheme)
        if grapheme.endswith(_ZWJ):
            total += wcwidth.width(text[start:end], control_codes="ignore")
            start = end
    return total + wcwidth.width(text[start:], control_codes="ignore")


# Letters, digits, punctuation, spaces and symbols (categories L, N, P, Zs, S) are graphemes
# of their own unless a mark, a joiner or a variation selector follows (none of them is in
# those categories), except in these ranges: Hangul jamo, Thai and Lao SARA AM and the
# prepended letters of a few scripts (they join their neighbours), regional indicators and
# skin tones (they join each other or an emoji), and symbols whose width changed in later
# Unicode versions than Python's (trigrams, hexagrams, counting rods...). Outside them, such
# a character is as wide as its East Asian width says, as wcwidth measures it; a test checks
# every code point against wcwidth and its grapheme tables (run it on each Python: a newer
# Python's Unicode database knows more characters; U+11F02, a Kawi prepended letter, is one).
_JOINING_OR_CHANGED = (
    (0x0D4E, 0x0D4E), (0x0E33, 0x0E33), (0x0EB3, 0x0EB3), (0x1100, 0x11FF),
    (0x2630, 0x2637), (0x268A, 0x268F), (0x3164, 0x3164), (0x4DC0, 0x4DFF),
    (0xA960, 0xA97C), (0xD7B0, 0xD7C6), (0xD7CB, 0xD7FB), (0xFF9E, 0xFFA0),
    (0x111C2, 0x111C3), (0x1193F, 0x1193F), (0x11941, 0x11941), (0x11A84, 0x11A89),
    (0x11D46, 0x11D46), (0x11F02, 0x11F02), (0x1D300, 0x1D356), (0x1D360, 0x1D376),
    (0x1F1E6, 0x1F1FF), (0x1F3FB, 0x1F3FF),
)  # fmt: skip


def _simple_width(text: str) -> int | None:
    """The width of text made of ASCII and simple characters only (see above), else None."""
    wide = 0
    for char in set(text):
        if char.isascii():
            continue
        kind = _kind(char)
        if not kind:
            return None
        if kind == 2:
            wide += text.count(char)
    return len(text) + wide


@lru_cache(maxsize=4096)
def _kind(char: str) -> int:
    """1 or 2, the width of a simple character; 0 for any other."""
    import unicodedata

    code = ord(char)
    category = unicodedata.category(char)
    if category[0] not in "LNPS" and category != "Zs":
        return 0
    if any(low <= code <= high for low, high in _JOINING_OR_CHANGED):
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
