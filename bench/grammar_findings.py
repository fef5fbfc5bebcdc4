"""LanguageTool's findings as textlint reports them, one line per finding, to compare two trees.

    python bench/grammar_findings.py FOLDER OUTPUT

Lints every file of FOLDER with the default configuration (the managed server, the grammar
cache on: a second run answers from the cache) and writes `file start end rule text` for each
LanguageTool finding, and `UNCHECKED file reason` for a file whose grammar could not be checked.
Run each checkout's own copy (it imports the textlint beside it) and `diff` the outputs.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from textlint.config import Config
from textlint.document import Document
from textlint.issues import Source
from textlint.linter import Linter


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("output", type=Path)
    args = parser.parse_args()
    linter = Linter(Config())
    lines = []
    for path in sorted(p for p in args.folder.iterdir() if p.is_file()):
        text = path.read_text(encoding="utf-8", errors="replace")
        result = linter.lint(Document(text, path=str(path)))
        lines += [f"UNCHECKED {path.name} {missing.reason}" for missing in result.unchecked]
        for issue in result.issues:
            if issue.source == Source.LANGUAGETOOL:
                said = text[issue.start : issue.end].replace("\n", " ")
                lines.append(f"{path.name} {issue.start} {issue.end} {issue.rule} {said}")
    args.output.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    print(f"{len(lines)} findings in {args.output}")


if __name__ == "__main__":
    main()
