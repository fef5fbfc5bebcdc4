"""Kind `substitution`: a map of wrong forms to right ones, fixed in the case of the text."""

from __future__ import annotations

from textlint.document import Document
from textlint.issues import Issue
from textlint.yamlrules.fields import Fields
from textlint.yamlrules.kinds.phrase import Entry, PhraseRule
from textlint.yamlrules.matching import Case, preserve_case
from textlint.yamlrules.rule import Header


class SubstitutionRule(PhraseRule):
    """`swap: {wrong: right}`; with `case: preserve` « ETAT » becomes « ÉTAT »."""

    def __init__(self, header: Header, fields: Fields) -> None:
        super().__init__(header)
        swap = fields.mapping("swap")
        if not swap:
            raise fields.error("swap", "should map at least one wrong form to its right form")
        for wrong, right in swap.items():
            if not isinstance(wrong, str) or not isinstance(right, str) or not wrong:
                raise fields.error("swap", f"entry {wrong!r} should map a string to a string")
        self.entries = tuple(Entry(wrong, right, ()) for wrong, right in swap.items())
        self.words = fields.boolean("words", True)

    @property
    def canonical_forms(self) -> frozenset[str]:
        """The right forms, which spelling checkers must accept as known words."""
        return frozenset(entry.replacement for entry in self.entries if entry.replacement)

    def issue_for(self, doc: Document, start: int, end: int, entry: Entry) -> Issue:
        right = entry.replacement or ""
        if self.header.case is Case.PRESERVE:
            right = preserve_case(doc.text[start:end], right)
        return self.make_issue(doc, start, end, right)
