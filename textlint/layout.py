"""The shape of a document's lines: sentences, headings, captions and other fragments.

Checks written for sentences (a final period, a capital at the start, a comma before a
clause) are wrong on a headline, a photo caption or a list item. Every checker asks this
module what a line is, so the answer is the same for the YAML rules and for LanguageTool.

A line is `sentences` when it ends like a sentence; otherwise it is a `heading` (a front end
said so, or in plain text a short line after the start, a blank line or a finished
paragraph), a `caption` (credits and photo captions), or a `fragment` (list items, table
cells, bylines, alt texts: short text without a final stop).
"""

from __future__ import annotations

from bisect import bisect_right
from enum import StrEnum
from typing import NamedTuple

import regex

from textlint import regexes
from textlint.document import Document


class LineKind(StrEnum):
    SENTENCES = "sentences"
    HEADING = "heading"
    CAPTION = "caption"
    FRAGMENT = "fragment"


class Line(NamedTuple):
    """A line's content (without its edge blanks) and what it is."""

    start: int
    end: int
    kind: LineKind


WORD = regexes.compile(r"\p{L}[\p{L}\p{M}]*")
MAX_HEADING_WORDS = 15
# A finished sentence ends with a stop, maybe followed by closing quotes and brackets (French
# sets a space, often a narrow no-break one, before « »).
_SENTENCE_END = regexes.compile(r"[.!?…](?:[ \u00a0\u202f]*[»”\"'’)\]])*$")
PARAGRAPH_END = '.!?…»”")'  # what a finished paragraph ends with
# A finished sentence anywhere in a text: a stop, maybe closing quotes or brackets, then a blank.
_FINISHED_SENTENCE = regexes.compile(r"[.!?…](?:[»”\"')\]]*)(?:\s|$)")
_NOT_HEADING_END = ":;,"
# A line that starts with a lowercase word continues a sentence the page broke (« – dont Janette
# Bertrand, Mara Tremblay… »), and one that ends on a determiner, a preposition or a
# conjunction, or on an adverb that asks for more, was cut (« Illustré par quelque », « La marge
# est bien plus »): neither is a heading, whatever its length.
# « iPhone », « eBay » are names.
_CONTINUED = regexes.compile(r"^[-–—(«\"“ \u00a0]*\p{Ll}+(?![\p{Lu}\d\p{Ll}])")
_CUT = regexes.compile(
    r"(?i)\b(?:de|du|des|la|le|les|l['’]|d['’]|un|une|à|au|aux|et|ou|par|pour|sur|dans|avec|que|qui"
    r"|quelque|quelques|ce|cette|ces|son|sa|ses|leur|leurs|se|ne|plus|moins|très|trop)$"
)
_CAPTION = regexes.compile(
    r"^(?:\(?(?:photo|image|illustration|crédit|credit|légende|vidéo|infographie)s?\b"
    r"|©)"
    r"|[(/—–-]\s*(?:photo\s*:?\s*)?(?:AFP|Reuters|AP|EPA|Getty(?: Images)?|Keystone|Belga|ANP|Shutterstock"
    r"|DR|MAXPPP|SIPA|Hans Lucas|iStock)(?:\s*/\s*[\w .'’-]+)?\)?\.?$",
    regex.IGNORECASE | regex.VERSION1,
)


def lines(doc: Document) -> tuple[Line, ...]:
    """Every non-blank line of the document with its kind, worked out once per document."""
    return doc.memo("layout", lambda: tuple(_classify(doc)))


def line_at(doc: Document, offset: int) -> Line | None:
    """The non-blank line holding `offset`, if any."""
    found = lines(doc)
    index = bisect_right([line.start for line in found], offset) - 1
    if index >= 0 and found[index].start <= offset <= found[index].end:
        return found[index]
    return None


def kind_at(doc: Document, offset: int) -> LineKind | None:
    line = line_at(doc, offset)
    return line.kind if line is not None else None


def heading_at(doc: Document, offset: int) -> tuple[int, int] | None:
    """(start, end) of the heading holding `offset`, without its edge blanks, if it is one."""
    line = line_at(doc, offset)
    return (line.start, line.end) if line is not None and line.kind is LineKind.HEADING else None


def cut_short(text: str) -> bool:
    """Whether the text stops in the middle of its last paragraph after at least one finished
    sentence (a cut article); a text with no finished sentence is a headline or a caption."""
    body = text.rstrip()
    return bool(body) and body[-1] not in PARAGRAPH_END and _FINISHED_SENTENCE.search(body) is not None


def _classify(doc: Document) -> list[Line]:
    text = doc.text
    found: list[Line] = []
    previous_end = ""  # the last character of the previous non-blank line, "" after a blank one
    position = 0
    for raw in text.split("\n"):
        content = raw.strip()
        if content:
            start = position + len(raw) - len(raw.lstrip())
            kind = _kind(doc, start, content, previous_end)
            found.append(Line(start, start + len(content), kind))
            previous_end = content[-1]
        else:
            previous_end = ""
        position += len(raw) + 1
    return found


def _kind(doc: Document, start: int, content: str, previous_end: str) -> LineKind:
    if doc.regions is not None and doc.scope_at(start) == "heading":
        return LineKind.HEADING
    if _CAPTION.search(content):
        return LineKind.CAPTION
    if _SENTENCE_END.search(content):
        return LineKind.SENTENCES
    after_paragraph = previous_end in ("", *PARAGRAPH_END)
    if doc.regions is None and after_paragraph and content[-1] not in _NOT_HEADING_END and _short(content):
        return LineKind.FRAGMENT if _CONTINUED.match(content) or _CUT.search(content) else LineKind.HEADING
    return LineKind.FRAGMENT


def _short(content: str) -> bool:
    return len(content.split()) <= MAX_HEADING_WORDS and 0 < len(WORD.findall(content)) <= MAX_HEADING_WORDS
