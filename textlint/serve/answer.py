"""textlint's findings in LanguageTool's JSON shape (`RuleMatchesAsJsonSerializer`).

Every field any known client reads is always written (see docs/serve.md): a client that
finds one missing drops the whole answer. Offsets and lengths are UTF-16 code units, as
Java counts them, through text and markup alike; textlint's own are code points.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import regex

from textlint import __version__
from textlint.issues import Issue, Source
from textlint.reporters.html import label
from textlint.results import FileResult, RuleDoc
from textlint.serve.linters import LT_PREFIX, category_id

JsonObject = dict[str, Any]
CONTEXT_SIZE = 40  # characters of context on each side, as LanguageTool's server
ELLIPSIS = "..."

# What textlint's categories are in LanguageTool's terms (ITS 2.0 issue types, names shown
# by clients next to the rule).
ISSUE_TYPES: dict[str, str] = {
    "typography": "typographical",
    "spelling": "misspelling",
    "grammar": "grammar",
    "style": "style",
    "entity": "inconsistent-entities",
    "mt": "mistranslation",
    "scraping": "markup",
    "encoding": "characters",
    "internal": "other",
}


def category_info(category: str) -> tuple[str, str]:
    """The issue type and the category name of a textlint category, for LanguageTool clients."""
    return ISSUE_TYPES.get(category, "uncategorized"), f"{label(category)} (textlint)"


# A sentence of a line: up to a stop (and the quotes or brackets closing it) before a blank.
_SENTENCE = regex.compile(r"\S.*?(?:[.!?…]+[»”\"'’)\]]*(?=\s)|$)")


@dataclass(frozen=True)
class LtRule:
    """What LanguageTool's rule list (`/v2/configinfo`) says about one of its rules."""

    description: str
    category_id: str
    category_name: str
    issue_type: str
    spelling: bool = False


class Utf16:
    """Code-point offsets of a text → UTF-16 offsets (identical without astral characters)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._astral = [index for index, char in enumerate(text) if ord(char) > 0xFFFF]

    def __call__(self, offset: int) -> int:
        return offset + bisect_right(self._astral, offset - 1) if self._astral else offset


def software() -> JsonObject:
    return {
        "name": "textlint",
        "version": __version__,
        "buildDate": "",
        "apiVersion": 1,
        "premium": False,
        "status": "",
    }


@dataclass(frozen=True)
class Answer:
    """What a `/v2/check` answer is made from besides the issues."""

    source: str  # the text the offsets index (with markup, for `data`)
    plain: str  # the prose sentences are taken from
    to_plain: Callable[[int], int]  # a source offset → its offset in `plain`
    from_plain: Callable[[int], int]  # an offset in `plain` → the source offset
    lt_rules: Mapping[str, LtRule]
    rule_docs: Mapping[str, RuleDoc]

    def matches(self, issues: list[Issue]) -> list[JsonObject]:
        units = Utf16(self.source)
        return [self.match(issue, units) for issue in issues]

    def match(self, issue: Issue, units: Utf16) -> JsonObject:
        start, end = units(issue.start), units(issue.end)
        replacements = list(issue.suggestions)
        if issue.fix is not None:
            replacements = [issue.fix.replacement, *(r for r in replacements if r != issue.fix.replacement)]
        rule, type_name = self.rule(issue)
        return {
            "message": issue.message,
            "shortMessage": self.short_message(issue),
            "replacements": [{"value": value} for value in replacements],
            "offset": start,
            "length": end - start,
            "context": context(self.source, start, end),
            "sentence": self.sentence(issue.start),
            "type": {"typeName": type_name},
            "rule": rule,
            "ignoreForIncompleteSentence": False,
            "contextForSureMatch": 0,
        }

    def sentence_ranges(self) -> list[tuple[int, int]]:
        """Where the sentences are, in UTF-16 units of the source (`sentenceRanges`)."""
        units = Utf16(self.source)
        ranges, line_start = [], 0
        for line in self.plain.split("\n"):
            for found in _SENTENCE.finditer(line):
                start = self.from_plain(line_start + found.start())
                end = self.from_plain(line_start + found.start() + len(found.group().rstrip()))
                ranges.append((units(start), units(end)))
            line_start += len(line) + 1
        return ranges

    def rule(self, issue: Issue) -> tuple[JsonObject, str]:
        """The `rule` object and the `typeName` of an issue."""
        if issue.source == Source.LANGUAGETOOL:
            rule_id = issue.rule.removeprefix(LT_PREFIX)
            known = self.lt_rules.get(rule_id)
            if known is not None:
                type_name = "UnknownWord" if known.spelling else "Other"
                return {
                    "id": rule_id,
                    "description": known.description,
                    "issueType": known.issue_type,
                    "category": {"id": known.category_id, "name": known.category_name},
                }, type_name
        issue_type, name = category_info(issue.category)
        doc = self.rule_docs.get(issue.rule)
        rule: JsonObject = {
            "id": issue.rule.removeprefix(LT_PREFIX),
            "description": doc.summary if doc is not None else issue.message,
            "issueType": issue_type,
            "category": {"id": category_id(issue.category), "name": name},
        }
        if doc is not None and doc.reference and doc.reference.startswith(("http://", "https://")):
            rule["urls"] = [{"value": doc.reference}]
        return rule, "UnknownWord" if issue_type == "misspelling" else "Other"

    def short_message(self, issue: Issue) -> str:
        """textlint's rule summary; LanguageTool's findings keep its (often empty) habit."""
        doc = self.rule_docs.get(issue.rule)
        return doc.summary if doc is not None and issue.source != Source.LANGUAGETOOL else ""

    def sentence(self, offset: int) -> str:
        """The sentence holding `offset`, from the prose, trimmed (as LanguageTool gives it)."""
        position = self.to_plain(offset)
        line_start = self.plain.rfind("\n", 0, position) + 1
        line_end = self.plain.find("\n", position)
        line = self.plain[line_start : line_end if line_end >= 0 else len(self.plain)]
        local = position - line_start
        for found in _SENTENCE.finditer(line):
            if found.start() <= local < found.end() or (local == found.end() and found.end() == len(line)):
                return found.group().strip()
        return line.strip()


def context(text: str, start: int, end: int) -> JsonObject:
    """LanguageTool's context: 40 UTF-16 units each side, cut ends marked `...`, lines as spaces.

    A cut is moved off the middle of a surrogate pair, where Java would split a character.
    """
    units = text.encode("utf-16-le")
    total = len(units) // 2
    first, last = max(0, start - CONTEXT_SIZE), min(total, end + CONTEXT_SIZE)
    if first > 0 and 0xDC00 <= _unit(units, first) <= 0xDFFF:
        first -= 1
    if last < total and 0xDC00 <= _unit(units, last) <= 0xDFFF:
        last += 1
    prefix = ELLIPSIS if first > 0 else ""
    suffix = ELLIPSIS if last < total else ""
    shown = units[2 * first : 2 * last].decode("utf-16-le")
    for blank in "\n\r":
        shown = shown.replace(blank, " ")
    return {"text": prefix + shown + suffix, "offset": len(prefix) + start - first, "length": end - start}


def _unit(units: bytes, index: int) -> int:
    return int.from_bytes(units[2 * index : 2 * index + 2], "little")


def check_answer(
    result: FileResult,
    issues: list[Issue],
    answer: Answer,
    language: JsonObject,
) -> JsonObject:
    """The whole `/v2/check` answer."""
    ranges = answer.sentence_ranges()
    detected = language.get("detectedLanguage", {}).get("code", "")
    return {
        "software": software(),
        "warnings": {"incompleteResults": not result.complete},
        "language": language,
        "matches": answer.matches(issues),
        "sentenceRanges": [list(pair) for pair in ranges],
        "extendedSentenceRanges": [
            {"from": start, "to": end, "detectedLanguages": [{"language": detected, "rate": 1.0}]}
            for start, end in ranges
        ],
    }
