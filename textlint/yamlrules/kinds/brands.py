"""Kind `brand-form`: a known brand split, respaced, lower-cased, singularised or translated.

Machine translation and careless copy write « Face book », « Google chrome », « Amazon Web
Service », « Microsoft Équipes », « Google Cerveau ». The registries know the right names; this
kind derives from each of them (handed over as the `Vocabulary`) the wrong forms that follow
from it, so that no registry has to list them:

- forms no French text writes, reported wherever they stand: the name split in two (« Face
  book », « You Tube », « Play station »), its inner capitals lost (« Blackrock »), a product's
  words in lower case after its maker's name (« Google chrome »), a final « s » dropped
  (« Amazon Web Service »), and words of the name translated one by one while another word of
  it stays (« Google Cerveau », « Nouveau York Times »);
- forms that are French words or names as well, reported only when the sentence shows the
  brand is meant (`brandcues.py`): the whole name translated (« Équipes » for Teams,
  « Fenêtres » for Windows), a French ending put on it (« Anthropique », « Nvidien »), a first
  name made feminine or diminutive (« Claudie » for Claude).

Every derived form is a phrase of the shared automaton.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from textlint import regexes
from textlint.document import Document
from textlint.issues import Issue, Safety
from textlint.yamlrules.fields import Fields
from textlint.yamlrules.kinds.brandcues import Cues, Evidence, has_evidence
from textlint.yamlrules.kinds.context import Phrase, in_quoted_speech, phrase_words
from textlint.yamlrules.kinds.phrase import Entry, PhraseRule
from textlint.yamlrules.rule import Header, Vocabulary

# Types of registry names that are brands: people, places, events and institutions keep the
# French names that translate them (la Croix-Rouge, l'Open d'Australie).
_BRAND_TYPES = frozenset({"organisation", "product"})
_FUNCTION_WORDS = frozenset(
    ["le", "la", "les", "l", "de", "du", "des", "d", "et", "the", "of", "and", "a", "an", "for", "in", "on"]
)
_LETTERS = regexes.compile(r"\p{L}+")
_NAME_LETTERS = regexes.compile(r"\p{L}+(?:['’]\p{L}+)?")
_CAMEL_HUMP = regexes.compile(r"\p{Ll}\p{Lu}")  # « BlackRock »; not an elision (« L'Équipe »)
# Endings of names that are no English plural (« Paris », « Veritas », « Lens », « Reims »);
# « Teams », « Systems » are plurals.
_NOT_PLURAL = ("ss", "is", "us", "as", "ís", "ns", "ims", "ès")
# What went wrong with a derived form, the keys of the rule's `reasons` (the message's {reason}).
REASONS = ("split", "capitals", "plural", "translated", "ending", "first-name")
_MIN_STEM = 3  # letters a name keeps before a French ending replaces its own (« Kia » has none)


@dataclass(frozen=True)
class Form:
    """A derived wrong form: the name it stands for, how far its fix is trusted, and what it
    needs to be reported."""

    name: str
    safety: Safety
    reason: str  # a key of the rule's `reasons`: « split », « translated »…
    evidence: Evidence = Evidence.NONE
    kind: str = "product"
    maker: Phrase | None = None


class BrandFormRule(PhraseRule):
    """Wrong forms derived from the registries' brand names, fixed to the name."""

    uses_vocabulary = True
    template_names = frozenset({"name", "reason"})

    def __init__(self, header: Header, fields: Fields, vocabulary: Vocabulary) -> None:
        super().__init__(header)
        self.min_part: int = fields.integer("min-part", 4)
        self.translations = _word_lists(fields, "translations", required=True)
        self.cues = Cues(
            {kind: tuple(map(phrase_words, words)) for kind, words in _word_lists(fields, "classes").items()}
        )
        self.makers = {str(name): str(maker) for name, maker in (fields.mapping("makers", {}) or {}).items()}
        self.homonyms = frozenset(fields.string_list("homonyms", ()))
        self.endings = _word_lists(fields, "endings")
        self.first_names = frozenset(fields.string_list("first-names", ()))
        self.diminutives = _word_lists(fields, "diminutives")
        self.reasons = {str(key): str(text) for key, text in (fields.mapping("reasons", {}) or {}).items()}
        if set(self.reasons) - set(REASONS):
            raise fields.error("reasons", f"keys should be among {', '.join(REASONS)}")
        self.registry_names = frozenset(vocabulary.types)
        self.forms = self._all_forms(vocabulary)
        self.entries = tuple(Entry(form, derived.name, ()) for form, derived in sorted(self.forms.items()))

    def _all_forms(self, vocabulary: Vocabulary) -> dict[str, Form]:
        types = {name: kind for name, kind in vocabulary.types.items() if kind in _BRAND_TYPES}
        brands = set(types)
        taken = set(vocabulary.types) | vocabulary.variants
        known = taken | vocabulary.names
        forms: dict[str, Form] = {}
        for name in sorted(brands):
            for form, safety, reason in self._forms(name, brands):
                if form not in known and form != name:
                    forms.setdefault(form, Form(name, safety, reason))
        for name in sorted(brands):
            for form, derived in self._homonym_forms(name, types[name], brands):
                if form not in taken and form != name:
                    forms.setdefault(form, derived)
        return forms

    def _forms(self, name: str, brands: set[str]) -> Iterator[tuple[str, Safety, str]]:
        words = name.split()
        if len(words) == 1:
            yield from ((form, Safety.UNSAFE, "split") for form in self._splits(name))
            yield from ((form, Safety.UNSAFE, "capitals") for form in _flattened(name))
            return
        if words[0].lower() in _FUNCTION_WORDS:
            return
        if words[0] in brands:  # « Google Chrome »: the product of a known maker
            lowered = [words[0], *(word.lower() for word in words[1:])]
            yield " ".join(lowered), Safety.UNSAFE, "capitals"
        last = words[-1]
        # « Amazon Web Services »: a plural word of the brand, not a name (« Euronext Paris »).
        plural = _LETTERS.fullmatch(last) and last.endswith("s") and not last.endswith(_NOT_PLURAL)
        plural = plural and last not in self.registry_names
        if last[:1].isupper() and len(last) > 3 and plural:
            yield " ".join([*words[:-1], last[:-1]]), Safety.UNSAFE, "plural"
        yield from ((form, Safety.SUGGESTION, "translated") for form in self._translated(words))

    def _splits(self, name: str) -> Iterator[str]:
        """« Face book », « You Tube », « Play station »: a one-word name cut at an inner
        capital, or, if long enough, anywhere that leaves two parts of `min-part` letters."""
        if not _LETTERS.fullmatch(name):
            return
        camel_case = any(char.isupper() for char in name[1:])
        for cut in range(2, len(name) - 1):
            head, tail = name[:cut], name[cut:]
            if camel_case:
                if tail[0].isupper() and head[-1].islower():
                    yield f"{head} {tail}"
                    yield f"{head} {tail[0].lower()}{tail[1:]}"
                    yield f"{head[0]}{head[1:].lower()} {tail}"
            elif self.min_part <= cut <= len(name) - self.min_part:
                yield f"{head} {tail}"
                yield f"{head} {tail[0].upper()}{tail[1:]}"

    def _translated(self, words: list[str]) -> Iterator[str]:
        """Each translatable word rendered in French while another word of the name stays."""
        for index, word in enumerate(words):
            anchors = [w for i, w in enumerate(words) if i != index and w.lower() not in _FUNCTION_WORDS]
            if not anchors:
                continue
            for french in self.translations.get(word, ()):
                yield " ".join([*words[:index], french, *words[index + 1 :]])

    def _homonym_forms(self, name: str, kind: str, brands: set[str]) -> Iterator[tuple[str, Form]]:
        """Forms that French writes too: reported only with evidence (`brandcues.py`)."""
        words = name.split()
        if len(words) == 2 and words[0] in brands:  # « Équipes » alone for Microsoft Teams
            yield from self._translations(words[1], kind, phrase_words(words[0]))
            return
        if len(words) != 1:
            return
        maker = self.makers.get(name)
        made_by = phrase_words(maker) if maker else None
        yield from self._translations(name, kind, made_by)
        if kind == "organisation":
            for form in _reshaped(name, self.endings):
                yield form, Form(name, Safety.SUGGESTION, "ending", Evidence.CAPITAL, kind, made_by)
        if name in self.first_names:
            for form in _reshaped(name, self.diminutives):
                yield form, Form(name, Safety.SUGGESTION, "first-name", Evidence.CUE, kind, made_by)

    def _translations(self, name: str, kind: str, made_by: Phrase | None) -> Iterator[tuple[str, Form]]:
        """The name translated whole (« Équipes »); not a word French writes in capitals (« IA »)."""
        for french in self.translations.get(name, ()):
            if french == name or french.isupper():
                continue
            evidence = Evidence.CUE if french in self.homonyms else Evidence.MAKER
            for form in _capitalised(french):
                yield form, Form(name, Safety.SUGGESTION, "translated", evidence, kind, made_by)

    def issue_for(self, doc: Document, start: int, end: int, entry: Entry) -> Issue | None:
        # A name inside reported speech is the speaker's, as written there.
        if in_quoted_speech(doc.text, start, end):
            return None
        form = self.forms[entry.phrase]
        if not has_evidence(doc.text, start, end, form.evidence, self.cues, form.kind, form.maker):
            return None
        fields = {"name": form.name, "reason": self.reasons.get(form.reason, "")}
        return self.make_issue(doc, start, end, form.name, fields=fields, safety=form.safety)


def _flattened(name: str) -> Iterator[str]:
    """« Blackrock », « Mcdonald’s »: a name with inner capitals written with its first only."""
    if not (_NAME_LETTERS.fullmatch(name) and name[:1].isupper() and _CAMEL_HUMP.search(name)):
        return
    flat = name[0] + name[1:].lower()
    if flat != name:
        yield flat
        if "'" in flat:
            yield flat.replace("'", "’")


def _capitalised(french: str) -> Iterator[str]:
    """« Pilote automatique » and « Pilote Automatique »: machine translation keeps the source's
    capitals or not."""
    first = french[:1].upper() + french[1:]
    yield first
    titled = " ".join(word[:1].upper() + word[1:] for word in first.split())
    if titled != first:
        yield titled


def _reshaped(name: str, endings: Mapping[str, tuple[str, ...]]) -> Iterator[str]:
    """The name with its ending replaced by French ones: « Anthropic » → « Anthropique »."""
    if not _LETTERS.fullmatch(name):
        return
    for ending, french_endings in endings.items():
        stem = name[: len(name) - len(ending)]
        if name.endswith(ending) and len(stem) >= _MIN_STEM:
            yield from (stem + french for french in french_endings)


def _word_lists(fields: Fields, field: str, required: bool = False) -> dict[str, tuple[str, ...]]:
    """A mapping of words to a word or a list of words (`translations`, `classes`…)."""
    values = fields.mapping(field) if required else fields.mapping(field, {})
    return {str(word): _strings(fields, field, word, value) for word, value in (values or {}).items()}


def _strings(fields: Fields, field: str, word: object, value: object) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list) and value and all(isinstance(item, str) for item in value):
        return tuple(value)
    raise fields.error(field, f"{word!r} should map to a word or a list of words")
