"""Absolute links, and links that are clearly broken (typos in the scheme, bad hosts)."""

from __future__ import annotations

import re

from awesome_lint.urls.hosts import KNOWN_HOSTS
from awesome_lint.urls.parse import PLAIN_URL, parse_url


def is_absolute(url: str) -> bool:
    """Whether `url` has a scheme and a host (`https://x/`), or is a `mailto:` with an address.

    Scheme-relative (`//x/y`), relative and `#anchor` links are not absolute.
    """
    parsed = parse_url(url)
    if parsed is None or not parsed.scheme:
        return False
    if parsed.scheme == "mailto":
        return bool(parsed.path)
    return parsed.host is not None


_HAS_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*:")


def is_relative(url: str) -> bool:
    """Whether `url` is relative: scheme-relative (`//x/y`), or without a scheme and host.

    A URL with a scheme but no host (`doi:`, `tel:`) is not relative, whatever else it is.
    """
    return (url.startswith("//") or not _HAS_SCHEME.match(url)) and not is_absolute(url)


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
    return "." in first and first in KNOWN_HOSTS


def malformed_reason(url: str) -> str | None:
    """A short reason when `url` is clearly broken, else None.

    Reports an empty URL, whitespace, typos in an http(s) scheme or its separator (`htps://`,
    `http//`, `https:/x`, `http:\\\\x`, `https;//`), a repeated scheme, an http(s), ftp or ws
    URL without a host, an invalid port, invalid characters or empty labels in a host, and
    `www.`/well-known hosts written without a scheme. Relative links and `#anchors` are
    fine here: whether they are allowed is another rule's question. Deliberately
    conservative: the path, query and fragment are not checked.
    """
    plain = PLAIN_URL.fullmatch(url)
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
