"""Tracking parameters in a link's query: which they are, and the link without them.

Everything but the tracking parameters is kept byte for byte (order, spelling, encoding).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import lru_cache

from awesome_lint.urls.hosts import HostPatterns, words
from awesome_lint.urls.parse import host, join, raw_split

TRACKING_PREFIXES: tuple[str, ...] = ("utm_",)
"""Query parameter name prefixes that only ever carry tracking (compared lower-cased)."""

# casa_token is Google Scholar's access token on publisher links; ref_src and ref_url are
# Twitter's, spm Alibaba's, pk_* and mtm_* Matomo's, _ga and _gl Google Analytics' linker.
TRACKING_PARAMS: frozenset[str] = frozenset(
    words("""
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
            words("""
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


def tracking_test(url: str, extra: Iterable[str] = ()) -> Callable[[str], bool]:
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
    query = raw_split(url).query
    if not query:
        return []
    is_tracking = tracking_test(url, extra)
    names = (param.partition("=")[0] for param in query.split("&") if is_tracking(param))
    return list(dict.fromkeys(names))


def strip_query(query: str, is_tracking: Callable[[str], bool]) -> str | None:
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
    raw = raw_split(url)
    if not raw.query:
        return url
    query = strip_query(raw.query, tracking_test(url, extra))
    if query == raw.query:
        return url
    return join(raw.origin, raw.path, query, raw.fragment)
