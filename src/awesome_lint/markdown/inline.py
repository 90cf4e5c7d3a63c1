"""What a reader sees in a cell: its plain text, its links and its images.

Most cells are read by inline_scanner, which covers what lists write. The rest go to
mistletoe's inline parser (imported only then: its import costs a third of a second), whose
tokens are folded into text and links with the GFM extensions GitHub applies (single-tilde
strikethrough, the tag filter, bare URLs).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from awesome_lint.markdown.autolinks import bare_links
from awesome_lint.markdown.entities import resolve_entities
from awesome_lint.markdown.inline_scanner import FILTERED_TAG, scan, struck_tildes
from awesome_lint.markdown.linkrefs import References
from awesome_lint.model import MANY, Image, Link, LinkKind


# Not frozen, for speed (one per distinct cell); immutable by convention, as in model.py.
@dataclass(**MANY)
class Inline:
    text: str
    links: tuple[Link, ...] = ()
    images: tuple[Image, ...] = ()


# The two commonest cells, plain text and a lone `[text](url)`, need no scanner.
PLAIN = re.compile(r"[^\\`*_~\[\]!<&\n\r]*")
LONE_LINK = re.compile(r"\[([^\\`*_~\[\]!<&\n\r]*)\]\(([^\s()<>\\&]*)\)")


def parse_inline(source: str, references: References) -> Inline:
    """Read a cell's Markdown (escaped pipes already unescaped) as GitHub renders it."""
    if "\x00" in source:
        # CommonMark reads U+0000 as U+FFFD, for safety: one character for one, so offsets
        # into the source stay right.
        source = source.replace("\x00", "\ufffd")
    if PLAIN.fullmatch(source) and not ("www." in source or ":/" in source or "@" in source):
        return Inline(source)
    lone = LONE_LINK.fullmatch(source)
    if lone:
        text, url = lone.groups()
        return Inline(text, (Link(text, url, url_span=lone.span(2)),))
    simple = _simple(source)
    if simple is not None:
        return simple
    scanned = scan(source, references)
    if scanned is not None:
        return Inline(scanned.text, scanned.links, scanned.images)
    return _parse_with_mistletoe(source, references)


# The next commonest: plain text, links, images and badges (`[![alt](src)](url)`) in a row,
# each of them plain, so that nothing else can start or end in between.
_PLAIN_PART = r"[^\\`*_~\[\]!<&\n\r]"
_DESTINATION = r"[^\s()<>\\&]*"
_PIECE = re.compile(
    rf"(?P<text>{_PLAIN_PART}+)"
    rf"|\[(?P<link>{_PLAIN_PART}*)\]\((?P<url>{_DESTINATION})\)"
    # `![^` opens no image (see inline_scan).
    rf"|\[!\[(?!\^)(?P<alt>{_PLAIN_PART}*)\]\((?P<src>{_DESTINATION})\)\]\((?P<target>{_DESTINATION})\)"
    rf"|!\[(?!\^)(?P<image_alt>{_PLAIN_PART}*)\]\((?P<image>{_DESTINATION})\)"
)


def _simple(source: str) -> Inline | None:
    texts: list[str] = []
    links: list[Link] = []
    images: list[Image] = []
    at, end = 0, len(source)
    while at < end:
        m = _PIECE.match(source, at)
        if m is None:
            return None
        kind = m.lastgroup
        if kind == "text":
            text = m.group("text")
            if "www." in text or ":/" in text or "@" in text:
                return None  # maybe an autolink
            texts.append(text)
        elif kind == "url":
            text = m.group("link")
            texts.append(text)
            links.append(Link(text, m.group("url"), url_span=m.span("url")))
        elif kind == "target":
            alt = m.group("alt")
            if "www." in alt or ":/" in alt or "@" in alt:
                return None
            image = Image(alt, m.group("src"))
            links.append(Link("", m.group("target"), image=image, url_span=m.span("target")))
        else:
            alt = m.group("image_alt")
            if "www." in alt or ":/" in alt or "@" in alt:
                return None
            images.append(Image(alt, m.group("image")))
        at = m.end()
    return Inline("".join(texts), tuple(links), tuple(images))


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
        # The last type is mistletoe's fallback for plain text.
        _TOKEN_TYPES.extend(
            [
                s.EscapeSequence,
                s.AutoLink,
                s.CoreTokens,
                s.InlineCode,
                s.LineBreak,
                s.HtmlSpan,
                s.RawText,
            ]
        )
    return _TOKEN_TYPES


def _parse_with_mistletoe(source: str, references: References) -> Inline:
    from mistletoe import span_tokenizer, token

    saved: Any = token._root_node
    token._root_node = _Root(references)  # type: ignore[assignment]
    try:
        tokens = span_tokenizer.tokenize(source, _token_types())  # type: ignore[no-untyped-call]
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
                pieces.append((False, tok.content if FILTERED_TAG.match(tok.content) else ""))
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
                kind: LinkKind = (
                    "inline" if tok.dest_type in ("uri", "angle_uri", None) else "reference"
                )
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
    removed = struck_tildes(joined, delimiter_ok)
    return "".join(c for i, c in enumerate(joined) if i not in removed and c != "\ue000")


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
