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
    import wcwidth  # 30 ms to import: only lists with non-ASCII text pay for it

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
