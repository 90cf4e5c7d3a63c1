"""What the sources' answers mean for one entry: its peer-reviewed version, if any.

A source's venue is read with the list's venue vocabulary (so that "IEEE/CVF Conference on
Computer Vision and Pattern Recognition", "CVPR" and "2024 IEEE/CVF ... (CVPR)" are one
venue); its kind comes from the vocabulary when the venue is known there, else from the
source (Semantic Scholar's venue type, Crossref's work type, OpenReview's venue id). When
sources disagree, the one closest to the venue wins: OpenReview (the venue's own system),
then Crossref (the publisher's record), then Semantic Scholar, then arXiv's journal
reference. A conference or journal version wins over a workshop version.

An entry that any source calls withdrawn or retracted has no published version here: the
rules say nothing of it rather than propose a venue.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from awesome_lint.scholar.papers import PEER_REVIEWED, Paper, PaperKind
from awesome_lint.venues import Mention, Vocabulary

_PRECEDENCE = ("OpenReview", "Crossref", "Semantic Scholar", "arXiv")
_ACRONYM = re.compile(r"\(([A-Z][A-Za-z0-9-]{1,15})\)")
_NOISE = re.compile(r"^(?:(?:19|20)\d{2}\s+|proceedings of (?:the )?|proc\.\s+)+", re.I)


@dataclass(frozen=True)
class Published:
    """The peer-reviewed version of an entry, as one source has it."""

    venue: str
    """The vocabulary's canonical name, or the source's name when the vocabulary lacks it."""
    known: bool
    """Whether `venue` is in the vocabulary (only then can a cell be rewritten to it)."""
    kind: PaperKind
    year: int | None
    source: str
    page: str | None
    qualifier: str | None = None


@dataclass(frozen=True)
class Verdict:
    published: Published | None
    withdrawn: bool = False
    # No peer-reviewed version found while a source could not answer: nothing can be said.
    unknown: bool = False


def read_venue(name: str, vocabulary: Vocabulary) -> Mention | None:
    """A source's venue name as a mention of a known venue, or None."""
    for candidate in (name, _NOISE.sub("", name), *_ACRONYM.findall(name)):
        mention = vocabulary.parse(candidate.strip())
        if mention is not None and mention.canonical is not None:
            return mention
    return None


def published_version(paper: Paper, vocabulary: Vocabulary) -> Published | None:
    if paper.withdrawn:
        return None
    for name in (paper.venue, *paper.venue_names):
        if not name:
            continue
        mention = read_venue(name, vocabulary)
        if mention is None or mention.canonical is None:
            continue
        venue = vocabulary.get(mention.canonical)
        kind: PaperKind | None = venue.kind if venue is not None else paper.kind
        qualifier = mention.qualifier
        if qualifier is not None and "workshop" in qualifier.lower():
            kind = "workshop"
        if kind not in PEER_REVIEWED or kind is None:
            return None
        year = paper.year if paper.year is not None else mention.year
        return Published(mention.canonical, True, kind, year, paper.source, paper.page, qualifier)
    if paper.kind in PEER_REVIEWED and paper.kind is not None and paper.venue:
        return Published(paper.venue, False, paper.kind, paper.year, paper.source, paper.page)
    return None


def verdict(papers: Sequence[Paper], unknown: bool, vocabulary: Vocabulary) -> Verdict:
    if any(paper.withdrawn for paper in papers):
        return Verdict(None, withdrawn=True)
    found = [p for p in (published_version(paper, vocabulary) for paper in papers) if p]
    if not found:
        return Verdict(None, unknown=unknown)

    def rank(p: Published) -> tuple[int, int, int]:
        source = _PRECEDENCE.index(p.source) if p.source in _PRECEDENCE else len(_PRECEDENCE)
        return (p.kind == "workshop", not p.known, source)

    return Verdict(min(found, key=rank))
