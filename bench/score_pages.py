"""Recall and precision on real web pages annotated by hand, by category and by family.

Run: python bench/score_pages.py [--languagetool] [--families] [--details] [--unmatched]
                                  [--news FOLDER ...] PAGES.jsonl ...

`tests/corpus/` holds articles the team wrote; this scores pages nobody on the team wrote (real
machine-translated sites, scraped copies), which cannot be committed: each line of a JSONL file
is one page, annotated without looking at textlint's output:

    {"url": "...", "text": "the page's text as collected",
     "annotations": [{"quote": "exact text of the defect", "occurrence": 1,
                      "category": "mt", "family": "false-friend", "fix": "...", "why": "..."}]}

`occurrence` (default 1) picks among repeated quotes; `category` is textlint's (mt, scraping,
entity, typography, grammar, encoding). An annotation is found when an issue of the same category
overlaps it (grammar also accepts spelling); precision counts the mt, scraping and entity issues
that overlap an annotation of their own category. Excerpts cut by the collecting tool end
mid-sentence: the truncation rules' issues at a page's end and annotations of the cut (family
`truncated-text`) are left out, and so is a leading « date 2021-05 » stamp some tools add.

`--news` also lints the `.txt` files of folders of published news (edited French, excerpts
collected the same way) and gives the ROC AUC of the per-document MT score
(`FileResult.artifacts_per_1000_words`, less the issues of an excerpt's cut end) between the
pages and those texts: how well the score ranks real machine-translated pages above
professionally written news.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from statistics import median

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from textlint.config import Config, LanguageToolSettings
from textlint.document import Document
from textlint.issues import Issue
from textlint.linter import Linter
from textlint.results import ARTIFACT_CATEGORIES, FileResult, per_1000_words

sys.path.insert(0, str(Path(__file__).resolve().parent))
from score_mt import roc_auc  # bench/ holds the scorers

CATEGORIES = ("mt", "scraping", "entity", "typography", "grammar", "encoding")
SCORED = ("mt", "scraping", "entity")
# Issues a cut excerpt raises by itself, and annotations of the cut.
CUT_RULES = frozenset({"scrape.truncated-ending", "scrape.empty-heading"})
CUT_FAMILIES = frozenset({"truncated-text", "truncated-title"})


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    category: str
    family: str
    quote: str

    def overlaps(self, issue: Issue) -> bool:
        return issue.start < self.end and self.start < issue.end

    def accepts(self, issue: Issue) -> bool:
        categories = ("grammar", "spelling") if self.category == "grammar" else (self.category,)
        return issue.category in categories and self.overlaps(issue)


@dataclass
class Tally:
    annotated: Counter[str]
    found: Counter[str]
    issues: Counter[str]
    matching: Counter[str]
    words: int = 0
    scores: list[float] = field(default_factory=list)  # each page's MT score


def spans(page: dict[str, object]) -> list[Span]:
    text = str(page["text"])
    found = []
    for note in page["annotations"]:  # type: ignore[attr-defined]
        quote, family = note["quote"], note["family"]
        if family in CUT_FAMILIES or quote.lstrip().startswith("date 20"):
            continue
        start = -1
        for _ in range(note.get("occurrence", 1)):
            start = text.find(quote, start + 1)
        if start < 0:
            raise SystemExit(f"score_pages: quote not found in {page['url']}: {quote!r}")
        found.append(Span(start, start + len(quote), note["category"], family, quote))
    return found


def score(paths: list[str], linter: Linter, args: argparse.Namespace) -> Tally:
    tally = Tally(Counter(), Counter(), Counter(), Counter())
    for path in paths:
        for line in Path(path).read_text(encoding="utf-8").splitlines():
            page = json.loads(line)
            text = page["text"]
            tally.words += sum(1 for word in text.split() if any(c.isalnum() for c in word))
            # A plain-text path: the text is linted as collected, whatever the page's address.
            result = linter.lint(Document(text=text, path="page.txt"))
            tally.scores.append(mt_score(result))
            issues = result.issues
            annotated = spans(page)
            for span in annotated:
                hits = [issue for issue in issues if span.accepts(issue)]
                key = f"{span.category}:{span.family}"
                tally.annotated[span.category] += 1
                tally.annotated[key] += 1
                tally.found[span.category] += bool(hits)
                tally.found[key] += bool(hits)
                if args.details:
                    rules = ",".join(sorted({issue.rule for issue in hits}))
                    print(f"{'HIT ' if hits else 'miss'} {key:32} « {span.quote} » {rules}")
            for issue in issues:
                if issue.category not in SCORED or at_the_cut(text, issue):
                    continue
                tally.issues[issue.category] += 1
                if any(span.category == issue.category and span.overlaps(issue) for span in annotated):
                    tally.matching[issue.category] += 1
                elif args.unmatched:
                    print(f"unmatched {issue.rule}: « {text[issue.start : issue.end]} » in {page['url']}")
    return tally


def report(tally: Tally, families: bool) -> None:
    print(f"{tally.words} words\n")
    print("| category | annotated | found | recall | issues | matching | precision |")
    print("|---|---|---|---|---|---|---|")
    for category in CATEGORIES:
        annotated, found = tally.annotated[category], tally.found[category]
        if not annotated and not tally.issues[category]:
            continue
        recall = f"{found / annotated:.2f}" if annotated else "-"
        if category in SCORED:
            issues, matching = tally.issues[category], tally.matching[category]
            precision = f"{matching / issues:.2f}" if issues else "-"
            print(f"| {category} | {annotated} | {found} | {recall} | {issues} | {matching} | {precision} |")
        else:
            print(f"| {category} | {annotated} | {found} | {recall} | - | - | - |")
    if families:
        print()
        keys = [key for key in tally.annotated if ":" in key]
        for key in sorted(keys, key=lambda k: -tally.annotated[k]):
            print(f"  {key:40} {tally.found[key]:4d} / {tally.annotated[key]:4d}")


def at_the_cut(text: str, issue: Issue) -> bool:
    return issue.rule in CUT_RULES and issue.end >= len(text.rstrip()) - 2


def mt_score(result: FileResult) -> float:
    """textlint's per-document MT score (`FileResult.artifacts_per_1000_words`), without the
    issues an excerpt's cut end raises by itself: both the pages and the news were cut."""
    text = result.document.text
    artifacts = [issue for issue in result.issues if issue.category in ARTIFACT_CATEGORIES]
    kept = [issue for issue in artifacts if not at_the_cut(text, issue)]
    return per_1000_words(len(kept), result.words)


def news_scores(folders: list[str], linter: Linter) -> list[float]:
    """The MT score of every `.txt` file of the folders."""
    paths = sorted(path for folder in folders for path in Path(folder).glob("*.txt"))
    scores = []
    for path in paths:
        text = path.read_text(encoding="utf-8")
        scores.append(mt_score(linter.lint(Document(text=text, path=str(path)))))
    return scores


def ranking(pages: list[float], news: list[float]) -> None:
    print(
        f"\nMT score, real pages against published news: ROC AUC {roc_auc(pages, news):.3f} "
        f"({len(pages)} pages, median {median(pages):.1f} per 1,000 words; {len(news)} news texts, "
        f"median {median(news):.1f}; news texts scoring 0: {sum(1 for x in news if x == 0)})"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pages", nargs="+", help="JSONL files of annotated pages")
    parser.add_argument("--languagetool", action="store_true", help="also run LanguageTool")
    parser.add_argument("--families", action="store_true", help="recall per annotated family")
    parser.add_argument("--details", action="store_true", help="each annotation, found or missed")
    parser.add_argument("--unmatched", action="store_true", help="issues no annotation accounts for")
    parser.add_argument("--news", nargs="+", default=[], metavar="FOLDER", help="published news to rank by")
    args = parser.parse_args()
    settings = LanguageToolSettings(enabled=args.languagetool)
    linter = Linter(Config(language="fr-FR", languagetool=settings))
    tally = score(args.pages, linter, args)
    report(tally, args.families)
    if args.news:
        ranking(tally.scores, news_scores(args.news, linter))


if __name__ == "__main__":
    main()
