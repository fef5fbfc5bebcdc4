"""The rule kinds: how a YAML rule matches. Adding a rule never needs Python; adding a kind does."""

from __future__ import annotations

from collections.abc import Callable

from textlint.fields import Fields
from textlint.issues import Safety
from textlint.kinds.capitals import CapitalisedNounRule, TitleCaseRule
from textlint.kinds.consistency import ConsistencyRule
from textlint.kinds.existence import ExistenceRule
from textlint.kinds.language import LanguageRule
from textlint.kinds.mojibake import MojibakeRule
from textlint.kinds.pattern import PatternRule
from textlint.kinds.phrase import PhraseRule
from textlint.kinds.repetition import RepetitionRule
from textlint.kinds.structure import DuplicateLineRule, TruncatedEndingRule
from textlint.kinds.substitution import SubstitutionRule
from textlint.matching import Case
from textlint.rule import Header, Rule


class Kind:
    """A rule kind: its class and the defaults it gives to shared header fields."""

    def __init__(self, factory: Callable[[Header, Fields], Rule], case: Case, safety: Safety) -> None:
        self.factory = factory
        self.case = case
        self.safety = safety


KINDS: dict[str, Kind] = {
    "pattern": Kind(PatternRule, Case.EXACT, Safety.SAFE),
    "substitution": Kind(SubstitutionRule, Case.PRESERVE, Safety.SAFE),
    "existence": Kind(ExistenceRule, Case.INSENSITIVE, Safety.SUGGESTION),
    "repetition": Kind(RepetitionRule, Case.INSENSITIVE, Safety.SAFE),
    "consistency": Kind(ConsistencyRule, Case.EXACT, Safety.SAFE),
    "duplicate-line": Kind(DuplicateLineRule, Case.EXACT, Safety.UNSAFE),
    "truncated-ending": Kind(TruncatedEndingRule, Case.EXACT, Safety.SUGGESTION),
    "language": Kind(LanguageRule, Case.INSENSITIVE, Safety.SUGGESTION),
    "title-case": Kind(TitleCaseRule, Case.EXACT, Safety.UNSAFE),
    "capitalised-noun": Kind(CapitalisedNounRule, Case.EXACT, Safety.SUGGESTION),
    "mojibake": Kind(MojibakeRule, Case.EXACT, Safety.SAFE),
}

__all__ = ["KINDS", "Kind", "PhraseRule", "Rule"]
