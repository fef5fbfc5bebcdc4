"""Kind `entity`: a registry of named entities, their canonical spellings and their wrong forms.

A registry file (see docs/rules.md, "Entity registries") becomes one rule. Each wrong form is
a phrase of the shared automaton, so tens of thousands of variants cost one scan. A wrong
form that is also an ordinary word (« barde » for Bard, « pomme » for Apple) fires only with
evidence: a capital letter mid-sentence, or a context word of its entity nearby.

A registry read back from the compiled-rules cache does not rebuild its entities: they stay
packed (`packed.py`) and each is unpickled when a document first holds one of its forms; an
entry names its entity by its place in the registry. The entries themselves are worked out
only when the rule is run on its own (the self-test); the checker keeps its own copy of them,
packed in the phrase index.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from typing import NamedTuple

from textlint import langid, regexes
from textlint.document import Document
from textlint.issues import Issue, Safety
from textlint.yamlrules.kinds.brandcues import version_after
from textlint.yamlrules.kinds.context import in_quoted_speech
from textlint.yamlrules.kinds.phrase import Entry, PhraseRule
from textlint.yamlrules.matching import fold
from textlint.yamlrules.packed import Packed
from textlint.yamlrules.rule import Header

ENTITY_TYPES = {
    "person": "personne",
    "organisation": "organisation",
    "product": "produit",
    "institution": "institution",
    "place": "lieu",
    "event": "événement",
}
CONTEXT_WORDS = 12  # how many words on each side (within the sentence) may hold a context word
_WORD = regexes.compile(r"[\w\p{M}]+")
_SENTENCE_END = ".!?…:"
_SENTENCE_BREAK = regexes.compile(r"[.!?…](?:\s|$)")
_OPENERS = " \t\u00a0\u202f«“\"'‘(—–-"
_VOWELS = frozenset("AEIOUÉÈÊÀÂÎÔÛaeiouéèêàâîôû")


class Entity(NamedTuple):
    name: str
    type: str
    variants: tuple[str, ...]
    ambiguous: frozenset[str]
    context: tuple[tuple[str, ...], ...]  # each context phrase as folded words
    french: str | None = None
    # False when the ordinary homonym is itself capitalised (« Claudie », « Gémeaux »).
    capital_evidence: bool = True

    @property
    def elides(self) -> bool:
        """« de OpenAI » must be « d’OpenAI »: names that begin with a vowel take elision."""
        return self.name[:1] in _VOWELS


@dataclass(frozen=True)
class EntityEntry(Entry):
    entity: int = 0  # its place in the registry's entities
    ambiguous: bool = False


class EntityRule(PhraseRule):
    """Wrong forms of registry entities, fixed to the canonical name (elision included)."""

    template_names = frozenset({"type", "name"})
    deferred = ()  # the entries are worked out from the entities: nothing of them is stored

    def __init__(self, header: Header, entities: tuple[Entity, ...]) -> None:
        super().__init__(header)
        self.entities = Packed(entities)

    @cached_property
    def entries(self) -> tuple[Entry, ...]:
        return tuple(entry for place, entity in enumerate(self.entities) for entry in _entries(place, entity))

    def __getstate__(self) -> dict[str, object]:
        return {name: value for name, value in super().__getstate__().items() if name != "entries"}

    @property
    def canonical_forms(self) -> frozenset[str]:
        """Names and their capitalised words: LanguageTool flags words, not whole names."""
        forms = {entity.name for entity in self.entities}
        forms |= {word for name in list(forms) for word in _WORD.findall(name) if word[:1].isupper()}
        return frozenset(forms)

    @property
    def named_entities(self) -> Iterator[tuple[str, str]]:
        for entity in self.entities:
            yield entity.name, entity.type

    @property
    def listed_variants(self) -> Iterator[str]:
        for entity in self.entities:
            yield from entity.variants

    def issue_for(self, doc: Document, start: int, end: int, entry: Entry) -> Issue | None:
        assert isinstance(entry, EntityEntry)
        entity = self.entities[entry.entity]
        # A name inside reported speech is the speaker's; a quotation that is the name alone
        # (a translated title) is still checked.
        if _in_capitals(doc.text, start, end) or in_quoted_speech(doc.text, start, end):
            return None
        if entry.ambiguous and not _evidence(doc.text, start, end, entity):
            return None
        if _continues_a_name(doc.text, start) or (
            entity.type == "place" and _in_foreign_name(doc.text, start, end)
        ):
            return None
        if _in_foreign_line(doc, start, end):
            return None
        safety = Safety.SUGGESTION if entry.ambiguous else None
        fields = {"type": ENTITY_TYPES[entity.type], "name": entity.french or entity.name}
        replacement = entry.replacement or ""
        if entry.phrase.startswith(("de ", "De ")):
            replacement = _elided(doc.text, replacement)
        return self.make_issue(doc, start, end, replacement, (), fields, safety)


# A capitalised word joined to a foreign form by one blank: the form is a word of a longer name
# (« Rebirth Beirut », « Beirut Art Fair », « African Movie Academy Awards »), kept as its owner
# writes it. A capitalised French article starts a translated title instead (« dans Le Journal
# de … »).
_CAPITALISED_BEFORE = regexes.compile(
    r"(?<=[\p{L}\p{N},;)»”'’][ \t])(?!(?:Le|La|Les|Un|Une|Des|Du|De|Au|Aux)[ \t])\p{Lu}[\p{Ll}\p{M}]+[ \t]$"
)
_CAPITALISED_AFTER = regexes.compile(r"[ \t]\p{Lu}[\p{Ll}\p{M}]+\b")


def _continues_a_name(text: str, start: int) -> bool:
    """A capitalised word mid-sentence just before the form: it is the end of a longer name
    (« les African Movie Academy Awards », « Rebirth Beirut »), not the entity's."""
    return _CAPITALISED_BEFORE.search(text, max(0, start - 30), start) is not None


def _in_foreign_name(text: str, start: int, end: int) -> bool:
    """A capitalised word after a place's foreign form: a name in that language (« Beirut Art
    Fair »)."""
    return _CAPITALISED_AFTER.match(text, end) is not None


def _entries(place: int, entity: Entity) -> Iterator[EntityEntry]:
    for variant in entity.variants:
        ambiguous = variant in entity.ambiguous
        yield EntityEntry(variant, entity.name, (), place, ambiguous)
    if entity.elides:
        for form in (entity.name, *entity.variants):
            ambiguous = form in entity.ambiguous
            for de, d in (("de ", "d’"), ("De ", "D’")):
                yield EntityEntry(de + form, d + entity.name, (), place, ambiguous)


def _elided(text: str, replacement: str) -> str:
    """Write the elision with ’, as typo.apostrophe-consistency fixes mixed apostrophes; a
    text written wholly with ' keeps its house style."""
    if "'" in text and "’" not in text:
        return replacement.replace("’", "'", 1)
    return replacement


# A line this long that the language detector gives to another language (an agency's English
# photo caption left in a scraped page) writes names as that language does: « Champions League »,
# « Lisbon » are right there. The untranslated text is the defect, reported by
# mt.untranslated-fragment, not each name in it.
MIN_FOREIGN_LINE_WORDS = 8


def _in_foreign_line(doc: Document, start: int, end: int) -> bool:
    # `is_foreign` answers a French line (the common case) without asking the detector.
    line_start, line_end = _line_bounds(doc.text, start, end)
    line = doc.text[line_start:line_end]
    return doc.memo(f"foreign-line:{line_start}", lambda: langid.is_foreign(line, MIN_FOREIGN_LINE_WORDS))


def _line_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    return line_start, len(text) if line_end < 0 else line_end


def _in_capitals(text: str, start: int, end: int) -> bool:
    """An all-capitals form next to other all-capitals words is a headline, not an error."""
    matched = text[start:end]
    letters = [c for c in matched if c.isalpha()]
    if len(letters) < 2 or not all(c.isupper() for c in letters):
        return False
    line_start, line_end = _line_bounds(text, start, end)
    before = _WORD.findall(text, line_start, start)[-1:]
    after = _WORD.findall(text, end, line_end)[:1]
    return any(len(word) > 1 and word.isupper() for word in (*before, *after))


def _evidence(text: str, start: int, end: int, entity: Entity) -> bool:
    capital = entity.capital_evidence and _capital_mid_sentence(text, start)
    # « Lama 3 », « Claudie 2 »: no animal and no first name takes a version number.
    version = entity.type == "product" and text[start : start + 1].isupper() and version_after(text, end)
    return capital or version or _context_nearby(text, start, end, entity)


def _capital_mid_sentence(text: str, start: int) -> bool:
    if not text[start : start + 1].isupper():
        return False
    line_start = text.rfind("\n", 0, start) + 1
    before = text[line_start:start].rstrip(_OPENERS)
    return bool(before) and before[-1] not in _SENTENCE_END


def _context_nearby(text: str, start: int, end: int, entity: Entity) -> bool:
    """A context word of the entity within CONTEXT_WORDS words, in the same sentence."""
    line_start, line_end = _line_bounds(text, start, end)
    before_text = _SENTENCE_BREAK.split(text[line_start:start])[-1]
    after_text = _SENTENCE_BREAK.split(text[end:line_end])[0]
    before = _WORD.findall(fold(before_text))[-CONTEXT_WORDS:]
    after = _WORD.findall(fold(after_text))[:CONTEXT_WORDS]
    window = f" {' '.join(before)} | {' '.join(after)} "
    return any(f" {' '.join(words)} " in window for words in entity.context)


def context_words(phrase: str) -> tuple[str, ...]:
    """A context phrase as the folded words the window is compared with."""
    return tuple(_WORD.findall(fold(phrase)))
