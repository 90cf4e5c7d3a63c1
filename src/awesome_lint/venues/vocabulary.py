"""The venue vocabulary: the known venues, looked up by any of their names, and the parser of
mentions that uses them.

The built-in venues are package data, ``venues.tsv`` beside this module: one venue a line,
``kind<TAB>name<TAB>aliases`` with the aliases separated by ``;``, after a header line. Case
variants (Neurips, ARXIV) and spacing, dot and hyphen variants (T-PAMI, Nat. Med.) need no
alias: lookups ignore case, spaces, dots and hyphens. :func:`read_venues` reads that format.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Final

from awesome_lint.venues.mention import (
    FINDINGS_PREFIX_RE,
    KIND_NAMES,
    KINDS,
    MAX_MENTION_LENGTH,
    MAX_QUALIFIER_WORDS,
    MENTION_RE,
    PUBLISHER_PREFIX_RE,
    Kind,
    Mention,
    looks_like_venue,
    name_key,
    normalize,
    qualifier_of,
    split_trailer,
    year_and_style,
)

VENUES_FILE: Final = Path(__file__).resolve().with_name("venues.tsv")
_HEADER: Final = "kind\tname\taliases"
_MAX_CACHED_LENGTH: Final = 200
_MAX_CACHED_MENTIONS: Final = 1 << 16


@dataclass(frozen=True)
class Venue:
    """A known venue: its canonical spelling, its kind, and the other names it goes by."""

    name: str
    kind: Kind
    aliases: tuple[str, ...] = ()


class Vocabulary:
    """Known venues, looked up by any of their names regardless of case, spaces, dots, hyphens.

    Later venues win: a venue named like an earlier one replaces it, and an alias shared with
    an earlier venue points to the later one; a canonical name always resolves to its own venue.
    ``aliases`` maps extra alias -> canonical name of a venue in ``venues``.
    """

    def __init__(self, venues: Iterable[Venue], aliases: Mapping[str, str] | None = None) -> None:
        by_key: dict[str, Venue] = {}
        for venue in venues:
            if venue.kind not in KINDS:
                raise ValueError(f"venue {venue.name!r}: unknown kind {venue.kind!r}")
            if not name_key(venue.name):
                raise ValueError(f"venue name must not be empty: {venue!r}")
            # Re-inserting moves the venue after the ones it overrides, so its aliases win too.
            by_key.pop(name_key(venue.name), None)
            by_key[name_key(venue.name)] = venue
        for alias, target in (aliases or {}).items():
            venue_or_none = by_key.get(name_key(target))
            if venue_or_none is None:
                raise ValueError(f"alias {alias!r} refers to unknown venue {target!r}")
            aliases_of = (*venue_or_none.aliases, alias)
            by_key[name_key(target)] = replace(venue_or_none, aliases=aliases_of)
        self._venues: tuple[Venue, ...] = tuple(by_key.values())
        index: dict[str, Venue] = {}
        for venue in self._venues:
            for alias in venue.aliases:
                if name_key(alias):
                    index[name_key(alias)] = venue
        index.update(by_key)
        self._index = index
        self._max_name_words = max(
            (len(name.split()) for v in self._venues for name in (v.name, *v.aliases)), default=1
        )
        self._suggest_keys = list(index)
        self._suggestions: dict[str, str | None] = {}
        self._parsed: dict[str, Mention | None] = {}

    def extend(
        self, venues: Iterable[Venue] = (), aliases: Mapping[str, str] | None = None
    ) -> Vocabulary:
        """A new vocabulary: this one plus ``venues`` and ``aliases``, which win on conflicts."""
        return Vocabulary((*self._venues, *venues), aliases)

    @property
    def venues(self) -> tuple[Venue, ...]:
        return self._venues

    def __len__(self) -> int:
        return len(self._venues)

    def __iter__(self) -> Iterator[Venue]:
        return iter(self._venues)

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and self.get(name) is not None

    def get(self, name: str) -> Venue | None:
        """The venue called ``name`` (canonical or alias), also after a publisher prefix such
        as ``IEEE``, ``ACM`` or ``Proceedings of``."""
        venue = self._index.get(name_key(name))
        if venue is None:
            prefix = PUBLISHER_PREFIX_RE.match(name)
            if prefix is not None and prefix.end() < len(name):
                venue = self._index.get(name_key(name[prefix.end() :]))
        return venue

    def canonical(self, name: str) -> str | None:
        venue = self.get(name)
        return None if venue is None else venue.name

    def suggest(self, name: str) -> str | None:
        """The canonical name of the known venue closest to ``name``, if any is close enough."""
        venue = self.get(name)
        if venue is not None:
            return venue.name
        key = name_key(name)
        if key not in self._suggestions:
            self._suggestions[key] = self._closest(key)
        return self._suggestions[key]

    def _closest(self, key: str) -> str | None:
        import difflib  # only for names the vocabulary lacks

        matcher = difflib.SequenceMatcher(b=key)
        best: tuple[float, bool, bool] | None = None
        closest = None
        for candidate in difflib.get_close_matches(key, self._suggest_keys, n=5, cutoff=0.75):
            matcher.set_seq1(candidate)
            # Equal ratios are common between short acronyms; a swap of letters (CPVR) or a
            # shared first letter is the likelier typo.
            rank = (matcher.ratio(), sorted(candidate) == sorted(key), candidate[0] == key[0])
            if best is None or rank > best:
                best, closest = rank, self._index[candidate].name
        return closest

    def parse(self, text: str) -> Mention | None:
        """Parse a cell's plain text as a venue mention; None if it is not one.

        A mention is a venue name, then optionally a year and a qualifier or short extra text.
        An unknown name is accepted only with a year and only if it looks like a venue name
        (an acronym or a few capitalised words), so that a linter can suggest a known one.
        """
        # Lists repeat the same few mentions on thousands of rows.
        if len(text) > _MAX_CACHED_LENGTH:
            return self._parse(text)
        if text not in self._parsed:
            if len(self._parsed) >= _MAX_CACHED_MENTIONS:
                self._parsed.clear()
            self._parsed[text] = self._parse(text)
        return self._parsed[text]

    def _parse(self, text: str) -> Mention | None:
        raw = text.strip()
        body = normalize(raw)
        if not body or len(body) > MAX_MENTION_LENGTH:
            return None
        prefix_qualifier = None
        prefix = FINDINGS_PREFIX_RE.match(body)
        if prefix is not None and prefix.end() < len(body):
            prefix_qualifier, body = "Findings", body[prefix.end() :]
        match = MENTION_RE.match(body)
        if match is None:
            return self._parse_without_year(raw, body, prefix_qualifier)
        resolved = self._resolve(match["name"])
        if resolved is None:
            return None
        name, venue, qualifier = resolved
        year, style, loose = year_and_style(match)
        if venue is None and loose:
            return None
        if qualifier is not None and prefix_qualifier is not None:
            return None
        qualifier = qualifier or prefix_qualifier
        trailer = split_trailer(match["rest"])
        if trailer is None:
            return None
        trailing_qualifier, extra = trailer
        if trailing_qualifier is not None:
            if qualifier is not None:
                return None
            qualifier = trailing_qualifier
        if venue is None and extra is not None:
            return None
        known = None if venue is None else venue.name
        return Mention(raw, name, known, year, style, qualifier, extra)

    def _resolve(self, name: str) -> tuple[str, Venue | None, str | None] | None:
        """The written name, its venue if known, and a qualifier written before the year."""
        venue = self.get(name)
        if venue is not None:
            return name, venue, None
        words = name.split(" ")
        for index in range(len(words) - 1, max(0, len(words) - 1 - MAX_QUALIFIER_WORDS), -1):
            qualifier = qualifier_of(" ".join(words[index:]))
            if qualifier is None:
                continue
            head = " ".join(words[:index])
            venue = self.get(head)
            if venue is not None or looks_like_venue(head):
                return head, venue, qualifier
        if looks_like_venue(name):
            return name, None, None
        return None

    def _parse_without_year(
        self, raw: str, body: str, prefix_qualifier: str | None
    ) -> Mention | None:
        words = body.split(" ")
        for count in range(min(len(words), self._max_name_words), 0, -1):
            name = " ".join(words[:count])
            venue = self.get(name)
            if venue is None:
                continue
            rest = " ".join(words[count:]).strip(" ,;-").rstrip(". ")
            qualifier = qualifier_of(rest) if rest else None
            if rest and qualifier is None:
                return None
            if qualifier is not None and prefix_qualifier is not None:
                return None
            return Mention(raw, name, venue.name, None, None, qualifier or prefix_qualifier)
        return None


def read_venues(text: str, source: str = "venues.tsv") -> tuple[Venue, ...]:
    """The venues of a vocabulary file's text (see the module docstring for the format)."""
    lines = text.splitlines()
    if not lines or lines[0] != _HEADER:
        raise ValueError(f"{source}: the first line must be the header {_HEADER!r}")
    venues: list[Venue] = []
    for number, line in enumerate(lines[1:], start=2):
        if not line.strip():
            continue
        columns = line.split("\t")
        if len(columns) != 3:
            raise ValueError(f"{source}:{number}: expected 3 tab-separated columns")
        kind, name, aliases = (column.strip() for column in columns)
        if kind not in KIND_NAMES:
            raise ValueError(f"{source}:{number}: unknown kind {kind!r} for {name!r}")
        names = tuple(alias.strip() for alias in aliases.split(";") if alias.strip())
        venues.append(Venue(name, KIND_NAMES[kind], names))
    return tuple(venues)


def load_default_venues() -> tuple[Venue, ...]:
    """The built-in venues, read from the package's ``venues.tsv``."""
    return read_venues(VENUES_FILE.read_text(encoding="utf-8"), str(VENUES_FILE))
