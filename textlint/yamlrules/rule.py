"""What every YAML rule shares, whatever its kind: the header, the examples, the issue factory.

A kind (see `textlint.yamlrules.kinds`) adds only how the rule matches. Like Vale's rule kinds, all of
them embed this one header, so id, message, severity, scope, case, exceptions, fix safety,
reference and examples mean the same thing everywhere.
"""

from __future__ import annotations

import string
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field

import regex

from textlint.document import Document
from textlint.guards import protects
from textlint.issues import Fix, Issue, Safety, Severity, Source
from textlint.yamlrules.matching import Case, PatternTimeoutError, remaining

# How far around a match an exception pattern may look (characters on each side).
EXCEPTION_WINDOW = 120


@dataclass(frozen=True)
class BadExample:
    """Text the rule must flag, and what fixing it must give (None when the rule has no fix)."""

    text: str
    fixed: str | None


@dataclass(frozen=True)
class Header:
    """The fields every rule kind shares."""

    id: str
    kind: str
    message: str
    severity: Severity
    category: str
    description: str
    reference: str | None
    scopes: frozenset[str]
    case: Case
    safety: Safety
    exceptions: tuple[regex.Pattern[str], ...]
    bad: tuple[BadExample, ...]
    good: tuple[str, ...]
    enabled: bool
    path: str
    languages: tuple[str, ...] = ("fr",)
    replaces: tuple[str, ...] = ()  # rules this one takes the place of when turned on
    guards: tuple[str, ...] = ()  # precision guards (textlint.guards) whose spans it never reports

    def shares_language(self, other: Header) -> bool:
        """Whether both rules can run on the same document (`fr` covers every variant)."""
        return any(a == b or "fr" in (a, b) for a in self.languages for b in other.languages)


def template_fields(template: str) -> set[str]:
    """The `{name}` fields a message template uses; raises ValueError when malformed."""
    return {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}


@dataclass(frozen=True)
class Vocabulary:
    """What the loaded rule sets know, handed to the kinds that ask for it when they are built
    (as Vale hands accepted tokens to its capitalisation check)."""

    names: frozenset[str] = frozenset()  # registry names and their capitalised words
    # Each registry name with its entity type (`organisation`, `person`, `product`…).
    types: Mapping[str, str] = field(default_factory=dict)
    # The wrong forms the registries list: a kind deriving wrong forms leaves these to them.
    variants: frozenset[str] = frozenset()

    @classmethod
    def of(cls, registries: Iterable[Rule]) -> Vocabulary:
        rules = list(registries)
        names = frozenset(form for rule in rules for form in rule.canonical_forms)
        types = {name: kind for rule in rules for name, kind in rule.named_entities}
        return cls(names, types, frozenset(form for rule in rules for form in rule.listed_variants))

    def __or__(self, other: Vocabulary) -> Vocabulary:
        return Vocabulary(
            self.names | other.names, {**self.types, **other.types}, self.variants | other.variants
        )


class Rule:
    """Base of every rule kind. Subclasses implement `find` (or the phrase hooks).

    A rule is built once and may serve many documents in many threads at once: it keeps no
    state about the document it checks (what a kind works out once per document goes in
    `Document.memo`).
    """

    header: Header
    uses_vocabulary = False  # the loader passes a `Vocabulary` to the constructor

    # Extra names a kind offers to message templates, besides `match`.
    template_names: frozenset[str] = frozenset()

    def __init__(self, header: Header) -> None:
        self.header = header

    @property
    def id(self) -> str:
        return self.header.id

    @property
    def canonical_forms(self) -> frozenset[str]:
        """Right spellings this rule vouches for, which spelling checkers must accept."""
        return frozenset()

    @property
    def named_entities(self) -> Iterable[tuple[str, str]]:
        """(name, type) of the entities a registry rule knows; none for other kinds."""
        return ()

    @property
    def listed_variants(self) -> Iterable[str]:
        """The wrong forms a registry rule lists; none for other kinds."""
        return ()

    def find(self, doc: Document) -> Iterator[Issue]:
        """Issues in `doc`, before scope and exception filtering."""
        raise NotImplementedError

    def make_issue(
        self,
        doc: Document,
        start: int,
        end: int,
        replacement: str | None,
        suggestions: tuple[str, ...] = (),
        fields: Mapping[str, str] | None = None,
        safety: Safety | None = None,
        hints: tuple[str, ...] = (),
    ) -> Issue:
        """An issue of this rule; `safety` overrides the rule's fix safety for this one fix.

        `suggestions` replace the flagged text as it stands; `hints` are rewrites to adapt."""
        matched = doc.text[start:end]
        values = {"match": matched, "replacement": replacement or "", **(fields or {})}
        safety = self.header.safety if safety is None else safety
        fix = Fix(replacement, safety) if replacement is not None else None
        if replacement is not None and replacement not in suggestions:
            suggestions = (replacement, *suggestions)
        return Issue(
            rule=self.header.id,
            source=Source.YAML,
            severity=self.header.severity,
            start=start,
            end=end,
            message=self.header.message.format_map(values),
            category=self.header.category,
            suggestions=suggestions,
            fix=fix,
            hints=hints,
        )

    def accepts(self, doc: Document, start: int, end: int) -> bool:
        """Scope and exception filtering shared by every kind."""
        if doc.scope_at(start) not in self.header.scopes:
            return False
        if self.header.guards and protects(doc, self.header.guards, start, end):
            return False
        return not any(self._excepted(pattern, doc.text, start, end) for pattern in self.header.exceptions)

    @staticmethod
    def _excepted(pattern: regex.Pattern[str], text: str, start: int, end: int) -> bool:
        """An exception cancels a match when one of its own matches covers the whole span."""
        window_start = max(0, start - EXCEPTION_WINDOW)
        window_end = min(len(text), end + EXCEPTION_WINDOW)
        try:
            timeout = remaining(text, pattern.pattern)
            matches = pattern.finditer(text, window_start, window_end, overlapped=True, timeout=timeout)
            return any(match.start() <= start and match.end() >= end for match in matches)
        except TimeoutError:
            raise PatternTimeoutError(pattern.pattern) from None

    def check(self, doc: Document) -> Iterator[Issue]:
        for issue in self.find(doc):
            if self.accepts(doc, issue.start, issue.end):
                yield issue
