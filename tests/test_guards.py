"""Precision guards: what they protect, and that rules and LanguageTool findings respect them."""

from __future__ import annotations

import pytest

from textlint.document import Document
from textlint.guards import GUARDS, TECHNICAL, protects


@pytest.mark.parametrize(
    ("guard", "text", "protected"),
    [
        ("ticker", "Le titre (NASDAQ: NVDA) grimpe.", "NASDAQ: NVDA"),
        ("url", "Voir https://exemple.fr/page, puis parcoursup.gouv.fr aussi.", "parcoursup.gouv.fr"),
        ("email", "Écrire à redaction@journal.fr demain.", "redaction@journal.fr"),
        ("handle", "Le compte @CNES a publié.", "@CNES"),
        ("hashtag", "Le mot-dièse #Paris2024 circule.", "#Paris2024"),
        ("version", "La version 3.12.1 corrige la faille.", "3.12.1"),
        ("hex", "Le code 0x1F est renvoyé.", "0x1F"),
        ("time", "Rendez-vous à 12:30 ce midi.", "12:30"),
        ("score", "Victoire 3-1 à domicile.", "3-1"),
        ("code", "La ligne « if x == 0: return » plante.", "« if x == 0: return »"),
        ("quoted-english", "Il chante « we will rock you » ce soir.", "« we will rock you »"),
    ],
)
def test_span_guard_protects(guard: str, text: str, protected: str) -> None:
    doc = Document(text)
    start = text.index(protected)
    assert protects(doc, [guard], start, start + len(protected))
    assert not protects(doc, [guard], 0, 2)


def test_dotted_thousands_are_not_versions() -> None:
    text = "La pétition a recueilli 1.250.000 signatures."
    start = text.index("1.250")
    assert not protects(Document(text), ["version"], start, start + 9)


def test_line_guards_follow_layout() -> None:
    text = "Présidentielle : ce que disent les sondages\n\nLe vote a eu lieu dimanche."
    doc = Document(text)
    assert protects(doc, ["heading"], 0, 3)
    assert not protects(doc, ["heading"], text.index("Le vote"), text.index("Le vote") + 2)


def test_technical_guards_are_guards() -> None:
    assert set(TECHNICAL) <= set(GUARDS)
    text = "Le titre (NASDAQ: NVDA) recule, selon @ElyseeFR."
    doc = Document(text)
    assert protects(doc, TECHNICAL, text.index("NVDA"), text.index("NVDA") + 4)
    assert protects(doc, TECHNICAL, text.index("Elysee"), text.index("Elysee") + 6)
    assert not protects(doc, TECHNICAL, text.index("recule"), text.index("recule") + 6)
