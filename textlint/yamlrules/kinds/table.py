"""The table of rule kinds: each kind's name in the rule files, its class and its defaults.

Imported by the loader only: a checker read back from the compiled-rules cache imports the
kinds of the rules it unpickles, not every kind."""

from __future__ import annotations

from textlint.issues import Safety
from textlint.yamlrules.fields import Fields
from textlint.yamlrules.kinds.brands import BrandFormRule
from textlint.yamlrules.kinds.capitals import CapitalisedNounRule, TitleCaseRule
from textlint.yamlrules.kinds.consistency import ConsistencyRule
from textlint.yamlrules.kinds.drift import PronounDriftRule
from textlint.yamlrules.kinds.elision import LostApostropheRule
from textlint.yamlrules.kinds.existence import ExistenceRule
from textlint.yamlrules.kinds.foreign import ForeignWordRule
from textlint.yamlrules.kinds.language import LanguageRule
from textlint.yamlrules.kinds.lexicon import LexiconRule
from textlint.yamlrules.kinds.mojibake import MojibakeRule
from textlint.yamlrules.kinds.pattern import PatternRule
from textlint.yamlrules.kinds.repetition import RepetitionRule
from textlint.yamlrules.kinds.structure import (
    DuplicateLineRule,
    RepeatedExcerptRule,
    TrailingHeadingRule,
    TruncatedEndingRule,
)
from textlint.yamlrules.kinds.substitution import SubstitutionRule
from textlint.yamlrules.matching import Case
from textlint.yamlrules.rule import Header, Rule, Vocabulary


class Kind:
    """A rule kind: its class and the defaults it gives to shared header fields."""

    def __init__(self, rule_class: type[Rule], case: Case, safety: Safety) -> None:
        self.rule_class = rule_class
        self.case = case
        self.safety = safety

    def build(self, header: Header, fields: Fields, vocabulary: Vocabulary) -> Rule:
        """The rule, handed the loaded rule sets' vocabulary if its kind asks for it."""
        if self.rule_class.uses_vocabulary:
            return self.rule_class(header, fields, vocabulary)  # type: ignore[call-arg]
        return self.rule_class(header, fields)  # type: ignore[call-arg]


KINDS: dict[str, Kind] = {
    "pattern": Kind(PatternRule, Case.EXACT, Safety.SAFE),
    "substitution": Kind(SubstitutionRule, Case.PRESERVE, Safety.SAFE),
    "existence": Kind(ExistenceRule, Case.INSENSITIVE, Safety.SUGGESTION),
    "repetition": Kind(RepetitionRule, Case.INSENSITIVE, Safety.SAFE),
    "consistency": Kind(ConsistencyRule, Case.EXACT, Safety.SAFE),
    "duplicate-line": Kind(DuplicateLineRule, Case.EXACT, Safety.UNSAFE),
    "truncated-ending": Kind(TruncatedEndingRule, Case.EXACT, Safety.SUGGESTION),
    "repeated-excerpt": Kind(RepeatedExcerptRule, Case.EXACT, Safety.UNSAFE),
    "trailing-heading": Kind(TrailingHeadingRule, Case.EXACT, Safety.SUGGESTION),
    "pronoun-drift": Kind(PronounDriftRule, Case.EXACT, Safety.SUGGESTION),
    "brand-form": Kind(BrandFormRule, Case.EXACT, Safety.SUGGESTION),
    "language": Kind(LanguageRule, Case.INSENSITIVE, Safety.SUGGESTION),
    "foreign-word": Kind(ForeignWordRule, Case.EXACT, Safety.SUGGESTION),
    "title-case": Kind(TitleCaseRule, Case.EXACT, Safety.UNSAFE),
    "capitalised-noun": Kind(CapitalisedNounRule, Case.EXACT, Safety.SUGGESTION),
    "mojibake": Kind(MojibakeRule, Case.EXACT, Safety.SAFE),
    "lost-apostrophe": Kind(LostApostropheRule, Case.EXACT, Safety.UNSAFE),
    "lexicon": Kind(LexiconRule, Case.INSENSITIVE, Safety.SUGGESTION),
}
