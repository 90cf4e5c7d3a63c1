"""Publisher PDF links and their abstract pages, and the links no link rule needs to read.

Each mapper takes the (path, query) of a PDF link on one host and gives those of its abstract
page; scheme and host are kept as written.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from awesome_lint.urls.parse import UNSAFE, join, parse_url, raw_split, strip_www


def _cvf(path: str, query: str | None) -> tuple[str, str | None] | None:
    # .../papers/X_paper.pdf -> .../html/X_paper.html (main conference and workshops alike)
    head, _, name = path.rpartition("/")
    if not head.endswith("/papers") or not name.endswith("_paper.pdf") or name == "_paper.pdf":
        return None
    return head[: -len("papers")] + "html/" + name[: -len(".pdf")] + ".html", query


def _openreview(path: str, query: str | None) -> tuple[str, str | None] | None:
    if path != "/pdf" or not query:
        return None
    if not any(param.startswith("id=") and len(param) > 3 for param in query.split("&")):
        return None
    return "/forum", query


_ACL_PDF = re.compile(r"/(?P<id>\d{4}\.[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*\.\d+|[A-Z]\d{2}-\d{4})\.pdf")


def _acl(path: str, query: str | None) -> tuple[str, str | None] | None:
    match = _ACL_PDF.fullmatch(path)
    return None if match is None else ("/" + match.group("id") + "/", query)


_ARNUMBER = re.compile(r"arnumber=(?P<number>\d+)")


def _ieee(path: str, query: str | None) -> tuple[str, str | None] | None:
    if path != "/stamp/stamp.jsp" or not query:
        return None
    for param in query.split("&"):
        match = _ARNUMBER.fullmatch(param)
        if match:
            # The other stamp.jsp parameters (tp, tag, casa_token) mean nothing to /document/.
            return "/document/" + match.group("number"), None
    return None


_NEURIPS_PDF = re.compile(
    r"(?P<prefix>(?:/paper_files)?/paper/\d{4})/file/"
    r"(?P<hash>[0-9a-f]{32})-Paper(?P<track>(?:-[A-Za-z0-9_]+)?)\.pdf"
)
_NIPS_OLD_PDF = re.compile(r"/paper/(?P<slug>\d+-[a-z0-9]+(?:-[a-z0-9]+)*)\.pdf")


def _neurips(path: str, query: str | None) -> tuple[str, str | None] | None:
    match = _NEURIPS_PDF.fullmatch(path)
    if match is None:
        return None
    prefix, hash_, track = match.group("prefix", "hash", "track")
    return f"{prefix}/hash/{hash_}-Abstract{track}.html", query


def _nips(path: str, query: str | None) -> tuple[str, str | None] | None:
    old = _NIPS_OLD_PDF.fullmatch(path)
    if old is not None:
        return "/paper/" + old.group("slug"), query
    return _neurips(path, query)


_PMLR_PDF = re.compile(r"/(?P<volume>v\d+)/(?P<key>[A-Za-z][A-Za-z0-9_]*)(?:/(?P=key))?\.pdf")


def _pmlr(path: str, query: str | None) -> tuple[str, str | None] | None:
    match = _PMLR_PDF.fullmatch(path)
    if match is None:
        return None
    return f"/{match.group('volume')}/{match.group('key')}.html", query


_JMLR_PDF = re.compile(r"/papers/volume(?P<volume>\d+)/(?P<key>[^/]+)/(?P=key)\.pdf")


def _jmlr(path: str, query: str | None) -> tuple[str, str | None] | None:
    match = _JMLR_PDF.fullmatch(path)
    if match is None:
        return None
    return f"/papers/v{match.group('volume')}/{match.group('key')}.html", query


_ACM_PDF = re.compile(r"/doi/(?:pdf|epdf)/(?P<doi>10\.\d{4,9}/[^?#]+)")


def _acm(path: str, query: str | None) -> tuple[str, str | None] | None:
    match = _ACM_PDF.fullmatch(path)
    return None if match is None else ("/doi/" + match.group("doi"), query)


_NATURE_PDF = re.compile(r"/articles/(?P<id>[A-Za-z0-9][A-Za-z0-9.\-]*)\.pdf")


def _nature(path: str, query: str | None) -> tuple[str, str | None] | None:
    match = _NATURE_PDF.fullmatch(path)
    return None if match is None else ("/articles/" + match.group("id"), query)


_RXIV_PDF = re.compile(r"/content/(?P<doi>10\.1101/[0-9.]+(?:v\d+)?)\.full\.pdf")


def _rxiv(path: str, query: str | None) -> tuple[str, str | None] | None:
    match = _RXIV_PDF.fullmatch(path)
    return None if match is None else ("/content/" + match.group("doi"), query)


_OJS_GALLEY = re.compile(
    r"(?P<prefix>/index\.php/[A-Za-z]+/article/)(?:view|download)/(?P<id>\d+)/\d+"
)


def _ojs(path: str, query: str | None) -> tuple[str, str | None] | None:
    # /article/view/ID/GALLEY is the PDF viewer; /article/view/ID is the abstract page.
    match = _OJS_GALLEY.fullmatch(path)
    if match is None:
        return None
    return match.group("prefix") + "view/" + match.group("id"), query


_IJCAI_PDF = re.compile(r"(?P<prefix>/[Pp]roceedings/\d{4}/)(?P<number>\d{1,6})\.pdf")


def _ijcai(path: str, query: str | None) -> tuple[str, str | None] | None:
    # /proceedings/2022/0330.pdf -> /proceedings/2022/330: the page number has no zero padding.
    match = _IJCAI_PDF.fullmatch(path)
    if match is None:
        return None
    return match.group("prefix") + str(int(match.group("number"))), query


# Host (without www.) -> a map from (path, query) of a PDF link to those of its abstract page.
_ABSTRACT_REWRITES: dict[str, Callable[[str, str | None], tuple[str, str | None] | None]] = {
    "openaccess.thecvf.com": _cvf,
    "openreview.net": _openreview,
    "aclanthology.org": _acl,
    "ieeexplore.ieee.org": _ieee,
    "proceedings.neurips.cc": _neurips,
    "datasets-benchmarks-proceedings.neurips.cc": _neurips,
    "papers.nips.cc": _nips,
    "proceedings.mlr.press": _pmlr,
    "jmlr.org": _jmlr,
    "dl.acm.org": _acm,
    "nature.com": _nature,
    "biorxiv.org": _rxiv,
    "medrxiv.org": _rxiv,
    "ojs.aaai.org": _ojs,
    "ijcai.org": _ijcai,
}


def abstract_url(url: str) -> str | None:
    """The abstract page of a publisher PDF link, or None when no mapping is known for it.

    Deterministic mappings only: CVF open access, OpenReview, ACL Anthology, IEEE Xplore
    `stamp.jsp`, NeurIPS proceedings (new hash links and old papers.nips.cc slugs), PMLR,
    JMLR, ACM DL, nature.com, bioRxiv/medRxiv, AAAI OJS and IJCAI. Scheme and host are kept
    as written; the query is kept except for IEEE, where it only names the document; the
    fragment is dropped, since it addresses the PDF viewer (`#page=3`). arXiv links are
    `arxiv_abs`'s business, not this function's.
    """
    parsed = parse_url(url)
    if parsed is None or parsed.host is None or parsed.scheme not in ("http", "https"):
        return None
    rewrite = _ABSTRACT_REWRITES.get(strip_www(parsed.host))
    if rewrite is None or UNSAFE.search(url):
        return None
    raw = raw_split(url)
    if not raw.origin:
        return None
    result = rewrite(raw.path, raw.query)
    if result is None:
        return None
    return join(raw.origin, result[0], result[1])


def quiet_host(url: str) -> str | None:
    """The host of `url` when it is an https link that no link rule has anything to say
    about, else None: `https://host/path` without query, fragment or whitespace, on a host
    that is neither arXiv nor one whose PDF links have an abstract page. Such a URL is
    well-formed and absolute, https already, without tracking parameters, and not a PDF
    link to rewrite: the commonest link of a list, and one the rules need not each read."""
    match = _QUIET_URL.fullmatch(url)
    if match is None or "arxiv" in url.lower():
        return None
    name = match.group(1).lower()
    if name in ("http", "https") or strip_www(name) in _ABSTRACT_REWRITES:
        return None
    return name


_QUIET_URL = re.compile(r"https://([A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+)(?:/[^?#\s]*)?")
