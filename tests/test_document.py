"""Reading sources: UTF-8 with or without BOM, CRLF kept, code-point positions."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from textlint.document import Document, decode, read_document
from textlint.errors import InputError


def test_bom_is_stripped_and_remembered() -> None:
    doc = decode("\ufeffÉté : chaud".encode(), "a.txt")
    assert doc.text == "Été : chaud"
    assert doc.had_bom
    assert doc.encode(doc.text) == "\ufeffÉté : chaud".encode()


def test_crlf_is_kept_and_positions_count_code_points() -> None:
    doc = decode("Première ligne\r\n😀 été : oui\r\n".encode(), "a.txt")
    assert doc.text.count("\r\n") == 2
    colon = doc.text.index(":")
    assert doc.position(colon) == (2, 7)
    assert doc.line_text(2) == "😀 été : oui"


def test_position_at_end_of_text() -> None:
    doc = Document("a\nb")
    assert doc.position(3) == (2, 2)
    assert doc.position(0) == (1, 1)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00", "x.txt: binary file (contains NUL bytes)"),
        (
            "caf\u00e9\nd\u00e9j\u00e0".encode("latin-1"),
            "x.txt: not UTF-8 (byte 0xe9 on line 1): looks like Latin-1 (ISO-8859-1); convert it: "
            "iconv -f WINDOWS-1252 -t UTF-8 x.txt > x.txt.utf8 && mv x.txt.utf8 x.txt",
        ),
        (
            "Il dit\u00a0: \u201cnon\u201d.".encode("cp1252"),
            "x.txt: not UTF-8 (byte 0xa0 on line 1): looks like Windows-1252; convert it: iconv -f WIN",
        ),
        (
            "\ufeffÉté".encode("utf-16-le"),
            "x.txt: UTF-16 text, not UTF-8; convert it: iconv -f UTF-16 -t UTF-8",
        ),
        (
            "Été\ncafé".encode() + b"\nd\xe9j\xe0",
            "x.txt: not valid UTF-8 (byte 0xe9 on line 3; the rest is UTF-8: mixed encodings?); fix that",
        ),
        (b"caf\xe9 \x81", "x.txt: not valid UTF-8 (byte 0xe9 on line 1), nor a known 8-bit encoding"),
    ],
)
def test_undecodable_input(data: bytes, message: str) -> None:
    with pytest.raises(InputError, match="^" + re.escape(message)):
        decode(data, "x.txt")


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        read_document(str(tmp_path / "absent.txt"))
