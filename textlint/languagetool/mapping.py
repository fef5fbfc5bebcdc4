"""Turning LanguageTool's JSON answers into textlint issues.

LanguageTool counts offsets and lengths in Java UTF-16 code units; textlint counts Python
code points. Both are converted here from the raw JSON (language-tool-python converts the
offset but not the length, and NFKC-normalises the message, turning the non-breaking
spaces French messages contain into plain ones), so the raw answer is the input.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from textlint.issues import Fix, Issue, Safety, Source
from textlint.languagetool.ruleset import category_of, is_spelling, severity_of

RULE_PREFIX = "LT:"
MAX_QUOTED = 40  # characters of flagged text quoted in a message


@dataclass(frozen=True)
class Match:
    """One LT match reduced to what textlint keeps, offsets in code points of the checked text."""

    rule_id: str
    category_id: str
    issue_type: str
    start: int
    end: int
    message: str
    replacements: tuple[str, ...]

    def to_json(self) -> list[Any]:
        return [
            self.rule_id,
            self.category_id,
            self.issue_type,
            self.start,
            self.end,
            self.message,
            list(self.replacements),
        ]

    @classmethod
    def from_json(cls, data: Sequence[Any]) -> Match:
        rule_id, category_id, issue_type, start, end, message, replacements = data
        return cls(
            str(rule_id),
            str(category_id),
            str(issue_type),
            int(start),
            int(end),
            str(message),
            tuple(str(r) for r in replacements),
        )


def utf16_to_codepoints(text: str) -> list[int] | None:
    """Map each UTF-16 offset of `text` to a code-point offset; None when they coincide.

    Offsets that fall inside a surrogate pair map to the character's own index.
    """
    if all(ord(char) < 0x10000 for char in text):
        return None
    table: list[int] = []
    for index, char in enumerate(text):
        table.append(index)
        if ord(char) >= 0x10000:
            table.append(index)
    table.append(len(text))
    return table


def matches_from_response(text: str, response: Mapping[str, Any]) -> list[Match]:
    """The matches of a `/v2/check` answer for `text`, with code-point spans."""
    table = utf16_to_codepoints(text)
    limit = len(table) - 1 if table is not None else len(text)
    matches = []
    for raw in response.get("matches", ()):
        offset, length = int(raw["offset"]), int(raw["length"])
        end16 = min(offset + length, limit)
        start16 = min(offset, end16)
        start, end = (table[start16], table[end16]) if table is not None else (start16, end16)
        rule = raw.get("rule", {})
        matches.append(
            Match(
                rule_id=str(rule.get("id", "UNKNOWN")),
                category_id=str(rule.get("category", {}).get("id", "")),
                issue_type=str(rule.get("issueType", "")),
                start=start,
                end=end,
                message=str(raw.get("message", "")),
                replacements=tuple(
                    str(item["value"]) for item in raw.get("replacements", ()) if "value" in item
                ),
            )
        )
    return matches


def to_issue(match: Match, text: str, base: int, safe: frozenset[str]) -> Issue:
    """The Issue for `match` found in the paragraph that starts at `base` in `text`."""
    category = category_of(match.rule_id, match.category_id, match.issue_type)
    fix = None
    if match.replacements:
        safety = Safety.SAFE if match.rule_id in safe else Safety.SUGGESTION
        fix = Fix(match.replacements[0], safety)
    start, end = base + match.start, base + match.end
    return Issue(
        rule=RULE_PREFIX + match.rule_id,
        source=Source.LANGUAGETOOL,
        severity=severity_of(category),
        start=start,
        end=end,
        message=standalone_message(match, text[start:end]),
        category=category,
        suggestions=match.replacements,
        fix=fix,
    )


def standalone_message(match: Match, flagged: str) -> str:
    """LanguageTool's message, naming the flagged words and the best suggestion.

    A CI annotation or a JSON line is read without the text around it: « Faute de frappe
    possible trouvée. » alone says nothing there.
    """
    quoted = _shorten(flagged.strip())
    if is_spelling(match.rule_id, match.category_id):
        message = f"Mot inconnu du dictionnaire : « {quoted} »"
    else:
        message = match.message.strip().rstrip(".")
        if quoted and quoted not in message:
            message = f"« {quoted} » : {message}"
    if match.replacements and match.replacements[0] not in message:
        message += f" (suggestion : « {_shorten(match.replacements[0])} »)"
    return message


def _shorten(text: str) -> str:
    return text if len(text) <= MAX_QUOTED else text[: MAX_QUOTED - 1] + "…"
