"""Precision guards: what they protect, and that rules and LanguageTool findings respect them."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from textlint.document import Document
from textlint.guards import CLUES, GUARDS, SPAN_GUARDS, TECHNICAL, protects

SPAN_EXAMPLES = [
    ("ticker", "Le titre (NASDAQ: NVDA) grimpe.", "NASDAQ: NVDA"),
    ("url", "Voir https://exemple.fr/page, puis parcoursup.gouv.fr aussi.", "parcoursup.gouv.fr"),
    ("url", "Le site WWW.EXEMPLE.FR est fermé.", "WWW.EXEMPLE.FR"),
    ("email", "Écrire à redaction@journal.fr demain.", "redaction@journal.fr"),
    ("handle", "Le compte @CNES a publié.", "@CNES"),
    ("hashtag", "Le mot-dièse #Paris2024 circule.", "#Paris2024"),
    ("version", "La version 3.12.1 corrige la faille.", "3.12.1"),
    ("hex", "Le code 0x1F est renvoyé.", "0x1F"),
    ("hex", "La couleur #FF8800 du logo.", "#FF8800"),
    ("time", "Rendez-vous à 12:30 ce midi.", "12:30"),
    ("score", "Victoire 3-1 à domicile.", "3-1"),
    ("file", "Ouvrir le fichier budget.xlsx joint.", "budget.xlsx"),
    ("code", "La ligne « if x == 0: return » plante.", "« if x == 0: return »"),
    ("code", "Appeler `make test` puis print() encore.", "`make test`"),
    ("quoted-english", "Il chante « we will rock you » ce soir.", "« we will rock you »"),
]


@pytest.mark.parametrize(("guard", "text", "protected"), SPAN_EXAMPLES)
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


# Texts full of the characters guards look at: dots, colons, digits, @, #, quotes, brackets.
_GUARD_TEXT = st.text(
    alphabet=st.sampled_from(list("aZé0179.:-–/@#`(){}«»“”\"‘’' \u00a0\nwWxXhtps=;_")),
    max_size=60,
)


@settings(max_examples=2000, deadline=None)
@given(_GUARD_TEXT)
def test_a_guard_matches_only_where_its_clue_does(text: str) -> None:
    # The clue is what lets a document skip the guard's expression: it must never hide a match.
    for name, clue in CLUES.items():
        if SPAN_GUARDS[name].compiled.search(text):
            assert clue.search(text), (name, text)


@pytest.mark.parametrize("name", sorted(CLUES))
def test_every_guard_example_holds_its_clue(name: str) -> None:
    texts = [text for guard, text, _ in SPAN_EXAMPLES if guard == name]
    assert texts, f"no example for the guard {name}"
    assert all(CLUES[name].search(text) for text in texts)
