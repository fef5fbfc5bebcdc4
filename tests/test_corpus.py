"""`textlint corpus`: formats, ids, malformed records, resume, selection, filtering, jobs, summary.

Most cases call the command line in this process (fast); the end-to-end ones run it in a
subprocess. Grammar checks are off here; tests/languagetool/test_corpus.py runs one corpus
with the real LanguageTool process.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import subprocess
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ROOT, Runner
from textlint.cli import main
from textlint.config import Config, LanguageToolSettings
from textlint.document import Document
from textlint.linter import Linter
from textlint.reporters.json import file_entry

NO_LT = "--no-languagetool"
FIELDS = ("--field", "title", "--field", "body")

RECORDS: list[dict[str, Any]] = [
    {
        "id": "d1",
        "title": "Le conseil municipal vote le budget",
        "body": "Le le maire a présenté un budget en hausse de 4,2 % pour l'année prochaine.",
        "rubrique": "politique",
    },
    {
        "id": "d2",
        "title": "Une rentrée sans surprise",
        "body": "Les élèves ont retrouvé leurs classes ce matin dans le calme.",
        "rubrique": "société",
    },
    {
        "id": "d3",
        "title": "Google rachète Deepmind",
        "body": "Le directeur a déclaré: « nous verrons bien ».\nLa la décision tombera demain.",
        "rubrique": "économie",
    },
    {
        "id": "d4",
        "title": "La ligne de tramway sera prolongée",
        "body": "Les travaux commenceront au printemps.\nIls dureront deux ans.",
        "rubrique": "transports",
    },
]


@dataclass
class Result:
    code: int
    stderr: str


@pytest.fixture
def corpus(capsys: pytest.CaptureFixture[str]) -> Any:
    """The command line in this process: exit code and standard error."""

    def run(*args: str | Path) -> Result:
        capsys.readouterr()
        code = main(["corpus", *(str(arg) for arg in args)])
        return Result(code, capsys.readouterr().err)

    return run


def write_jsonl(path: Path, records: list[dict[str, Any]]) -> Path:
    lines = "".join(json.dumps(record, ensure_ascii=False) + "\n" for record in records)
    if path.suffix == ".gz":
        path.write_bytes(gzip.compress(lines.encode()))
    else:
        path.write_text(lines, encoding="utf-8")
    return path


def write_csv(path: Path, records: list[dict[str, Any]]) -> Path:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "wt", encoding="utf-8", newline="") as stream:
        writer = csv.DictWriter(stream, fieldnames=list(records[0]))
        writer.writeheader()
        writer.writerows(records)
    return path


def write_parquet(path: Path, records: list[dict[str, Any]]) -> Path:
    import pyarrow
    import pyarrow.parquet

    pyarrow.parquet.write_table(pyarrow.Table.from_pylist(records), path)
    return path


def entries(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def without_paths(entry: dict[str, Any]) -> dict[str, Any]:
    """An entry with its fields' paths (which name the input file) left out."""
    fields = {name: {k: v for k, v in part.items() if k != "path"} for name, part in entry["fields"].items()}
    return {**entry, "fields": fields}


def expected_field(text: str, path: str) -> dict[str, Any]:
    """What `check --format json` reports for the same text as a file."""
    linter = Linter(Config(languagetool=LanguageToolSettings(enabled=False)))
    return file_entry(linter.lint(Document(text=text, path=path)))


# -- output and formats -------------------------------------------------------------------


def test_each_field_is_reported_like_check_json(corpus: Any, tmp_path: Path) -> None:
    data = write_jsonl(tmp_path / "depeches.jsonl", RECORDS)
    out = tmp_path / "out.jsonl"
    result = corpus(data, *FIELDS, "--id-field", "id", "--output", out, NO_LT)
    assert result.code == 1, result.stderr
    found = entries(out)
    assert [entry["id"] for entry in found] == ["d1", "d2", "d3", "d4"]
    assert [entry["line"] for entry in found] == [1, 2, 3, 4]
    for record, entry in zip(RECORDS, found, strict=True):
        for name in ("title", "body"):
            expected = expected_field(record[name], f"{data}#{record['id']}/{name}")
            assert entry["fields"][name] == expected
            for issue in entry["fields"][name]["issues"]:
                # Offsets count from the start of the field, not of the record.
                assert record[name][issue["offset"] : issue["offset"] + issue["length"]] == issue["text"]
        parts = entry["fields"].values()
        words = sum(part["summary"]["words"] for part in parts)
        artifacts = sum(part["summary"]["artifacts"] for part in parts)
        assert entry["words"] == words
        assert entry["issues"] == sum(len(part["issues"]) for part in parts)
        assert entry["artifacts"] == artifacts
        assert entry["artifacts_per_1000_words"] == round(1000 * artifacts / words, 2)
    doubled = [i for i in found[2]["fields"]["body"]["issues"] if i["rule"] == "mt.doubled-word"]
    assert [(i["line"], i["column"], i["text"]) for i in doubled] == [(2, 1, "La la")]


@pytest.mark.parametrize("name", ["d.jsonl.gz", "d.csv", "d.csv.gz", "d.parquet"])
def test_every_format_gives_the_jsonl_results(corpus: Any, tmp_path: Path, name: str) -> None:
    reference = write_jsonl(tmp_path / "ref.jsonl", RECORDS)
    corpus(reference, *FIELDS, "--id-field", "id", "--output", tmp_path / "ref.out", NO_LT)
    writer = write_parquet if name.endswith(".parquet") else write_csv if ".csv" in name else write_jsonl
    data = writer(tmp_path / name, RECORDS)
    result = corpus(data, *FIELDS, "--id-field", "id", "--output", tmp_path / "out.jsonl", NO_LT)
    assert result.code == 1, result.stderr
    expected = [without_paths(entry) for entry in entries(tmp_path / "ref.out")]
    if ".csv" in name:
        # Lines of the file: after the header, and a quoted field may span several lines.
        starts = [2 + sum(1 + record["body"].count("\n") for record in RECORDS[:i]) for i in range(4)]
        expected = [{**entry, "line": start} for entry, start in zip(expected, starts, strict=True)]
    assert [without_paths(entry) for entry in entries(tmp_path / "out.jsonl")] == expected
    assert entries(tmp_path / "out.jsonl")[0]["fields"]["body"]["path"] == f"{data}#d1/body"


def test_ids_default_to_line_numbers(corpus: Any, tmp_path: Path) -> None:
    data = tmp_path / "d.jsonl"
    data.write_text(
        json.dumps(RECORDS[1]) + "\n\n" + json.dumps(RECORDS[3]) + "\n", encoding="utf-8"
    )  # a blank line between the two records
    out = tmp_path / "out.jsonl"
    assert corpus(data, *FIELDS, "--output", out, NO_LT).code == 0
    assert [(entry["id"], entry["line"]) for entry in entries(out)] == [(1, 1), (3, 3)]


def test_numeric_ids_stay_numbers(corpus: Any, tmp_path: Path) -> None:
    records = [{**record, "id": number} for number, record in enumerate(RECORDS, start=100)]
    out = tmp_path / "out.jsonl"
    corpus(
        write_parquet(tmp_path / "d.parquet", records), *FIELDS, "--id-field", "id", "--output", out, NO_LT
    )
    assert [entry["id"] for entry in entries(out)] == [100, 101, 102, 103]


# -- malformed records and errors -----------------------------------------------------------


def test_malformed_jsonl_records_are_reported_with_their_line_and_skipped(
    corpus: Any, tmp_path: Path
) -> None:
    good = [json.dumps(record, ensure_ascii=False) for record in RECORDS]
    cut = '{"id": "x1", "title": "Titre", "body": '  # a value expected just past its end
    lines = [
        good[0],
        cut,  # line 2
        json.dumps({"id": "x2", "title": "Sans corps"}),  # 3
        json.dumps({"id": "x3", "title": "Titre", "body": 12}),  # 4
        json.dumps({"id": "x4", "title": None, "body": "Corps."}),  # 5
        "[1, 2]",  # 6
        good[1],
        json.dumps({"title": "Sans identifiant", "body": "Corps."}),  # 8
        good[0],  # 9: the same id again
        good[3],
    ]
    data = tmp_path / "d.jsonl"
    data.write_bytes(("\n".join(lines) + "\n").encode() + b'{"id": "x5", "title": "\xff", "body": "b"}\n')
    out, summary = tmp_path / "out.jsonl", tmp_path / "summary.json"
    result = corpus(data, *FIELDS, "--id-field", "id", "--output", out, "--summary", summary,
                    "--summary-format", "json", NO_LT)  # fmt: skip
    assert result.code == 2
    skipped = [line for line in result.stderr.splitlines() if line.startswith("textlint: skipped")]
    assert skipped == [
        f"textlint: skipped {data}:2: invalid JSON (Expecting value at column {len(cut) + 1})",
        f"textlint: skipped {data}:3: field 'body' is missing",
        f"textlint: skipped {data}:4: field 'body' is a number, not a string",
        f"textlint: skipped {data}:5: field 'title' is null, not a string",
        f"textlint: skipped {data}:6: not a JSON object (an array)",
        f"textlint: skipped {data}:8: id field 'id' is missing",
        f'textlint: skipped {data}:9: duplicate id "d1" (first at line 1)',
        f"textlint: skipped {data}:11: not valid UTF-8 (byte 0xff)",
    ]
    assert [entry["id"] for entry in entries(out)] == ["d1", "d2", "d4"]
    report = json.loads(summary.read_text())
    assert report["records"]["malformed"] == len(skipped)
    assert report["malformed_examples"][1] == {"line": 3, "reason": "field 'body' is missing"}
    assert "Traceback" not in result.stderr


def test_bad_csv_rows_are_reported_at_the_line_where_they_start(corpus: Any, tmp_path: Path) -> None:
    data = tmp_path / "d.csv"
    data.write_text(
        "id,title,body\n"
        'c1,"Un titre","Première ligne.\nDeuxième ligne du même article."\n'  # lines 2-3
        "c2,Titre sans corps\n"  # line 4
        'c3,"Le maire de Lyon","Le maire a tranché."\n',
        encoding="utf-8",
    )
    out = tmp_path / "out.jsonl"
    result = corpus(data, *FIELDS, "--id-field", "id", "--output", out, NO_LT)
    assert f"textlint: skipped {data}:4: 2 columns where the header has 3" in result.stderr.splitlines()
    assert [(entry["id"], entry["line"]) for entry in entries(out)] == [("c1", 2), ("c3", 5)]


@pytest.mark.parametrize(
    ("content", "args", "message"),
    [
        (None, FIELDS, "no such file or directory"),
        ("{}", FIELDS, "unknown corpus format"),
        ('{"title": "Titre", "body": null}\n', FIELDS, "no record has a usable field 'body'"),
        ("id,titre,body\n1,T,C\n", FIELDS, "no column 'title' (columns: body, id, titre)"),
    ],
)
def test_unusable_input_is_one_line_and_exit_2(
    textlint: Runner, tmp_path: Path, content: str | None, args: tuple[str, ...], message: str
) -> None:
    suffix = ".csv" if content and content.startswith("id,") else ".jsonl" if content != "{}" else ".json"
    data = tmp_path / f"d{suffix}"
    if content is not None:
        data.write_text(content, encoding="utf-8")
    result = textlint("corpus", str(data), *args, NO_LT, "--output", str(tmp_path / "out.jsonl"))
    assert result.returncode == 2
    errors = [line for line in result.stderr.splitlines() if line.startswith("textlint: error:")]
    assert len(errors) == 1 and message in errors[0], result.stderr
    assert "Traceback" not in result.stderr


def test_parquet_without_pyarrow_says_what_to_install(
    corpus: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = write_parquet(tmp_path / "d.parquet", RECORDS)
    monkeypatch.setitem(__import__("sys").modules, "pyarrow", None)
    monkeypatch.setitem(__import__("sys").modules, "pyarrow.parquet", None)
    result = corpus(data, *FIELDS, NO_LT, "--output", tmp_path / "out.jsonl")
    assert result.code == 2
    assert result.stderr.strip() == (
        f"textlint: error: {data}: reading Parquet needs pyarrow (pip install 'textlint[parquet]')"
    )


def test_output_must_not_overwrite_the_input(corpus: Any, tmp_path: Path) -> None:
    data = write_jsonl(tmp_path / "d.jsonl", RECORDS)
    before = data.read_bytes()
    result = corpus(data, *FIELDS, NO_LT, "--output", data)
    assert result.code == 2 and "is the input corpus" in result.stderr
    assert data.read_bytes() == before


# -- the front door: standard input, --format, a mistyped field, --help -------------------------


@pytest.mark.parametrize(
    ("writer", "kind"), [(write_jsonl, "jsonl"), (write_csv, "csv"), (write_parquet, "parquet")]
)
def test_standard_input_is_read_with_format(
    corpus: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, writer: Any, kind: str
) -> None:
    reference = write_jsonl(tmp_path / "ref.jsonl", RECORDS)
    corpus(reference, *FIELDS, "--id-field", "id", "--output", tmp_path / "ref.out", NO_LT)
    data = writer(tmp_path / f"d.{kind}", RECORDS).read_bytes()
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(data)))
    out = tmp_path / "out.jsonl"
    result = corpus("-", "--format", kind, *FIELDS, "--id-field", "id", "--output", out, NO_LT)
    assert result.code == 1, result.stderr
    expected = [without_paths(entry) for entry in entries(tmp_path / "ref.out")]
    if kind != "csv":  # CSV records start on other lines (header, multi-line fields)
        assert [without_paths(entry) for entry in entries(out)] == expected
    assert [entry["id"] for entry in entries(out)] == ["d1", "d2", "d3", "d4"]
    assert entries(out)[0]["fields"]["body"]["path"] == "-#d1/body"


def test_standard_input_needs_format_and_may_be_gzip(textlint: Runner, tmp_path: Path) -> None:
    refused = textlint("corpus", "-", *FIELDS, NO_LT, input="{}")
    assert refused.returncode == 2
    assert refused.stderr.strip() == (
        "textlint: error: standard input: unknown corpus format (give --format jsonl|csv|parquet)"
    )
    packed = gzip.compress(write_jsonl(tmp_path / "d.jsonl", RECORDS).read_bytes())
    result = subprocess.run(
        [sys.executable, "-m", "textlint", "corpus", "-", "--format", "jsonl", *FIELDS, NO_LT],
        input=packed, capture_output=True, cwd=ROOT, timeout=120, check=False,
    )  # fmt: skip
    assert result.returncode == 1, result.stderr
    assert [json.loads(line)["id"] for line in result.stdout.splitlines()] == [1, 2, 3, 4]


def test_format_reads_a_file_whose_name_says_nothing(corpus: Any, tmp_path: Path) -> None:
    data = write_csv(tmp_path / "export.txt", RECORDS)
    out = tmp_path / "out.jsonl"
    assert corpus(data, "--format", "csv", *FIELDS, "--id-field", "id", "--output", out, NO_LT).code == 1
    assert [entry["id"] for entry in entries(out)] == ["d1", "d2", "d3", "d4"]
    refused = corpus(data, *FIELDS, NO_LT)
    assert refused.code == 2 and "or give --format jsonl|csv|parquet" in refused.stderr


def test_a_field_no_record_has_fails_once_up_front_naming_the_fields(corpus: Any, tmp_path: Path) -> None:
    data = write_jsonl(tmp_path / "d.jsonl", many_records(150))
    out = tmp_path / "out.jsonl"
    result = corpus(data, "--field", "titel", "--id-field", "id", "--output", out, NO_LT)
    assert result.code == 2
    assert result.stderr.splitlines() == [
        f"textlint: error: {data}: no field 'titel' in the first 100 records "
        "(their fields: body, id, rubrique, title)"
    ]
    assert not out.exists() or out.read_text() == ""


def test_ray_address_goes_with_the_ray_engine(corpus: Any, tmp_path: Path) -> None:
    data = write_jsonl(tmp_path / "d.jsonl", RECORDS)
    result = corpus(data, *FIELDS, NO_LT, "--ray-address", "auto")
    assert result.code == 2
    assert result.stderr.strip() == "textlint: error: --ray-address goes with --engine ray"


def test_corpus_help_says_where_the_configuration_comes_from(textlint: Runner) -> None:
    result = textlint("corpus", "--help")
    assert result.returncode == 0
    text = " ".join(result.stdout.split())
    assert "found upward from the data file's folder" in text
    assert "--config" in text and "--format {jsonl,csv,parquet}" in text


# -- resume -----------------------------------------------------------------------------------


def test_resume_skips_records_already_in_the_output(corpus: Any, tmp_path: Path) -> None:
    data = write_jsonl(tmp_path / "d.jsonl", RECORDS)
    whole, out = tmp_path / "whole.jsonl", tmp_path / "out.jsonl"
    corpus(data, *FIELDS, "--id-field", "id", "--output", whole, NO_LT)
    corpus(data, *FIELDS, "--id-field", "id", "--output", out, NO_LT, "--limit", "2")
    assert len(entries(out)) == 2
    again = corpus(data, *FIELDS, "--id-field", "id", "--output", out, NO_LT)
    assert f"textlint: {out}: 2 records already done, skipping them" in again.stderr
    assert out.read_bytes() == whole.read_bytes()


def test_resume_redoes_a_truncated_last_line(corpus: Any, tmp_path: Path) -> None:
    data = write_jsonl(tmp_path / "d.jsonl", RECORDS)
    whole, out = tmp_path / "whole.jsonl", tmp_path / "out.jsonl"
    corpus(data, *FIELDS, "--id-field", "id", "--output", whole, NO_LT)
    complete = whole.read_bytes()
    last_start = complete.rstrip(b"\n").rfind(b"\n") + 1
    out.write_bytes(complete[: last_start + 25])  # interrupted in the middle of the last record
    result = corpus(data, *FIELDS, "--id-field", "id", "--output", out, NO_LT)
    assert "removed an incomplete last line" in result.stderr
    assert "3 records already done" in result.stderr
    assert out.read_bytes() == complete


def test_resume_refuses_a_file_that_is_not_corpus_output(corpus: Any, tmp_path: Path) -> None:
    data = write_jsonl(tmp_path / "d.jsonl", RECORDS)
    out = tmp_path / "out.jsonl"
    out.write_text("quelque chose d'autre\n", encoding="utf-8")
    result = corpus(data, *FIELDS, "--output", out, NO_LT)
    assert result.code == 2
    assert f"{out}:1: not a textlint corpus record" in result.stderr
    assert out.read_text(encoding="utf-8") == "quelque chose d'autre\n"


def test_resumed_summary_covers_the_whole_output(corpus: Any, tmp_path: Path) -> None:
    data = write_jsonl(tmp_path / "d.jsonl", RECORDS)
    out, once, twice = tmp_path / "out.jsonl", tmp_path / "once.json", tmp_path / "twice.json"
    common = (*FIELDS, "--id-field", "id", NO_LT, "--summary-format", "json")
    corpus(data, *common, "--output", tmp_path / "one-go.jsonl", "--summary", once)
    corpus(data, *common, "--output", out, "--limit", "3")
    corpus(data, *common, "--output", out, "--summary", twice)
    first, second = json.loads(once.read_text()), json.loads(twice.read_text())
    assert second["records"] == {**first["records"], "linted": 1, "from_earlier_run": 3}
    assert {k: v for k, v in second.items() if k != "records"} == {
        k: v for k, v in first.items() if k != "records"
    }


# -- selection and filtering -------------------------------------------------------------------


def many_records(count: int) -> list[dict[str, Any]]:
    return [
        {**RECORDS[number % len(RECORDS)], "id": f"n{number}", "title": f"Dépêche numéro {number}"}
        for number in range(count)
    ]


def test_limit_takes_the_first_records(corpus: Any, tmp_path: Path) -> None:
    data = write_jsonl(tmp_path / "d.jsonl", many_records(12))
    out = tmp_path / "out.jsonl"
    corpus(data, *FIELDS, "--id-field", "id", "--output", out, NO_LT, "--limit", "5")
    assert [entry["id"] for entry in entries(out)] == [f"n{number}" for number in range(5)]


def test_sample_is_reproducible_and_in_input_order(corpus: Any, tmp_path: Path) -> None:
    data = write_jsonl(tmp_path / "d.jsonl", many_records(40))

    def sampled(seed: str, name: str) -> list[int]:
        out = tmp_path / name
        corpus(data, *FIELDS, "--id-field", "id", "--output", out, NO_LT, "--sample", "6", "--seed", seed)
        return [entry["line"] for entry in entries(out)]

    first, again, other = sampled("3", "a.jsonl"), sampled("3", "b.jsonl"), sampled("4", "c.jsonl")
    assert first == again
    assert len(first) == len(set(first)) == 6
    assert first == sorted(first)
    assert other != first


def test_keep_below_writes_the_original_records_that_pass(corpus: Any, tmp_path: Path) -> None:
    data = write_jsonl(tmp_path / "d.jsonl", RECORDS)
    out, clean = tmp_path / "out.jsonl", tmp_path / "clean.jsonl"
    result = corpus(data, *FIELDS, "--id-field", "id", "--output", out, NO_LT,
                    "--keep-below", "1", "--output-clean", clean)  # fmt: skip
    assert result.code == 1, result.stderr
    found = entries(out)
    kept_ids = {entry["id"] for entry in found if entry["artifacts_per_1000_words"] < 1}
    assert {entry["id"] for entry in found if entry["kept"]} == kept_ids
    assert 0 < len(kept_ids) < len(RECORDS)
    original_lines = data.read_text(encoding="utf-8").splitlines(keepends=True)
    expected = [
        line for line, record in zip(original_lines, RECORDS, strict=True) if record["id"] in kept_ids
    ]
    assert clean.read_text(encoding="utf-8") == "".join(expected)


def test_keep_below_from_csv_writes_whole_rows_as_json(corpus: Any, tmp_path: Path) -> None:
    data = write_csv(tmp_path / "d.csv", RECORDS)
    clean = tmp_path / "clean.jsonl"
    corpus(data, *FIELDS, "--id-field", "id", "--output", tmp_path / "out.jsonl", NO_LT,
           "--keep-below", "1000", "--output-clean", clean)  # fmt: skip
    assert entries(clean) == RECORDS  # every column, not only the linted ones


def test_resume_drops_a_clean_record_written_after_the_last_output_line(corpus: Any, tmp_path: Path) -> None:
    data = write_jsonl(tmp_path / "d.jsonl", RECORDS)
    out, clean = tmp_path / "out.jsonl", tmp_path / "clean.jsonl"
    args = (*FIELDS, "--id-field", "id", NO_LT, "--keep-below", "1000", "--output-clean", clean)
    corpus(data, *args, "--output", out)
    complete_out, complete_clean = out.read_bytes(), clean.read_bytes()
    # Interrupted between the two writes of the last record: its clean line made it, not its output.
    out.write_bytes(complete_out[: complete_out.rstrip(b"\n").rfind(b"\n") + 1])
    result = corpus(data, *args, "--output", out)
    assert "removed a record written after the last complete one" in result.stderr
    assert (out.read_bytes(), clean.read_bytes()) == (complete_out, complete_clean)


def test_keep_below_needs_output_clean(corpus: Any, tmp_path: Path) -> None:
    data = write_jsonl(tmp_path / "d.jsonl", RECORDS)
    result = corpus(data, *FIELDS, NO_LT, "--keep-below", "2")
    assert result.code == 2
    assert result.stderr.strip() == "textlint: error: --keep-below and --output-clean go together"


# -- summary and exit codes ----------------------------------------------------------------------


def test_json_summary_counts_what_the_output_holds(corpus: Any, tmp_path: Path) -> None:
    data = write_jsonl(tmp_path / "d.jsonl", many_records(15))
    out, summary = tmp_path / "out.jsonl", tmp_path / "summary.json"
    corpus(data, *FIELDS, "--id-field", "id", "--output", out, NO_LT, "--threshold", "20",
           "--summary", summary, "--summary-format", "json")  # fmt: skip
    found, report = entries(out), json.loads(summary.read_text())
    rules = Counter(i["rule"] for e in found for part in e["fields"].values() for i in part["issues"])
    words = sum(entry["words"] for entry in found)
    issues = sum(rules.values())
    failing = sum(
        any(i["severity"] != "info" for part in e["fields"].values() for i in part["issues"]) for e in found
    )  # the default fail level is warning
    assert 0 < failing < 15
    assert report["records"] == {
        "linted": 15,
        "from_earlier_run": 0,
        "malformed": 0,
        "failing": failing,
        "not_fully_checked": 0,
    }
    assert report["issues_per_rule"] == dict(sorted(rules.items(), key=lambda item: (-item[1], item[0])))
    assert (report["words"], report["issues"]) == (words, issues)
    assert report["issues_per_1000_words"] == round(1000 * issues / words, 2)
    scores = sorted(((e["artifacts_per_1000_words"], -e["line"], e["id"]) for e in found), reverse=True)
    assert [w["id"] for w in report["worst"]] == [item[2] for item in scores if item[0] > 0][:10]
    above = sum(1 for entry in found if entry["artifacts_per_1000_words"] > 20)
    assert report["above_threshold"] == above
    assert report["share_above_threshold"] == round(above / 15, 4)


def test_text_summary_goes_to_standard_error(corpus: Any, tmp_path: Path) -> None:
    data = write_jsonl(tmp_path / "d.jsonl", RECORDS)
    result = corpus(data, *FIELDS, "--id-field", "id", "--output", tmp_path / "out.jsonl", NO_LT)
    lines = result.stderr.splitlines()
    assert lines[0] == f"{data}: 4 records, 0 malformed and skipped, 2 with issues at the fail level"
    assert "issues per rule:" in lines
    worst = lines[lines.index("worst records (artifacts per 1,000 words):") + 1 :]
    assert [line.split()[2] for line in worst] == ["d3", "d1"]


def test_exit_code_is_0_for_a_clean_corpus(textlint: Runner, tmp_path: Path) -> None:
    data = write_jsonl(tmp_path / "d.jsonl", [RECORDS[1], RECORDS[3]])
    result = textlint("corpus", str(data), *FIELDS, NO_LT, "--output", str(tmp_path / "out.jsonl"))
    assert result.returncode == 0, result.stderr
    assert [entry["issues"] for entry in entries(tmp_path / "out.jsonl")] == [0, 0]


# -- jobs, end to end ----------------------------------------------------------------------------


def test_two_jobs_write_what_one_job_writes_in_input_order(textlint: Runner, tmp_path: Path) -> None:
    data = write_jsonl(tmp_path / "d.jsonl", many_records(60))
    outputs = []
    for jobs in ("1", "2"):
        out = tmp_path / f"out{jobs}.jsonl"
        result = textlint("corpus", str(data), *FIELDS, "--id-field", "id", NO_LT, "--jobs", jobs,
                          "--output", str(out), "--summary-format", "json")  # fmt: skip
        assert result.returncode == 1, result.stderr
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1]
    assert [entry["id"] for entry in entries(tmp_path / "out2.jsonl")] == [f"n{n}" for n in range(60)]


def test_progress_bar_on_request(textlint: Runner, tmp_path: Path) -> None:
    data = write_jsonl(tmp_path / "d.jsonl", many_records(10))
    result = textlint(
        "corpus", str(data), *FIELDS, NO_LT, "--progress", "--output", str(tmp_path / "o.jsonl")
    )
    assert "10/10" in result.stderr and "records/s" in result.stderr
    quiet = textlint("corpus", str(data), *FIELDS, NO_LT, "--output", str(tmp_path / "p.jsonl"))
    assert "records/s" not in quiet.stderr  # standard error is not a terminal


def test_html_fields_are_linted_for_their_prose(tmp_path: Path, textlint: Runner) -> None:
    body = '<p>Un <a href="https://e.fr/a:b">lien</a> : ici</p><pre>code : le le</pre>'
    data = tmp_path / "pages.jsonl"
    data.write_text(json.dumps({"id": "p1", "body": body}, ensure_ascii=False) + "\n", encoding="utf-8")
    result = textlint("corpus", str(data), "--field", "body", "--id-field", "id", "--markup", "html", NO_LT)
    [line] = [json.loads(text) for text in result.stdout.splitlines()]
    issues = line["fields"]["body"]["issues"]
    assert [(issue["rule"], issue["offset"], issue["text"]) for issue in issues] == [
        ("typo.space-before-colon", body.index(" : ici"), " :")
    ]
