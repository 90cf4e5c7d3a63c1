"""Paper ids named by links, and `Paper`: what one source says of one paper."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from typing import Any, Literal
from urllib.parse import parse_qs, urlsplit

from awesome_lint.urls import arxiv_id, doi

# conference, journal or workshop: peer reviewed; preprint: not (yet).
PaperKind = Literal["conference", "journal", "workshop", "preprint"]
PEER_REVIEWED: frozenset[str] = frozenset({"conference", "journal", "workshop"})

_ACL = re.compile(r"/((?:[A-Z]\d{2}-\d{4})|(?:\d{4}\.[a-z0-9-]{1,40}\.\d{1,5}))(?:\.pdf|/)?$", re.I)
_OPENREVIEW_ID = re.compile(r"[A-Za-z0-9_-]{6,20}")


def paper_id(url: str) -> str | None:
    """The paper id a link names: `arxiv:2401.00001`, `doi:10.1109/x` (lower case),
    `openreview:ID`, `acl:2023.acl-long.1`; None for any other link."""
    ident = arxiv_id(url)
    if ident is not None:
        return "arxiv:" + ident
    found = doi(url)
    if found is not None:
        if found.lower().startswith("10.48550/arxiv."):
            return "arxiv:" + found[len("10.48550/arxiv.") :]
        return "doi:" + found.lower()
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    host = (parts.hostname or "").lower().removeprefix("www.")
    if host == "openreview.net" and parts.path.rstrip("/") in ("/forum", "/pdf"):
        ids = parse_qs(parts.query).get("id", [])
        if ids and _OPENREVIEW_ID.fullmatch(ids[0]):
            return "openreview:" + ids[0]
    if host in ("aclanthology.org", "aclweb.org"):
        match = _ACL.search(parts.path)
        if match is not None:
            return "acl:" + match.group(1)
    return None


@dataclass(frozen=True)
class Paper:
    """What `source` says of the paper `key`."""

    source: str
    key: str
    title: str | None = None
    year: int | None = None
    # The venue as the source names it ("IEEE/CVF Conference on Computer Vision and Pattern
    # Recognition", "CVPR", "ICLR 2024 poster"), and its other names (acronyms) if it gives them.
    venue: str | None = None
    venue_names: tuple[str, ...] = ()
    kind: PaperKind | None = None
    withdrawn: bool = False
    code: str | None = None
    # The page a person can read the answer on.
    page: str | None = None

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["venue_names"] = list(self.venue_names)
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Paper:
        return cls(**{**data, "venue_names": tuple(data.get("venue_names", ()))})
