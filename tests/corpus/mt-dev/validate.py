# ruff: noqa: E501, PLR0912, PLR0915, PLW2901  (to be folded into the MT scorer)
#!/usr/bin/env python3
"""Check the hand-annotated MT/scraping corpus (mt-dev and mt-check).

Usage:  python3 tests/corpus/mt-dev/validate.py [FOLDER ...]
        (default: tests/corpus/mt-dev and tests/corpus/mt-check)

For each folder it checks that
  * every annotation has the expected fields, a known category/type pair and a lang;
  * its ``text`` occurs in ``<doc>.mt.txt`` at least ``occurrence`` times
    (occurrences are counted with str.find from the previous match + 1, i.e. overlaps count);
  * no two annotated spans overlap;
  * applying every fix from the end of the text backwards gives exactly ``<doc>.ref.txt``.
    Convention: when ``fix`` is "" and the span is a whole line, the line is removed
    together with one paragraph separator: the "\n\n" that follows it, or, when it is the
    last paragraph, the "\n\n" that precedes it;
  * every article has 350-800 words (whitespace-separated tokens, .mt.txt and .ref.txt)
    and 10-25 annotations, at least 60 % of them in categories mt/entity;
  * the .ref.txt files keep French typography (no straight quotes or apostrophes, no-break
    spaces before : ; ! ? % and inside « », no leftover entities, mojibake or citation marks).
It then prints the counts per category and type. Exit code 1 on any error.
"""

import itertools
import json
import re
import sys
from collections import Counter
from pathlib import Path

TYPES = {
    "mt": {
        "literal",
        "false-friend",
        "pronoun-drift",
        "untranslated",
        "doubled-word",
        "redundant-pronoun",
        "anglicism",
    },
    "entity": {"name"},
    "scraping": {"citation", "tweet", "navigation", "caption", "heading", "pull-quote", "byline"},
    "typography": {
        "currency-before",
        "decimal-point",
        "thousands-comma",
        "straight-quotes",
        "unbalanced-quotes",
        "hyphen-dash",
        "ampersand",
        "title-case",
        "no-space-before-colon",
        "english-date",
    },
    "encoding": {"mojibake", "entity-code"},
}
FIELDS = ["doc", "text", "occurrence", "category", "type", "fix", "source", "lang"]
BRANDS_WITH_AMPERSAND = ("AT&T", "S&P", "Johnson & Johnson", "Procter & Gamble", "H&M", "M&M")
ROOT = Path(__file__).resolve().parent.parent


def find_nth(text, sub, n):
    i = text.find(sub)
    while i != -1 and n > 1:
        i = text.find(sub, i + 1)
        n -= 1
    return i


def apply_fixes(mt, spans):
    out = mt
    for start, end, fix in sorted(spans, key=lambda s: s[0], reverse=True):
        whole_line = (start == 0 or out[start - 1] == "\n") and (end == len(out) or out[end] == "\n")
        if fix == "" and whole_line:
            if out[end : end + 2] == "\n\n":
                end += 2
            elif start >= 2 and out[start - 2 : start] == "\n\n":
                start -= 2
        out = out[:start] + fix + out[end:]
    return out


def typography_problems(text):
    probs = []
    masked = text
    for brand in BRANDS_WITH_AMPERSAND:
        masked = masked.replace(brand, "x" * len(brand))
    checks = [
        (r"['\"]", "straight quote/apostrophe"),
        (r"(?<!\u00a0):", "colon without U+00A0 before it"),
        (r"(?<!\u202f)[;!?]", "; ! ? without U+202F before it"),
        (r"«(?!\u202f)", "« without U+202F after it"),
        (r"(?<!\u202f)»", "» without U+202F before it"),
        (r"(?<!\u202f)%", "% without U+202F before it"),
        (r" - ", "hyphen used as dash"),
        (r"&", "ampersand"),
        (r"\d,\d{3}\b", "thousands comma"),
        (r"\d\.\d", "decimal point"),
        (r"[$£]\s?\d|€\d", "currency symbol before number"),
        (r"Ã|â€|Â|&#\d+;|&amp;", "encoding damage"),
        (r"\[\d+\]|\[citation", "citation mark"),
        (r"  |^ | $", "stray space"),
    ]
    for line_no, line in enumerate(masked.split("\n"), 1):
        for pat, label in checks:
            for m in re.finditer(pat, line, re.M):
                probs.append(f"line {line_no}: {label}: …{line[max(0, m.start() - 25) : m.end() + 25]}…")
    return probs


def check_folder(folder):
    errors, warnings = [], []
    anns = []
    with open(folder / "annotations.jsonl", encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if line.strip():
                rec = json.loads(line)
                rec["_line"] = n
                anns.append(rec)
    docs = sorted(p.name[: -len(".mt.txt")] for p in folder.glob("*.mt.txt"))
    by_doc = {d: [] for d in docs}
    for a in anns:
        where = f"{folder.name}/annotations.jsonl:{a['_line']}"
        missing = [f for f in FIELDS if f not in a]
        if missing:
            errors.append(f"{where}: missing {missing}")
            continue
        if a["type"] not in TYPES.get(a["category"], ()):
            errors.append(f"{where}: bad category/type {a['category']}/{a['type']}")
        if a["lang"] not in ("en", "it", "es"):
            errors.append(f"{where}: bad lang {a['lang']}")
        if a["doc"] not in by_doc:
            errors.append(f"{where}: unknown doc {a['doc']}")
            continue
        by_doc[a["doc"]].append(a)
    rows = []
    for doc in docs:
        mt = (folder / f"{doc}.mt.txt").read_text(encoding="utf-8")
        ref = (folder / f"{doc}.ref.txt").read_text(encoding="utf-8")
        spans = []
        for a in by_doc[doc]:
            i = find_nth(mt, a["text"], a["occurrence"])
            if i == -1:
                errors.append(f"{doc}: not found (occurrence {a['occurrence']}): {a['text']!r}")
                continue
            spans.append((i, i + len(a["text"]), a["fix"]))
        spans.sort()
        for (s1, e1, _), (s2, e2, _) in itertools.pairwise(spans):
            if s2 < e1:
                errors.append(f"{doc}: overlapping spans {mt[s1:e1]!r} / {mt[s2:e2]!r}")
        fixed = apply_fixes(mt, spans)
        if fixed != ref:
            k = next(
                (i for i, (x, y) in enumerate(zip(fixed, ref, strict=False)) if x != y),
                min(len(fixed), len(ref)),
            )
            errors.append(
                f"{doc}: fixes do not give the .ref.txt; first difference at {k}: "
                f"got {fixed[max(0, k - 30) : k + 40]!r} expected {ref[max(0, k - 30) : k + 40]!r}"
            )
        langs = {a["lang"] for a in by_doc[doc]}
        if len(langs) != 1:
            errors.append(f"{doc}: several source languages {langs}")
        wmt, wref = len(mt.split()), len(ref.split())
        for label, w in (("mt", wmt), ("ref", wref)):
            if not 350 <= w <= 800:
                errors.append(f"{doc}: {label} has {w} words (want 350-800)")
        n = len(by_doc[doc])
        share = sum(a["category"] in ("mt", "entity") for a in by_doc[doc]) / max(n, 1)
        if not 10 <= n <= 25:
            errors.append(f"{doc}: {n} annotations (want 10-25)")
        if share < 0.6:
            errors.append(f"{doc}: mt/entity share {share:.0%} < 60 %")
        for p in typography_problems(ref):
            errors.append(f"{doc}.ref.txt: {p}")
        if not ref.endswith("\n") or "\n\n\n" in ref or "\n\n\n" in mt:
            errors.append(f"{doc}: bad paragraph separators")
        rows.append((doc, ",".join(sorted(langs)), wmt, wref, n, share))
    return anns, rows, errors, warnings


def report(folder, anns, rows):
    print(
        f"== {folder.relative_to(ROOT.parent.parent) if folder.is_relative_to(ROOT.parent.parent) else folder}"
    )
    print(f"{'doc':32} lang  words(mt/ref)  defects  mt+entity")
    for doc, lang, wmt, wref, n, share in rows:
        print(f"{doc:32} {lang:4}  {wmt:4} / {wref:<4}     {n:5}    {share:4.0%}")
    print(f"articles: {len(rows)}  annotations: {len(anns)}")
    cats = Counter(a["category"] for a in anns)
    types = Counter((a["category"], a["type"]) for a in anns)
    for cat in TYPES:
        print(f"  {cat:11} {cats.get(cat, 0):4}")
        for (c, t), k in sorted(types.items(), key=lambda x: (-x[1], x[0][1])):
            if c == cat:
                print(f"      {t:24} {k:4}")


def main(argv):
    folders = [Path(a) for a in argv] or [ROOT / "mt-dev", ROOT / "mt-check"]
    bad = False
    for folder in folders:
        folder = folder.resolve()
        anns, rows, errors, warnings = check_folder(folder)
        report(folder, anns, rows)
        for w in warnings:
            print("warning:", w)
        for e in errors:
            print("ERROR:", e)
        bad |= bool(errors)
        print()
    print("FAILED" if bad else "OK")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
