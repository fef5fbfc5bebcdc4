"""From checkers' raw issues to the issues of a document: filter, suppress, merge, sort.

Checkers never see each other's issues; the engine is the one place where issues from
several sources meet.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import NamedTuple, Protocol

from textlint.document import Document
from textlint.errors import CheckUnavailableError
from textlint.issues import Issue, Source
from textlint.results import Unchecked
from textlint.selection import Selection


class Checker(Protocol):
    """Anything that finds issues in a document: YAML rules, LanguageTool, Python detectors.

    A checker that cannot run on a document raises `CheckUnavailableError`; the document's
    other checkers still run and its result names what was not checked.
    """

    def check(self, doc: Document) -> list[Issue]: ...


class StartingChecker(Checker, Protocol):
    """A checker that can start on a document and be finished later (a server's request is
    sent by `start`, its answer read by the function it returns); `check` does both."""

    def start(self, doc: Document) -> Callable[[], list[Issue]]: ...


class Findings(NamedTuple):
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
    outcomes = _run_all(doc, list(checkers))
    # Imported once the grammar request is on its way: suppressions need the `regex` module,
    # which costs more to import than anything else before the request.
    from textlint import suppressions

    raw = [issue for issues, _ in outcomes for issue in issues]
    unchecked = [missing for _, missing in outcomes if missing is not None]
    kept = [issue for issue in raw if _wanted(issue, doc, selection)]
    kept = merge(suppressions.apply(doc, kept, report_unused_suppressions))
    if doc.source_map is not None:
        kept = [doc.source_map.to_source(issue, doc.text) for issue in kept]
    return Findings(tuple(sorted(kept, key=Issue.sort_key)), tuple(unchecked))


Outcome = tuple[list[Issue], Unchecked | None]


def _run_all(doc: Document, checkers: list[Checker]) -> list[Outcome]:
    """Every checker's outcome, in the checkers' order.

    A checker that waits for a server (`StartingChecker`: LanguageTool) is started first, so
    that its request is on its way before anything else is done; the other checkers (the
    YAML rules) run meanwhile, and the started ones are finished last. All in the caller's
    thread: the rules do not compete with the request for the interpreter, and the grammar
    checker's connection stays with the thread that owns it.
    """
    finishers: dict[int, Callable[[], Outcome]] = {}
    for index, checker in enumerate(checkers):
        start = getattr(checker, "start", None)
        if start is not None:
            finishers[index] = _started(start, doc)
    outcomes = {index: _run(checker, doc) for index, checker in enumerate(checkers) if index not in finishers}
    outcomes |= {index: finish() for index, finish in finishers.items()}
    return [outcomes[index] for index in range(len(checkers))]


def _started(start: Callable[[Document], Callable[[], list[Issue]]], doc: Document) -> Callable[[], Outcome]:
    """What finishes a started checker's work, with the outcome `_run` would give."""
    try:
        finish = start(doc)
    except CheckUnavailableError as error:
        unchecked = Unchecked(error.check, str(error))
        return lambda: ([], unchecked)
    return lambda: _outcome(finish)


def _run(checker: Checker, doc: Document) -> Outcome:
    return _outcome(lambda: checker.check(doc))


def _outcome(issues: Callable[[], list[Issue]]) -> Outcome:
    try:
        return issues(), None
    except CheckUnavailableError as error:
        return [], Unchecked(error.check, str(error))


def _wanted(issue: Issue, doc: Document, selection: Selection) -> bool:
    if issue.source == Source.TEXTLINT:  # timeouts and unused suppressions are never filtered
        return True
    return selection.enabled(issue.rule) and not doc.is_ignored(issue.start, issue.end)


def merge(issues: Sequence[Issue]) -> list[Issue]:
    """Drop exact duplicates, and fold another source's issue into the YAML one for the same problem.

    When LanguageTool and a YAML rule flag the same problem, one issue is reported: the YAML
    one, whose message is the more specific and whose fix is usually safe, with the other
    rule in `origins` and its suggestions added to the YAML issue's own. Two YAML rules that
    diagnose the same name or phrase are folded the same way (`_fold_nested`).
    """
    unique = list({(i.rule, i.start, i.end): i for i in issues}.values())
    own = _fold_nested([issue for issue in unique if issue.source == Source.YAML])
    result = [issue for issue in unique if issue.source != Source.YAML]
    merged_own: list[Issue] = []
    for issue in own:
        twins = [other for other in result if _same_problem(issue, other)]
        if not twins:
            merged_own.append(issue)
            continue
        result = [other for other in result if other not in twins]
        origins = tuple(dict.fromkeys((*issue.origins, *(t.rule for t in twins))))
        suggestions = tuple(dict.fromkeys((*issue.suggestions, *(s for t in twins for s in t.suggestions))))
        hints = tuple(dict.fromkeys((*issue.hints, *(h for t in twins for h in t.hints))))
        merged_own.append(replace(issue, origins=origins, suggestions=suggestions, hints=hints))
    return merged_own + result


def _fold_nested(own: list[Issue]) -> list[Issue]:
    """Fold a YAML issue into another YAML issue of the same phrase category whose span holds it.

    « Fonds Monétaire International » is one misspelt name for the registry, whose fix
    rewrites the whole name, and two capitalised adjectives for `entity.institution-capitals`:
    one problem, reported once, by the widest diagnosis (on the same span: the surer fix).
    """
    folded: dict[int, Issue] = {}  # place in `own` -> the issue, with what was folded into it
    reach: dict[str, int] = {}  # category -> place of the kept issue with a fix reaching furthest
    in_text_order = sorted(
        range(len(own)), key=lambda n: (own[n].start, own[n].start - own[n].end, -_fix_rank(own[n]))
    )
    for place in in_text_order:
        issue = own[place]
        holder = reach.get(issue.category)
        if holder is not None and _holds(folded[holder], issue):
            folded[holder] = _absorb(folded[holder], issue)
            continue
        folded[place] = issue
        widest = holder is None or issue.end > folded[holder].end
        if issue.category in _PHRASE_CATEGORIES and issue.fix is not None and widest:
            reach[issue.category] = place
    return [folded[n] for n in sorted(folded)]


def _absorb(holder: Issue, issue: Issue) -> Issue:
    return replace(
        holder,
        origins=tuple(dict.fromkeys((*holder.origins, issue.rule, *issue.origins))),
        suggestions=tuple(dict.fromkeys((*holder.suggestions, *issue.suggestions))),
        hints=tuple(dict.fromkeys((*holder.hints, *issue.hints))),
    )


def _holds(holder: Issue, issue: Issue) -> bool:
    return (
        holder.category == issue.category
        and holder.category in _PHRASE_CATEGORIES
        and holder.rule != issue.rule
        and holder.fix is not None
        and holder.start <= issue.start
        and issue.end <= holder.end
        and issue.start < issue.end
    )


def _fix_rank(issue: Issue) -> int:
    return -1 if issue.fix is None else int(issue.fix.safety)


# A misspelt name is an `entity` problem for the YAML rules and a `spelling` one for LanguageTool.
_EQUIVALENT_CATEGORIES = {("entity", "spelling")}
# Categories whose YAML issues diagnose a whole word or phrase: whatever LanguageTool finds
# inside it is a symptom of that diagnosis.
_PHRASE_CATEGORIES = frozenset({"entity", "mt", "scraping", "encoding"})


def _same_problem(own: Issue, other: Issue) -> bool:
    """Whether `other` (LanguageTool's) reports the problem the YAML issue `own` reports.

    The same span or category is the same problem; so is a finding inside a phrase a YAML
    rule diagnosed (« Amazon il » is a redundant pronoun, not a missing comma; « X.ai » a
    garbled name, not « ai » as a verb), and a spelling complaint about any word a YAML rule
    already explains (an anglicism, an untranslated fragment).
    """
    if other.source == Source.TEXTLINT:
        return False
    if own.start == own.end or other.start == other.end:
        return own.start == other.start and own.category == other.category
    overlap = own.start < other.end and other.start < own.end
    inside = own.start <= other.start and other.end <= own.end
    if (inside and own.category in _PHRASE_CATEGORIES) or (overlap and other.category == "spelling"):
        return True
    same_kind = other.category == own.category or (own.category, other.category) in _EQUIVALENT_CATEGORIES
    return overlap and same_kind
