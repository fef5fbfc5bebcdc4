"""The HTML format: one self-contained page, each article with its issues highlighted.

For an editor without a server (a CI artifact opened from disk): issues are coloured by
category, their message and fix shown on hover or keyboard focus, with a summary per
category and the machine-translation score of each article. No script, no outside file:
the stylesheet (shared with `textlint serve`'s review page) is inlined.
"""

from __future__ import annotations

from collections import Counter
from html import escape
from pathlib import Path
from typing import TextIO

from textlint.issues import Issue, Safety
from textlint.reporters.common import Location, ReportOptions, sorted_issues
from textlint.results import FileResult, RunResult

STYLESHEET = (Path(__file__).resolve().parent / "html.css").read_text(encoding="utf-8")

# Category labels as editors read them.
CATEGORY_LABELS: dict[str, str] = {
    "typography": "Typographie",
    "spelling": "Orthographe",
    "grammar": "Grammaire",
    "style": "Style",
    "entity": "Noms propres",
    "mt": "Traduction automatique",
    "scraping": "Extraction web",
    "encoding": "Encodage",
    "internal": "textlint",
}
SAFETY_LABELS = {
    Safety.SAFE: "correction sûre",
    Safety.UNSAFE: "correction à vérifier",
    Safety.SUGGESTION: "suggestion",
}


def label(category: str) -> str:
    return CATEGORY_LABELS.get(category, category)


def write_html(result: RunResult, stream: TextIO, options: ReportOptions) -> None:
    count = result.issue_count
    stream.write(
        '<!DOCTYPE html>\n<html lang="fr">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>textlint : {count} problème{'s' if count != 1 else ''}</title>\n"
        f"<style>\n{STYLESHEET}\nmain {{ padding: 1rem 2rem; }}\n</style>\n</head>\n<body>\n<main>\n"
        f"<h1>Rapport textlint</h1>\n<p>{len(result.files)} fichier(s), {count} problème(s).</p>\n"
    )
    for message in result.errors:
        stream.write(f'<p role="alert">Erreur : {escape(message)}</p>\n')
    for index, file in enumerate(result.files):
        stream.write(_file_section(index, file))
    stream.write("</main>\n</body>\n</html>\n")


def _file_section(index: int, file: FileResult) -> str:
    issues = sorted_issues(file)
    counts = Counter(issue.category for issue in issues)
    summary = "".join(
        f'<li><span class="swatch c-{escape(category)}"></span> {escape(label(category))} : {number}</li>'
        for category, number in sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    )
    notes = [f"{escape(u.check)} non vérifiée : {escape(u.reason)}" for u in file.unchecked]
    if file.skipped:
        notes.append(escape(file.skipped))
    parts = [
        f'<section class="file" aria-labelledby="file-{index}">',
        f'<h2 id="file-{index}">{escape(file.document.path)}</h2>',
        f'<p class="score">Score de traduction automatique : {file.artifacts_per_1000_words:g} '
        f"artefacts pour 1 000 mots ({file.artifacts} sur {file.words} mots)</p>",
        f'<ul class="summary" aria-label="Problèmes par catégorie">{summary}</ul>' if summary else "",
        *(f'<p class="note">{note}</p>' for note in notes),
        f'<pre class="text" id="text-{index}">{highlighted(file.document.text, issues, f"f{index}")}</pre>',
        _issue_list(file, issues, index),
        "</section>",
    ]
    return "\n".join(part for part in parts if part) + "\n"


def highlighted(text: str, issues: list[Issue], prefix: str) -> str:
    """`text` escaped, each stretch covered by issues in a focusable `<mark>` naming them.

    Overlapping issues split the text at every boundary: a stretch lists every issue covering
    it (`data-issues`), so each issue is the union of its stretches. An insertion point is an
    empty mark.
    """
    bounds = sorted({0, len(text), *(i.start for i in issues), *(i.end for i in issues)})
    inserts: dict[int, list[int]] = {}
    for number, issue in enumerate(issues):
        if issue.start == issue.end:
            inserts.setdefault(issue.start, []).append(number)
    out: list[str] = []
    for left, right in zip(bounds, [*bounds[1:], None], strict=True):
        if left in inserts:
            out.append(_mark("", [issues[n] for n in inserts[left]], inserts[left], prefix, insert=True))
        if right is None:
            break
        covering = [
            n
            for n, issue in enumerate(issues)
            if issue.start <= left and right <= issue.end and issue.start < issue.end
        ]
        piece = text[left:right]
        out.append(
            _mark(piece, [issues[n] for n in covering], covering, prefix) if covering else escape(piece)
        )
    return "".join(out)


def _mark(piece: str, issues: list[Issue], numbers: list[int], prefix: str, insert: bool = False) -> str:
    classes = f"issue c-{escape(issues[0].category)}" + (" insert" if insert else "")
    ids = " ".join(str(n) for n in numbers)
    tip_id = f"{prefix}-tip-{'-'.join(str(n) for n in numbers)}-{'i' if insert else 's'}"
    tips = "".join(_tip(issue) for issue in issues)
    return (
        f'<mark class="{classes}" tabindex="0" data-issues="{ids}" aria-describedby="{tip_id}">'
        f'{escape(piece)}<span class="tip" role="tooltip" id="{tip_id}">{tips}</span></mark>'
    )


def _tip(issue: Issue) -> str:
    fix = ""
    if issue.fix is not None:
        shown = f"« {escape(issue.fix.replacement)} »" if issue.fix.replacement else "supprimer"
        fix = f"<br>→ {shown} ({SAFETY_LABELS[issue.fix.safety]})"
    elif issue.suggestions:
        fix = "<br>→ " + ", ".join(f"« {escape(s)} »" for s in issue.suggestions[:5])
    elif issue.hints:
        fix = "<br>à adapter : " + ", ".join(f"« {escape(s)} »" for s in issue.hints[:5])
    return f'<span class="rule">{escape(issue.rule)}</span> {escape(issue.message)}{fix}<br>'


def _issue_list(file: FileResult, issues: list[Issue], index: int) -> str:
    """The same issues as a list, for reading in order or with a screen reader."""
    if not issues:
        return "<p>Aucun problème.</p>"
    rows = []
    for issue in issues:
        where = Location.of(file.document, issue)
        rows.append(
            f'<li>{where.line}:{where.column} <span class="rule">{escape(issue.rule)}</span> '
            f"({escape(label(issue.category))}) {escape(issue.message)}</li>"
        )
    return (
        f"<details><summary>Liste des problèmes ({len(issues)})</summary>"
        f'<ol id="list-{index}">{"".join(rows)}</ol></details>'
    )
