"""Ctrl-C during `textlint corpus`, then the same command again: the output files are byte for
byte those of a run that was never interrupted, with one worker process or two."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.test_corpus import FIELDS, NO_LT, many_records, write_jsonl

RECORDS = 1500


def command(data: Path, out: Path, clean: Path, jobs: int) -> list[str]:
    return [
        sys.executable, "-m", "textlint", "corpus", str(data), *FIELDS, "--id-field", "id", NO_LT,
        "--jobs", str(jobs), "--output", str(out), "--keep-below", "40", "--output-clean", str(clean),
    ]  # fmt: skip


def run(arguments: list[str]) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        arguments, cwd=ROOT, env=env, capture_output=True, text=True, timeout=600, check=False
    )


def interrupt_after(arguments: list[str], out: Path, lines: int) -> subprocess.CompletedProcess[str]:
    """Start the run, and press Ctrl-C once `out` holds `lines` lines: SIGINT to the whole
    process group, as a terminal sends it (the worker processes get it too)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    process = subprocess.Popen(
        arguments, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        start_new_session=True,
    )  # fmt: skip
    deadline = time.monotonic() + 300
    while not out.exists() or out.read_bytes().count(b"\n") < lines:
        assert process.poll() is None and time.monotonic() < deadline, "the run ended before Ctrl-C"
        time.sleep(0.01)
    os.killpg(process.pid, signal.SIGINT)
    stdout, stderr = process.communicate(timeout=120)
    return subprocess.CompletedProcess(arguments, process.returncode, stdout, stderr)


@pytest.fixture(scope="module")
def reference(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, bytes, bytes]:
    folder = tmp_path_factory.mktemp("corpus")
    records = many_records(RECORDS)
    for record in records:
        record["body"] = " ".join([record["body"]] * 2)
    data = write_jsonl(folder / "depeches.jsonl", records)
    out, clean = folder / "out.jsonl", folder / "clean.jsonl"
    result = run(command(data, out, clean, 1))
    assert result.returncode == 1, result.stderr
    return data, out.read_bytes(), clean.read_bytes()


@pytest.mark.parametrize("jobs", [1, 2])
def test_resumed_run_writes_what_an_uninterrupted_run_writes(
    reference: tuple[Path, bytes, bytes], tmp_path: Path, jobs: int
) -> None:
    data, expected_out, expected_clean = reference
    out, clean = tmp_path / "out.jsonl", tmp_path / "clean.jsonl"
    arguments = command(data, out, clean, jobs)
    stopped = interrupt_after(arguments, out, lines=100)
    assert stopped.returncode == 130, stopped.stderr
    assert "textlint: interrupted" in stopped.stderr
    assert "Traceback" not in stopped.stderr
    assert out.read_bytes().count(b"\n") < RECORDS  # stopped mid-run
    resumed = run(arguments)
    assert resumed.returncode == 1, resumed.stderr
    assert "records already done, skipping them" in resumed.stderr
    assert out.read_bytes() == expected_out
    assert clean.read_bytes() == expected_clean
