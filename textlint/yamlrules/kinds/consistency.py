"""Kind `consistency`: two ways of writing the same thing mixed in one document."""

from __future__ import annotations

from collections.abc import Iterator
from typing import NamedTuple

import regex

from textlint.document import Document
from textlint.issues import Issue
from textlint.yamlrules.fields import Fields
from textlint.yamlrules.matching import Case, finditer
from textlint.yamlrules.rule import Header, Rule


class Variant(NamedTuple):
    name: str
    pattern: regex.Pattern[str]
    replacement: str  # template that writes a match of another variant in this one


class ConsistencyRule(Rule):
    """Counts each variant; when several occur, flags the minority and fixes it to the majority.

    Ties go to `prefer` (or the first variant).
    """

    template_names = frozenset({"majority", "minority"})

    def __init__(self, header: Header, fields: Fields) -> None:
        super().__init__(header)
        raw = fields.raw("variants")
        if not isinstance(raw, list) or len(raw) < 2:
            raise fields.error("variants", "should be a list of at least two variants")
        self.variants = tuple(
            self._variant(fields, item, index, header.case) for index, item in enumerate(raw)
        )
        names = [variant.name for variant in self.variants]
        self.prefer = fields.choice("prefer", tuple(names), names[0])
        # A convention with a right answer (French prefers ’): when variants mix, everything
        # goes to `target`, whatever the majority; a text using one variant alone is left alone.
        target = fields.string("target", None)
        if target is not None and target not in names:
            raise fields.error("target", f"should be one of {', '.join(names)}, not {target!r}")
        self.target: str | None = target

    @staticmethod
    def _variant(fields: Fields, item: object, index: int, case: Case) -> Variant:
        where = f"variants[{index}]"
        if not isinstance(item, dict) or set(item) - {"name", "pattern", "replacement"}:
            raise fields.error(where, "should be a mapping with name, pattern and replacement")
        values = [item.get(key) for key in ("name", "pattern", "replacement")]
        if not all(isinstance(value, str) for value in values):
            raise fields.error(where, "name, pattern and replacement should be strings")
        name, source, replacement = (str(value) for value in values)
        return Variant(name, fields.regex(where, source, case), replacement)

    def find(self, doc: Document) -> Iterator[Issue]:
        found = {variant.name: list(finditer(variant.pattern, doc.text)) for variant in self.variants}
        present = [variant for variant in self.variants if found[variant.name]]
        if len(present) < 2:
            return
        majority = next((v for v in present if v.name == self.target), None) or max(
            present, key=lambda v: (len(found[v.name]), v.name == self.prefer)
        )
        for variant in present:
            if variant is majority:
                continue
            for match in found[variant.name]:
                names = {"majority": majority.name, "minority": variant.name}
                yield self.make_issue(
                    doc, match.start(), match.end(), match.expand(majority.replacement), (), names
                )
