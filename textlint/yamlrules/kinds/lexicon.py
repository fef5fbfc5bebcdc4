"""Kind `lexicon`: anglicisms, false friends and calques, one entry per foreign source.

Machine translation writes French words in an English (Italian, Spanish) sense: « librairie »
for a software library, « éventuellement » for "eventually", « adresser » a problem. Most of
these words are also correct French in their own sense, so an entry says what it comes from
(`source`, `from`), what French meant (`sense`), how to fix it, and the guards that tell the
two uses apart: words that must (`context`) or must not (`unless`) stand in the same sentence,
and the words that must or must not come just before (`after`) or just after (`before`).

Entries are data: literal forms (brace alternatives `adress{e,es,ent}` spell inflections) are
phrases of the shared automaton, and an entry that needs a regular expression declares the
literal `trigger` strings every match holds, which are phrases of the same automaton; the
expression runs only on the lines where a trigger stands. Tens of thousands of entries cost
one scan of the text.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping
from dataclasses import dataclass, replace
from functools import cached_property
from typing import Any, NamedTuple, cast

import regex

from textlint import regexes
from textlint.document import Document
from textlint.errors import RuleError
from textlint.issues import Issue, Safety, Severity
from textlint.yamlrules.fields import Fields
from textlint.yamlrules.kinds.context import (
    Phrase,
    ends_with,
    holds_any,
    in_quotation,
    line_bounds,
    phrase_words,
    sentence_bounds,
    starts_with,
    words_between,
)
from textlint.yamlrules.kinds.phrase import Entry, PhraseRule
from textlint.yamlrules.kinds.regions import REGIONS, named_regions
from textlint.yamlrules.matching import Case, Edges, compile_pattern, finditer
from textlint.yamlrules.phrases import Bounds, PhraseIndex
from textlint.yamlrules.rule import BadExample, Header

ORIGINS = {"en": "anglais", "it": "italien", "es": "espagnol", "pt": "portugais", "de": "allemand"}
_FROM = {
    "en": "de l’anglais",
    "it": "de l’italien",
    "es": "de l’espagnol",
    "pt": "du portugais",
    "de": "de l’allemand",
}
_BRACES = regexes.compile(r"\{([^{}]*)\}")
_APOSTROPHES = ("'", "’")
_ENTRY_KEYS = ("forms", "pattern")


class Guards(NamedTuple):
    """What the sentence around a match must hold for the entry to apply."""

    context: tuple[Phrase, ...] = ()  # one of them in the same sentence
    unless: tuple[Phrase, ...] = ()  # none of them in the same sentence
    after: tuple[Phrase, ...] = ()  # the words just before the match end with one of them
    not_after: tuple[Phrase, ...] = ()
    before: tuple[Phrase, ...] = ()  # the words just after the match start with one of them
    not_before: tuple[Phrase, ...] = ()
    paragraph: bool = False  # `context` and `unless` look at the whole paragraph (line)

    def allow(self, text: str, start: int, end: int) -> bool:
        first, last = sentence_bounds(text, start, end)
        neighbours = self.after or self.not_after or self.before or self.not_before
        if neighbours and not self._neighbours_allow(
            words_between(text, first, start), words_between(text, end, last)
        ):
            return False
        if not (self.context or self.unless):
            return True
        if self.paragraph:
            first, last = line_bounds(text, start, end)
        around = words_between(text, first, last)
        if self.context and not holds_any(around, self.context):
            return False
        return not holds_any(around, self.unless)

    def _neighbours_allow(self, preceding: list[str], following: list[str]) -> bool:
        """`after` and `before`: the words right before and right after the match."""
        if self.after and not any(ends_with(preceding, p) for p in self.after):
            return False
        if self.before and not any(starts_with(following, p) for p in self.before):
            return False
        return not (
            any(ends_with(preceding, p) for p in self.not_after)
            or any(starts_with(following, p) for p in self.not_before)
        )


@dataclass(frozen=True)
class Item:
    """One lexicon entry: a foreign source, the sense French wanted, fixes and guards."""

    index: int
    source: str
    origin: str
    sense: str
    guards: Guards
    case: Case
    severity: Severity | None
    safety: Safety | None
    pattern: regex.Pattern[str] | None  # for entries matched by a regular expression
    replacement: str | None  # the pattern's fix template
    fixes: tuple[str, ...]  # the first is the fix, the others suggestions
    hints: tuple[str, ...]  # `suggest`: rewrites shown, never applied (a verb to conjugate)
    bad: tuple[BadExample, ...]
    good: tuple[str, ...]
    trigger_at: Edges = Edges.ANYWHERE  # where the triggers of a pattern entry count
    regional: frozenset[str] = frozenset()  # regions whose press prints the usage (`regions`)

    def allows(self, doc: Document, start: int, end: int) -> bool:
        """The guards allow the match at [start, end), in a document of no region it belongs to."""
        if not self.guards.allow(doc.text, start, end):
            return False
        return not (self.regional and self.regional & named_regions(doc))

    @property
    def fields(self) -> dict[str, str]:
        return {
            "source": self.source,
            "language": ORIGINS[self.origin],
            "from": _FROM[self.origin],
            "sense": self.sense,
        }


@dataclass(frozen=True)
class Form(Entry):
    """A phrase of the automaton: a literal form of an item, or one of its triggers."""

    item: Item | None = None
    trigger: bool = False


class LexiconRule(PhraseRule):
    """Flags the forms (or pattern matches) of its entries where their guards allow."""

    template_names = frozenset({"source", "language", "from", "sense"})
    # Its entries (for the self-test) and their forms: unpickled together, a form's entry is
    # the very one `items` holds.
    deferred = ("entries", "items")

    def __init__(self, header: Header, fields: Fields) -> None:
        super().__init__(header)
        raw = fields.raw("entries")
        if not isinstance(raw, list) or not raw:
            raise fields.error("entries", "should be a non-empty list of entries")
        default_origin = fields.choice("from", tuple(ORIGINS), "en")
        # Words left untranslated inside a quotation in that language are the speaker's.
        self.skip_quotations = fields.boolean("skip-quotations", False)
        self.items = tuple(
            _item(fields, raw_item, index, header, default_origin) for index, raw_item in enumerate(raw)
        )
        self.entries = tuple(
            form for index, raw_item in enumerate(raw) for form in self._forms(fields, raw_item, index)
        )
        # The entries' examples are the rule's: the self-test runs them all.
        self.header = replace(
            header,
            bad=header.bad + tuple(example for item in self.items for example in item.bad),
            good=header.good + tuple(text for item in self.items for text in item.good),
        )

    @cached_property
    def items(self) -> tuple[Item, ...]:
        """The lexicon's entries: set when the rule is built, deferred when read back."""
        return cast(tuple[Item, ...], self._deferred("items"))

    def _forms(self, fields: Fields, raw: Mapping[str, Any], index: int) -> list[Form]:
        item = self.items[index]
        if item.pattern is not None:
            return [Form(t, None, (), item, True) for t in _triggers(fields, raw, index)]
        forms = raw["forms"]
        pairs = forms.items() if isinstance(forms, dict) else ((form, None) for form in forms)
        result = []
        for written, fixes in pairs:
            own = _fix_list(fields, index, fixes) if fixes is not None else item.fixes
            replacement = own[0] if own else None
            result += [Form(p, replacement, own[1:], item) for p in _spellings(fields, index, written)]
        return result

    def ignores_case(self, entry: Entry) -> bool:
        assert isinstance(entry, Form) and entry.item is not None
        return entry.item.case.ignores_case

    def bounded(self, entry: Entry) -> Bounds:
        # A trigger is a literal string somewhere in the match, not a word, unless its entry
        # says it stands at word edges (`trigger-at`).
        if not (isinstance(entry, Form) and entry.trigger):
            return True
        assert entry.item is not None
        edges = entry.item.trigger_at
        return False if edges is Edges.ANYWHERE else edges

    def issue_for(self, doc: Document, start: int, end: int, entry: Entry) -> Issue | None:
        assert isinstance(entry, Form) and entry.item is not None
        item = entry.item
        if entry.trigger:
            found = self._pattern_match(doc, item, start, end)
            if found is None:
                return None
            start, end, replacement = found
            if item.replacement is None and item.fixes:
                replacement = item.fixes[0]
            suggestions = item.fixes[1:]
        else:
            replacement, suggestions = entry.replacement, entry.suggestions
        if not item.allows(doc, start, end):
            return None
        if self.skip_quotations and in_quotation(doc.text, start, end):
            return None
        if replacement is not None:
            replacement = _in_case_of(doc.text[start:end], replacement)
        issue = self.make_issue(
            doc, start, end, replacement, suggestions, item.fields, item.safety, hints=item.hints
        )
        return issue if item.severity is None else replace(issue, severity=item.severity)

    def _pattern_match(
        self, doc: Document, item: Item, start: int, end: int
    ) -> tuple[int, int, str | None] | None:
        """The match of `item`'s pattern holding the trigger found at [start, end), with its fix."""
        line_start = doc.text.rfind("\n", 0, start) + 1
        matches = doc.memo(
            f"{self.id}:{item.index}:{line_start}", lambda: _line_matches(doc.text, item, line_start)
        )
        for first, last, replacement in matches:
            if first <= start and end <= last:
                return first, last, replacement
        return None

    def find_item(self, doc: Document, item: Item) -> list[Issue]:
        """The issues of one entry alone (the self-test checks each entry on its examples)."""
        index: PhraseIndex[Form] = PhraseIndex()
        for form in self.entries:
            assert isinstance(form, Form)
            if form.item is item:
                index.add(form.phrase, self.ignores_case(form), form, self.bounded(form))
        found = (self.issue_for(doc, start, end, form) for start, end, form in index.find(doc.text))
        return [issue for issue in found if issue is not None]


def _line_matches(text: str, item: Item, line_start: int) -> list[tuple[int, int, str | None]]:
    assert item.pattern is not None
    line_end = text.find("\n", line_start)
    line_end = len(text) if line_end < 0 else line_end
    found = []
    for match in finditer(item.pattern, text, line_start, line_end):
        if match.end() > match.start():
            replacement = match.expand(item.replacement) if item.replacement is not None else None
            found.append((match.start(), match.end(), replacement))
    return found


def _in_case_of(matched: str, replacement: str) -> str:
    """A fix written in lower case takes the capital of a match that starts a sentence."""
    if matched[:1].isupper() and replacement[:1].islower():
        return replacement[:1].upper() + replacement[1:]
    return replacement


def expand_braces(phrase: str) -> list[str]:
    """`adress{e,es,ent}` → adresse, adresses, adressent (every combination of every group)."""
    parts = _BRACES.split(phrase)
    literals, groups = parts[0::2], [group.split(",") for group in parts[1::2]]
    return [
        "".join(piece for pair in itertools.zip_longest(literals, choice, fillvalue="") for piece in pair)
        for choice in itertools.product(*groups)
    ]


def _spellings(fields: Fields, index: int, written: Any) -> list[str]:
    """A form's phrases: its brace alternatives, each with both apostrophes."""
    if not isinstance(written, str) or not written.strip():
        raise _error(fields, index, "forms", "should hold non-empty strings")
    phrases = []
    for phrase in expand_braces(written):
        if not phrase.strip():
            raise _error(fields, index, "forms", f"{written!r} spells an empty form")
        phrases.append(phrase)
        for mark, other in itertools.permutations(_APOSTROPHES):
            if mark in phrase:
                phrases.append(phrase.replace(mark, other))
    return list(dict.fromkeys(phrases))


def _error(fields: Fields, index: int, field: str, message: str) -> RuleError:
    return fields.error(f"entries[{index}].{field}", message)


def _fix_list(fields: Fields, index: int, value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list) and value and all(isinstance(v, str) and v for v in value):
        return tuple(value)
    raise _error(fields, index, "fix", "should be a string or a non-empty list of strings")


def _phrases(fields: Fields, index: int, raw: Mapping[str, Any], name: str) -> tuple[Phrase, ...]:
    value = raw.get(name, [])
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and phrase_words(v) for v in value):
        raise _error(fields, index, name, "should be a word or phrase, or a list of them")
    return tuple(phrase_words(v) for v in value)


_ITEM_KEYS = frozenset(
    {"source", "from", "sense", "forms", "pattern", "trigger", "trigger-at", "replacement", "fix", "suggest"}
    | {"context", "unless", "after", "not-after", "before", "not-before", "context-in"}
    | {"severity", "safety", "case", "examples", "regional"}
)


def _item(fields: Fields, raw: Any, index: int, header: Header, default_origin: str) -> Item:
    if not isinstance(raw, dict):
        raise _error(fields, index, "source", "each entry should be a mapping")
    unknown = sorted(set(raw) - _ITEM_KEYS)
    if unknown:
        raise _error(fields, index, unknown[0], "unknown field")
    for name in ("source", "sense"):
        if not isinstance(raw.get(name), str) or not raw[name].strip():
            raise _error(fields, index, name, "is required (a non-empty string)")
    if sum(key in raw for key in _ENTRY_KEYS) != 1:
        raise _error(fields, index, "forms", "an entry has either `forms` or `pattern`")
    case = _case(fields, index, raw.get("case"), header.case)
    origin = raw.get("from", default_origin)
    if origin not in ORIGINS:
        raise _error(fields, index, "from", f"should be one of {', '.join(ORIGINS)}")
    pattern, replacement = _pattern(fields, index, raw, case)
    fixes = _fix_list(fields, index, raw["fix"]) if "fix" in raw else ()
    if fixes and replacement is not None:
        raise _error(fields, index, "fix", "an entry has either `fix` or a `replacement` template")
    hints = _fix_list(fields, index, raw["suggest"]) if "suggest" in raw else ()
    if "forms" in raw and not isinstance(raw["forms"], list | dict):
        raise _error(fields, index, "forms", "should be a list of forms or a mapping of form to fix")
    bad, good = _examples(fields, index, raw.get("examples"))
    return Item(
        index=index,
        source=raw["source"],
        origin=origin,
        sense=raw["sense"],
        guards=_guards(fields, index, raw),
        case=case,
        severity=_severity(fields, index, raw.get("severity")),
        safety=_safety(fields, index, raw.get("safety")),
        pattern=pattern,
        replacement=replacement,
        fixes=fixes,
        hints=hints,
        bad=bad,
        good=good,
        trigger_at=_trigger_at(fields, index, raw),
        regional=_regional(fields, index, raw.get("regional", [])),
    )


def _regional(fields: Fields, index: int, value: Any) -> frozenset[str]:
    if not isinstance(value, list) or not all(region in REGIONS for region in value):
        raise _error(fields, index, "regional", f"should be a list of regions among {', '.join(REGIONS)}")
    return frozenset(value)


def _trigger_at(fields: Fields, index: int, raw: Mapping[str, Any]) -> Edges:
    value = raw.get("trigger-at", Edges.ANYWHERE.value)
    if "trigger-at" in raw and "pattern" not in raw:
        raise _error(fields, index, "trigger-at", "only an entry with `pattern` has one")
    choices = tuple(edges.value for edges in Edges)
    if value not in choices:
        raise _error(fields, index, "trigger-at", f"should be one of {', '.join(choices)}")
    return Edges(value)


def _guards(fields: Fields, index: int, raw: Mapping[str, Any]) -> Guards:
    def phrases(name: str) -> tuple[Phrase, ...]:
        return _phrases(fields, index, raw, name)

    return Guards(
        context=phrases("context"),
        unless=phrases("unless"),
        after=phrases("after"),
        not_after=phrases("not-after"),
        before=phrases("before"),
        not_before=phrases("not-before"),
        paragraph=_context_in(fields, index, raw.get("context-in")),
    )


def _context_in(fields: Fields, index: int, value: Any) -> bool:
    if value not in (None, "sentence", "paragraph"):
        raise _error(fields, index, "context-in", "should be sentence or paragraph")
    return bool(value == "paragraph")


def _safety(fields: Fields, index: int, value: Any) -> Safety | None:
    if value is None:
        return None
    if value not in ("safe", "unsafe", "suggestion"):
        raise _error(fields, index, "safety", "should be safe, unsafe or suggestion")
    return Safety.parse(value)


def _case(fields: Fields, index: int, value: Any, default: Case) -> Case:
    if value is None:
        return default
    if value not in ("exact", "insensitive"):
        raise _error(fields, index, "case", "should be exact or insensitive")
    return Case(value)


def _pattern(
    fields: Fields, index: int, raw: Mapping[str, Any], case: Case
) -> tuple[regex.Pattern[str] | None, str | None]:
    if "pattern" not in raw:
        for name in ("trigger", "replacement"):
            if name in raw:
                raise _error(fields, index, name, "only an entry with `pattern` has one")
        return None, None
    source, replacement = raw["pattern"], raw.get("replacement")
    if not isinstance(source, str) or (replacement is not None and not isinstance(replacement, str)):
        raise _error(fields, index, "pattern", "should be a string (and `replacement` too)")
    try:
        return compile_pattern(source, case, words=True), replacement
    except (regex.error, ValueError) as error:
        raise _error(fields, index, "pattern", f"invalid regular expression {source!r} ({error})") from None


def _triggers(fields: Fields, raw: Mapping[str, Any], index: int) -> list[str]:
    value = raw.get("trigger")
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not value or not all(isinstance(v, str) and v for v in value):
        raise _error(fields, index, "trigger", "a `pattern` entry needs a list of non-empty literal strings")
    return [spelling for trigger in value for spelling in _spellings(fields, index, trigger)]


def _severity(fields: Fields, index: int, value: Any) -> Severity | None:
    if value is None:
        return None
    try:
        return Severity.parse(str(value))
    except ValueError as error:
        raise _error(fields, index, "severity", str(error)) from None


def _examples(fields: Fields, index: int, raw: Any) -> tuple[tuple[BadExample, ...], tuple[str, ...]]:
    """Each entry shows at least one sentence it flags; `good` ones show what its guards spare."""
    if not isinstance(raw, dict) or not raw.get("bad") or set(raw) - {"bad", "good"}:
        raise _error(fields, index, "examples", "needs `bad` examples (and may have `good` ones)")
    bad = []
    for example in raw["bad"]:
        if isinstance(example, str):
            bad.append(BadExample(example, None))
        elif (
            isinstance(example, dict)
            and isinstance(example.get("text"), str)
            and set(example) <= {"text", "fixed"}
        ):
            bad.append(BadExample(example["text"], example.get("fixed")))
        else:
            raise _error(
                fields, index, "examples", "a bad example is a string or a mapping with `text` and `fixed`"
            )
    good = raw.get("good") or []
    if not isinstance(good, list) or not all(isinstance(text, str) for text in good):
        raise _error(fields, index, "examples", "`good` should be a list of strings")
    return tuple(bad), tuple(good)
