"""Kind `pattern`: a regular expression, with an optional replacement template."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from textlint.document import Document
from textlint.issues import Issue
from textlint.yamlrules.fields import Fields
from textlint.yamlrules.matching import finditer
from textlint.yamlrules.rule import Header, Rule


def expand_digits(trigger: str) -> list[str]:
    """A trigger's literal strings: each `\\d` stands for any digit (`\\d%` is `0%` … `9%`)."""
    head, marker, tail = trigger.partition("\\d")
    if not marker:
        return [trigger]
    return [head + digit + rest for digit in "0123456789" for rest in expand_digits(tail)]


def group_thousands(text: str) -> str:
    """Digits in groups of three from the right, with narrow no-break spaces: « 4 000 000 »."""
    digits = text.replace("\u202f", "")
    head = len(digits) % 3 or 3
    return "\u202f".join([digits[:head], *(digits[i : i + 3] for i in range(head, len(digits), 3))])


# How a pattern rule may rewrite its expanded replacement where a regex cannot: lower or raise
# the case of a group (« le Président » → « président », « la seine » → « Seine »), or group
# every thousand of a number at once (one group per fixing pass would not converge on a long one).
TRANSFORMS: dict[str, Callable[[str], str]] = {
    "lower": str.lower,
    "upper": str.upper,
    "capitalise": lambda text: text[:1].upper() + text[1:],
    "group-thousands": group_thousands,
}


class PatternRule(Rule):
    """Flags every match of `pattern`; `replacement` (`\\1`, `\\g<name>`) builds the fix."""

    def __init__(self, header: Header, fields: Fields) -> None:
        super().__init__(header)
        source = fields.string("pattern")
        self.pattern = fields.regex("pattern", source, header.case, fields.boolean("words", False))
        self.replacement: str | None = fields.string("replacement", None)
        self.suggestions: tuple[str, ...] = fields.string_list("suggestions", ())
        transform = fields.string("transform", None)
        if transform is not None and transform not in TRANSFORMS:
            raise fields.error("transform", f"should be one of {', '.join(TRANSFORMS)}, not {transform!r}")
        self.transform: Callable[[str], str] | None = TRANSFORMS.get(transform) if transform else None
        self.template_names = frozenset(self.pattern.groupindex)
        triggers = fields.string_list("trigger", ())
        if any(not literal for literal in triggers):
            raise fields.error("trigger", "should not contain an empty string")
        self.trigger: tuple[str, ...] = tuple(expanded for t in triggers for expanded in expand_digits(t))

    def find(self, doc: Document) -> Iterator[Issue]:
        return self.find_in(doc, [(0, len(doc.text))])

    def find_in(self, doc: Document, windows: Iterable[tuple[int, int]]) -> Iterator[Issue]:
        """Issues whose match lies in one of `windows` (start, end) of the text."""
        for start, end in windows:
            yield from self._matches(doc, start, end)

    def _matches(self, doc: Document, start: int, end: int) -> Iterator[Issue]:
        for match in finditer(self.pattern, doc.text, start, end):
            if match.end() == match.start():
                continue
            replacement = match.expand(self.replacement) if self.replacement is not None else None
            if replacement is not None and self.transform is not None:
                replacement = self.transform(replacement)
            fields = {name: value or "" for name, value in match.groupdict().items()}
            yield self.make_issue(doc, match.start(), match.end(), replacement, self.suggestions, fields)
