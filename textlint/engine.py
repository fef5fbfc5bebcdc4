"""From checkers' raw issues to the issues of a document: filter, suppress, merge, sort.

Checkers never see each other's issues; the engine is the one place where issues from
several sources meet.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Protocol

from textlint import suppressions
from textlint.document import Document
from textlint.errors import CheckUnavailableError
from textlint.guards import languagetool_guards, protects
from textlint.issues import Issue, Source
from textlint.results import Unchecked
from textlint.selection import Selection


class Checker(Protocol):
    """Anything that finds issues in a document: YAML rules, LanguageTool, Python detectors.

    A checker that cannot run on a document raises `CheckUnavailableError`; the document's
    other checkers still run and its result names what was not checked.
    """

    def check(self, doc: Document) -> list[Issue]: ...


@dataclass(frozen=True)
class Findings:
    """A document's final issues, sorted, and the checks that could not run on it."""

    issues: tuple[Issue, ...]
    unchecked: tuple[Unchecked, ...] = ()


def lint_document(
    doc: Document,
    checkers: Iterable[Checker],
    selection: Selection,
    report_unused_suppressions: bool = False,
    root: Path | None = None,
) -> Findings:
    """Run every checker on `doc` and return its final, sorted issues (globs relative to `root`).

    For a prose view (Markdown, HTML) the issues are mapped back to the source file last.
    """
    selection = selection.for_path(doc.path, root)
    raw: list[Issue] = []
    unchecked: list[Unchecked] = []
    for checker in checkers:
        try:
            raw.extend(checker.check(doc))
        except CheckUnavailableError as error:
            unchecked.append(Unchecked(error.check, str(error)))
    kept = [issue for issue in raw if _wanted(issue, doc, selection)]
    kept = merge(suppressions.apply(doc, kept, report_unused_suppressions))
    if doc.source_map is not None:
        kept = [doc.source_map.to_source(issue, doc.text) for issue in kept]
    return Findings(tuple(sorted(kept, key=Issue.sort_key)), tuple(unchecked))


def _wanted(issue: Issue, doc: Document, selection: Selection) -> bool:
    if issue.source == Source.TEXTLINT:  # timeouts and unused suppressions are never filtered
        return True
    if not selection.enabled(issue.rule) or doc.is_ignored(issue.start, issue.end):
        return False
    # YAML rules apply their guards themselves; LanguageTool's findings go through them here.
    return issue.source != Source.LANGUAGETOOL or not protects(
        doc, languagetool_guards(issue.rule), issue.start, issue.end
    )


def merge(issues: Sequence[Issue]) -> list[Issue]:
    """Drop exact duplicates, and fold another source's issue into an overlapping YAML one.

    When LanguageTool and a YAML rule flag the same problem (overlapping spans, same
    category) the YAML issue stays — it is more precise and usually fixable — and records
    the other rule in `origins`.
    """
    unique = list({(i.rule, i.start, i.end): i for i in issues}.values())
    own = [issue for issue in unique if issue.source == Source.YAML]
    result = [issue for issue in unique if issue.source != Source.YAML]
    merged_own: list[Issue] = []
    for issue in own:
        twins = [other for other in result if _same_problem(issue, other)]
        if not twins:
            merged_own.append(issue)
            continue
        result = [other for other in result if other not in twins]
        origins = tuple(dict.fromkeys((*issue.origins, *(t.rule for t in twins))))
        merged_own.append(replace(issue, origins=origins))
    return merged_own + result


# A misspelt name is an `entity` problem for the YAML rules and a `spelling` one for LanguageTool.
_EQUIVALENT_CATEGORIES = {("entity", "spelling")}


def _same_problem(own: Issue, other: Issue) -> bool:
    if other.source == Source.TEXTLINT:
        return False
    if own.category == "entity" and own.start <= other.start and other.end <= own.end:
        return True  # a garbled name confuses grammar rules too (« X.ai »: « ai » as a verb)
    if other.category != own.category and (own.category, other.category) not in _EQUIVALENT_CATEGORIES:
        return False
    if own.start == own.end or other.start == other.end:
        return own.start == other.start
    return own.start < other.end and other.start < own.end
