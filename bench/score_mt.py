"""Machine-translation and scraping detection, scored against hand annotations.

Run: python bench/score_mt.py [--mt DIR] [--human DIR ...] [--languagetool] [--details]
(default: tests/corpus/mt-dev against tests/corpus/news-fr/dev and tests/corpus/news-foreign)

A corpus folder holds `NN-slug.mt.txt` (machine-translated and scraped articles), their corrected
versions `NN-slug.ref.txt` and `annotations.jsonl` (one planted defect per line; format in
tests/corpus/mt-dev/README.md). The folder is validated first: annotations well formed and found
where they say, no overlapping spans, the fixes turning each `.mt.txt` into its `.ref.txt`, sizes,
and clean French typography in the `.ref.txt` files. Then every document is linted and scored:

- recall per category: an annotation is found when an issue of the same category overlaps its span
  (an `entity` issue on a `mt` defect does not count: the diagnosis must be right);
- precision: among the issues of category mt, scraping and entity in the `.mt.txt` files, the share
  that overlaps an annotation of their own category;
- false alarms: mt and scraping issues on the `.ref.txt` files and on professionally written news
  (per 1,000 words, words counted as in the corpus READMEs: whitespace tokens holding a letter or
  a digit), and, counted apart, entity issues on the same texts (a name written right, flagged);
- ROC AUC of the per-document MT score (`FileResult.artifacts_per_1000_words`), machine-translated
  articles being the positives, their corrected versions and the human news the negatives.

Prints Markdown tables; the numbers in BENCHMARKS.md come from this script.
"""

from __future__ import annotations

import argparse
import itertools
import json
import re
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from textlint.config import Config, LanguageToolSettings
from textlint.document import read_document
from textlint.issues import Issue
from textlint.linter import Linter
from textlint.results import ARTIFACT_CATEGORIES, FileResult

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "corpus"
DEFAULT_MT = CORPUS / "mt-dev"
DEFAULT_HUMAN = (CORPUS / "news-fr" / "dev", CORPUS / "news-foreign")
# Categories whose precision is measured: what textlint calls a machine or scraping defect.
SCORED = ("mt", "scraping", "entity")
ENTITY = frozenset({"entity"})
REPORTED = ("mt", "scraping", "entity", "typography", "encoding")
TYPES = {
    "mt": {"literal", "false-friend", "pronoun-drift", "untranslated", "doubled-word"}
    | {"redundant-pronoun", "anglicism"},
    "entity": {"name"},
    "scraping": {"citation", "tweet", "navigation", "caption", "heading", "pull-quote", "byline"},
    "typography": {"currency-before", "decimal-point", "thousands-comma", "straight-quotes"}
    | {"unbalanced-quotes", "hyphen-dash", "ampersand", "title-case", "no-space-before-colon"}
    | {"english-date"},
    "encoding": {"mojibake", "entity-code"},
}
FIELDS = ("doc", "text", "occurrence", "category", "type", "fix", "source", "lang")
# Brands the corrected versions may write with an ampersand.
BRANDS_WITH_AMPERSAND = ("AT&T", "S&P", "Johnson & Johnson", "Procter & Gamble", "H&M", "M&M")
# A human article's country prefix, and the language variant it is linted in.
VARIANTS = {"qc": "fr-CA", "be": "fr-BE", "ch": "fr-CH"}


@dataclass(frozen=True)
class Annotation:
    doc: str
    start: int
    end: int
    category: str
    type: str
    text: str
    fix: str


@dataclass(frozen=True)
class Article:
    """One machine-translated article, its corrected version and its annotations."""

    name: str
    mt: Path
    ref: Path
    annotations: tuple[Annotation, ...]


@dataclass
class Score:
    """Everything the scorer measured on one corpus folder and the human news."""

    annotated: Counter[str] = field(default_factory=Counter)  # per category
    found: Counter[str] = field(default_factory=Counter)
    annotated_types: Counter[tuple[str, str]] = field(default_factory=Counter)
    found_types: Counter[tuple[str, str]] = field(default_factory=Counter)
    issues: Counter[str] = field(default_factory=Counter)  # scored issues in .mt.txt, per category
    correct: Counter[str] = field(default_factory=Counter)  # those matching an annotation
    ref_alarms: list[tuple[str, Issue, str]] = field(default_factory=list)
    ref_words: int = 0
    # Entity issues on the corrected versions and on human news: a name written right, flagged.
    entity_alarms: list[tuple[str, Issue, str]] = field(default_factory=list)
    human_alarms: list[tuple[str, Issue, str]] = field(default_factory=list)
    human_words: int = 0
    human_files: int = 0
    positives: list[float] = field(default_factory=list)  # MT scores of .mt.txt articles
    negatives: list[float] = field(default_factory=list)  # of .ref.txt versions and human news
    missed: list[Annotation] = field(default_factory=list)
    wrong: list[tuple[str, Issue, str]] = field(default_factory=list)  # unmatched scored issues

    def recall(self, category: str) -> float:
        return self.found[category] / self.annotated[category] if self.annotated[category] else 0.0

    @property
    def precision(self) -> float:
        total = sum(self.issues.values())
        return sum(self.correct.values()) / total if total else 1.0

    def precision_of(self, category: str) -> float:
        return self.correct[category] / self.issues[category] if self.issues[category] else 1.0

    @property
    def ref_per_1000(self) -> float:
        return 1000 * len(self.ref_alarms) / self.ref_words if self.ref_words else 0.0

    @property
    def human_per_1000(self) -> float:
        return 1000 * len(self.human_alarms) / self.human_words if self.human_words else 0.0

    @property
    def auc(self) -> float:
        return roc_auc(self.positives, self.negatives)


# ---------------------------------------------------------------------------
# Loading and validating a corpus folder
# ---------------------------------------------------------------------------


def find_nth(text: str, sub: str, n: int) -> int:
    """Offset of the n-th match of `sub` (overlapping matches count), -1 when there are fewer."""
    index = text.find(sub)
    while index != -1 and n > 1:
        index = text.find(sub, index + 1)
        n -= 1
    return index


def apply_fixes(mt: str, spans: Iterable[tuple[int, int, str]]) -> str:
    """The corrected text: fixes applied from the end; a deleted whole line takes one paragraph
    separator with it (the one after it, or before it for the last paragraph)."""
    out = mt
    for start, end, fix in sorted(spans, key=lambda span: span[0], reverse=True):
        first, last = start, end
        whole_line = (start == 0 or out[start - 1] == "\n") and (end == len(out) or out[end] == "\n")
        if fix == "" and whole_line:
            if out[end : end + 2] == "\n\n":
                last = end + 2
            elif start >= 2 and out[start - 2 : start] == "\n\n":
                first = start - 2
        out = out[:first] + fix + out[last:]
    return out


_TYPOGRAPHY_CHECKS = (
    (r"['\"]", "straight quote or apostrophe"),
    (r"(?<!\u00a0):", "colon without U+00A0 before it"),
    (r"(?<!\u202f)[;!?]", "; ! ? without U+202F before it"),
    (r"«(?!\u202f)", "« without U+202F after it"),
    (r"(?<!\u202f)»", "» without U+202F before it"),
    (r"(?<!\u202f)%", "% without U+202F before it"),
    (r" - ", "hyphen used as a dash"),
    (r"&", "ampersand"),
    (r"\d,\d{3}\b", "thousands comma"),
    (r"\d\.\d", "decimal point"),
    (r"[$£]\s?\d|€\d", "currency symbol before a number"),
    (r"Ã|â€|Â|&#\d+;|&amp;", "encoding damage"),
    (r"\[\d+\]|\[citation", "citation mark"),
    (r"  |^ | $", "stray space"),
)


def typography_problems(text: str) -> list[str]:
    """What a corrected version must not hold: English typography, damage, debris."""
    for brand in BRANDS_WITH_AMPERSAND:
        text = text.replace(brand, "x" * len(brand))
    problems = []
    for number, line in enumerate(text.split("\n"), 1):
        for pattern, label in _TYPOGRAPHY_CHECKS:
            for match in re.finditer(pattern, line):
                context = line[max(0, match.start() - 25) : match.end() + 25]
                problems.append(f"line {number}: {label}: …{context}…")
    return problems


def _read_annotations(folder: Path, errors: list[str]) -> list[dict[str, object]]:
    records = []
    path = folder / "annotations.jsonl"
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        record = json.loads(line)
        where = f"{path.name}:{number}"
        missing = [name for name in FIELDS if name not in record]
        if missing:
            errors.append(f"{where}: missing {missing}")
            continue
        if record["type"] not in TYPES.get(str(record["category"]), ()):
            errors.append(f"{where}: unknown category/type {record['category']}/{record['type']}")
        if record["lang"] not in ("en", "it", "es", "pt"):
            errors.append(f"{where}: unknown lang {record['lang']}")
        records.append(record)
    return records


def _article(folder: Path, name: str, records: list[dict[str, object]], errors: list[str]) -> Article:
    mt_path, ref_path = folder / f"{name}.mt.txt", folder / f"{name}.ref.txt"
    mt, ref = mt_path.read_text(encoding="utf-8"), ref_path.read_text(encoding="utf-8")
    annotations = []
    for record in records:
        text, occurrence = str(record["text"]), int(str(record["occurrence"]))
        start = find_nth(mt, text, occurrence)
        if start == -1:
            errors.append(f"{name}: not found (occurrence {occurrence}): {text!r}")
            continue
        annotations.append(
            Annotation(
                name,
                start,
                start + len(text),
                str(record["category"]),
                str(record["type"]),
                text,
                str(record["fix"]),
            )
        )
    annotations.sort(key=lambda a: a.start)
    for first, second in itertools.pairwise(annotations):
        if second.start < first.end:
            errors.append(f"{name}: overlapping spans {first.text!r} / {second.text!r}")
    _check_article(name, mt, ref, annotations, records, errors)
    return Article(name, mt_path, ref_path, tuple(annotations))


def _check_article(
    name: str,
    mt: str,
    ref: str,
    annotations: Sequence[Annotation],
    records: Sequence[dict[str, object]],
    errors: list[str],
) -> None:
    fixed = apply_fixes(mt, [(a.start, a.end, a.fix) for a in annotations])
    if fixed != ref:
        at = next((i for i, (x, y) in enumerate(zip(fixed, ref, strict=False)) if x != y), len(fixed))
        errors.append(f"{name}: the fixes do not give the .ref.txt (first difference at {at})")
    if len({record["lang"] for record in records}) > 1:
        errors.append(f"{name}: several source languages")
    for label, text in (("mt", mt), ("ref", ref)):
        words = len(text.split())
        if not 350 <= words <= 800:
            errors.append(f"{name}: {label} has {words} words (expected 350-800)")
    share = sum(a.category in ("mt", "entity") for a in annotations) / max(len(annotations), 1)
    if not 10 <= len(annotations) <= 25 or share < 0.6:
        errors.append(f"{name}: {len(annotations)} annotations, {share:.0%} mt or entity")
    errors.extend(f"{name}.ref.txt: {problem}" for problem in typography_problems(ref))
    if not ref.endswith("\n") or "\n\n\n" in ref or "\n\n\n" in mt:
        errors.append(f"{name}: paragraph separators")


def load_corpus(folder: Path) -> tuple[list[Article], list[str]]:
    """The articles of a corpus folder, and what is wrong with its data (empty when valid)."""
    errors: list[str] = []
    records = _read_annotations(folder, errors)
    names = sorted(path.name.removesuffix(".mt.txt") for path in folder.glob("*.mt.txt"))
    unknown = {str(record["doc"]) for record in records} - set(names)
    errors.extend(f"annotation for an unknown document {doc}" for doc in sorted(unknown))
    articles = [_article(folder, name, [r for r in records if r["doc"] == name], errors) for name in names]
    return articles, errors


# ---------------------------------------------------------------------------
# Scoring
# ---------------------------------------------------------------------------


def news_words(text: str) -> int:
    """Whitespace tokens holding a letter or a digit (the corpus READMEs' count)."""
    return sum(1 for token in text.split() if any(char.isalnum() for char in token))


def roc_auc(positives: Sequence[float], negatives: Sequence[float]) -> float:
    """The probability that a positive scores above a negative (ties count half)."""
    if not positives or not negatives:
        return 0.0
    wins = sum((p > n) + 0.5 * (p == n) for p in positives for n in negatives)
    return wins / (len(positives) * len(negatives))


def _overlaps(issue: Issue, annotation: Annotation) -> bool:
    if issue.start == issue.end:
        return annotation.start <= issue.start < annotation.end
    return issue.start < annotation.end and annotation.start < issue.end


def _linter(languagetool: bool, language: str = "fr-FR") -> Linter:
    settings = LanguageToolSettings(enabled=languagetool)
    return Linter(Config(language=language, languagetool=settings))


def _lint(linters: dict[str, Linter], path: Path, languagetool: bool) -> FileResult:
    language = VARIANTS.get(path.name[:2], "fr-FR")
    if language not in linters:
        linters[language] = _linter(languagetool, language)
    return linters[language].lint(read_document(str(path)))


def _alarms(
    name: str, result: FileResult, categories: frozenset[str] = ARTIFACT_CATEGORIES
) -> list[tuple[str, Issue, str]]:
    """The issues of `categories` (mt and scraping by default) of a text that should have none."""
    text = result.document.text
    return [(name, i, text[i.start : i.end]) for i in result.issues if i.category in categories]


def _score_article(score: Score, article: Article, result: FileResult) -> None:
    text = result.document.text
    for annotation in article.annotations:
        score.annotated[annotation.category] += 1
        score.annotated_types[annotation.category, annotation.type] += 1
        if any(i.category == annotation.category and _overlaps(i, annotation) for i in result.issues):
            score.found[annotation.category] += 1
            score.found_types[annotation.category, annotation.type] += 1
        elif annotation.category in SCORED:
            score.missed.append(annotation)
    for issue in result.issues:
        if issue.category not in SCORED:
            continue
        score.issues[issue.category] += 1
        if any(a.category == issue.category and _overlaps(issue, a) for a in article.annotations):
            score.correct[issue.category] += 1
        else:
            score.wrong.append((article.name, issue, text[issue.start : issue.end]))
    score.positives.append(result.artifacts_per_1000_words)


def score_corpus(
    mt_folder: Path, human_folders: Sequence[Path], languagetool: bool = False
) -> tuple[Score, list[str]]:
    """Lint and score a corpus folder and human news folders; also returns the data errors."""
    articles, errors = load_corpus(mt_folder)
    linters: dict[str, Linter] = {}
    score = Score()
    for article in articles:
        _score_article(score, article, _lint(linters, article.mt, languagetool))
        ref = _lint(linters, article.ref, languagetool)
        score.ref_alarms += _alarms(article.ref.name, ref)
        score.entity_alarms += _alarms(article.ref.name, ref, ENTITY)
        score.ref_words += news_words(ref.document.text)
        score.negatives.append(ref.artifacts_per_1000_words)
    for path in sorted(p for folder in human_folders for p in folder.glob("*.txt")):
        result = _lint(linters, path, languagetool)
        score.human_alarms += _alarms(path.name, result)
        score.entity_alarms += _alarms(path.name, result, ENTITY)
        score.human_words += news_words(result.document.text)
        score.human_files += 1
        score.negatives.append(result.artifacts_per_1000_words)
    return score, errors


# ---------------------------------------------------------------------------
# Report
# ---------------------------------------------------------------------------


def report(score: Score, mt_folder: Path, human_folders: Sequence[Path], details: bool) -> str:
    lines = [
        f"corpus: {_relative(mt_folder)} ({len(score.positives)} articles); human news: "
        + ", ".join(_relative(folder) for folder in human_folders)
        + f" ({score.human_files} articles, {score.human_words} words)",
        "",
        "| category | annotated | found | recall | issues | matching | precision |",
        "|---|---|---|---|---|---|---|",
    ]
    for category in REPORTED:
        issues = (
            f"{score.issues[category]} | {score.correct[category]} | {score.precision_of(category):.2f}"
            if category in SCORED
            else "- | - | -"
        )
        lines.append(
            f"| {category} | {score.annotated[category]} | {score.found[category]} "
            f"| {score.recall(category):.2f} | {issues} |"
        )
    total = sum(score.issues.values())
    lines += [
        f"| **mt + scraping + entity** | | | | {total} | {sum(score.correct.values())} "
        f"| **{score.precision:.2f}** |",
        "",
        "| measure | value |",
        "|---|---|",
        f"| mt and scraping issues on the corrected versions | {len(score.ref_alarms)} "
        f"({score.ref_per_1000:.2f} per 1,000 words) |",
        f"| mt and scraping issues on human news | {len(score.human_alarms)} "
        f"({score.human_per_1000:.2f} per 1,000 words) |",
        f"| entity issues on the corrected versions and human news | {len(score.entity_alarms)} |",
        f"| ROC AUC of the MT score (MT articles vs corrected versions and human news) | {score.auc:.3f} |",
    ]
    if details:
        lines += ["", *_details(score)]
    return "\n".join(lines)


def _details(score: Score) -> list[str]:
    lines = ["recall per type:"]
    for (category, kind), count in sorted(score.annotated_types.items()):
        lines.append(f"  {category:10} {kind:20} {score.found_types[category, kind]:3}/{count}")
    lines.append("missed:")
    lines += [f"  {a.doc[:2]} {a.category:8} {a.type:16} {a.text[:70]!r}" for a in score.missed]
    lines.append("issues matching no annotation of their category:")
    lines += [f"  {doc[:2]} {i.rule:34} {text[:60]!r}" for doc, i, text in score.wrong]
    lines.append("false alarms on corrected versions and human news:")
    for doc, issue, text in score.ref_alarms + score.human_alarms + score.entity_alarms:
        lines.append(f"  {doc:28} {issue.rule:34} {text[:60]!r}")
    return lines


def _relative(path: Path) -> str:
    resolved = path.resolve()
    return str(resolved.relative_to(ROOT)) if resolved.is_relative_to(ROOT) else str(path)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--mt", type=Path, default=DEFAULT_MT, help="annotated corpus folder")
    parser.add_argument("--human", type=Path, action="append", help="folder of human news (repeatable)")
    parser.add_argument("--languagetool", action="store_true", help="run LanguageTool too")
    parser.add_argument("--details", action="store_true", help="list misses and false alarms")
    args = parser.parse_args(argv)
    human = tuple(args.human) if args.human else DEFAULT_HUMAN
    score, errors = score_corpus(args.mt, human, args.languagetool)
    for error in errors:
        print(f"data error: {error}", file=sys.stderr)
    print(report(score, args.mt, human, args.details))
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
