"""`textlint corpus` with the real LanguageTool server: grammar findings land in the right field."""

from __future__ import annotations

import json
import os
import subprocess
import sys
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


def test_records_without_grammar_are_marked_and_checked_again_on_resume(
    lt_url: ServerState, tmp_path: Path
) -> None:
    data = tmp_path / "d.jsonl"
    data.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in RECORDS), encoding="utf-8")
    out, clean = tmp_path / "out.jsonl", tmp_path / "clean.jsonl"
    args = ["corpus", str(data), "--field", "title", "--field", "body", "--id-field", "id"]
    args += ["--output", str(out), "--keep-below", "100", "--output-clean", str(clean)]
    args += ["--summary-format", "json"]
    dead = {**os.environ, "TEXTLINT_LANGUAGETOOL_URL": "http://127.0.0.1:9"}
    first = subprocess.run(
        [sys.executable, "-m", "textlint", *args, "--no-cache"],
        capture_output=True, text=True, env=dead, timeout=300, check=False,
    )  # fmt: skip
    assert "grammar not checked" in first.stderr
    entries = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [entry["complete"] for entry in entries] == [False, False]
    assert entries[0]["fields"]["title"]["unchecked"][0]["check"] == "grammar"
    summary = json.loads(first.stderr[first.stderr.index("{") :])
    assert summary["records"]["not_fully_checked"] == 2
    strict = run_textlint(*args, "--require-languagetool")  # the real server now: resumed
    assert strict.returncode == 1, strict.stderr  # grammar issues, every record complete
    assert "2 records were not fully checked; checking them again" in strict.stderr
    entries = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [entry["id"] for entry in entries] == ["g1", "g2"]  # no record twice
    assert all(entry["complete"] for entry in entries)
    assert any(issue["source"] == "languagetool" for issue in entries[0]["fields"]["title"]["issues"])
    assert len(clean.read_text(encoding="utf-8").splitlines()) == 2  # their clean copies not doubled
