"""Kind `pattern`: a regular expression, with an optional replacement template."""

from __future__ import annotations

from collections.abc import Iterator

from textlint.document import Document
from textlint.fields import Fields
from textlint.issues import Issue
from textlint.matching import finditer
from textlint.rule import Header, Rule


class PatternRule(Rule):
    """Flags every match of `pattern`; `replacement` (`\\1`, `\\g<name>`) builds the fix."""

    def __init__(self, header: Header, fields: Fields) -> None:
        super().__init__(header)
        source = fields.string("pattern")
        self.pattern = fields.regex("pattern", source, header.case, fields.boolean("words", False))
        self.replacement: str | None = fields.string("replacement", None)
        self.suggestions: tuple[str, ...] = fields.string_list("suggestions", ())
        self.template_names = frozenset(self.pattern.groupindex)

    def find(self, doc: Document) -> Iterator[Issue]:
        for match in finditer(self.pattern, doc.text):
            if match.end() == match.start():
                continue
            replacement = match.expand(self.replacement) if self.replacement is not None else None
            fields = {name: value or "" for name, value in match.groupdict().items()}
            yield self.make_issue(doc, match.start(), match.end(), replacement, self.suggestions, fields)
