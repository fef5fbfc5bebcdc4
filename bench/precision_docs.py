"""Which rules fire on edited French outside news: Debian's French documentation packages.

    python bench/precision_docs.py [--select mt,scrape,entity,gram] [--examples 3] [--texts FOLDER]

Downloads (once, into ~/.cache/textlint-bench/debian-docs) the French documentation of
Debian, aptitude, LibreOffice and GIMP with `apt-get download` — about 3,400 HTML pages and
1.5 million words translated and reviewed by people — and counts, per rule, the issues
`textlint check --no-languagetool --no-cache` reports on them. Nothing here is news and some
of it is machine-like (menu labels, key names, tables of contents), so the counts are read
by hand: a rule that fires on correct French here has a false-alarm class that news will
meet too. `--examples N` prints N of each rule's issues with the words around them.
`--texts FOLDER` reads any other edited French instead (its `.txt`, `.md` and `.html` files,
for instance published news saved one article a file), with the same counts.
"""

from __future__ import annotations

import argparse
import html
import json
import re
import subprocess
import sys
from collections import Counter, defaultdict
from pathlib import Path

PACKAGES = (
    "debian-reference-fr",
    "debian-faq-fr",
    "developers-reference-fr",
    "maint-guide-fr",
    "aptitude-doc-fr",
    "libreoffice-help-fr",
    "gimp-help-fr",
)
CACHE = Path.home() / ".cache" / "textlint-bench" / "debian-docs"
BATCH = 400  # pages per textlint command


def pages() -> list[Path]:
    tree = CACHE / "tree"
    if not tree.is_dir():
        CACHE.mkdir(parents=True, exist_ok=True)
        subprocess.run(["apt-get", "download", *PACKAGES], cwd=CACHE, check=True, capture_output=True)
        for deb in sorted(CACHE.glob("*.deb")):
            subprocess.run(["dpkg", "-x", str(deb), str(tree)], check=True)
    return sorted(path for path in tree.rglob("*.html") if path.is_file() and not path.is_symlink())


def texts(folder: Path) -> list[Path]:
    return sorted(path for path in folder.rglob("*") if path.suffix in {".txt", ".md", ".html"})


def issues(files: list[Path], select: str) -> list[tuple[Path, dict[str, object]]]:
    found: list[tuple[Path, dict[str, object]]] = []
    for start in range(0, len(files), BATCH):
        batch = [str(path) for path in files[start : start + BATCH]]
        command = [sys.executable, "-m", "textlint", "check", "--no-languagetool", "--no-cache"]
        command += ["--select", select, "--format", "json", *batch]
        # Exit status 1 only says issues were found; a failed run leaves no JSON and stops here.
        run = subprocess.run(command, check=False, capture_output=True, text=True)
        for file in json.loads(run.stdout)["files"]:
            found += [(Path(file["path"]), issue) for issue in file["issues"]]
    return found


def context(path: Path, issue: dict[str, object]) -> str:
    source = path.read_text(encoding="utf-8", errors="replace")
    offset, length = int(str(issue["offset"])), int(str(issue["length"]))
    around = re.sub(r"<[^>]+>", " ", source[max(0, offset - 120) : offset + length + 120])
    return html.unescape(re.sub(r"\s+", " ", around))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--select", default="mt,scrape,entity,gram")
    parser.add_argument("--examples", type=int, default=0)
    parser.add_argument("--texts", type=Path, help="a folder of edited French to read instead")
    args = parser.parse_args()
    files = pages() if args.texts is None else texts(args.texts)
    found = issues(files, args.select)
    counts = Counter(str(issue["rule"]) for _, issue in found)
    examples: dict[str, list[str]] = defaultdict(list)
    for path, issue in found:
        rule = str(issue["rule"])
        if len(examples[rule]) < args.examples:
            examples[rule].append(f"{path.name}: {context(path, issue)}")
    print(f"{len(files)} pages, {len(found)} issues ({args.select})")
    for rule, count in counts.most_common():
        print(f"{count:6d} {rule}")
        for line in examples[rule]:
            print(f"         {line}")


if __name__ == "__main__":
    main()
