"""Host patterns (`example.com`, `*.example.com`), the built-in lists of repository hosts and
of hosts that serve https, and the https upgrade of a link.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from awesome_lint.urls.parse import UNSAFE, host, parse_url, strip_www


def words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


_LABEL = re.compile(r"[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?")


def _normalise_pattern(pattern: str) -> tuple[bool, str]:
    text = pattern.strip().lower().rstrip(".")
    wildcard = text.startswith("*.")
    name = text[2:] if wildcard else strip_www(text)
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
        if strip_www(name) in self._exact:
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
)
"""Default host patterns of code (and model) repositories, for "the Code column links to a
repository" rules. Self-hosted forges (`gitlab.example.org`) have to be configured."""

HTTPS_HOSTS: tuple[str, ...] = words(
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

REPOSITORY = HostPatterns(REPOSITORY_HOSTS)
HTTPS = HostPatterns(HTTPS_HOSTS)
KNOWN_HOSTS = frozenset(
    strip_www(p) for p in REPOSITORY_HOSTS + HTTPS_HOSTS if not p.startswith("*.")
)


def upgrade_https(url: str, hosts: HostPatterns | None = None) -> str | None:
    """The https form of an `http://` URL whose host serves https, else None.

    `hosts` defaults to `HTTPS_HOSTS`. Only the scheme changes. URLs with an explicit port
    are left alone: the https service would not be on the same port.
    """
    if url[:7].lower() != "http://" or UNSAFE.search(url):
        return None
    parsed = parse_url(url)
    if parsed is None or parsed.host is None:
        return None
    try:
        if parsed.port is not None:
            return None
    except ValueError:
        return None
    if not (hosts or HTTPS).match_host(parsed.host):
        return None
    return "https://" + url[7:]
