"""LanguageTool's French calque and anglicism rules against machine-translated articles.

    python bench/lt_calques.py [--url URL] [--examples 2] [--no-docs] [--timing]

LanguageTool 6.8's `style.xml` files its calques (« être en charge de », « faire du sens ») under
`CAT_CALQUES` and its unadapted English words under `CAT_ANGLICISMES_FOREIGN_TERMS`; both
categories are tagged picky, so the server runs them only at `level=picky`. This script asks
for those two categories alone (`enabledCategories` with `enabledOnly=true` and
`level=picky`), keeps what textlint's filters keep (`filters.keep`, as for every LT finding),
and counts per rule id:

- on the machine-translated articles of `tests/corpus/mt-dev` and `mt-fresh*`,
  the matches, those overlapping an `mt` annotation, and those overlapping an `mt` annotation
  that textlint's own rules (LanguageTool off) miss;
- the matches on their corrected versions (`*.ref.txt`), on the professionally written news
  (`tests/corpus/news-fr/dev`, `tests/corpus/news-foreign`) and on Debian's French
  documentation (about 1.5 million words, downloaded by `bench/precision_docs.py`; its HTML
  read by textlint's HTML reader).

A rule worth reporting as `mt` has no match outside the machine-translated articles.
`--timing` compares the server time of textlint's usual request with the same at
`level=picky` and with a second request for the two categories alone, on the mt-dev articles.
By default the managed server is used (started if needed); `--url` names another one.
"""

from __future__ import annotations

import argparse
import html
import json
import re
import sys
import time
import zipfile
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from precision_docs import pages  # noqa: E402
from score_mt import VARIANTS, Article, load_corpus, news_words  # noqa: E402

from textlint.config import Config, LanguageToolSettings  # noqa: E402
from textlint.document import Document, read_document  # noqa: E402
from textlint.languagetool import install, paths, process  # noqa: E402
from textlint.languagetool.checker import _SEPARATOR, LanguageToolChecker, _per_paragraph, split_paragraphs  # noqa: E402
from textlint.languagetool.filters import prepare  # noqa: E402
from textlint.languagetool.mapping import Match, matches_from_response  # noqa: E402
from textlint.languagetool.ruleset import DISABLED, NOISY_CATEGORIES  # noqa: E402
from textlint.languagetool.wire import request  # noqa: E402
from textlint.linter import Linter  # noqa: E402

CORPUS = ROOT / "tests" / "corpus"
# The development sets only: the held-out `mt-check` is never read here.
MT_FOLDERS = (CORPUS / "mt-dev", *sorted(CORPUS.glob("mt-fresh*")))
HUMAN_FOLDERS = (CORPUS / "news-fr" / "dev", CORPUS / "news-foreign")
CATEGORIES = ("CAT_CALQUES", "CAT_ANGLICISMES_FOREIGN_TERMS")
ONLY_THESE = {"enabledCategories": ",".join(CATEGORIES), "enabledOnly": "true", "level": "picky"}
TIMEOUT = 300.0
SETS = ("mt", "ref", "news", "docs")


@dataclass
class Found:
    """One kept match: where, what it flagged, and what LanguageTool said."""

    rule: str
    category: str
    start: int
    end: int
    flagged: str
    message: str
    context: str


@dataclass
class Tally:
    """Per rule id: matches on each set, and on the MT articles what they overlap."""

    matches: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    on_mt: Counter[str] = field(default_factory=Counter)
    new_mt: Counter[str] = field(default_factory=Counter)
    examples: dict[tuple[str, str], list[str]] = field(default_factory=lambda: defaultdict(list))
    category: dict[str, str] = field(default_factory=dict)
    message: dict[str, str] = field(default_factory=dict)
    words: Counter[str] = field(default_factory=Counter)
    documents: Counter[str] = field(default_factory=Counter)
    annotated_mt: int = 0
    missed_mt: int = 0
    seconds: float = 0.0

    def add(self, where: str, found: Found, note: str, limit: int) -> None:
        self.matches[found.rule][where] += 1
        self.category[found.rule] = found.category
        self.message[found.rule] = found.message
        if len(self.examples[found.rule, where]) < limit:
            self.examples[found.rule, where].append(f"{note}{found.context}")


class Asker:
    """Sends a document's paragraphs as textlint does, with chosen request fields."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.linters: dict[str, Linter] = {}
        self.seconds = 0.0

    def linter(self, language: str) -> Linter:
        if language not in self.linters:
            settings = LanguageToolSettings(enabled=False)
            self.linters[language] = Linter(Config(language=language, languagetool=settings))
        return self.linters[language]

    def checker(self, language: str) -> LanguageToolChecker:
        linter = self.linter(language)
        settings = LanguageToolSettings(enabled=True, url=self.url, cache=False)
        return LanguageToolChecker(settings, language, linter.known_words)

    def matches(self, view: Document, language: str, fields: dict[str, str]) -> list[tuple[int, Match]]:
        """The matches LanguageTool gives `view` with `fields`, with their paragraph's start."""
        paragraphs = list(split_paragraphs(view.text))
        if not paragraphs:
            return []
        texts = [paragraph.text for paragraph in paragraphs]
        joined = _SEPARATOR.join(texts)
        form = {"language": language, "text": joined, **fields}
        began = time.perf_counter()
        status, body = request(self.url, "/v2/check", form=form, timeout=TIMEOUT)
        self.seconds += time.perf_counter() - began
        if status != 200:
            raise SystemExit(f"LanguageTool answered HTTP {status}: {body[:200]!r}")
        found = matches_from_response(joined, json.loads(body))
        per = _per_paragraph(texts, found)
        return [
            (paragraph.start, match) for paragraph, own in zip(paragraphs, per, strict=True) for match in own
        ]


def kept(asker: Asker, path: Path, language: str) -> tuple[Document, list[Found]]:
    """The view of `path` and the calque and anglicism findings textlint's filters keep."""
    view = asker.linter(language).view(read_document(str(path)))
    checker = asker.checker(language)
    raw = asker.matches(view, language, ONLY_THESE)
    if raw:
        prepare(view)
    found = []
    for base, match in raw:
        if not checker.worth_reporting(match, view, base):
            continue
        start, end = base + match.start, base + match.end
        around = view.text[max(0, start - 50) : end + 50].replace("\n", " ")
        found.append(
            Found(match.rule_id, match.category_id, start, end, view.text[start:end], match.message, around)
        )
    return view, found


def language_of(path: Path) -> str:
    return VARIANTS.get(path.name.split("-", 1)[0], "fr-FR")


def own_mt_spans(asker: Asker, path: Path) -> list[tuple[int, int]]:
    """Spans of textlint's own `mt` issues (LanguageTool off) on `path`."""
    result = asker.linter("fr-FR").lint(read_document(str(path)))
    return [(issue.start, issue.end) for issue in result.issues if issue.category == "mt"]


def overlaps(start: int, end: int, spans: Iterable[tuple[int, int]]) -> bool:
    return any(start < other_end and other_start < end for other_start, other_end in spans)


def measure_articles(asker: Asker, tally: Tally, articles: Sequence[Article], limit: int) -> None:
    for article in articles:
        mt_spans = [(a.start, a.end) for a in article.annotations if a.category == "mt"]
        own = own_mt_spans(asker, article.mt)
        missed = [span for span in mt_spans if not overlaps(*span, own)]
        tally.annotated_mt += len(mt_spans)
        tally.missed_mt += len(missed)
        for where, path in (("mt", article.mt), ("ref", article.ref)):
            view, found = kept(asker, path, "fr-FR")
            tally.words[where] += news_words(view.text)
            tally.documents[where] += 1
            for item in found:
                note = ""
                # A .txt view is the file itself: annotation offsets apply.
                if where == "mt" and overlaps(item.start, item.end, mt_spans):
                    tally.on_mt[item.rule] += 1
                    note = "[annotated] "
                    if overlaps(item.start, item.end, missed):
                        tally.new_mt[item.rule] += 1
                        note = "[annotated, missed by textlint] "
                tally.add(where, item, f"{article.name}: {note}", limit)


def measure_files(asker: Asker, tally: Tally, where: str, files: Sequence[Path], limit: int) -> None:
    for number, path in enumerate(files, 1):
        language = language_of(path) if where == "news" else "fr-FR"
        view, found = kept(asker, path, language)
        tally.words[where] += news_words(view.text)
        tally.documents[where] += 1
        for item in found:
            tally.add(where, item, f"{path.name}: ", limit)
        if number % 200 == 0:
            print(f"  {where}: {number}/{len(files)} files", file=sys.stderr)


def report(tally: Tally) -> str:
    lines = [
        "| set | documents | words |",
        "|---|---|---|",
        *(f"| {where} | {tally.documents[where]} | {tally.words[where]:,} |" for where in SETS),
        "",
        f"mt annotations: {tally.annotated_mt}, of which textlint's own rules miss {tally.missed_mt}.",
        f"Server time for the calque requests: {tally.seconds:.0f} s.",
        "",
        "| rule | category | MT articles | on an mt annotation | … missed by textlint "
        "| corrected | news | docs |",
        "|---|---|---|---|---|---|---|---|",
    ]
    order = sorted(tally.matches, key=lambda rule: (-tally.new_mt[rule], -tally.on_mt[rule], rule))
    for rule in order:
        counts = tally.matches[rule]
        category = "calque" if tally.category[rule] == "CAT_CALQUES" else "anglicism"
        lines.append(
            f"| `{rule}` | {category} | {counts['mt']} | {tally.on_mt[rule]} | {tally.new_mt[rule]} "
            f"| {counts['ref']} | {counts['news']} | {counts['docs']} |"
        )
    totals = {where: sum(tally.matches[rule][where] for rule in tally.matches) for where in SETS}
    lines.append(
        f"| **all** | | {totals['mt']} | {sum(tally.on_mt.values())} | {sum(tally.new_mt.values())} "
        f"| {totals['ref']} | {totals['news']} | {totals['docs']} |"
    )
    return "\n".join(lines)


def examples(tally: Tally) -> str:
    lines = []
    for rule in sorted(tally.matches):
        lines.append(f"{rule}: {tally.message[rule]}")
        for where in SETS:
            lines.extend(f"  {where}: {text}" for text in tally.examples[rule, where])
    return "\n".join(lines)


def timing(asker: Asker, articles: Sequence[Article], rounds: int) -> str:
    """Server seconds for the mt-dev articles under each way of asking (best of `rounds`)."""
    usual = {
        "disabledRules": ",".join(sorted(DISABLED)),
        "disabledCategories": ",".join(sorted(NOISY_CATEGORIES)),
    }
    ways = {
        "textlint's request": usual,
        "… at level=picky": {**usual, "level": "picky"},
        "the two categories alone (enabledOnly, picky)": ONLY_THESE,
    }
    views = [asker.linter("fr-FR").view(read_document(str(article.mt))) for article in articles]
    for view in views:  # one round first, so that every rule pipeline is built
        for fields in ways.values():
            asker.matches(view, "fr-FR", fields)
    best = dict.fromkeys(ways, float("inf"))
    for _ in range(rounds):  # the ways alternate, so that a busy spell of the machine hits them all
        for name, fields in ways.items():
            asker.seconds = 0.0
            for view in views:
                asker.matches(view, "fr-FR", fields)
            best[name] = min(best[name], asker.seconds)
    lines = ["| request | server seconds, all articles (best of rounds) |", "|---|---|"]
    lines += [f"| {name} | {seconds:.2f} |" for name, seconds in best.items()]
    return "\n".join(lines)


def lt_examples(asker: Asker) -> str:
    """How many of LanguageTool's own wrong examples of the two categories textlint's rules
    flag as `mt` (LanguageTool off): how much of its list textlint's lexicons already hold.
    The examples are read from the installed jar for this count and kept nowhere."""
    installation = install.installed()
    if installation is None:
        raise SystemExit("LanguageTool is not installed: textlint languagetool install")
    with zipfile.ZipFile(installation.root / "libs" / f"language-fr-{paths.LT_VERSION}.jar") as archive:
        source = archive.read("org/languagetool/rules/fr/style.xml").decode("utf-8")
    counts: Counter[tuple[str, str]] = Counter()
    for category, examples in wrong_examples(source):
        flagged = [flags_mt(asker.linter("fr-FR"), *example) for example in examples]
        counts[category, "rules"] += 1
        counts[category, "examples"] += len(flagged)
        counts[category, "flagged"] += sum(flagged)
        counts[category, "rules flagged"] += any(flagged)
    lines = ["| category | rules | wrong examples | flagged by textlint as mt | rules with one flagged |"]
    lines.append("|---|---|---|---|---|")
    for category in CATEGORIES:
        lines.append(
            f"| `{category}` | {counts[category, 'rules']} | {counts[category, 'examples']} "
            f"| {counts[category, 'flagged']} | {counts[category, 'rules flagged']} |"
        )
    return "\n".join(lines)


_CATEGORY = re.compile(r'<category id="([^"]+)"')
_RULE = re.compile(r'<(rulegroup|rule)\b[^>]*\bid="([^"]+)"[^>]*>(.*?)</\1>', re.S)
_WRONG = re.compile(r'<example\b[^>]*\b(?:correction="[^"]*"|type="incorrect")[^>]*>(.*?)</example>', re.S)


def wrong_examples(source: str) -> Iterator[tuple[str, list[tuple[str, int, int]]]]:
    """Per rule or rule group of the two categories: its category and its wrong examples,
    (sentence, marker start, marker end)."""
    starts = [(found.start(), found.group(1)) for found in _CATEGORY.finditer(source)]
    for rule in _RULE.finditer(source):
        category = max(((start, name) for start, name in starts if start <= rule.start()), default=(0, ""))[1]
        if category not in CATEGORIES:
            continue
        examples = []
        for example in _WRONG.findall(rule.group(3)):
            if "<marker>" not in example:
                continue
            before, rest = example.split("<marker>", 1)
            marked, after = rest.split("</marker>", 1)
            head, word = _plain(before), _plain(marked)
            examples.append((head + word + _plain(after), len(head), len(head) + len(word)))
        yield category, examples


def _plain(xml: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", xml))


def flags_mt(linter: Linter, sentence: str, start: int, end: int) -> bool:
    issues = linter.lint(Document(text=sentence, path="example.txt")).issues
    return any(issue.category == "mt" and issue.start < end and start < issue.end for issue in issues)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", help="a LanguageTool server (default: the managed one)")
    parser.add_argument("--examples", type=int, default=2, help="examples printed per rule and set")
    parser.add_argument("--no-docs", action="store_true", help="leave out Debian's documentation")
    parser.add_argument("--timing", action="store_true", help="only compare the requests' server time")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument(
        "--lt-examples", action="store_true", help="only count LanguageTool's own examples textlint flags"
    )
    args = parser.parse_args()
    if args.lt_examples:
        print(lt_examples(Asker("")))
        return
    url = args.url or process.ensure_running(memory="2g", idle_timeout=1800).url
    asker = Asker(url)
    articles: list[Article] = []
    for folder in MT_FOLDERS:
        found, errors = load_corpus(folder)
        if errors:
            raise SystemExit(f"{folder}: {errors[0]}")
        articles += found
    if args.timing:
        print(timing(asker, [a for a in articles if a.mt.parent.name == "mt-dev"], args.rounds))
        return
    tally = Tally()
    measure_articles(asker, tally, articles, args.examples)
    human = sorted(path for folder in HUMAN_FOLDERS for path in folder.glob("*.txt"))
    measure_files(asker, tally, "news", human, args.examples)
    if not args.no_docs:
        measure_files(asker, tally, "docs", pages(), args.examples)
    tally.seconds = asker.seconds
    print(report(tally))
    if args.examples:
        print()
        print(examples(tally))


if __name__ == "__main__":
    main()
