"""The sources: what to ask each one for a batch of paper ids, and how its answers read.

Pure: `requests(keys)` makes the requests, `read(request, body)` turns an answer's bytes into
`{key: Paper or None}` (None: the source does not know the paper) or raises `BadAnswer`
(the source is then "unknown" for those keys, never "not published").

| source | ids | batch | pace (published limit) |
|---|---|---|---|
| Semantic Scholar, `POST /graph/v1/paper/batch` | arXiv, DOI, ACL | 500 ids | 1 request/s |
| arXiv API, `GET /api/query?id_list=` | arXiv | 100 ids | 1 request / 3 s |
| Crossref REST API, `GET /works?filter=doi:A,doi:B` | DOI | 50 DOIs | 1 at a time |
| OpenReview API v2, `GET /notes?ids=` | OpenReview | 50 ids | 1 request/s |

Each base URL can be replaced by `AWESOME_LINT_<SOURCE>_API` (`SEMANTICSCHOLAR`, `ARXIV`,
`CROSSREF`, `OPENREVIEW`), which is how the tests point them at loopback servers.
"""

from __future__ import annotations

import json
import os
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote, urlencode

from awesome_lint.scholar.papers import Paper, PaperKind


class BadAnswer(Exception):
    """An answer that does not have the source's documented shape."""


@dataclass(frozen=True)
class Request:
    source: str
    method: str
    url: str
    keys: tuple[str, ...]
    body: bytes | None = None
    content_type: str | None = None


@dataclass(frozen=True)
class Source:
    name: str
    env: str
    default_base: str
    prefixes: tuple[str, ...]
    batch: int
    interval: float
    make: Callable[[str, Sequence[str]], Request]
    read: Callable[[Request, bytes], dict[str, Paper | None]]

    @property
    def base(self) -> str:
        return os.environ.get(self.env, self.default_base).rstrip("/")

    def requests(self, keys: Iterable[str]) -> list[Request]:
        mine = sorted({k for k in keys if k.startswith(self.prefixes)})
        return [
            self.make(self.base, mine[at : at + self.batch])
            for at in range(0, len(mine), self.batch)
        ]


def _json(body: bytes) -> Any:
    try:
        return json.loads(body)
    except ValueError as exc:
        raise BadAnswer(f"not JSON: {exc}") from None


def _year(value: Any) -> int | None:
    return value if isinstance(value, int) and 1900 < value < 2200 else None


_PREPRINT_VENUES = re.compile(r"arxiv|biorxiv|medrxiv|chemrxiv|ssrn|research square|preprint", re.I)
_WORKSHOP = re.compile(r"\bworkshops?\b", re.I)
_GITHUB = re.compile(
    r"https?://(?:www\.)?(?:github\.com|gitlab\.com)/[\w.-]{1,100}/[\w.-]{0,100}[\w-]"
)


# -- Semantic Scholar -------------------------------------------------------------------------
# https://api.semanticscholar.org/api-docs/graph#tag/Paper-Data/operation/post_graph_get_papers
_S2_IDS = {"arxiv:": "ARXIV:", "doi:": "DOI:", "acl:": "ACL:"}
_S2_FIELDS = "title,venue,year,externalIds,publicationVenue,publicationTypes,journal"
# DBLP keys end with the year's last two digits (`conf/cvpr/SmithL24`): the proceedings' year,
# where Semantic Scholar's `year` is often the preprint's.
_DBLP_KEY = re.compile(r"(?:conf|journals)/[^/]+/\D*?(\d{2})[a-z]?")


def _s2_request(base: str, keys: Sequence[str]) -> Request:
    ids = [_S2_IDS[k[: k.index(":") + 1]] + k[k.index(":") + 1 :] for k in keys]
    return Request(
        "semanticscholar",
        "POST",
        f"{base}/graph/v1/paper/batch?fields={_S2_FIELDS}",
        tuple(keys),
        json.dumps({"ids": ids}).encode(),
        "application/json",
    )


def _s2_read(request: Request, body: bytes) -> dict[str, Paper | None]:
    data = _json(body)
    if not isinstance(data, list) or len(data) != len(request.keys):
        raise BadAnswer("expected one item per id asked")
    out: dict[str, Paper | None] = {}
    for key, item in zip(request.keys, data):
        out[key] = None if item is None else _s2_paper(key, item)
    return out


def _s2_paper(key: str, item: Any) -> Paper:
    if not isinstance(item, dict):
        raise BadAnswer("an item is not an object")
    venue_info = item.get("publicationVenue") or {}
    journal = item.get("journal") or {}
    venue = (venue_info.get("name") or item.get("venue") or journal.get("name") or "").strip()
    names = [venue_info.get("name"), item.get("venue"), journal.get("name")]
    names += list(venue_info.get("alternate_names") or ())
    external = item.get("externalIds") or {}
    year = _year(item.get("year"))
    dblp = _DBLP_KEY.fullmatch(str(external.get("DBLP") or ""))
    if dblp is not None and not str(external.get("DBLP")).startswith("journals/corr/"):
        yy = int(dblp.group(1))
        year = 2000 + yy if yy < 70 else 1900 + yy
    types = item.get("publicationTypes") or []
    kind: PaperKind | None = None
    if not venue or _PREPRINT_VENUES.search(venue):
        kind = "preprint"
    elif _WORKSHOP.search(venue):
        kind = "workshop"
    elif venue_info.get("type") in ("conference", "journal"):
        kind = venue_info["type"]
    elif "Conference" in types:
        kind = "conference"
    elif "JournalArticle" in types:
        kind = "journal"
    paper_id = item.get("paperId")
    return Paper(
        "Semantic Scholar",
        key,
        title=item.get("title"),
        year=year,
        venue=venue or None,
        venue_names=tuple(dict.fromkeys(n.strip() for n in names if isinstance(n, str) and n)),
        kind=kind,
        page=f"https://www.semanticscholar.org/paper/{paper_id}" if paper_id else None,
    )


# -- arXiv ------------------------------------------------------------------------------------
# https://info.arxiv.org/help/api/user-manual.html (section 3.3.1: id_list; 5.1: the Atom feed)
_ATOM = "{http://www.w3.org/2005/Atom}"
_ARXIV = "{http://arxiv.org/schemas/atom}"
_ARXIV_ID = re.compile(r"abs/(.+?)(?:v\d+)?$")
_ACCEPTED = re.compile(
    r"\b(?:accepted|to appear|published|presented)\s+(?:at|in|to|by|as)\s+(?:the\s+)?"
    r"([A-Z][\w'&-]*(?:\s+[A-Z0-9][\w'&-]*){0,4})",
)


def _arxiv_request(base: str, keys: Sequence[str]) -> Request:
    ids = ",".join(k[len("arxiv:") :] for k in keys)
    query = urlencode({"id_list": ids, "max_results": len(keys)}, safe=",/")
    return Request("arxiv", "GET", f"{base}/api/query?{query}", tuple(keys))


def _arxiv_read(request: Request, body: bytes) -> dict[str, Paper | None]:
    try:
        root = ET.fromstring(body)
    except ET.ParseError as exc:
        raise BadAnswer(f"not an Atom feed: {exc}") from None
    if root.tag != _ATOM + "feed":
        raise BadAnswer("not an Atom feed")
    out: dict[str, Paper | None] = dict.fromkeys(request.keys)
    for entry in root.iter(_ATOM + "entry"):
        found = _ARXIV_ID.search(entry.findtext(_ATOM + "id") or "")
        if found is None or "api/errors" in (entry.findtext(_ATOM + "id") or ""):
            continue
        key = "arxiv:" + found.group(1)
        if key not in out:
            continue
        comment = " ".join((entry.findtext(_ARXIV + "comment") or "").split())
        summary = " ".join((entry.findtext(_ATOM + "summary") or "").split())
        journal_ref = " ".join((entry.findtext(_ARXIV + "journal_ref") or "").split())
        accepted = _ACCEPTED.search(comment)
        venue = journal_ref or (accepted.group(1) if accepted else None)
        code = _GITHUB.search(comment) or _GITHUB.search(summary)
        published = entry.findtext(_ATOM + "published") or ""
        out[key] = Paper(
            "arXiv",
            key,
            title=" ".join((entry.findtext(_ATOM + "title") or "").split()) or None,
            year=int(published[:4]) if published[:4].isdigit() else None,
            venue=venue,
            kind=None if venue else "preprint",
            withdrawn=bool(re.search(r"\bwithdrawn\b", comment + " " + summary[:200], re.I)),
            code=code.group(0) if code else None,
            page="https://arxiv.org/abs/" + found.group(1),
        )
    return out


# -- Crossref ---------------------------------------------------------------------------------
# https://api.crossref.org/swagger-ui/index.html (GET /works, filter `doi`); fields as in
# https://github.com/CrossRef/rest-api-doc/blob/master/api_format.md (`updated-by` carries
# retractions, including Retraction Watch's).
_CROSSREF_KIND: dict[str, PaperKind] = {
    "proceedings-article": "conference",
    "journal-article": "journal",
    "posted-content": "preprint",
}


def _crossref_request(base: str, keys: Sequence[str]) -> Request:
    dois = ",".join("doi:" + k[len("doi:") :] for k in keys)
    query = urlencode({"filter": dois, "rows": len(keys)}, safe=",:/")
    return Request("crossref", "GET", f"{base}/works?{query}", tuple(keys))


def _crossref_read(request: Request, body: bytes) -> dict[str, Paper | None]:
    data = _json(body)
    items = data.get("message", {}).get("items") if isinstance(data, dict) else None
    if not isinstance(items, list):
        raise BadAnswer("expected message.items")
    out: dict[str, Paper | None] = dict.fromkeys(request.keys)
    for item in items:
        key = "doi:" + str(item.get("DOI", "")).lower()
        if key not in out:
            continue
        container = (item.get("container-title") or [None])[0]
        short = list(item.get("short-container-title") or [])
        parts = ((item.get("published") or item.get("issued") or {}).get("date-parts") or [[]])[0]
        updates = {u.get("type") for u in item.get("updated-by") or () if isinstance(u, dict)}
        title = (item.get("title") or [None])[0]
        out[key] = Paper(
            "Crossref",
            key,
            title=title,
            year=_year(parts[0]) if parts else None,
            venue=container,
            venue_names=tuple(n for n in [container, *short] if n),
            kind=_CROSSREF_KIND.get(str(item.get("type"))),
            withdrawn=bool(updates & {"retraction", "withdrawal", "removal"})
            or str(title or "").upper().startswith("RETRACTED"),
            page="https://doi.org/" + quote(str(item.get("DOI", "")), safe="/"),
        )
    return out


# -- OpenReview -------------------------------------------------------------------------------
# https://docs.openreview.net/reference/api-v2/openapi-definition (GET /notes; a note's
# `content.venue` and `content.venueid`: "ICLR 2024 poster", "ICLR.cc/2024/Conference";
# "Submitted to ICLR 2024" and ".../Rejected_Submission", ".../Withdrawn_Submission").
def _openreview_request(base: str, keys: Sequence[str]) -> Request:
    ids = ",".join(k[len("openreview:") :] for k in keys)
    return Request("openreview", "GET", f"{base}/notes?ids={ids}", tuple(keys))


def _value(content: dict[str, Any], name: str) -> str:
    field = content.get(name)
    value = field.get("value") if isinstance(field, dict) else field
    return value if isinstance(value, str) else ""


def _openreview_read(request: Request, body: bytes) -> dict[str, Paper | None]:
    data = _json(body)
    notes = data.get("notes") if isinstance(data, dict) else None
    if not isinstance(notes, list):
        raise BadAnswer("expected notes")
    out: dict[str, Paper | None] = dict.fromkeys(request.keys)
    for note in notes:
        key = "openreview:" + str(note.get("id"))
        if key not in out:
            continue
        content = note.get("content") or {}
        venue, venueid = _value(content, "venue"), _value(content, "venueid")
        withdrawn = "withdrawn" in venueid.lower() or "withdrawn" in venue.lower()
        unpublished = withdrawn or "rejected" in venueid.lower() or venue.startswith("Submitted")
        kind: PaperKind = "preprint" if unpublished else "conference"
        if not unpublished and ("workshop" in venueid.lower() or _WORKSHOP.search(venue)):
            kind = "workshop"
        year = re.search(r"/(\d{4})/", venueid) or re.search(r"\b(\d{4})\b", venue)
        shown = re.sub(r"\s+(poster|oral|spotlight)$", "", venue, flags=re.I)
        out[key] = Paper(
            "OpenReview",
            key,
            title=_value(content, "title") or None,
            year=int(year.group(1)) if year else None,
            venue=None if unpublished else shown,
            kind=kind,
            withdrawn=withdrawn,
            page="https://openreview.net/forum?id=" + str(note.get("id")),
        )
    return out


SOURCES: tuple[Source, ...] = (
    Source(
        "semanticscholar",
        "AWESOME_LINT_SEMANTICSCHOLAR_API",
        "https://api.semanticscholar.org",
        ("arxiv:", "doi:", "acl:"),
        500,
        1.0,
        _s2_request,
        _s2_read,
    ),
    Source(
        "arxiv",
        "AWESOME_LINT_ARXIV_API",
        "https://export.arxiv.org",
        ("arxiv:",),
        100,
        3.0,
        _arxiv_request,
        _arxiv_read,
    ),
    Source(
        "crossref",
        "AWESOME_LINT_CROSSREF_API",
        "https://api.crossref.org",
        ("doi:",),
        50,
        0.0,
        _crossref_request,
        _crossref_read,
    ),
    Source(
        "openreview",
        "AWESOME_LINT_OPENREVIEW_API",
        "https://api2.openreview.net",
        ("openreview:",),
        50,
        1.0,
        _openreview_request,
        _openreview_read,
    ),
)
BY_NAME: dict[str, Source] = {source.name: source for source in SOURCES}
