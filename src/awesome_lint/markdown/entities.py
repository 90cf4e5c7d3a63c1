"""Backslash escapes and character references, resolved the way CommonMark resolves them."""

from __future__ import annotations

import re
from html.entities import html5

ASCII_PUNCTUATION = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")

_ENTITY_RE = re.compile(
    r"&(?:#[xX]([0-9a-fA-F]{1,6});|#([0-9]{1,7});|([A-Za-z][A-Za-z0-9]{1,31});)"
)
_ESCAPE_OR_ENTITY_RE = re.compile(
    r"\\([!\"#$%&'()*+,\-./:;<=>?@\[\\\]^_`{|}~])|" + _ENTITY_RE.pattern
)


def _code_point(number: int) -> str:
    if number == 0 or number > 0x10FFFF or 0xD800 <= number <= 0xDFFF:
        return "\ufffd"
    return chr(number)


def _replace(match: re.Match[str]) -> str:
    escaped, hexa, decimal, name = match.groups()
    if escaped is not None:
        return escaped
    if hexa is not None:
        return _code_point(int(hexa, 16))
    if decimal is not None:
        return _code_point(int(decimal))
    return html5.get(name + ";", match.group(0))


def _replace_entity(match: re.Match[str]) -> str:
    hexa, decimal, name = match.groups()
    if hexa is not None:
        return _code_point(int(hexa, 16))
    if decimal is not None:
        return _code_point(int(decimal))
    return html5.get(name + ";", match.group(0))


def unescape(text: str) -> str:
    """Resolve backslash escapes and entities (link destinations, titles, plain text)."""
    if "\\" not in text and "&" not in text:
        return text
    return _ESCAPE_OR_ENTITY_RE.sub(_replace, text)


def resolve_entities(text: str) -> str:
    """Resolve entities only (text in which backslashes are literal, e.g. autolinks)."""
    if "&" not in text:
        return text
    return _ENTITY_RE.sub(_replace_entity, text)


# Letters that fold to lower case in Python's Unicode tables but not in cmark-gfm's older
# ones (case_fold_switch.inc: Unicode 10): Georgian Mtavruli, Cyrillic Tje, the Latin
# letters from U+A7B8 on, Glagolitic U+2C2F, Vithkuqi, Garay, Medefaidrin.
_NOT_FOLDED = re.compile(
    "[\u1c89\u1c8a\u1c90-\u1cbf\u2c2f\ua7b8-\ua7ff\U00010570-\U000105bf"
    "\U00010d50-\U00010d65\U00016e40-\U00016e5f]"
)
# cmark_isspace: the white space a label's runs collapse at (not NBSP, VT, FF, U+2028...).
_LABEL_SPACE = re.compile(r"[ \t\n\r]+")


def normalize_label(label: str) -> str:
    """The key under which a link label is looked up, as cmark-gfm's normalize_map_label
    makes it: case-folded with cmark-gfm's tables, then trimmed and its runs of space, tab,
    CR and LF collapsed to one space."""
    if label.isascii():
        folded = label.lower()
    elif _NOT_FOLDED.search(label):
        folded = "".join(c if _NOT_FOLDED.match(c) else c.casefold() for c in label)
    else:
        folded = label.casefold()
    return _LABEL_SPACE.sub(" ", folded.strip(" \t\n\r"))
