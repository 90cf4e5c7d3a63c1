"""URLs cut into pieces: exactly as written (for rewrites that splice them back) and parsed
once for all the questions the rules ask about a link.

Rewrites refuse URLs containing whitespace or control characters (:data:`UNSAFE`):
`urllib.parse` silently drops some of those, so what it reads would not match what is written.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple
from urllib.parse import SplitResult, urlsplit


class RawUrl(NamedTuple):
    """A URL cut into pieces exactly as written, so that a rewrite can splice them back."""

    origin: str  # "scheme://authority" or "//authority"; "" for relative URLs and mailto:
    path: str
    query: str | None  # without "?"; None when there is no "?"
    fragment: str | None  # without "#"; None when there is no "#"


_ORIGIN = re.compile(r"(?:[A-Za-z][A-Za-z0-9+.\-]*:)?//[^/?#]*")
UNSAFE = re.compile(r"[\x00-\x20\x7f\s]")


@lru_cache(maxsize=1 << 10)
def raw_split(url: str) -> RawUrl:
    head, hash_mark, fragment = url.partition("#")
    base, question_mark, query = head.partition("?")
    match = _ORIGIN.match(base)
    origin = match.group() if match else ""
    return RawUrl(
        origin,
        base[len(origin) :],
        query if question_mark else None,
        fragment if hash_mark else None,
    )


def join(origin: str, path: str, query: str | None, fragment: str | None = None) -> str:
    url = origin + path
    if query is not None:
        url += "?" + query
    if fragment is not None:
        url += "#" + fragment
    return url


class ParsedUrl(NamedTuple):
    scheme: str  # lower-case
    path: str
    host: str | None  # lower-case, without a trailing dot; None without an authority
    split: SplitResult | None  # None: a plain URL (see PLAIN_URL), which has no port

    @property
    def port(self) -> int | None:
        """The explicit port; ValueError when it is not a valid one."""
        return None if self.split is None else self.split.port


# What nearly every link looks like: http(s), a host of letters, digits, dots and hyphens
# (no user info, port or brackets), then path, query and fragment free of the tabs and line
# breaks urlsplit removes. For these, one match gives exactly what urlsplit gives.
PLAIN_URL = re.compile(
    r"(?P<scheme>[Hh][Tt][Tt][Pp][Ss]?)://(?P<host>[A-Za-z0-9.\-]+)"
    r"(?P<path>/[^?#\t\n\r]*)?(?:\?(?P<query>[^#\t\n\r]*))?(?:#(?P<fragment>[^\t\n\r]*))?"
)


# Several rules ask about each link of a table, one rule after the other: parse it once for
# all of them (room for the links of a table of thousands of rows).
@lru_cache(maxsize=1 << 14)
def parse_url(url: str) -> ParsedUrl | None:
    plain = PLAIN_URL.fullmatch(url)
    if plain is None:
        return parse_any(url)
    scheme, netloc, path = plain.group("scheme", "host", "path")
    return ParsedUrl(scheme.lower(), path or "", netloc.lower().rstrip(".") or None, None)


def parse_any(url: str) -> ParsedUrl | None:
    try:
        split = urlsplit(url)
    except ValueError:  # e.g. an unbalanced "[" in the authority
        return None
    name = (split.hostname or "").rstrip(".") if split.netloc else ""
    return ParsedUrl(split.scheme, split.path, name or None, split)


def strip_www(name: str) -> str:
    return name[4:] if name.startswith("www.") else name


def host(url: str) -> str | None:
    """The lower-cased host name of `url`, or None when it has no authority part.

    The name is returned as written apart from case, a trailing dot, user info and port: a
    leading `www.` is kept, since it is part of the real host. Use `bare_host` to drop it.
    Scheme-relative URLs (`//example.com/x`) have a host; `mailto:` and relative links do not.
    """
    parsed = parse_url(url)
    return None if parsed is None else parsed.host


def bare_host(url: str) -> str | None:
    """`host(url)` without a leading `www.`: the form used to compare and match hosts."""
    name = host(url)
    return None if name is None else strip_www(name)
