"""Venue mentions: the short text of a venue cell, such as ``ICCV'23`` or ``arXiv (2023)``.

A mention is a venue name, an optional year written in one of the :data:`STYLES`, an optional
qualifier from :data:`QUALIFIERS`, and possibly some extra trailing text (``ICLR'24 OpenReview``)
that a linter reports and an unsafe fix drops. This module holds the grammar of mentions: the
year styles, the qualifiers, and the pieces :class:`~awesome_lint.venues.vocabulary.Vocabulary`
parses a mention with. Nothing here knows any venue.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Final, Literal, get_args

Kind = Literal["conference", "journal", "preprint", "workshop"]
KINDS: Final[tuple[Kind, ...]] = get_args(Kind)
KIND_NAMES: Final[dict[str, Kind]] = {kind: kind for kind in KINDS}

Style = Literal[
    "VENUE'YY",
    "VENUE 'YY",
    "VENUE'YYYY",
    "VENUE YYYY",
    "VENUEYYYY",
    "VENUE(YYYY)",
    "VENUE (YYYY)",
    "VENUE, YYYY",
]
"""How a mention writes its year; each name is its own template (``ICCV'23`` is ``VENUE'YY``)."""
STYLES: Final[tuple[Style, ...]] = get_args(Style)

_SPACE_STYLES: Final[dict[str, Style]] = {" ": "VENUE YYYY", ", ": "VENUE, YYYY"}
_STYLE_TEMPLATES: Final[dict[Style, str]] = {
    "VENUE'YY": "{name}'{yy}",
    "VENUE 'YY": "{name} '{yy}",
    "VENUE'YYYY": "{name}'{yyyy}",
    "VENUE YYYY": "{name} {yyyy}",
    "VENUEYYYY": "{name}{yyyy}",
    "VENUE(YYYY)": "{name}({yyyy})",
    "VENUE (YYYY)": "{name} ({yyyy})",
    "VENUE, YYYY": "{name}, {yyyy}",
}

MAX_MENTION_LENGTH: Final = 100
"""Longer cell texts are never mentions: the longest full venue name plus a year fits easily."""

# Canonical qualifier, then the other spellings that mean it (case does not matter).
_QUALIFIER_TABLE: Final[dict[str, tuple[str, ...]]] = {
    "Oral": ("oral presentation",),
    "Spotlight": (),
    "Poster": (),
    "Highlight": (),
    "Workshop": ("workshops",),
    "Findings": (),
    "Best Paper": ("best paper award",),
    "Best Student Paper": ("best student paper award",),
    "Outstanding Paper": ("outstanding paper award",),
    "Honorable Mention": ("honourable mention",),
    "Demo": ("demo track", "demos", "demonstration", "demonstrations"),
    "Short": ("short paper",),
    "Long": ("long paper",),
    "Main": ("main conference", "main track"),
    "Industry": ("industry track",),
    "Datasets and Benchmarks": (
        "datasets and benchmarks track",
        "datasets & benchmarks",
        "datasets & benchmarks track",
        "D&B",
    ),
}
QUALIFIERS: Final[tuple[str, ...]] = tuple(_QUALIFIER_TABLE)
MAX_QUALIFIER_WORDS: Final = max(
    len(spelling.split()) for spellings in _QUALIFIER_TABLE.values() for spelling in spellings
)


@dataclass(frozen=True)
class Mention:
    """A venue mention parsed from a cell's plain text."""

    text: str
    """The cell text the mention was parsed from, stripped."""
    name: str
    """The venue name as written (``NIPS``, ``IEEE TMI``), without year or qualifier."""
    canonical: str | None
    """The canonical name of the venue, or None when it is not in the vocabulary."""
    year: int | None
    style: Style | None
    """The style of the year; None without a year or when it is written irregularly
    (``ICCV' 23``, ``ICCV 23``, ``CVPR,2018``)."""
    qualifier: str | None = None
    """The qualifier in its canonical spelling (``Oral``), kept by fixes."""
    extra: str | None = None
    """Trailing text that is neither year nor qualifier (``OpenReview``)."""

    @property
    def is_alias(self) -> bool:
        """Whether the name is written differently from the canonical name (``NIPS``, ``tmi``)."""
        return self.canonical is not None and self.name != self.canonical

    @property
    def is_variant(self) -> bool:
        """Whether the name is the canonical one or spelled like it (``Neurips``, ``T-PAMI``:
        case, spaces, dots, hyphens differ), rather than another name of the venue (``NIPS``)."""
        return self.canonical is not None and name_key(self.name) == name_key(self.canonical)


def format_venue(name: str, year: int | None, style: Style, qualifier: str | None = None) -> str:
    """Render a mention: ``format_venue("NeurIPS", 2023, "VENUE'YY", "Oral") == "NeurIPS'23 Oral"``.

    Without a year the style does not matter: the result is the name (and the qualifier).
    Two-digit styles only round-trip through :func:`parse` for the years 1970 to 2069.
    """
    template = _STYLE_TEMPLATES.get(style)
    if template is None:
        raise ValueError(f"unknown venue style {style!r}; expected one of {', '.join(STYLES)}")
    text = name if year is None else template.format(name=name, yy=f"{year % 100:02d}", yyyy=year)
    return f"{text} {qualifier}" if qualifier else text


def majority_style(mentions: Iterable[Mention | None]) -> Style | None:
    """The style most mentions use; a tie goes to the style seen first. None if no mention has one.

    Holds a list without a configured style to its own convention. ``None`` items (cells that
    are not mentions) are skipped, so the result of mapping :func:`parse` can be passed as is.
    """
    counts: dict[Style, int] = {}
    for mention in mentions:
        if mention is not None and mention.style is not None:
            counts[mention.style] = counts.get(mention.style, 0) + 1
    if not counts:
        return None
    # dicts keep insertion order, and max() returns the first of equal items.
    return max(counts, key=lambda style: counts[style])


_KEY_DROP: Final = str.maketrans("", "", ".-_")


def name_key(name: str) -> str:
    return "".join(name.casefold().split()).translate(_KEY_DROP)


_QUALIFIER_INDEX: Final[dict[str, str]] = {
    name_key(spelling): canonical_qualifier
    for canonical_qualifier, spellings in _QUALIFIER_TABLE.items()
    for spelling in (canonical_qualifier, *spellings)
}

_NORMALIZE: Final = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u02bc": "'",
        "\u2032": "'",
        "\u00b4": "'",
        "`": "'",
        "\uff07": "'",
        "\uff08": "(",
        "\uff09": ")",
        "\uff0c": ",",
        "\u2013": "-",
        "\u2014": "-",
    }
)

_YEAR4: Final = r"(?:19|20)\d\d"
# The name is the shortest prefix followed by a year, so the year is the first one in the text.
# After whitespace is collapsed every alternative has a bounded length, so a failed match costs
# a constant per position: linear time, whatever the input.
MENTION_RE: Final = re.compile(
    r"(?P<name>[^\s'(,].*?)"
    r"(?:"
    rf"(?P<q> ?' ?)(?P<qy>{_YEAR4}|\d\d)"
    rf"|(?P<p> ?\()(?P<py>{_YEAR4})\)"
    rf"|(?P<s>, ?| )(?P<sy>{_YEAR4})"
    rf"|(?<=[^\W\d_])(?P<gy>{_YEAR4})"
    r"|(?P<ls> |(?<=[^\W\d_]))(?P<ly>\d\d)"
    r")"
    r"(?!\w|\.\d)"
    r"(?P<rest>.*)"
)
FINDINGS_PREFIX_RE: Final = re.compile(
    r"findings (?:of )?(?:the )?(?:(?:acl|association for computational linguistics) ?: ?)?",
    re.IGNORECASE,
)
PUBLISHER_PREFIX_RE: Final = re.compile(
    r"(?:(?:in|proc\.?|proceedings of|the|ieee|acm|siam|isca|ieee/cvf|ieee/acm|acm/ieee|ieee/rsj)"
    r" )+",
    re.IGNORECASE,
)
_NAME_WORD_RE: Final = re.compile(r"(?:[A-Z0-9]|[a-z]{1,4}[A-Z])[A-Za-z0-9&+.\-]*")
_HAS_LETTER_RE: Final = re.compile(r"[A-Za-z]")
_HAS_YEAR_RE: Final = re.compile(rf"{_YEAR4}|'\d\d")
_CONNECTORS: Final = frozenset({"of", "on", "and", "for", "in", "the", "&"})
# Short capitalised words that often precede a year but never name a venue (``Dec., 2023``).
_NOT_VENUE_TEXT: Final = (
    "jan january feb february mar march apr april may jun june jul july aug august sep sept"
    " september oct october nov november dec december spring summer fall autumn winter"
    " q1 q2 q3 q4 h1 h2 since from until before after circa year released release updated"
    " update version ver v copyright link links pdf paper code website web project github"
    " blog preprint submitted accepted under in n/a na none todo page homepage"
    " video slides dataset model"
)
_NOT_VENUE_WORDS: Final = frozenset(name_key(word) for word in _NOT_VENUE_TEXT.split())
_MAX_EXTRA_WORDS: Final = 4
_MAX_EXTRA_LENGTH: Final = 40
_MAX_UNKNOWN_NAME_WORDS: Final = 4
_MAX_UNKNOWN_NAME_LENGTH: Final = 40


def normalize(text: str) -> str:
    return " ".join(text.translate(_NORMALIZE).split())


def _unwrap(text: str) -> str:
    if len(text) >= 2 and (text[0], text[-1]) in (("(", ")"), ("[", "]")):
        return text[1:-1].strip()
    return text


def qualifier_of(text: str) -> str | None:
    return _QUALIFIER_INDEX.get(name_key(_unwrap(text)))


def year_and_style(match: re.Match[str]) -> tuple[int, Style | None, bool]:
    """The year, its style, and whether it is a loose two-digit year (``ICCV 23``, ``ICCV23``)."""
    if match["qy"] is not None:
        digits, sep = match["qy"], match["q"]
        style: Style | None
        if sep == "'":
            style = "VENUE'YY" if len(digits) == 2 else "VENUE'YYYY"
        elif sep == " '" and len(digits) == 2:
            style = "VENUE 'YY"
        else:
            style = None
        return _full_year(digits), style, False
    if match["py"] is not None:
        style = "VENUE(YYYY)" if match["p"] == "(" else "VENUE (YYYY)"
        return int(match["py"]), style, False
    if match["sy"] is not None:
        return int(match["sy"]), _SPACE_STYLES.get(match["s"]), False
    if match["gy"] is not None:
        return int(match["gy"]), "VENUEYYYY", False
    return _full_year(match["ly"]), None, True


def _full_year(digits: str) -> int:
    year = int(digits)
    if len(digits) == 4:
        return year
    return 2000 + year if year < 70 else 1900 + year


def looks_like_venue(name: str) -> bool:
    """Whether an unknown name could be a venue: a short acronym or capitalised name."""
    words = name.split(" ")
    if len(name) > _MAX_UNKNOWN_NAME_LENGTH or len(words) > _MAX_UNKNOWN_NAME_WORDS:
        return False
    first = words[0]
    if name_key(first) in _NOT_VENUE_WORDS or qualifier_of(first) is not None:
        return False
    for index, word in enumerate(words):
        if 0 < index < len(words) - 1 and word.lower() in _CONNECTORS:
            continue
        if not _NAME_WORD_RE.fullmatch(word) or not _HAS_LETTER_RE.search(word):
            return False
    return True


def split_trailer(rest: str) -> tuple[str | None, str | None] | None:
    """Split what follows the year into (qualifier, extra); None if it is too much for a cell."""
    text = rest.strip(" ,;-").rstrip(". ")
    if not text:
        return None, None
    qualifier = qualifier_of(text)
    if qualifier is not None:
        return qualifier, None
    words = text.split(" ")
    if len(words) > _MAX_EXTRA_WORDS + MAX_QUALIFIER_WORDS:
        return None
    for index in range(1, len(words)):
        head, tail = " ".join(words[:index]), " ".join(words[index:])
        qualifier = qualifier_of(head)
        if qualifier is not None:
            return (qualifier, tail) if _is_extra(tail) else None
        qualifier = qualifier_of(tail)
        if qualifier is not None:
            return (qualifier, head) if _is_extra(head) else None
    return (None, text) if _is_extra(text) else None


def _is_extra(text: str) -> bool:
    """Whether trailing text is a short remark (``OpenReview``, ``PDF``) and not a second mention
    or a sentence, which would make the whole cell something other than a mention."""
    words = text.split(" ")
    return (
        len(words) <= _MAX_EXTRA_WORDS
        and len(text) <= _MAX_EXTRA_LENGTH
        and ":" not in text
        and "/" not in text
        and words[0].lower() not in ("&", "+", "and")
        and not _HAS_YEAR_RE.search(text)
    )
