"""Publication venues: names, aliases, and the venue mentions written in paper lists.

A *mention* is the short text of a venue cell, such as ``ICCV'23``, ``arXiv (2023)`` or
``NeurIPS'23 Oral``: a venue name, an optional year written in one of the :data:`STYLES`, an
optional qualifier from :data:`QUALIFIERS`, and possibly some extra trailing text
(``ICLR'24 OpenReview``) that a linter reports and an unsafe fix drops.

:func:`format_venue` always writes a qualifier last, after the year, separated by one space
(``NeurIPS'23 Oral``, ``CVPR 2023 Workshop``, ``EMNLP'23 Findings``). Parsing also accepts it in
brackets (``NeurIPS'23 (Oral)``), before the year (``ACL Findings 2023``) or as a prefix
(``Findings of EMNLP 2023``).

A :class:`Vocabulary` holds the known venues; :data:`DEFAULT_VOCABULARY` is the built-in one and
:meth:`Vocabulary.extend` adds a user's venues and aliases on top of it without changing it.
The built-in venues are package data (``venues.tsv``); nothing else here reads files or prints.
"""

from __future__ import annotations

from typing import Final

from awesome_lint.venues.mention import (
    KINDS,
    MAX_MENTION_LENGTH,
    QUALIFIERS,
    STYLES,
    Kind,
    Mention,
    Style,
    format_venue,
    majority_style,
    name_key,
)
from awesome_lint.venues.vocabulary import Venue, Vocabulary, load_default_venues, read_venues

__all__ = [
    "DEFAULT_VENUES",
    "DEFAULT_VOCABULARY",
    "KINDS",
    "MAX_MENTION_LENGTH",
    "QUALIFIERS",
    "STYLES",
    "Kind",
    "Mention",
    "Style",
    "Venue",
    "Vocabulary",
    "canonical",
    "format_venue",
    "majority_style",
    "name_key",
    "parse",
    "read_venues",
    "suggest",
]


DEFAULT_VENUES: Final[tuple[Venue, ...]] = load_default_venues()
DEFAULT_VOCABULARY: Final = Vocabulary(DEFAULT_VENUES)


def parse(text: str) -> Mention | None:
    """:meth:`Vocabulary.parse` with the default vocabulary."""
    return DEFAULT_VOCABULARY.parse(text)


def canonical(name: str) -> str | None:
    """:meth:`Vocabulary.canonical` with the default vocabulary."""
    return DEFAULT_VOCABULARY.canonical(name)


def suggest(name: str) -> str | None:
    """:meth:`Vocabulary.suggest` with the default vocabulary."""
    return DEFAULT_VOCABULARY.suggest(name)
