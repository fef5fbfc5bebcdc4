"""Kind `brand-form`: a known brand split, respaced, lower-cased, singularised or translated.

Machine translation and careless copy write « Face book », « Google chrome », « Amazon Web
Service », « Microsoft Équipes », « Google Cerveau ». The registries know the right names; this
kind derives from each of them (handed over as the `Vocabulary`) the wrong forms that follow
from it, so that no registry has to list them: the name split in two (« Face book », « You
Tube »), a product's words in lower case after its maker's name (« Google chrome »), a final
« s » dropped (« Amazon Web Service »), and words of the name translated one by one while
another word of it stays (« Google Cerveau », « Nouveau York Times »). Every derived form is a
phrase of the shared automaton.
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from textlint.document import Document
from textlint.issues import Issue, Safety
from textlint.yamlrules.fields import Fields
from textlint.yamlrules.kinds.context import in_quoted_speech
from textlint.yamlrules.kinds.phrase import Entry, PhraseRule
from textlint.yamlrules.rule import Header, Vocabulary

# Types of registry names that are brands: people, places, events and institutions keep the
# French names that translate them (la Croix-Rouge, l'Open d'Australie).
_BRAND_TYPES = frozenset({"organisation", "product"})
_FUNCTION_WORDS = frozenset(
    ["le", "la", "les", "l", "de", "du", "des", "d", "et", "the", "of", "and", "a", "an", "for", "in", "on"]
)
_LETTERS = regex.compile(r"\p{L}+")
# Endings of names that are no English plural (« Paris », « Veritas », « Lens », « Reims »).
_NOT_PLURAL = ("ss", "is", "us", "as", "ís", "ns", "ms", "ès")


class BrandFormRule(PhraseRule):
    """Wrong forms derived from the registries' brand names, fixed to the name."""

    uses_vocabulary = True
    template_names = frozenset({"name"})

    def __init__(self, header: Header, fields: Fields, vocabulary: Vocabulary) -> None:
        super().__init__(header)
        self.min_part: int = fields.integer("min-part", 4)
        translations = fields.mapping("translations")
        self.translations = {str(word): _strings(fields, word, value) for word, value in translations.items()}
        brands = sorted(name for name, kind in vocabulary.types.items() if kind in _BRAND_TYPES)
        known = set(vocabulary.types) | vocabulary.names
        forms: dict[str, tuple[str, Safety]] = {}
        self.registry_names = frozenset(vocabulary.types)
        for name in brands:
            for form, safety in self._forms(name, set(brands)):
                if form not in known and form != name:
                    forms.setdefault(form, (name, safety))
        self.safeties = {form: safety for form, (_, safety) in forms.items()}
        self.entries = tuple(Entry(form, name, ()) for form, (name, _) in sorted(forms.items()))

    def _forms(self, name: str, brands: set[str]) -> Iterator[tuple[str, Safety]]:
        words = name.split()
        if len(words) == 1:
            yield from ((form, Safety.UNSAFE) for form in self._splits(name))
            return
        if words[0].lower() in _FUNCTION_WORDS:
            return
        if words[0] in brands:  # « Google Chrome »: the product of a known maker
            lowered = [words[0], *(word.lower() for word in words[1:])]
            yield " ".join(lowered), Safety.UNSAFE
        last = words[-1]
        # « Amazon Web Services »: a plural word of the brand, not a name (« Euronext Paris »).
        plural = _LETTERS.fullmatch(last) and last.endswith("s") and not last.endswith(_NOT_PLURAL)
        plural = plural and last not in self.registry_names
        if last[:1].isupper() and len(last) > 3 and plural:
            yield " ".join([*words[:-1], last[:-1]]), Safety.UNSAFE
        yield from ((form, Safety.SUGGESTION) for form in self._translated(words))

    def _splits(self, name: str) -> Iterator[str]:
        """« Face book », « You Tube »: a one-word name cut at an inner capital, or, if long
        enough, anywhere that leaves two parts of `min-part` letters."""
        if not _LETTERS.fullmatch(name):
            return
        camel_case = any(char.isupper() for char in name[1:])
        for cut in range(2, len(name) - 1):
            if camel_case:
                if name[cut].isupper() and name[cut - 1].islower():
                    yield f"{name[:cut]} {name[cut:]}"
            elif self.min_part <= cut <= len(name) - self.min_part:
                yield f"{name[:cut]} {name[cut:]}"
                yield f"{name[:cut]} {name[cut].upper()}{name[cut + 1 :]}"

    def _translated(self, words: list[str]) -> Iterator[str]:
        """Each translatable word rendered in French while another word of the name stays."""
        for index, word in enumerate(words):
            anchors = [w for i, w in enumerate(words) if i != index and w.lower() not in _FUNCTION_WORDS]
            if not anchors:
                continue
            for french in self.translations.get(word, ()):
                yield " ".join([*words[:index], french, *words[index + 1 :]])

    def issue_for(self, doc: Document, start: int, end: int, entry: Entry) -> Issue | None:
        # A name inside reported speech is the speaker's, as written there.
        if in_quoted_speech(doc.text, start, end):
            return None
        name = entry.replacement or ""
        safety = self.safeties[entry.phrase]
        return self.make_issue(doc, start, end, name, fields={"name": name}, safety=safety)


def _strings(fields: Fields, word: object, value: object) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list) and value and all(isinstance(item, str) for item in value):
        return tuple(value)
    raise fields.error("translations", f"{word!r} should map to a word or a list of words")
