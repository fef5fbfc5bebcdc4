"""What a line is: sentences, heading, caption or fragment, for plain text and prose views."""

from __future__ import annotations

from textlint.document import Document
from textlint.formats import prose_view
from textlint.layout import LineKind, heading_at, kind_at, lines

ARTICLE = (
    "Le gouvernement présente son budget 2025\n"
    "Par Claire Dumont\n"
    "\n"
    "La ministre a détaillé lundi les grandes lignes du texte.\n"
    "Des économies partout\n"
    "Chaque ministère devra réduire ses dépenses de 5 %.\n"
    "La ministre, lundi à Bercy. (AFP)\n"
    "Photo : Jean Martin\n"
    "Trois mesures phares :\n"
    "un gel des dotations\n"
    "« Nous tiendrons », a-t-elle promis.\n"
)


def kinds(doc: Document) -> list[tuple[str, LineKind]]:
    return [(doc.text[line.start : line.end], line.kind) for line in lines(doc)]


def test_plain_text_lines() -> None:
    assert kinds(Document(ARTICLE)) == [
        ("Le gouvernement présente son budget 2025", LineKind.HEADING),
        ("Par Claire Dumont", LineKind.FRAGMENT),  # under a line without a final stop
        ("La ministre a détaillé lundi les grandes lignes du texte.", LineKind.SENTENCES),
        ("Des économies partout", LineKind.HEADING),  # an intertitle under a finished paragraph
        ("Chaque ministère devra réduire ses dépenses de 5 %.", LineKind.SENTENCES),
        ("La ministre, lundi à Bercy. (AFP)", LineKind.CAPTION),
        ("Photo : Jean Martin", LineKind.CAPTION),
        ("Trois mesures phares :", LineKind.FRAGMENT),
        ("un gel des dotations", LineKind.FRAGMENT),
        ("« Nous tiendrons », a-t-elle promis.", LineKind.SENTENCES),
    ]


def test_heading_span_and_kind_at_any_offset() -> None:
    doc = Document("  Un titre court  \n\nUne phrase.")
    assert heading_at(doc, 5) == (2, 16)
    assert kind_at(doc, 21) is LineKind.SENTENCES
    assert kind_at(doc, 18) is None  # the blank line


def test_front_ends_say_what_is_a_heading() -> None:
    source = "# Le budget 2025\n\n- un gel des dotations\n\nUne phrase finie.\n"
    view = prose_view(Document(source, path="a.md"))
    assert kinds(view) == [
        ("Le budget 2025", LineKind.HEADING),
        ("un gel des dotations", LineKind.FRAGMENT),  # a list item is never a heading
        ("Une phrase finie.", LineKind.SENTENCES),
    ]


def test_a_broken_or_cut_sentence_is_not_a_heading() -> None:
    doc = Document(
        "Elle a invité plusieurs artistes.\n\n"
        "– dont Léa Martin et Paul Roy\n\n"  # the page broke the sentence: a lowercase start
        "Le disque sort vendredi.\n\n"
        "Le livret est illustré par quelque\n\n"  # cut after a determiner
        "iPhone 16 en bref\n"  # a name in lowercase is still a heading's first word
    )
    assert [kind for _, kind in kinds(doc)] == [
        LineKind.SENTENCES,
        LineKind.FRAGMENT,
        LineKind.SENTENCES,
        LineKind.FRAGMENT,
        LineKind.HEADING,
    ]
