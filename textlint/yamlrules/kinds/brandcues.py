"""What shows that a word machine translation made of a brand means the brand (kind `brand-form`).

« Équipes », « Fenêtres », « Barde », « Claudie » or « Anthropique » are French words or first
names as well as renderings of Teams, Windows, Bard, Claude and Anthropic. Such a form is
reported only when the sentence shows the product or the company is meant, by signals that
hold for any brand, not by words listed per name:

- a version number right after it (« Fenêtres 11 », « Claudie 2 », « Gémeaux 1.5 »);
- a noun saying what the brand is right before it (« le chatbot Barde », « l’application
  Équipes », « le logiciel Mot »), or in an apposition after it (« Barde, son chatbot »);
- for a form whose French homonym is a common noun, its capital in the middle of a sentence,
  together with the name of the brand's maker in the same sentence (« Google a remplacé Barde
  par Gemini »), unless a noun of another type stands before it (« Google a racheté la start-up
  Nuage »: a company, not Google Cloud); for a form no French word has (« Nvidien »), its
  capital mid-sentence alone.

A form followed by another capitalised word is part of a longer name (« Bureau Veritas ») and
never reported.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import Enum
from typing import NamedTuple

from textlint import regexes
from textlint.names import mid_sentence
from textlint.yamlrules.kinds.context import WORD, Phrase, ends_with, sentence_bounds, starts_with
from textlint.yamlrules.matching import fold


class Evidence(Enum):
    """What a derived form needs before it is reported."""

    NONE = "none"  # « Face book », « Google chrome »: no French text writes it
    CAPITAL = "capital"  # « Nvidien », « Anthropique »: a capital mid-sentence, or a cue
    MAKER = "maker"  # « Barde », « Équipes »: a cue, or a capital mid-sentence and the maker
    CUE = "cue"  # « Claudie », « Gémeaux »: a French name too, only a cue tells


class Cues(NamedTuple):
    """The nouns that say what a brand is, by entity type, folded to words."""

    classes: dict[str, tuple[Phrase, ...]]


# A version: « 11 », « 1.5 », « 365 », not a quantity or a time (« 12 heures », « 3 % »).
_VERSION = regexes.compile(
    r"[ \u00a0]\d{1,3}(?:\.\d{1,2})?\b(?![ \u00a0\u202f]?(?:%|‰|€|\$|h\b|heures?\b|ans?\b|mois\b|jours?\b"
    r"|millions?\b|milliards?\b|000\b|et\s+\d|à\s+\d|ou\s+\d))"
)
_NEXT_NAME = regexes.compile(r"[ \u00a0]+\p{Lu}")
_APPOSITION = regexes.compile(r"\s*,\s*")
_DETERMINERS = frozenset({"son", "sa", "leur", "le", "la", "l", "un", "une", "ce", "cette"})
_LINKS = frozenset(
    {"de", "du", "des", "d", "à", "au", "aux", "le", "la", "les", "l", "et", "ou", "par", "pour", "sur"}
)
_BETWEEN = 1  # words allowed between the class noun and the form (« l’application mobile Équipes »)


def has_evidence(
    text: str, start: int, end: int, evidence: Evidence, cues: Cues, kind: str, maker: Phrase | None
) -> bool:
    """Whether the sentence around [start, end) shows the brand is meant."""
    if evidence is Evidence.NONE:
        return True
    if _NEXT_NAME.match(text, end) and not version_after(text, end):
        return False
    if _cue(text, start, end, cues.classes.get(kind, ())):
        return True
    if evidence is Evidence.CUE or not mid_sentence(text, start):
        return False
    return evidence is Evidence.CAPITAL or _maker_evidence(text, start, end, cues, kind, maker)


def _cue(text: str, start: int, end: int, classes: Sequence[Phrase]) -> bool:
    """A version number after the form, or a noun saying what it is before or after it."""
    return version_after(text, end) or _class_before(text, start, classes) or _class_after(text, end, classes)


def _maker_evidence(text: str, start: int, end: int, cues: Cues, kind: str, maker: Phrase | None) -> bool:
    """The maker named in the sentence, unless a noun of another type stands before the form
    (« Google a racheté la start-up Nuage »: a company, not Google Cloud)."""
    others = [phrase for other, phrases in cues.classes.items() if other != kind for phrase in phrases]
    if maker is None or _class_before(text, start, others):
        return False
    return _maker_in_sentence(text, start, end, maker)


def version_after(text: str, end: int) -> bool:
    """Whether a version number follows the word ending at `end` (« Fenêtres 11 », « Lama 3.1 »)."""
    return _VERSION.match(text, end) is not None


def _class_before(text: str, start: int, classes: Sequence[Phrase]) -> bool:
    first, _ = sentence_bounds(text, start, start)
    words = WORD.findall(fold(text[first:start]))[-6:]
    # The word between may be an adjective (« mobile »), not « de »: « la console de Bord »
    # is a dashboard's.
    cuts = [len(words) - skip for skip in range(_BETWEEN + 1)]
    heads = [words[:cut] for cut in cuts if not _LINKS.intersection(words[cut:])]
    return any(ends_with(head, phrase) for phrase in classes for head in heads)


def _class_after(text: str, end: int, classes: Sequence[Phrase]) -> bool:
    comma = _APPOSITION.match(text, end)
    if comma is None or "," not in comma.group():
        return False
    _, last = sentence_bounds(text, end, end)
    words = WORD.findall(fold(text[comma.end() : last]))[:6]
    if not words or words[0] not in _DETERMINERS:
        return False
    return any(starts_with(words[skip:], phrase) for phrase in classes for skip in (1, 2))


def _maker_in_sentence(text: str, start: int, end: int, maker: Phrase) -> bool:
    first, last = sentence_bounds(text, start, end)
    words = WORD.findall(fold(text[first:start] + " " + text[end:last]))
    size = len(maker)
    return any(tuple(words[i : i + size]) == maker for i in range(len(words) - size + 1))
