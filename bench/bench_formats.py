"""What reading Markdown and HTML costs: the same articles as plain text, Markdown and HTML.

Run: python bench/bench_formats.py [--megabytes 3] [--repeat 3]
Each article is written three ways with the same prose; Markdown and HTML add emphasis,
links and inline code around it. Throughput is in MB of the plain-text version per second,
so the three rows compare the same amount of prose.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import corpus, lint_all, megabytes_of

from textlint.config import Config, LanguageToolSettings
from textlint.linter import Linter

_WORD = re.compile(r"\b(\w{7,})\b")


def as_markdown(article: str) -> str:
    title, body = article.split("\n\n", 1)
    body = _WORD.sub(lambda m: f"**{m.group(1)}**" if len(m.group(1)) % 5 == 0 else m.group(1), body)
    body = body.replace(" selon un communiqué", " selon [un communiqué](https://exemple.fr/a?b=1)")
    body = body.replace(" le calendrier", " le `calendrier`")
    return f"---\ntitle: {title}\nauteur: Rédaction\n---\n\n# {title}\n\n{body}"


def as_html(article: str) -> str:
    title, body = article.split("\n\n", 1)
    paragraphs = "".join(
        "<p>"
        + _WORD.sub(lambda m: f"<b>{m.group(1)}</b>" if len(m.group(1)) % 5 == 0 else m.group(1), p)
        .replace(" selon un communiqué", ' selon <a href="https://exemple.fr/a?b=1">un communiqué</a>')
        .replace(" le calendrier", " le <code>calendrier</code>")
        + "</p>\n"
        for p in body.strip().split("\n\n")
    )
    return f"<html><head><title>{title}</title></head><body>\n<h1>{title}</h1>\n{paragraphs}</body></html>\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--megabytes", type=float, default=3.0)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    articles = corpus(args.megabytes)
    prose = megabytes_of(articles)
    linter = Linter(Config(languagetool=LanguageToolSettings(enabled=False)))
    print(f"{len(articles)} articles, {prose:.1f} MB of prose, best of {args.repeat}\n")
    print("| format | file size (MB) | issues | seconds | MB of prose/s | time vs plain text |")
    print("| --- | --- | --- | --- | --- | --- |")
    plain_seconds = 0.0
    for name, texts, path in (
        ("plain text", articles, "a.txt"),
        ("Markdown", [as_markdown(a) for a in articles], "a.md"),
        ("HTML", [as_html(a) for a in articles], "a.html"),
    ):
        seconds, issues = lint_all(linter, texts, args.repeat, path)
        plain_seconds = plain_seconds or seconds
        print(
            f"| {name} | {megabytes_of(texts):.1f} | {issues} | {seconds:.2f} | {prose / seconds:.2f} "
            f"| ×{seconds / plain_seconds:.2f} |"
        )


if __name__ == "__main__":
    main()
