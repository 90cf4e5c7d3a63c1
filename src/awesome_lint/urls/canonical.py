"""Keys for finding duplicate links: links to the same thing get the same key."""

from __future__ import annotations

from awesome_lint.urls.hosts import REPOSITORY
from awesome_lint.urls.ids import ARXIV_PREFIXED, arxiv_id, arxiv_key, doi
from awesome_lint.urls.parse import parse_url, raw_split, strip_www
from awesome_lint.urls.tracking import strip_query, tracking_test

_DEFAULT_PORTS = {"http": 80, "https": 443}


def canonical_key(url: str) -> str:
    """A key under which links to the same thing compare equal, for finding duplicates.

    arXiv links of any form give `arxiv:ID` (no version; also for arXiv's own DOIs
    `10.48550/arXiv.ID`), DOI links give `doi:<lower-cased DOI>`. Other http(s) links give
    host and path with the scheme, `www.`, user info, default port, trailing slashes,
    tracking parameters and anchor dropped (a fragment that is a route, `#!x` or `#/x`, stays).
    On repository hosts a trailing `.git` goes too, and GitHub owner and repository names are
    lower-cased (GitHub ignores their case). Anything else (relative, mailto:) is its own key.
    """
    url = url.strip()
    ident = arxiv_id(url)
    if ident is not None:
        return "arxiv:" + arxiv_key(ident)
    found = doi(url)
    if found is not None:
        lowered = found.lower()
        if lowered.startswith("10.48550/arxiv."):
            arxiv = ARXIV_PREFIXED.fullmatch("arxiv:" + found[len("10.48550/arxiv.") :])
            if arxiv is not None:
                return "arxiv:" + arxiv_key(arxiv.group("id"))
        return "doi:" + lowered
    parsed = parse_url(url)
    if parsed is None or parsed.host is None or parsed.scheme not in ("http", "https", ""):
        return url
    name = parsed.host
    key = strip_www(name)
    try:
        port = parsed.port
    except ValueError:
        port = None
    defaults = (_DEFAULT_PORTS[parsed.scheme],) if parsed.scheme else (80, 443)
    if port is not None and port not in defaults:
        key += f":{port}"
    path = parsed.path.rstrip("/")
    if REPOSITORY.match_host(name):
        if path.endswith(".git"):
            path = path[: -len(".git")].rstrip("/")
        if key == "github.com":
            owner_repo = path.split("/", 3)
            path = "/".join([*(p.lower() for p in owner_repo[:3]), *owner_repo[3:]])
    key += path
    if "?" not in url and "#" not in url:
        return key
    raw = raw_split(url)
    query = raw.query
    if query:
        query = strip_query(query, tracking_test(url))
        if query:
            key += "?" + query
    fragment = raw.fragment
    # "#!Synapse:syn123" and "#/owner/repo" are routes of single-page sites, not anchors.
    if fragment and (fragment.startswith("!") or "/" in fragment):
        key += "#" + fragment
    return key
