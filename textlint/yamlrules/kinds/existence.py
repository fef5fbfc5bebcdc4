"""Kind `existence`: phrases to flag, each with its own suggestions."""

from __future__ import annotations

from typing import Any

from textlint.yamlrules.fields import Fields
from textlint.yamlrules.kinds.phrase import Entry, PhraseRule
from textlint.yamlrules.rule import Header


class ExistenceRule(PhraseRule):
    """`phrases` is a list, or a mapping of phrase to suggestions; the first suggestion is the fix."""

    def __init__(self, header: Header, fields: Fields) -> None:
        super().__init__(header)
        raw = fields.raw("phrases")
        items: list[tuple[Any, Any]]
        if isinstance(raw, list):
            items = [(phrase, []) for phrase in raw]
        elif isinstance(raw, dict):
            items = list(raw.items())
        else:
            raise fields.error("phrases", "should be a list of phrases or a mapping of phrase to suggestions")
        if not items:
            raise fields.error("phrases", "should list at least one phrase")
        self.entries = tuple(self._entry(fields, phrase, suggestions) for phrase, suggestions in items)
        self.words = fields.boolean("words", True)

    @staticmethod
    def _entry(fields: Fields, phrase: Any, suggestions: Any) -> Entry:
        if isinstance(suggestions, str):
            suggestions = [suggestions]
        if suggestions is None:
            suggestions = []
        if not isinstance(phrase, str) or not phrase or not isinstance(suggestions, list):
            raise fields.error("phrases", f"entry {phrase!r} should be a phrase with a list of suggestions")
        if not all(isinstance(item, str) for item in suggestions):
            raise fields.error("phrases", f"suggestions of {phrase!r} should be strings")
        first = suggestions[0] if suggestions else None
        return Entry(phrase, first, tuple(suggestions[1:]))
