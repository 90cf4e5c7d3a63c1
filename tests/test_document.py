"""Bytes -> text: what is refused (and where the bad byte is), and every byte given back."""

from __future__ import annotations

import pytest

from awesome_lint.document import Document, InputError, Lines, decode

REFUSED = [
    # (bytes, the reason, exactly)
    (b"", "empty file"),
    (b"| a |\n|---|\n| \xff |\n", "not UTF-8 (byte 0xff at line 3, column 3)"),
    (b"\xc3(", "not UTF-8 (byte 0xc3 at line 1, column 1)"),
    (b"caf\xc3\xa9 \xe9t\xe9\n", "not UTF-8 (byte 0xe9 at line 1, column 6)"),
    (b"a\r\nb\rc\nd \x80", "not UTF-8 (byte 0x80 at line 4, column 3)"),
    (b"truncated \xe2\x82", "not UTF-8 (byte 0xe2 at line 1, column 11)"),
    (b"\xed\xa0\x80 surrogate", "not UTF-8 (byte 0xed at line 1, column 1)"),
    (b"| a |\x00\n", "binary file (NUL byte at line 1, column 6)"),
    (b"\x89PNG\r\n\x1a\n\x00\x00", "binary file (NUL byte at line 3, column 1)"),
    (b"\xff\xfe|\x00 \x00a\x00", "UTF-16 text, not UTF-8 (convert it to UTF-8)"),
    (b"\xfe\xff\x00|\x00 ", "UTF-16 text, not UTF-8 (convert it to UTF-8)"),
    (b"\xff\xfe\x00\x00|\x00\x00\x00", "UTF-32 text, not UTF-8 (convert it to UTF-8)"),
]


@pytest.mark.parametrize(("data", "reason"), REFUSED, ids=[r for _, r in REFUSED])
def test_refused_with_the_reason(data: bytes, reason: str) -> None:
    with pytest.raises(InputError) as info:
        decode(data)
    assert str(info.value) == reason


KEPT = [
    b"# Title\n",
    b"no final newline",
    b"\xef\xbb\xbf| a |\r\n|---|\r\n",
    b"lone\rcarriage\rreturns\r",
    b"mixed\r\nendings\nand\rmore",
    "tabs\t, U+2028 \u2028, U+0085 \x85, NBSP \xa0, emoji \U0001f600".encode(),
    b"\x1b[31m control characters \x07\x0b\x0c\n",
    b"\xef\xbb\xbf",
]


@pytest.mark.parametrize("data", KEPT)
def test_every_byte_comes_back(data: bytes) -> None:
    document = decode(data)
    assert document.encode() == data
    assert document.original == data
    assert document.encode(document.text) == data
    assert not document.text.startswith("\ufeff")
    assert document.bom == data.startswith(b"\xef\xbb\xbf")


def test_the_bom_is_kept_aside_and_put_back() -> None:
    document = decode(b"\xef\xbb\xbf| a |\n")
    assert document == Document("| a |\n", bom=True, original=b"\xef\xbb\xbf| a |\n")
    assert document.encode("| b |\n") == b"\xef\xbb\xbf| b |\n"


def test_the_position_of_a_late_bad_byte_in_a_large_file() -> None:
    data = b"x" * 1_000_000 + b"\n" * 99_999 + b"ab\xfe"
    with pytest.raises(InputError, match=r"byte 0xfe at line 100000, column 3"):
        decode(data)


@pytest.mark.parametrize("bom", [False, True])
@pytest.mark.parametrize("size", [0, 1, 4095, 4096, 4097, 9000])
def test_encode_lines_gives_the_bytes_of_the_joined_text(bom: bool, size: int) -> None:
    endings = ["\n", "\r\n", "\r"]
    lines = [f"| {n} | 😀 |" if n % 7 else "" for n in range(size)]
    ends = [endings[n % 3] for n in range(size)]
    if size:
        ends[-1] = ""  # no final newline
    text = "".join(line + end for line, end in zip(lines, ends))
    document = Document(text, bom)
    assert b"".join(document.encode_lines(Lines(lines, ends))) == document.encode()
