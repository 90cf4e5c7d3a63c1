"""What a reader sees in a cell: its plain text, its links and its images.

Most cells of a list are plain text, a link `[text](url)` or a code span; those are read
here directly. Anything else goes to mistletoe's inline parser (imported only then: the
import costs a third of a second), and its tokens are folded into text and links, with the
GFM extensions GitHub applies (single-tilde strikethrough, the tag filter, bare URLs).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from awesome_lint.escapes import resolve_entities
from awesome_lint.model import Image, Link

References = Mapping[str, tuple[str, "str | None"]]


@dataclass(frozen=True)
class Inline:
    text: str
    links: tuple[Link, ...] = ()
    images: tuple[Image, ...] = ()


# Each alternative takes one character and they exclude each other, so matching is linear.
_PLAIN = r"[^\\`*_~\[\]!<&\x00-\x1f]|!(?!\[)|&(?![A-Za-z0-9#]{1,32};)"
_URL = r"(?:[^\s()<>\\`&\x00-\x1f\x7f]|&(?![A-Za-z0-9#]{1,32};))*"
_FAST_TOKEN = re.compile(
    rf"(?P<plain>(?:{_PLAIN})+)"
    rf"|\[(?P<text>(?:{_PLAIN})*)\]\((?P<url>{_URL})\)"
    r"|`(?P<code>[^`]+)`(?!`)"
)
_BARE_URL = re.compile(r"(?:(?<=[\s*_~(])|^)(?:(?:https?|ftp)://|www\.)[^\s<]+", re.IGNORECASE)
_EMAIL = re.compile(
    r"(?:(?<=[\s*_~(])|^)[A-Za-z0-9.+_-]+@[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)+(?![@A-Za-z0-9])"
)
_TRAILING_PUNCT = "?!.,:*_~'\""
_FILTERED_TAG = re.compile(
    r"</?(?:title|textarea|style|xmp|iframe|noembed|noframes|script|plaintext)(?=[\s/>])",
    re.IGNORECASE,
)


def parse_inline(source: str, references: References) -> Inline:
    """Read a cell's Markdown (escaped pipes already unescaped) as GitHub renders it."""
    fast = _parse_fast(source)
    if fast is not None:
        return fast
    return _parse_with_mistletoe(source, references)


def _parse_fast(source: str) -> Inline | None:
    text: list[str] = []
    links: list[Link] = []
    pos, n = 0, len(source)
    while pos < n:
        m = _FAST_TOKEN.match(source, pos)
        if m is None:
            return None
        if m.group("plain") is not None:
            plain = m.group("plain")
            text.append(plain)
            links.extend(bare_links(plain))
        elif m.group("code") is not None:
            text.append(_code_text(m.group("code")))
        else:
            label = m.group("text")
            text.append(label)
            url_start = m.start("url")
            links.append(
                Link(label, m.group("url"), url_span=(url_start, url_start + len(m.group("url"))))
            )
        pos = m.end()
    return Inline("".join(text), tuple(links))


def _code_text(code: str) -> str:
    if len(code) >= 2 and code[0] == " " and code[-1] == " " and code.strip(" "):
        return code[1:-1]
    return code


def bare_links(text: str) -> list[Link]:
    """URLs and e-mail addresses GitHub turns into links although they are not marked up."""
    if "www." not in text and "://" not in text and "@" not in text:
        return []
    found: list[tuple[int, Link]] = []
    taken: list[tuple[int, int]] = []
    for m in _BARE_URL.finditer(text):
        url = _trim_url(m.group(0))
        rest = url.split("://", 1)[1] if "://" in url else url[4:]
        if not rest[:1].isalnum():
            continue
        href = url if "://" in url else "http://" + url
        found.append((m.start(), Link(url, href, kind="bare")))
        taken.append((m.start(), m.start() + len(url)))
    for m in _EMAIL.finditer(text):
        address = m.group(0)
        if address[-1] in "-_" or any(a <= m.start() < b for a, b in taken):
            continue
        found.append((m.start(), Link(address, "mailto:" + address, kind="bare")))
    return [link for _, link in sorted(found, key=lambda pair: pair[0])]


def _trim_url(url: str) -> str:
    while True:
        before = url
        url = url.rstrip(_TRAILING_PUNCT)
        if url.endswith(")") and url.count(")") > url.count("("):
            url = url[:-1]
        if url.endswith(";"):
            m = re.search(r"&[A-Za-z0-9]+;$", url)
            if m:
                url = url[: m.start()]
        if url == before:
            return url


# -- the general case, through mistletoe ---------------------------------------------------


class _Root:
    """What mistletoe's inline parser looks up reference links in."""

    def __init__(self, references: References) -> None:
        self.footnotes = {label: (url, title or "") for label, (url, title) in references.items()}


_TOKEN_TYPES: list[Any] = []


def _token_types() -> list[Any]:
    if not _TOKEN_TYPES:
        from mistletoe import span_token as s

        # Strikethrough is left out: GFM strikes single tildes too and checks flanking,
        # which mistletoe's `~~` pattern does not; _strike() below does it instead.
        _TOKEN_TYPES.extend(
            [s.EscapeSequence, s.AutoLink, s.CoreTokens, s.InlineCode, s.LineBreak, s.HtmlSpan]
            + [s.RawText]
        )
    return _TOKEN_TYPES


def _parse_with_mistletoe(source: str, references: References) -> Inline:
    from mistletoe import span_tokenizer, token

    saved = token._root_node
    token._root_node = _Root(references)
    try:
        tokens = span_tokenizer.tokenize(source, _token_types())
    finally:
        token._root_node = saved
    folder = _Folder()
    text = folder.fold(tokens, in_link=False)
    _locate_urls(source, folder.links)
    return Inline(text, tuple(folder.links), tuple(folder.images))


class _Folder:
    """Folds mistletoe tokens into text, collecting the links and images met on the way."""

    def __init__(self) -> None:
        self.links: list[Link] = []
        self.images: list[Image] = []

    def fold(self, tokens: Iterable[Any], *, in_link: bool) -> str:
        pieces: list[tuple[bool, str]] = []  # (is raw text, so may hold delimiters; text)
        for tok in tokens:
            name = type(tok).__name__
            if name == "RawText":
                content = resolve_entities(tok.content)
                pieces.append((True, content))
                if not in_link:
                    self.links.extend(bare_links(content))
            elif name in ("Emphasis", "Strong", "EscapeSequence"):
                pieces.append((False, self.fold(tok.children, in_link=in_link)))
            elif name == "InlineCode":
                pieces.append((False, tok.children[0].content))
            elif name == "HtmlSpan":
                # GitHub's tag filter shows these tags as text instead of HTML.
                pieces.append((False, tok.content if _FILTERED_TAG.match(tok.content) else ""))
            elif name == "AutoLink":
                pieces.append((False, tok.target))
                url = "mailto:" + tok.target if tok.mailto else tok.target
                self.links.append(Link(tok.target, url, kind="autolink"))
            elif name == "Image":
                alt = _Folder().fold(tok.children, in_link=True)
                self.images.append(Image(alt, tok.src, tok.title or None))
                pieces.append((False, ""))
            elif name == "Link":
                inner = _Folder()
                text = inner.fold(tok.children, in_link=True)
                kind = "inline" if tok.dest_type in ("uri", "angle_uri", None) else "reference"
                image = inner.images[0] if inner.images else None
                self.links.append(Link(text, tok.target, tok.title or None, kind, image))
                pieces.append((False, text))
            else:  # a line break, which a cell cannot hold
                pieces.append((False, " "))
        return _strike(pieces)


def _strike(pieces: list[tuple[bool, str]]) -> str:
    """Join sibling texts, removing the tilde runs GFM pairs into strikethrough."""
    if not any(raw and "~" in piece for raw, piece in pieces):
        return "".join(piece for _, piece in pieces)
    chars: list[str] = []
    delimiter_ok: list[bool] = []
    for raw, piece in pieces:
        if not piece and not raw:
            piece = "\ue000"  # stands for an image or tag: neither space nor punctuation
        chars.extend(piece)
        delimiter_ok.extend([raw] * len(piece))
    joined = "".join(chars)
    removed = _paired_tildes(joined, delimiter_ok)
    return "".join(c for i, c in enumerate(joined) if i not in removed and c != "\ue000")


def _paired_tildes(text: str, usable: list[bool]) -> set[int]:
    openers: list[tuple[int, int]] = []
    removed: set[int] = set()
    for m in re.finditer(r"~+", text):
        start, end = m.span()
        if not all(usable[start:end]) or end - start > 2:
            continue
        before = text[start - 1] if start else " "
        after = text[end] if end < len(text) else " "
        left = not after.isspace() and (
            not _is_punct(after) or before.isspace() or _is_punct(before)
        )
        right = not before.isspace() and (
            not _is_punct(before) or after.isspace() or _is_punct(after)
        )
        if right:
            for k in range(len(openers) - 1, -1, -1):
                o_start, o_end = openers[k]
                if o_end - o_start == end - start:
                    removed.update(range(o_start, o_end))
                    removed.update(range(start, end))
                    del openers[k:]
                    break
            else:
                if left:
                    openers.append((start, end))
                continue
            continue
        if left:
            openers.append((start, end))
    return removed


def _is_punct(c: str) -> bool:
    import unicodedata

    return (c.isascii() and not c.isalnum() and not c.isspace()) or unicodedata.category(c)[
        0
    ] in "PS"


def _locate_urls(source: str, links: list[Link]) -> None:
    """Find each inline link's destination in the source, when it is written literally."""
    cursor = 0
    for i, link in enumerate(links):
        if link.kind != "inline" or not link.url:
            continue
        for opener in ("](" + link.url, "](<" + link.url):
            at = source.find(opener, cursor)
            if at >= 0:
                start = at + len(opener) - len(link.url)
                links[i] = Link(
                    link.text,
                    link.url,
                    link.title,
                    link.kind,
                    link.image,
                    (start, start + len(link.url)),
                )
                cursor = start + len(link.url)
                break
