"""Paper identifiers in links: arXiv ids and DOIs."""

from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import unquote

from awesome_lint.urls.parse import parse_url, strip_www

_ARXIV_HOSTS = frozenset({"arxiv.org", "www.arxiv.org", "export.arxiv.org"})
# New ids (since April 2007) are YYMM.NNNN or YYMM.NNNNN; old ones archive(.SC)/YYMMNNN.
_ARXIV_ID = r"\d{2}(?:0[1-9]|1[0-2])\.\d{4,5}|[a-z]+(?:-[a-z]+)?(?:\.[A-Z]{2})?/\d{7}"
_ARXIV_PATH = re.compile(
    rf"/+(?:abs|pdf|html|ps|format)/+(?P<id>{_ARXIV_ID})(?P<version>v\d+)?(?:\.pdf)?/*"
)
ARXIV_PREFIXED = re.compile(rf"(?i:arxiv):(?P<id>{_ARXIV_ID})(?P<version>v\d+)?")


# Each link rule, and duplicate-entry, asks about the same arXiv links.
@lru_cache(maxsize=1 << 14)
def _arxiv_match(url: str) -> re.Match[str] | None:
    # Most links are not arXiv's: a substring test spares them the full parse.
    if "arxiv" not in url.lower():
        return None
    if url[:6].lower() == "arxiv:":
        return ARXIV_PREFIXED.fullmatch(url)
    parsed = parse_url(url)
    if parsed is None or parsed.scheme not in ("http", "https", ""):
        return None
    if parsed.host not in _ARXIV_HOSTS:
        return None
    return _ARXIV_PATH.fullmatch(parsed.path)


def arxiv_id(url: str, *, version: bool = False) -> str | None:
    """The arXiv identifier `url` links to, or None if it is not an arXiv paper link.

    Recognises `/abs/`, `/pdf/` (with or without `.pdf`), `/html/`, `/ps/` and `/format/`
    links on arxiv.org, www.arxiv.org and export.arxiv.org over http or https, with trailing
    slashes, a query or a fragment, and `arXiv:ID`. Ids are new style (`2306.11925`) or old
    style (`hep-th/9901001`, `cs.LG/0101001`, kept as written). The version suffix (`v2`) is
    dropped unless `version` is true.
    """
    match = _arxiv_match(url)
    if match is None:
        return None
    ident = match.group("id")
    if version and match.group("version"):
        ident += match.group("version")
    return ident


def arxiv_abs(url: str) -> str | None:
    """`https://arxiv.org/abs/ID` when `url` is an arXiv link written any other way, else None.

    Any other way includes a PDF or HTML link, http, www. or export., a trailing slash, a
    query or fragment, and a version: a versioned abs link pins one revision where a list
    means the paper, so it counts as non-canonical too.
    """
    ident = arxiv_id(url)
    if ident is None:
        return None
    canonical = "https://arxiv.org/abs/" + ident
    return None if url == canonical else canonical


def arxiv_key(ident: str) -> str:
    # The subject class of an old id (cs.LG/0101001) is not part of the identifier.
    archive, slash, number = ident.partition("/")
    if not slash:
        return ident
    return archive.partition(".")[0] + "/" + number


_DOI = re.compile(r"10\.\d{4,9}/\S+")
_DOI_HOSTS = frozenset({"doi.org", "dx.doi.org"})
# Atypon-based publishers put the DOI straight in the path: /doi/[abs|full|pdf|...]/DOI.
_DOI_PATH_HOSTS = frozenset(
    {
        "dl.acm.org",
        "onlinelibrary.wiley.com",
        "epubs.siam.org",
        "tandfonline.com",
        "journals.sagepub.com",
        "pubs.acs.org",
        "science.org",
        "pnas.org",
    }
)
_DOI_PATH = re.compile(r"/doi/(?:(?:abs|full|pdf|epdf|fullHtml|reader)/)?(?P<doi>10\.[^?#]+)")
_SPRINGER_PATH = re.compile(
    r"/(?:article|chapter)/(?P<doi>10\.[^?#]+)|/content/pdf/(?P<pdf>10\.[^?#]+)\.pdf"
)
_NATURE_PATH = re.compile(r"/articles/(?P<id>[A-Za-z0-9][A-Za-z0-9.\-]*?)(?:\.pdf)?")


def doi(url: str) -> str | None:
    """The DOI that `url` names, percent-decoded but otherwise as written, or None.

    Understands `doi:10.x/y`, doi.org and dx.doi.org links over http or https, and the
    publisher pages whose path is a DOI: `/doi/...` on ACM, Wiley, SIAM, Taylor & Francis,
    SAGE, ACS, Science and PNAS, Springer `/article/`, `/chapter/` and `/content/pdf/`, and
    nature.com `/articles/ID` (DOI `10.1038/ID`).
    """
    if url[:4].lower() == "doi:":
        candidate = url[4:]
    else:
        parsed = parse_url(url)
        if parsed is None or parsed.host is None or parsed.scheme not in ("http", "https", ""):
            return None
        name = strip_www(parsed.host)
        path = parsed.path
        if name in _DOI_HOSTS:
            candidate = path[1:]
        elif name in _DOI_PATH_HOSTS:
            match = _DOI_PATH.fullmatch(path)
            if match is None:
                return None
            candidate = match.group("doi")
        elif name == "link.springer.com":
            match = _SPRINGER_PATH.fullmatch(path)
            if match is None:
                return None
            candidate = match.group("doi") or match.group("pdf")
        elif name == "nature.com":
            match = _NATURE_PATH.fullmatch(path)
            if match is None:
                return None
            candidate = "10.1038/" + match.group("id")
        else:
            return None
    candidate = unquote(candidate).rstrip("/")
    return candidate if _DOI.fullmatch(candidate) else None
