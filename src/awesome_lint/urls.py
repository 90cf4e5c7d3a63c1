"""What awesome-lint knows about URLs in paper lists.

Hosts and host patterns, arXiv and DOI identifiers, tracking parameters, hosts that serve https,
publisher PDF links that have an abstract page, keys for finding duplicate links, and links that
are clearly broken. Pure functions on strings: no I/O, no network.

Every rewrite changes only the part it means to change and copies the rest of the URL byte for
byte (query order, percent-encoding, case), because an unsafe fix applies it to someone's README.
Rewrites refuse URLs containing whitespace or control characters: `urllib.parse` silently drops
some of those, so what it reads would not match what is written.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import lru_cache
from typing import NamedTuple
from urllib.parse import SplitResult, unquote, urlsplit

__all__ = [
    "HTTPS_HOSTS",
    "REPOSITORY_HOSTS",
    "TRACKING_PARAMS",
    "TRACKING_PREFIXES",
    "HostPatterns",
    "abstract_url",
    "arxiv_abs",
    "arxiv_id",
    "bare_host",
    "canonical_key",
    "doi",
    "host",
    "host_matches",
    "is_absolute",
    "is_forge",
    "malformed_reason",
    "strip_tracking",
    "tracking_params",
    "upgrade_https",
]

# --------------------------------------------------------------------------------------------
# Splitting


class _Raw(NamedTuple):
    """A URL cut into pieces exactly as written, so that a rewrite can splice them back."""

    origin: str  # "scheme://authority" or "//authority"; "" for relative URLs and mailto:
    path: str
    query: str | None  # without "?"; None when there is no "?"
    fragment: str | None  # without "#"; None when there is no "#"


_ORIGIN = re.compile(r"(?:[A-Za-z][A-Za-z0-9+.\-]*:)?//[^/?#]*")
_UNSAFE = re.compile(r"[\x00-\x20\x7f\s]")


@lru_cache(maxsize=1 << 10)
def _raw_split(url: str) -> _Raw:
    head, hash_mark, fragment = url.partition("#")
    base, question_mark, query = head.partition("?")
    match = _ORIGIN.match(base)
    origin = match.group() if match else ""
    return _Raw(
        origin,
        base[len(origin) :],
        query if question_mark else None,
        fragment if hash_mark else None,
    )


def _join(origin: str, path: str, query: str | None, fragment: str | None = None) -> str:
    url = origin + path
    if query is not None:
        url += "?" + query
    if fragment is not None:
        url += "#" + fragment
    return url


class _Parsed(NamedTuple):
    scheme: str  # lower-case
    path: str
    host: str | None  # lower-case, without a trailing dot; None without an authority
    split: SplitResult | None  # None: a plain URL (see _PLAIN_URL), which has no port

    @property
    def port(self) -> int | None:
        """The explicit port; ValueError when it is not a valid one."""
        return None if self.split is None else self.split.port


# What nearly every link looks like: http(s), a host of letters, digits, dots and hyphens
# (no user info, port or brackets), then path, query and fragment free of the tabs and line
# breaks urlsplit removes. For these, one match gives exactly what urlsplit gives.
_PLAIN_URL = re.compile(
    r"(?P<scheme>[Hh][Tt][Tt][Pp][Ss]?)://(?P<host>[A-Za-z0-9.\-]+)"
    r"(?P<path>/[^?#\t\n\r]*)?(?:\?(?P<query>[^#\t\n\r]*))?(?:#(?P<fragment>[^\t\n\r]*))?"
)


# The rules ask several questions about each link in turn (rules/_links.py asks them all
# at once, once per URL): parse it once for all of them.
@lru_cache(maxsize=1 << 10)
def _parse(url: str) -> _Parsed | None:
    plain = _PLAIN_URL.fullmatch(url)
    if plain is None:
        return _parse_any(url)
    scheme, netloc, path = plain.group("scheme", "host", "path")
    return _Parsed(scheme.lower(), path or "", netloc.lower().rstrip(".") or None, None)


def _parse_any(url: str) -> _Parsed | None:
    try:
        split = urlsplit(url)
    except ValueError:  # e.g. an unbalanced "[" in the authority
        return None
    name = (split.hostname or "").rstrip(".") if split.netloc else ""
    return _Parsed(split.scheme, split.path, name or None, split)


def _strip_www(name: str) -> str:
    return name[4:] if name.startswith("www.") else name


def host(url: str) -> str | None:
    """The lower-cased host name of `url`, or None when it has no authority part.

    The name is returned as written apart from case, a trailing dot, user info and port: a
    leading `www.` is kept, since it is part of the real host. Use `bare_host` to drop it.
    Scheme-relative URLs (`//example.com/x`) have a host; `mailto:` and relative links do not.
    """
    parsed = _parse(url)
    return None if parsed is None else parsed.host


def bare_host(url: str) -> str | None:
    """`host(url)` without a leading `www.`: the form used to compare and match hosts."""
    name = host(url)
    return None if name is None else _strip_www(name)


# --------------------------------------------------------------------------------------------
# Host patterns


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


_LABEL = re.compile(r"[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?")


def _normalise_pattern(pattern: str) -> tuple[bool, str]:
    text = pattern.strip().lower().rstrip(".")
    wildcard = text.startswith("*.")
    name = text[2:] if wildcard else _strip_www(text)
    if not name or not all(_LABEL.fullmatch(label) for label in name.split(".")):
        raise ValueError(f"invalid host pattern {pattern!r}")
    return wildcard, name


def host_matches(name: str, pattern: str) -> bool:
    """Whether host `name` matches one host pattern.

    `example.com` matches `example.com` and `www.example.com` (and a pattern written with
    `www.` matches the bare name too); `*.example.com` matches every subdomain at any depth,
    but not `example.com` itself. Case and a trailing dot are ignored. Raises ValueError for
    a pattern that is not a host name.
    """
    return HostPatterns((pattern,)).match_host(name)


_MAX_SEEN_HOSTS = 4096
# The longest host name DNS allows.
_MAX_HOST_LENGTH = 253


class HostPatterns:
    """A set of host patterns (see `host_matches`), compiled once for matching many links."""

    __slots__ = ("_domains", "_exact", "_seen", "patterns")

    def __init__(self, patterns: Iterable[str]) -> None:
        """Raises ValueError naming the first pattern that is not a host name."""
        self.patterns: tuple[str, ...] = tuple(patterns)
        exact: set[str] = set()
        domains: set[str] = set()
        for pattern in self.patterns:
            wildcard, name = _normalise_pattern(pattern)
            (domains if wildcard else exact).add(name)
        self._exact = frozenset(exact)
        self._domains = frozenset(domains)
        # Links are many, their hosts few.
        self._seen: dict[str, bool] = {}

    def __repr__(self) -> str:
        return f"HostPatterns({list(self.patterns)!r})"

    def match_host(self, name: str) -> bool:
        """Whether the host name `name` matches one of the patterns."""
        seen = self._seen.get(name)
        if seen is None:
            if len(self._seen) >= _MAX_SEEN_HOSTS:
                self._seen.clear()
            seen = self._seen[name] = self._match_host(name)
        return seen

    def _match_host(self, name: str) -> bool:
        name = name.lower().rstrip(".")
        if len(name) > _MAX_HOST_LENGTH:
            return False  # no such host; and the walk below would be quadratic in its length
        if _strip_www(name) in self._exact:
            return True
        if self._domains:
            # Walk the parent domains instead of the patterns: cost grows with the host's
            # labels, not with the length of the configured list.
            dot = name.find(".")
            while dot != -1:
                if name[dot + 1 :] in self._domains:
                    return True
                dot = name.find(".", dot + 1)
        return False

    def match(self, url: str) -> bool:
        """Whether `url` has a host and it matches one of the patterns."""
        name = host(url)
        return name is not None and self.match_host(name)


REPOSITORY_HOSTS: tuple[str, ...] = (
    "github.com",
    "gist.github.com",
    "gitlab.com",
    "bitbucket.org",
    "codeberg.org",
    "gitee.com",
    "huggingface.co",
    "hf.co",
    "sourceforge.net",
    "git.sr.ht",
    "hg.sr.ht",
    "gitea.com",
    "framagit.org",
    "launchpad.net",
    "modelscope.cn",
    "*.sourceforge.net",
    "sourceforge.io",
    "anonymous.4open.science",
    "gitlink.org.cn",
    "openi.pcl.ac.cn",
)
"""Default host patterns of code (and model) repositories, for "the Code column links to a
repository" rules. Self-hosted forges are recognised by name (`is_forge`)."""

_FORGE_LABELS = frozenset(("git", "gitlab", "gitea", "forgejo"))


def is_forge(name: str) -> bool:
    """Whether a host name reads as a self-hosted forge: `git.`, `gitlab.`, `gitea.` or
    `forgejo.` followed by a domain of its own (`gitlab.inria.fr`, `git.ece.example.edu`)."""
    label, _, rest = name.lower().partition(".")
    return label in _FORGE_LABELS and "." in rest

HTTPS_HOSTS: tuple[str, ...] = _words(
    """
    github.com gist.github.com raw.githubusercontent.com *.githubusercontent.com *.github.io
    gitlab.com *.gitlab.io bitbucket.org codeberg.org gitee.com sourceforge.net git.sr.ht
    huggingface.co hf.co *.hf.space modelscope.cn kaggle.com colab.research.google.com pypi.org
    npmjs.com *.readthedocs.io readthedocs.org pytorch.org tensorflow.org wandb.ai
    arxiv.org *.arxiv.org openreview.net doi.org dx.doi.org ieeexplore.ieee.org dl.acm.org
    link.springer.com sciencedirect.com nature.com science.org cell.com onlinelibrary.wiley.com
    openaccess.thecvf.com proceedings.neurips.cc papers.nips.cc neurips.cc nips.cc icml.cc
    iclr.cc proceedings.mlr.press jmlr.org aclanthology.org aclweb.org aaai.org ojs.aaai.org
    ijcai.org ecva.net biorxiv.org medrxiv.org ssrn.com papers.ssrn.com mdpi.com frontiersin.org
    pubmed.ncbi.nlm.nih.gov ncbi.nlm.nih.gov semanticscholar.org scholar.google.com
    researchgate.net dblp.org paperswithcode.com zenodo.org figshare.com osf.io
    youtube.com m.youtube.com youtu.be bilibili.com twitter.com x.com medium.com *.medium.com
    *.substack.com zhihu.com zhuanlan.zhihu.com reddit.com stackoverflow.com linkedin.com
    *.wikipedia.org drive.google.com docs.google.com sites.google.com storage.googleapis.com
    openai.com img.shields.io
    """
)
"""Default host patterns known to serve https, for "use https" rules and `upgrade_https`."""

_REPOSITORY = HostPatterns(REPOSITORY_HOSTS)
_HTTPS = HostPatterns(HTTPS_HOSTS)
_KNOWN_HOSTS = frozenset(
    _strip_www(p) for p in REPOSITORY_HOSTS + HTTPS_HOSTS if not p.startswith("*.")
)

# --------------------------------------------------------------------------------------------
# arXiv

_ARXIV_HOSTS = frozenset({"arxiv.org", "www.arxiv.org", "export.arxiv.org"})
# New ids (since April 2007) are YYMM.NNNN or YYMM.NNNNN; old ones archive(.SC)/YYMMNNN.
_ARXIV_ID = r"\d{2}(?:0[1-9]|1[0-2])\.\d{4,5}|[a-z]+(?:-[a-z]+)?(?:\.[A-Z]{2})?/\d{7}"
_ARXIV_PATH = re.compile(
    rf"/+(?:abs|pdf|html|ps|format)/+(?P<id>{_ARXIV_ID})(?P<version>v\d+)?(?:\.pdf)?/*"
)
_ARXIV_PREFIXED = re.compile(rf"(?i:arxiv):(?P<id>{_ARXIV_ID})(?P<version>v\d+)?")


def _arxiv_match(url: str) -> re.Match[str] | None:
    # Most links are not arXiv's: a substring test spares them the full parse.
    if "arxiv" not in url.lower():
        return None
    if url[:6].lower() == "arxiv:":
        return _ARXIV_PREFIXED.fullmatch(url)
    parsed = _parse(url)
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


def _arxiv_key(ident: str) -> str:
    # The subject class of an old id (cs.LG/0101001) is not part of the identifier.
    archive, slash, number = ident.partition("/")
    if not slash:
        return ident
    return archive.partition(".")[0] + "/" + number


# --------------------------------------------------------------------------------------------
# DOI

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
        parsed = _parse(url)
        if parsed is None or parsed.host is None or parsed.scheme not in ("http", "https", ""):
            return None
        name = _strip_www(parsed.host)
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


# --------------------------------------------------------------------------------------------
# Tracking parameters

TRACKING_PREFIXES: tuple[str, ...] = ("utm_",)
"""Query parameter name prefixes that only ever carry tracking (compared lower-cased)."""

# casa_token is Google Scholar's access token on publisher links; ref_src and ref_url are
# Twitter's, spm Alibaba's, pk_* and mtm_* Matomo's, _ga and _gl Google Analytics' linker.
TRACKING_PARAMS: frozenset[str] = frozenset(
    _words("""
    casa_token fbclid gclid gclsrc dclid gbraid wbraid gad_source srsltid msclkid yclid ysclid
    twclid ttclid li_fat_id igshid igsh mibextid fb_action_ids fb_action_types fb_ref fb_source
    mc_cid mc_eid _hsenc _hsmi __hstc __hssc __hsfp hsctatracking _ga _gl mkt_tok oly_anon_id
    oly_enc_id vero_conv vero_id wickedid rb_clickid _openstat ref_src ref_url spm
    pk_campaign pk_kwd pk_source pk_medium pk_content
    mtm_campaign mtm_kwd mtm_source mtm_medium mtm_content
    """)
)
"""Query parameter names (lower-case) that only ever carry tracking, on any host. Parameters
that select content (`id`, `v`, `t`, `arnumber`, `tag`, `ref`, `source`, ...) are not here."""

# Names too short or too generic to strip everywhere, but known to be tracking on these hosts.
_HOST_TRACKING: tuple[tuple[HostPatterns, frozenset[str]], ...] = (
    (HostPatterns(("youtube.com", "*.youtube.com", "youtu.be")), frozenset({"si"})),
    (
        HostPatterns(("bilibili.com", "*.bilibili.com", "b23.tv")),
        frozenset(
            _words("""
            spm_id_from vd_source share_source share_medium share_plat share_session_id share_tag
            share_from
            """)
        ),
    ),
    (HostPatterns(("linkedin.com", "*.linkedin.com")), frozenset({"trk", "trackingid"})),
)


@lru_cache(maxsize=64)
def _configured(extra: tuple[str, ...]) -> tuple[frozenset[str], tuple[str, ...]]:
    names = frozenset(p.lower() for p in extra if not p.endswith("*"))
    # A lone "*" would make every parameter "tracking": ignored rather than obeyed.
    prefixes = tuple(p[:-1].lower() for p in extra if p.endswith("*") and len(p) > 1)
    return names, prefixes


@lru_cache(maxsize=1024)
def _host_tracking(name: str | None) -> frozenset[str]:
    if name is not None:
        for patterns, host_names in _HOST_TRACKING:
            if patterns.match_host(name):
                return host_names
    return frozenset()


def _tracking_test(url: str, extra: Iterable[str] = ()) -> Callable[[str], bool]:
    names, prefixes = _configured(tuple(extra))
    on_host = _host_tracking(host(url))
    if on_host:
        names = names | on_host
    prefixes = TRACKING_PREFIXES + prefixes

    def is_tracking(param: str) -> bool:
        key = param.partition("=")[0].lower()
        return key in TRACKING_PARAMS or key in names or key.startswith(prefixes)

    return is_tracking


def tracking_params(url: str, extra: Iterable[str] = ()) -> list[str]:
    """The names of the tracking parameters in the query of `url`, as written, each once.

    `extra` adds parameter names (case-insensitive) to the built-in ones; a name ending in
    `*` is a prefix (`ref_*`), and a lone `*` is ignored.
    """
    if "?" not in url:
        return []
    query = _raw_split(url).query
    if not query:
        return []
    is_tracking = _tracking_test(url, extra)
    names = (param.partition("=")[0] for param in query.split("&") if is_tracking(param))
    return list(dict.fromkeys(names))


def _strip_query(query: str, is_tracking: Callable[[str], bool]) -> str | None:
    params = query.split("&")
    kept = [param for param in params if not is_tracking(param)]
    if len(kept) == len(params):
        return query
    return "&".join(kept) if any(kept) else None


def strip_tracking(url: str, extra: Iterable[str] = ()) -> str:
    """`url` without its tracking parameters; everything else is kept byte for byte.

    The remaining parameters keep their order and spelling; when only tracking parameters
    were there, the `?` goes too. A URL without tracking parameters is returned unchanged.
    `extra` adds parameters as in `tracking_params`.
    """
    if "?" not in url:
        return url
    raw = _raw_split(url)
    if not raw.query:
        return url
    query = _strip_query(raw.query, _tracking_test(url, extra))
    if query == raw.query:
        return url
    return _join(raw.origin, raw.path, query, raw.fragment)


# --------------------------------------------------------------------------------------------
# https


def upgrade_https(url: str, hosts: HostPatterns | None = None) -> str | None:
    """The https form of an `http://` URL whose host serves https, else None.

    `hosts` defaults to `HTTPS_HOSTS`. Only the scheme changes. URLs with an explicit port
    are left alone: the https service would not be on the same port.
    """
    if url[:7].lower() != "http://" or _UNSAFE.search(url):
        return None
    parsed = _parse(url)
    if parsed is None or parsed.host is None:
        return None
    try:
        if parsed.port is not None:
            return None
    except ValueError:
        return None
    if not (hosts or _HTTPS).match_host(parsed.host):
        return None
    return "https://" + url[7:]


# --------------------------------------------------------------------------------------------
# Abstract pages


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
    parsed = _parse(url)
    if parsed is None or parsed.host is None or parsed.scheme not in ("http", "https"):
        return None
    rewrite = _ABSTRACT_REWRITES.get(_strip_www(parsed.host))
    if rewrite is None or _UNSAFE.search(url):
        return None
    raw = _raw_split(url)
    if not raw.origin:
        return None
    result = rewrite(raw.path, raw.query)
    if result is None:
        return None
    return _join(raw.origin, result[0], result[1])


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
    if name in _SCHEMES or _strip_www(name) in _ABSTRACT_REWRITES:
        return None
    return name


_QUIET_URL = re.compile(r"https://([A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+)(?:/[^?#\s]*)?")


# --------------------------------------------------------------------------------------------
# Duplicate keys

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
        return "arxiv:" + _arxiv_key(ident)
    found = doi(url)
    if found is not None:
        lowered = found.lower()
        if lowered.startswith("10.48550/arxiv."):
            arxiv = _ARXIV_PREFIXED.fullmatch("arxiv:" + found[len("10.48550/arxiv.") :])
            if arxiv is not None:
                return "arxiv:" + _arxiv_key(arxiv.group("id"))
        return "doi:" + lowered
    parsed = _parse(url)
    if parsed is None or parsed.host is None or parsed.scheme not in ("http", "https", ""):
        return url
    name = parsed.host
    key = _strip_www(name)
    try:
        port = parsed.port
    except ValueError:
        port = None
    defaults = (_DEFAULT_PORTS[parsed.scheme],) if parsed.scheme else (80, 443)
    if port is not None and port not in defaults:
        key += f":{port}"
    path = parsed.path.rstrip("/")
    if _REPOSITORY.match_host(name):
        if path.endswith(".git"):
            path = path[: -len(".git")].rstrip("/")
        if key == "github.com":
            owner_repo = path.split("/", 3)
            path = "/".join([*(p.lower() for p in owner_repo[:3]), *owner_repo[3:]])
    key += path
    if "?" not in url and "#" not in url:
        return key
    raw = _raw_split(url)
    query = raw.query
    if query:
        query = _strip_query(query, _tracking_test(url))
        if query:
            key += "?" + query
    fragment = raw.fragment
    # "#!Synapse:syn123" and "#/owner/repo" are routes of single-page sites, not anchors.
    if fragment and (fragment.startswith("!") or "/" in fragment):
        key += "#" + fragment
    return key


# --------------------------------------------------------------------------------------------
# Syntax


def is_absolute(url: str) -> bool:
    """Whether `url` has a scheme and a host (`https://x/`), or is a `mailto:` with an address.

    Scheme-relative (`//x/y`), relative and `#anchor` links are not absolute.
    """
    parsed = _parse(url)
    if parsed is None or not parsed.scheme:
        return False
    if parsed.scheme == "mailto":
        return bool(parsed.path)
    return parsed.host is not None


_WHITESPACE = re.compile(r"\s")
_SCHEME = re.compile(r"(?P<scheme>[A-Za-z][A-Za-z0-9+.\-]*)(?P<separator>[:;]*[/\\]*)")
_HOST_SCHEMES = frozenset({"http", "https", "ftp", "ftps", "sftp", "ws", "wss"})
_SCHEMES = ("http", "https")
# ASCII other than letters, digits and ._~%- (all of non-ASCII is fine): spelt out, because
# the negated class with the range \u0080-\U0010ffff took 10 ms to compile at every start.
_BAD_HOST_CHAR = re.compile(r"[\x00-\x24\x26-\x2c\x2f\x3a-\x40\x5b-\x5e\x60\x7b-\x7d\x7f]")
_IPV6 = re.compile(r"\[[0-9A-Fa-f:.]+\]")


def _one_edit_apart(a: str, b: str) -> bool:
    if abs(len(a) - len(b)) > 1 or a == b:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) == 1
    short, long = (a, b) if len(a) < len(b) else (b, a)
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))


def _http_typo(scheme: str) -> bool:
    return scheme in ("hxxp", "hxxps") or (
        len(scheme) <= 7 and (_one_edit_apart(scheme, "http") or _one_edit_apart(scheme, "https"))
    )


def _separator_problem(separator: str) -> str | None:
    if separator == "://":
        return None
    if "\\" in separator:
        return "backslash instead of slash after the scheme"
    if ";" in separator:
        return "';' instead of ':' after the scheme"
    if ":" not in separator:
        # "http/x" may be a relative link into a folder named http; "http//x" is not.
        return "missing ':' after the scheme" if len(separator) >= 2 else None
    if separator == ":":
        return "missing '//' after the scheme"
    if separator == ":/":
        return "missing '/' after the scheme"
    if separator.startswith(":") and separator.count(":") == 1:
        return "too many slashes after the scheme"
    return "malformed scheme separator"


def _authority_problem(rest: str) -> str | None:
    lowered = rest[:8].lower()
    if lowered.startswith(("http:", "https:", "http/", "https/")):
        return "scheme repeated"
    end = len(rest)
    for delimiter in "/?#":
        found = rest.find(delimiter, 0, end)
        if found != -1:
            end = found
    host_port = rest[:end].rpartition("@")[2]
    if host_port.startswith("["):
        close = host_port.find("]")
        if close == -1 or not _IPV6.fullmatch(host_port[: close + 1]):
            return "invalid IPv6 address"
        name, port = "ipv6", host_port[close + 1 :]
        if port and not port.startswith(":"):
            return "invalid character after IPv6 address"
        port = port[1:]
    else:
        name, _, port = host_port.partition(":")
    if port and not (port.isascii() and port.isdigit() and int(port) <= 65535):
        return "invalid port"
    if not name:
        return "missing host"
    bad = _BAD_HOST_CHAR.search(name)
    if bad:
        return f"invalid character {bad.group()!r} in host"
    if name.startswith(".") or ".." in name:
        return "empty label in host"
    return None


def _missing_scheme(url: str) -> bool:
    end = len(url)
    for delimiter in "/?#":
        found = url.find(delimiter, 0, end)
        if found != -1:
            end = found
    first = url[:end].lower()
    if first.startswith("www.") and "." in first[4:]:
        return True
    return "." in first and first in _KNOWN_HOSTS


def malformed_reason(url: str) -> str | None:
    """A short reason when `url` is clearly broken, else None.

    Reports an empty URL, whitespace, typos in an http(s) scheme or its separator (`htps://`,
    `http//`, `https:/x`, `http:\\\\x`, `https;//`), a repeated scheme, an http(s), ftp or ws
    URL without a host, an invalid port, invalid characters or empty labels in a host, and
    `www.`/well-known hosts written without a scheme. Relative links and `#anchors` are
    fine here: whether they are allowed is another rule's question. Deliberately
    conservative: the path, query and fragment are not checked.
    """
    plain = _PLAIN_URL.fullmatch(url)
    if plain is not None and not _WHITESPACE.search(url):
        # http(s)://host[/...]: only the host's labels can be wrong (or be a second scheme).
        name = plain.group("host")
        if not name.startswith(".") and ".." not in name and name.lower() not in _SCHEMES:
            return None
    return _malformed(url)


def _malformed(url: str) -> str | None:
    if not url.strip():
        return "empty URL"
    if _WHITESPACE.search(url):
        return "contains whitespace"
    match = _SCHEME.match(url)
    if match is not None:
        scheme = match.group("scheme").lower()
        separator = match.group("separator")
        rest = url[match.end() :]
        if scheme in ("http", "https"):
            problem = _separator_problem(separator)
            if problem is not None:
                return problem
            if separator == "://":
                return _authority_problem(rest)
        elif separator.startswith((":", ";", "//")) and _http_typo(scheme):
            return f"scheme typo {match.group('scheme')!r} (expected http or https)"
        elif scheme in _HOST_SCHEMES and separator.startswith(":"):
            return _authority_problem(rest) if separator == "://" else "missing host"
        elif scheme == "mailto" and separator == ":" and not rest:
            return "missing address after mailto:"
        if separator.startswith(":"):
            return None
    if _missing_scheme(url):
        return "missing scheme (https://)"
    return None
