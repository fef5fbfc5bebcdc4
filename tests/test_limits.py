"""A pathological user regex cannot hang a run; folders are walked with include/exclude globs."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import Runner


def test_pathological_pattern_times_out_and_is_reported(textlint: Runner, tmp_path: Path) -> None:
    rules = tmp_path / "maison"
    rules.mkdir()
    (rules / "lent.yaml").write_text(
        "ruleset:\n  prefix: maison\nrules:\n"
        "  - id: lent\n    kind: pattern\n    message: x\n    pattern: '(?:\\w|\\w\\w)*\\d'\n",
        encoding="utf-8",
    )
    (tmp_path / ".textlint.yaml").write_text("rule-dirs: [maison]\n", encoding="utf-8")
    article = tmp_path / "a.txt"
    article.write_text("é" * 40 + " Le le chat.\n", encoding="utf-8")
    result = textlint("check", "--no-languagetool", "--format", "json", str(article))
    rules_found = [issue["rule"] for issue in json.loads(result.stdout)["files"][0]["issues"]]
    assert "textlint.rule-timeout" in rules_found
    assert "mt.doubled-word" in rules_found  # the other rules still ran


def test_folder_walk_honours_include_and_exclude(textlint: Runner, tmp_path: Path) -> None:
    (tmp_path / ".textlint.yaml").write_text(
        'include: ["*.txt", "*.md"]\nexclude: ["brouillons", "*.old.txt"]\n', encoding="utf-8"
    )
    for name in ("a.txt", "b.md", "c.old.txt", "brouillons/d.txt", "e.html", "sous/f.txt"):
        path = tmp_path / name
        path.parent.mkdir(exist_ok=True)
        path.write_text("Le le chat.\n", encoding="utf-8")
    result = textlint("check", "--no-languagetool", "--format", "json", str(tmp_path))
    checked = sorted(
        Path(f["path"]).relative_to(tmp_path).as_posix() for f in json.loads(result.stdout)["files"]
    )
    assert checked == ["a.txt", "b.md", "sous/f.txt"]
