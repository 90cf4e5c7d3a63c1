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


def normalize_label(label: str) -> str:
    """The key under which a link label is looked up: case-folded, whitespace collapsed."""
    return " ".join(label.split()).casefold()
