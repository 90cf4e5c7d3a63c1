"""Bare URLs and e-mail addresses, which GitHub turns into links (GFM's autolink extension).

`www.` and `http(s)://`/`ftp://` links are matched while the inline text is read, where
they start, and run to the next space or `<`: markup characters inside them are URL, not
emphasis. Trailing punctuation, an unbalanced `)` and a trailing entity are cut off, and
the domain's last two labels may not hold an underscore. E-mail addresses only add a link.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from awesome_lint.model import Link

_CANDIDATE = re.compile(r"www\.|://")
_SCHEMES = ("http", "https", "ftp")
_TRAILING = "?!.,:*_~'\""


def _space(c: str) -> bool:
    # cmark_utf8proc_is_space: no vertical tab.
    return c in " \t\n\f\r" or unicodedata.category(c) == "Zs"


def _host_char(c: str) -> bool:
    if c.isascii():
        return c.isalnum()
    return not _space(c) and not unicodedata.category(c).startswith("P")


# The last domain scanned without a backslash: (string, from, end, bound). A later `www.`
# inside it ends at the same place, so `www._www._...` is not rescanned once per `www.`.
_last_scan: tuple[str | None, int, int, int] = (None, 0, 0, 0)


def _domain_end(s: str, start: int, allow_short: bool) -> int:
    """End of the domain starting at start, or start when it is not a valid one."""
    global _last_scan
    first, n = start + 1, len(s)
    if start >= n:  # nothing after `://`
        return start
    bound = n if allow_short else n - 1
    memo, lo, hi, memo_bound = _last_scan
    if memo is s and lo <= first < hi and memo_bound == bound:
        end = hi
    else:
        end = first
        while end < bound and (c := s[end]) != "\\" and (c in "_.-" or _host_char(c)):
            end += 1
        if end < bound and end < n - 2 and s[end] == "\\":
            return _escaped_domain_end(s, start, allow_short)
        _last_scan = (s, first, end, bound)
    last_dot = s.rfind(".", first, end)
    if last_dot < 0:
        if s.find("_", first, end) >= 0 or not allow_short:
            return start
        return end
    previous = s.rfind(".", first, last_dot)
    before = previous + 1 if previous >= 0 else first
    if s.find("_", last_dot + 1, end) >= 0 or s.find("_", before, last_dot) >= 0:
        return start
    return end


def _escaped_domain_end(s: str, start: int, allow_short: bool) -> int:
    i, n = start + 1, len(s)
    dots = under_last = under_before = 0
    while i < n - 1 + (1 if allow_short else 0) and i < n:
        c = s[i]
        if c == "\\" and i < n - 2:
            i += 1
            c = s[i]
        if c == "_":
            under_last += 1
        elif c == ".":
            under_before, under_last = under_last, 0
            dots += 1
        elif not _host_char(c) and c != "-":
            break
        i += 1
    if under_before or under_last:
        return start
    if not allow_short and not dots:
        return start
    return i


def _trim(s: str, start: int, end: int) -> int:
    """Cut trailing punctuation, unbalanced `)` and entities off the link s[start:end]."""
    lt = s.find("<", start, end)
    if lt >= 0:
        end = lt
    balance: int | None = None  # `)` minus `(` in s[start:end], counted once when needed
    while end > start:
        c = s[end - 1]
        if c in _TRAILING:
            end -= 1
        elif c == ";":
            j = end - 2
            while j > start and s[j].isascii() and s[j].isalpha():
                j -= 1
            end = j if j < end - 2 and s[j] == "&" else end - 1
        elif c == ")":
            if balance is None:
                balance = s.count(")", start, end) - s.count("(", start, end)
            if balance <= 0:
                break
            balance -= 1
            end -= 1
        else:
            break
    return end


def _run_end(s: str, pos: int) -> int:
    n = len(s)
    while pos < n and s[pos] not in " \t\n\r<":  # cmark_isspace: not VT or FF
        pos += 1
    return pos


def match_www(s: str, pos: int) -> int | None:
    """End of a `www.` link starting at pos, if GitHub links it."""
    if pos > 0 and s[pos - 1] not in "*_~( \t\n\r":
        return None
    if not s.startswith("www.", pos):
        return None
    domain = _domain_end(s, pos, allow_short=False)
    if domain == pos:
        return None
    end = _trim(s, pos, _run_end(s, domain))
    return end if end > pos else None


def match_url(s: str, colon: int) -> tuple[int, int] | None:
    """(start, end) of a `scheme://` link whose colon is at `colon`, if GitHub links it."""
    if not s.startswith("://", colon):
        return None
    start = colon
    while start > 0 and s[start - 1].isascii() and s[start - 1].isalpha():
        start -= 1
    # sd_autolink_issafe: the scheme in any case, then a character that may start a host
    # name; `http://*a*` is no link and its emphasis stands.
    if s[start:colon].lower() not in _SCHEMES or colon + 3 >= len(s):
        return None
    if not _host_char(s[colon + 3]):
        return None
    domain = _domain_end(s, colon + 3, allow_short=True)
    if domain == colon + 3:
        return None
    end = _trim(s, start, _run_end(s, domain))
    return (start, end) if end > start else None


def candidates(chunk: str) -> list[re.Match[str]]:
    return list(_CANDIDATE.finditer(chunk)) if ("www." in chunk or "://" in chunk) else []


def candidates_in(s: str, start: int, end: int) -> Iterator[re.Match[str]]:
    """The candidates of s[start:end], found lazily (offsets are in s)."""
    return _CANDIDATE.finditer(s, start, end)


def _alnum(c: str) -> bool:
    return c.isascii() and c.isalnum()


def email_links(text: str) -> list[Link]:
    """E-mail addresses in a text node: local part rewound from each `@`, domain forward."""
    links: list[Link] = []
    offset = 0
    while True:
        at = text.find("@", offset)
        if at < 0:
            return links
        rewind = 0
        while rewind < at - offset and (_alnum(c := text[at - rewind - 1]) or c in ".+-_"):
            rewind += 1
        end, ats, dots = at, 0, 0
        while end < len(text):
            c = text[end]
            if c == "@":
                ats += 1
                if ats > 1:
                    break  # not an address; scanning on would make `a@a@a@...` quadratic
            elif c == "." and end + 1 < len(text) and _alnum(text[end + 1]):
                dots += 1
            elif not _alnum(c) and c not in "-_":
                break
            end += 1
        last = text[end - 1]
        if (
            not rewind
            or end - at < 2
            or ats != 1
            or not dots
            or not ((last.isascii() and last.isalpha()) or last == ".")
        ):
            offset = at + 1
            continue
        end = _trim(text, at, end)
        address = text[at - rewind : end]
        links.append(Link(address, "mailto:" + address, kind="bare"))
        offset = end


def bare_links(text: str) -> list[Link]:
    """The bare links of a run of plain text (used where the text is already split up)."""
    links: list[Link] = []
    pos = 0
    for m in candidates(text):
        if m.start() < pos:
            continue
        if m.group(0) == "www.":
            end = match_www(text, m.start())
            if end is not None:
                url = text[m.start() : end]
                links.append(Link(url, "http://" + url, kind="bare"))
                pos = end
        else:
            span = match_url(text, m.start())
            if span is not None:
                url = text[span[0] : span[1]]
                links.append(Link(url, url, kind="bare"))
                pos = span[1]
    return links + email_links(text)
