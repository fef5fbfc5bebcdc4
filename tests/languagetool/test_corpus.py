"""`textlint corpus` with the real LanguageTool server: grammar findings land in the right field."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import run_textlint
from textlint.languagetool.process import ServerState

RECORDS = [
    {"id": "g1", "title": "Les enfant de l'école", "body": "La sortie est prévue demain matin."},
    {
        "id": "g2",
        "title": "Une visite au musée",
        "body": "Hier, les élèves a visité le musée.\nIls étaient ravis.",
    },
]


def test_grammar_issues_are_reported_per_field_with_two_jobs(lt_url: ServerState, tmp_path: Path) -> None:
    data = tmp_path / "d.jsonl"
    data.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in RECORDS), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = run_textlint(
        "corpus", str(data), "--field", "title", "--field", "body", "--id-field", "id",
        "--require-languagetool", "--jobs", "2", "--output", str(out),
    )  # fmt: skip
    assert result.returncode == 1, result.stderr
    assert "warning" not in result.stderr
    entries = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    grammar = {
        (entry["id"], name, issue["text"])
        for entry in entries
        for name, part in entry["fields"].items()
        for issue in part["issues"]
        if issue["source"] == "languagetool"
    }
    # Each mistake is found in its own field, at the offset of its own text.
    assert ("g1", "title", "enfant") in grammar or ("g1", "title", "Les enfant") in grammar, grammar
    assert {(record_id, name) for record_id, name, _ in grammar} == {("g1", "title"), ("g2", "body")}
    for entry, record in zip(entries, RECORDS, strict=True):
        for name, part in entry["fields"].items():
            for issue in part["issues"]:
                assert record[name][issue["offset"] : issue["offset"] + issue["length"]] == issue["text"]
