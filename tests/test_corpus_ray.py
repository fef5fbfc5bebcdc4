"""`textlint corpus --engine ray` on a real local Ray cluster (2 CPUs): the local engine's output.

The cluster is the session's (`ray_cluster` in tests/conftest.py); these tests drive it from
this process with the command line's own `main`, except where a subprocess is the point.
Grammar checks are off here; tests/languagetool/test_corpus_ray.py runs Ray with the real
LanguageTool server.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import RAY_JOIN_ENVIRONMENT, ROOT
from tests.test_corpus import FIELDS, NO_LT, entries, write_jsonl, write_parquet
from textlint.cli import main
from textlint.config import LintOptions
from textlint.corpus import RecordScorer, keep_below

ACTOR_TITLE = "ray::MapWorker(MapBatches(LintActor))"  # how Ray names the process of a lint actor
NEWS = sorted((ROOT / "tests" / "corpus").glob("*/dev/*.txt")) + sorted(
    (ROOT / "tests" / "corpus" / "mt-dev").glob("*.mt.txt")
)


def news_records(count: int) -> list[dict[str, Any]]:
    """`count` records built from the team's news and machine-translated test articles."""
    paragraphs = [
        part.strip()
        for path in NEWS
        for part in path.read_text(encoding="utf-8").split("\n\n")
        if len(part.split()) > 8
    ]
    return [
        {
            "id": f"a{number:05d}",
            "title": paragraphs[(number * 7) % len(paragraphs)].split(".")[0][:120],
            "body": paragraphs[number % len(paragraphs)]
            + "\n"
            + paragraphs[(number * 13 + 5) % len(paragraphs)],
        }
        for number in range(count)
    ]


def write_corpus(path: Path, records: list[dict[str, Any]], bad_lines: dict[int, str]) -> Path:
    """JSONL with `bad_lines` (line number → text) put in among the records."""
    lines = [json.dumps(record, ensure_ascii=False) for record in records]
    for number, text in sorted(bad_lines.items()):
        lines.insert(number - 1, text)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def run(*args: str | Path) -> int:
    return main(["corpus", *(str(arg) for arg in args)])


def keeping(folder: Path) -> tuple[str | Path, ...]:
    """Options writing a clean copy of the records below 2 to `folder`."""
    return ("--keep-below", "2", "--output-clean", folder / "clean.jsonl")


@pytest.fixture(scope="module")
def big_corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    records = news_records(2000)
    bad = {
        10: '{"id": "cut", "title": "Titre", "body": ',
        500: json.dumps({"id": "sans-corps", "title": "Titre"}),
        1500: json.dumps(records[3], ensure_ascii=False),  # a duplicate id
    }
    return write_corpus(tmp_path_factory.mktemp("ray") / "news.jsonl", records, bad)


@pytest.fixture(scope="module")
def local_run(big_corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, Path]:
    """The local engine's output, clean output and JSON summary of the big corpus."""
    folder = tmp_path_factory.mktemp("local")
    out, clean, summary = folder / "out.jsonl", folder / "clean.jsonl", folder / "summary.json"
    code = run(big_corpus, *FIELDS, "--id-field", "id", NO_LT, "--output", out, *keeping(folder),
               "--summary", summary, "--summary-format", "json")  # fmt: skip
    assert code == 2  # malformed records
    return out, clean, summary


def test_ray_writes_what_the_local_engine_writes(
    ray_cluster: str, big_corpus: Path, local_run: tuple[Path, Path, Path], tmp_path: Path
) -> None:
    out, clean, summary = tmp_path / "out.jsonl", tmp_path / "clean.jsonl", tmp_path / "summary.json"
    code = run(big_corpus, *FIELDS, "--id-field", "id", NO_LT, "--output", out, *keeping(tmp_path),
               "--summary", summary, "--summary-format", "json",
               "--engine", "ray", "--jobs", "2")  # fmt: skip
    assert code == 2
    local_out, local_clean, local_summary = local_run
    assert out.read_bytes() == local_out.read_bytes()  # every record, its issues, in input order
    assert clean.read_bytes() == local_clean.read_bytes()
    assert json.loads(summary.read_text()) == json.loads(local_summary.read_text())
    report = json.loads(summary.read_text())
    assert report["records"]["linted"] == 2000
    assert [example["line"] for example in report["malformed_examples"]] == [10, 500, 1500]
    assert 0 < report["kept"] < 2000 and report["worst"]


def test_a_killed_actor_loses_and_doubles_no_record(
    ray_cluster: str, big_corpus: Path, local_run: tuple[Path, Path, Path], tmp_path: Path
) -> None:
    out = tmp_path / "out.jsonl"
    killed: list[int] = []
    killer = threading.Thread(target=_kill_an_actor_once_writing, args=(out, killed), daemon=True)
    killer.start()
    code = run(big_corpus, *FIELDS, "--id-field", "id", NO_LT, "--output", out, *keeping(tmp_path),
               "--engine", "ray", "--jobs", "1")  # fmt: skip
    killer.join()
    assert code == 2
    assert killed, "no lint actor was running while the output grew"
    assert not _alive(killed[0])
    # With one actor, finishing needed Ray to start a new one and run the lost batch again.
    assert out.read_bytes() == local_run[0].read_bytes()
    assert (tmp_path / "clean.jsonl").read_bytes() == local_run[1].read_bytes()


def _kill_an_actor_once_writing(out: Path, killed: list[int]) -> None:
    deadline = time.monotonic() + 240
    while time.monotonic() < deadline:
        lines = out.read_bytes().count(b"\n") if out.exists() else 0
        if lines >= 300:
            pids = _actor_pids()
            if pids:
                os.kill(pids[0], signal.SIGKILL)
                killed.append(pids[0])
            return
        time.sleep(0.02)


def _actor_pids() -> list[int]:
    pids = []
    for proc in Path("/proc").iterdir():
        if proc.name.isdigit():
            try:
                title = (proc / "cmdline").read_bytes().split(b"\0")[0].decode(errors="replace")
            except OSError:
                continue
            if title.startswith(ACTOR_TITLE):
                pids.append(int(proc.name))
    return pids


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def test_a_rerun_skips_what_an_interrupted_run_wrote(
    ray_cluster: str, big_corpus: Path, local_run: tuple[Path, Path, Path], tmp_path: Path
) -> None:
    out = tmp_path / "out.jsonl"
    args = (
        big_corpus,
        *FIELDS,
        "--id-field",
        "id",
        NO_LT,
        "--output",
        out,
        *keeping(tmp_path),
        "--engine",
        "ray",
    )
    run(*args, "--limit", "700")
    written = out.read_bytes()
    out.write_bytes(written[: written.rstrip(b"\n").rfind(b"\n") + 30])  # cut in its last line
    finished = subprocess.run(
        [sys.executable, "-m", "textlint", "corpus", *map(str, args), "--ray-address", ray_cluster],
        capture_output=True, text=True, cwd=ROOT, timeout=300, check=False,
        env={**os.environ, **RAY_JOIN_ENVIRONMENT, "PYTHONPATH": str(ROOT)},
    )  # fmt: skip
    assert finished.returncode == 2, finished.stderr
    assert "removed an incomplete last line" in finished.stderr
    assert f"textlint: {out}: 699 records already done, skipping them" in finished.stderr
    assert out.read_bytes() == local_run[0].read_bytes()
    assert (tmp_path / "clean.jsonl").read_bytes() == local_run[1].read_bytes()


def test_parquet_gzip_and_read_errors_on_ray(
    ray_cluster: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    records = news_records(40)
    data = write_parquet(tmp_path / "d.parquet", records)
    packed = write_jsonl(tmp_path / "d.jsonl.gz", records)
    for source in (data, packed):
        reference, out = tmp_path / "ref.jsonl", tmp_path / "out.jsonl"
        run(source, *FIELDS, "--id-field", "id", NO_LT, "--output", reference)
        run(source, *FIELDS, "--id-field", "id", NO_LT, "--output", out, "--engine", "ray")
        assert out.read_bytes() == reference.read_bytes()
        assert [entry["line"] for entry in entries(out)] == list(range(1, 41))
        reference.unlink()
        out.unlink()
    capsys.readouterr()
    assert run(data, "--field", "titel", NO_LT, "--engine", "ray") == 2
    assert (
        capsys.readouterr()
        .err.strip()
        .endswith(f"textlint: error: {data}: no column 'titel' (columns: body, id, title)")
    )
    assert run(tmp_path / "absent.jsonl", *FIELDS, NO_LT, "--engine", "ray") == 2
    assert "absent.jsonl: cannot be read" in capsys.readouterr().err


def test_the_command_line_starts_without_ray(tmp_path: Path) -> None:
    data = write_corpus(tmp_path / "d.jsonl", news_records(2), {})
    script = (
        "import sys; sys.modules['ray'] = None\n"
        "from textlint.cli import main\n"
        f"code = main(['corpus', {str(data)!r}, '--field', 'body', '--no-languagetool', '--engine', 'ray'])\n"
        "assert 'ray' not in [name.partition('.')[0] for name, module in sys.modules.items() if module]\n"
        "sys.exit(code)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, timeout=120, check=False
    )
    assert result.returncode == 2
    assert (
        result.stderr.strip() == "textlint: error: --engine ray needs Ray Data: pip install 'textlint[ray]'"
    )


def test_records_grammar_could_not_be_checked_in_are_written_incomplete(
    ray_cluster: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("TEXTLINT_LANGUAGETOOL_URL", "http://127.0.0.1:9")  # nothing listens there
    data = write_corpus(tmp_path / "d.jsonl", news_records(10), {})
    out, summary = tmp_path / "out.jsonl", tmp_path / "summary.json"
    code = run(data, *FIELDS, "--id-field", "id", "--no-cache", "--output", out, "--summary", summary,
               "--summary-format", "json", "--engine", "ray")  # fmt: skip
    assert code == 1
    found = entries(out)
    assert [entry["id"] for entry in found] == [f"a{number:05d}" for number in range(10)]
    assert not any(entry["complete"] for entry in found)
    reasons = {item["reason"] for entry in found for item in entry["fields"]["body"]["unchecked"]}
    assert all("http://127.0.0.1:9" in reason for reason in reasons), reasons
    assert json.loads(summary.read_text())["records"]["not_fully_checked"] == 10
    assert "grammar not checked" in capsys.readouterr().err


def test_the_pipeline_stage_adds_the_corpus_scores_and_filters_in_ray_data(
    ray_cluster: str, tmp_path: Path
) -> None:
    import ray.data

    records = news_records(60)
    data = write_corpus(tmp_path / "d.jsonl", records, {})
    out = tmp_path / "out.jsonl"
    run(data, *FIELDS, "--id-field", "id", NO_LT, "--output", out)
    expected = {entry["id"]: entry for entry in entries(out)}
    scored = ray.data.from_items(records).map_batches(
        RecordScorer,
        fn_constructor_kwargs={"fields": ["title", "body"], "options": LintOptions(languagetool=False)},
        compute=ray.data.ActorPoolStrategy(size=1),
        batch_size=16,
    )
    rows = scored.take_all()
    assert sorted(row["id"] for row in rows) == sorted(expected)
    for row in rows:
        entry = expected[row["id"]]
        assert (row["textlint_words"], row["textlint_issues"], row["textlint_artifacts"]) == (
            entry["words"], entry["issues"], entry["artifacts"],
        )  # fmt: skip
        assert row["textlint_score"] == entry["artifacts_per_1000_words"] and row["textlint_complete"]
    kept = {row["id"] for row in scored.filter(keep_below(5.0)).take_all()}
    assert kept == {key for key, entry in expected.items() if entry["artifacts_per_1000_words"] < 5}
    assert 0 < len(kept) < len(records)


def test_the_pipeline_stage_takes_pandas_batches_and_single_texts(tmp_path: Path) -> None:
    import pandas

    records = news_records(8)
    scorer = RecordScorer(["body"], options=LintOptions(languagetool=False), details=True)
    frame = scorer(pandas.DataFrame(records))
    assert list(frame["id"]) == [record["id"] for record in records]
    for (_, row), record in zip(frame.iterrows(), records, strict=True):
        entry = json.loads(row["textlint_result"])
        assert entry["fields"]["body"]["summary"]["words"] == row["textlint_words"]
        assert scorer.score_text(record["body"]) == row["textlint_score"] == entry["artifacts_per_1000_words"]
