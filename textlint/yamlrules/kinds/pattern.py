"""Kind `pattern`: a regular expression, with an optional replacement template."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

import regex

from textlint.document import Document
from textlint.issues import Issue
from textlint.yamlrules.fields import Fields
from textlint.yamlrules.matching import Edges, finditer, preserve_case
from textlint.yamlrules.rule import Header, Rule


def _matches_somewhere(pattern: regex.Pattern[str], text: str) -> bool:
    """Whether `pattern` matches somewhere in `text`, under the rules' time budget."""
    return next(iter(finditer(pattern, text)), None) is not None


def expand_digits(trigger: str) -> list[str]:
    """A trigger's literal strings: each `\\d` stands for any digit (`\\d%` is `0%` … `9%`)."""
    head, marker, tail = trigger.partition("\\d")
    if not marker:
        return [trigger]
    return [head + digit + rest for digit in "0123456789" for rest in expand_digits(tail)]


# How a pattern rule may rewrite its expanded replacement: a regex cannot lower or raise the
# case of a group (« le Président » → « président », « la seine » → « Seine ») nor regroup digits.
def capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]


def group_thousands(text: str) -> str:
    """The digits of `text` grouped by three with U+202F: « 1,200,000 » → « 1 200 000 »."""
    digits = "".join(char for char in text if char.isdigit())
    head = len(digits) % 3 or 3
    return "\u202f".join([digits[:head], *(digits[i : i + 3] for i in range(head, len(digits), 3))])


TRANSFORMS: dict[str, Callable[[str], str]] = {
    "lower": str.lower,
    "upper": str.upper,
    "capitalise": capitalise,
    # A whole integer regrouped at once, whatever separators it had (one fix, not one per group).
    "thousands": group_thousands,
}


class PatternRule(Rule):
    """Flags every match of `pattern`; `replacement` (`\\1`, `\\g<name>`) builds the fix."""

    def __init__(self, header: Header, fields: Fields) -> None:
        super().__init__(header)
        source = fields.string("pattern")
        self.pattern = fields.regex("pattern", source, header.case, fields.boolean("words", False))
        self.replacement: str | None = fields.string("replacement", None)
        # With a replacement, `suggestions` are other replacements of the match; without one
        # they are rewrites for the reader (« postuler à » for « a appliqué pour un poste »),
        # which no client may apply to the match as it stands.
        suggestions: tuple[str, ...] = fields.string_list("suggestions", ())
        self.suggestions = suggestions if self.replacement is not None else ()
        self.hints = () if self.replacement is not None else suggestions
        transform = fields.string("transform", None)
        if transform is not None and transform not in TRANSFORMS:
            raise fields.error("transform", f"should be one of {', '.join(TRANSFORMS)}, not {transform!r}")
        self.transform: Callable[[str], str] | None = TRANSFORMS.get(transform) if transform else None
        self.template_names = frozenset(self.pattern.groupindex)
        self.swap, self.swap_group = self._swap(fields)
        triggers = fields.string_list("trigger", ())
        if any(not literal for literal in triggers):
            raise fields.error("trigger", "should not contain an empty string")
        self.trigger: tuple[str, ...] = tuple(expanded for t in triggers for expanded in expand_digits(t))
        edges = fields.choice("trigger-at", tuple(edges.value for edges in Edges), Edges.ANYWHERE.value)
        if edges != Edges.ANYWHERE.value and not self.trigger:
            raise fields.error("trigger-at", "only a rule with a `trigger` has one")
        self.trigger_at = Edges(edges)
        # A match that is ambiguous alone (« 61,266 »: a decimal, or a thousand written in
        # English?) is settled by the rest of the document (« 64,700 » elsewhere): the rule runs
        # only on documents where this expression matches somewhere.
        documents = fields.string("in-documents-with", None)
        self.in_documents_with: regex.Pattern[str] | None = (
            fields.regex("in-documents-with", documents, header.case) if documents is not None else None
        )

    def _swap(self, fields: Fields) -> tuple[dict[str, str], str | None]:
        """`swap` maps the text of the group `swap-group` to its right form: a fix that no
        template can write (« prit » → « pris », « a » → « ont »), the rest of the match kept."""
        swap = fields.mapping("swap", {})
        group = fields.string("swap-group", None)
        if not swap and group is None:
            return {}, None
        if not swap or group is None:
            raise fields.error("swap" if not swap else "swap-group", "'swap' and 'swap-group' go together")
        if self.replacement is not None:
            raise fields.error("swap", "a rule has either 'replacement' or 'swap', not both")
        if group not in self.pattern.groupindex:
            raise fields.error("swap-group", f"{group!r} is not a named group of the pattern")
        for wrong, right in swap.items():
            if not isinstance(wrong, str) or not isinstance(right, str) or not wrong:
                raise fields.error("swap", f"entry {wrong!r} should map a string to a string")
        return {wrong.lower(): right for wrong, right in swap.items()}, group

    def _swapped(self, match: regex.Match[str], group: str) -> str | None:
        """The match with its `group` replaced by its right form, in the case written."""
        written = match.group(group)
        right = self.swap.get(written.lower()) if written else None
        if right is None:
            return None
        start, end = match.span(group)
        text = match.group()
        offset = match.start()
        return text[: start - offset] + preserve_case(written, right) + text[end - offset :]

    def find(self, doc: Document) -> Iterator[Issue]:
        return self.find_in(doc, [(0, len(doc.text))])

    def find_in(self, doc: Document, windows: Iterable[tuple[int, int]]) -> Iterator[Issue]:
        """Issues whose match lies in one of `windows` (start, end) of the text."""
        if self.in_documents_with is not None and not self._document_qualifies(doc):
            return
        for start, end in windows:
            yield from self._matches(doc, start, end)

    def _document_qualifies(self, doc: Document) -> bool:
        pattern = self.in_documents_with
        assert pattern is not None
        return doc.memo(f"{self.id}:in-documents-with", lambda: _matches_somewhere(pattern, doc.text))

    def _matches(self, doc: Document, start: int, end: int) -> Iterator[Issue]:
        for match in finditer(self.pattern, doc.text, start, end):
            if match.end() == match.start():
                continue
            replacement = match.expand(self.replacement) if self.replacement is not None else None
            if self.swap_group is not None:
                replacement = self._swapped(match, self.swap_group)
            if replacement is not None and self.transform is not None:
                replacement = self.transform(replacement)
            fields = {name: value or "" for name, value in match.groupdict().items()}
            yield self.make_issue(
                doc, match.start(), match.end(), replacement, self.suggestions, fields, hints=self.hints
            )
