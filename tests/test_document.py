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
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00", "binary file"),
        ("caf\u00e9".encode("latin-1"), "not valid UTF-8 (byte 0xe9 at offset 3)"),
    ],
)
def test_undecodable_input(data: bytes, message: str) -> None:
    with pytest.raises(InputError, match=re.escape(message)):
        decode(data, "x.txt")


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        read_document(str(tmp_path / "absent.txt"))


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The test machine runs as root, where file modes cannot forbid reading: simulate the OS refusal.
    path = tmp_path / "secret.txt"
    path.write_text("texte", encoding="utf-8")

    def refuse(self: Path) -> bytes:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "read_bytes", refuse)
    with pytest.raises(InputError, match="permission denied"):
        read_document(str(path))
