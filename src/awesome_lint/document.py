"""Bytes <-> text: UTF-8 only, a BOM kept aside, every other byte given back as it was."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import chain
from typing import NamedTuple

BOM = "\ufeff"


class InputError(Exception):
    """A file that cannot be linted; the message is the reason, without the file name."""


class Lines(NamedTuple):
    """A text as its lines and their line endings (`"\\n"`, `"\\r\\n"`, `"\\r"`, `""` for
    the last line of a text without a final newline): the form a fix builds its result in."""

    lines: list[str]
    endings: list[str]

    def join(self) -> str:
        return "".join(chain.from_iterable(zip(self.lines, self.endings)))


class Document(NamedTuple):
    text: str
    bom: bool = False
    # The bytes as read, to notice a file that changed before a fix is written.
    original: bytes = b""

    def encode(self, text: str | None = None) -> bytes:
        body = self.text if text is None else text
        return ((BOM if self.bom else "") + body).encode("utf-8")

    def encode_lines(self, text: Lines) -> Iterator[bytes]:
        """`encode` of a text given as lines, in chunks: the text is never held as one string
        (which takes four bytes a character as soon as one character is beyond U+FFFF) nor
        as one bytes object."""
        lines, endings = text
        if self.bom:
            yield BOM.encode("utf-8")
        for at in range(0, len(lines), _CHUNK):
            pieces = zip(lines[at : at + _CHUNK], endings[at : at + _CHUNK])
            yield "".join(chain.from_iterable(pieces)).encode("utf-8")


# Lines encoded at once by encode_lines.
_CHUNK = 4096


# Byte order marks of the encodings people save Markdown in by mistake, longest first.
_OTHER_BOMS = (
    (b"\x00\x00\xfe\xff", "UTF-32"),
    (b"\xff\xfe\x00\x00", "UTF-32"),
    (b"\xfe\xff", "UTF-16"),
    (b"\xff\xfe", "UTF-16"),
)


def decode(data: bytes) -> Document:
    """The text of a file's bytes; InputError (the reason) if it is not UTF-8 text."""
    if not data:
        raise InputError("empty file")
    for bom, name in _OTHER_BOMS:
        if data.startswith(bom):
            raise InputError(f"{name} text, not UTF-8 (convert it to UTF-8)")
    nul = data.find(b"\x00")
    if nul >= 0:
        line, column = _position(data, nul)
        raise InputError(f"binary file (NUL byte at line {line}, column {column})")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, column = _position(data, exc.start)
        raise InputError(
            f"not UTF-8 (byte 0x{data[exc.start]:02x} at line {line}, column {column})"
        ) from None
    if text.startswith(BOM):
        return Document(text[1:], bom=True, original=data)
    return Document(text, original=data)


def _position(data: bytes, offset: int) -> tuple[int, int]:
    before = data[:offset]
    line_start = max(before.rfind(b"\n"), before.rfind(b"\r")) + 1
    line = before.count(b"\n") + before.count(b"\r") - before.count(b"\r\n") + 1
    column = len(data[line_start:offset].decode("utf-8", errors="replace")) + 1
    return line, column
