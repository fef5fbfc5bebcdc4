"""`--fix` under faults: a full disk, a read-only file or file system, two runs on one file, Ctrl-C.

Whatever happens, a file is either as it was, byte for byte, or wholly fixed; no temporary
file is left behind, and the failure is one line naming the file and what to do. The disk
and the read-only file system are real: small tmpfs mounts (the tests run as root, as CI
does; where mounting is not allowed they are skipped, and the in-process test below still
makes the write fail at `fsync`).
"""

from __future__ import annotations

import errno
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import ROOT, SEED, Runner
from textlint.cli.check import CheckOptions, run_check
from textlint.config import LintOptions
from textlint.errors import FileError
from textlint.writer import editing, replace_file

NO_LT = "--no-languagetool"
ARTICLE = "Il dit : non. Le le chat dort ; « bien ».\r\n" * 50  # CRLF, safe fixes on every line
FIXED = "Il dit\u00a0: non. Le chat dort\u202f; «\u00a0bien\u00a0».\r\n" * 50


def mount_tmpfs(folder: Path, size: str) -> None:
    folder.mkdir()
    result = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)], capture_output=True, check=False
    )
    if result.returncode != 0:
        pytest.skip(f"cannot mount a small file system here: {result.stderr.decode().strip()}")


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A real 64 KiB file system, unmounted after the test."""
    folder = tmp_path / "disque"
    mount_tmpfs(folder, "64k")
    yield folder
    subprocess.run(["umount", str(folder)], check=True)


def fill(folder: Path) -> None:
    """Fill the file system to its last byte."""
    with (folder / "remplissage.bin").open("wb", buffering=0) as stream:
        try:
            while True:
                stream.write(b"\0" * 4096)
                stream.flush()
        except OSError as error:
            assert error.errno == errno.ENOSPC


def leftovers(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.iterdir() if path.name.endswith(".tmp"))


def test_disk_full_leaves_the_file_intact_and_says_so(textlint: Runner, small_disk: Path) -> None:
    article = small_disk / "article.txt"
    article.write_text(ARTICLE, encoding="utf-8", newline="")
    original = article.read_bytes()
    fill(small_disk)
    result = textlint("check", NO_LT, "--fix", str(article))
    assert result.returncode == 2
    assert article.read_bytes() == original
    assert leftovers(small_disk) == []
    assert result.stderr.splitlines()[-1] == (
        f"textlint: error: {article}: cannot write the fixed file (No space left on device); "
        "the file was left unchanged"
    )
    assert "Traceback" not in result.stderr
    assert result.stdout.splitlines()[-1].endswith("; 1 file could not be fixed.")


def test_read_only_file_system_leaves_the_file_intact(textlint: Runner, small_disk: Path) -> None:
    article = small_disk / "article.txt"
    article.write_text(ARTICLE, encoding="utf-8", newline="")
    subprocess.run(["mount", "-o", "remount,ro", str(small_disk)], check=True)
    result = textlint("check", NO_LT, "--fix", str(article))
    assert result.returncode == 2
    assert article.read_bytes() == ARTICLE.encode()
    assert f"{article}: cannot write the fixed file (Read-only file system)" in result.stderr


def test_read_only_file_is_not_fixed(textlint: Runner, tmp_path: Path) -> None:
    article = tmp_path / "article.txt"
    article.write_text(ARTICLE, encoding="utf-8", newline="")
    article.chmod(0o444)
    result = textlint("check", NO_LT, "--fix", str(article))
    assert result.returncode == 2
    assert article.read_bytes() == ARTICLE.encode()
    assert result.stderr.splitlines()[-1] == (
        f"textlint: error: {article}: read-only file; make it writable to fix it (chmod u+w {article}); "
        "the file was left unchanged"
    )
    assert "typo.space-before-colon" in result.stdout  # its issues are still reported


def test_failing_fsync_leaves_the_file_intact(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # Where no file system can be mounted, a full disk is played by fsync failing with ENOSPC,
    # as it does when the last blocks of a file cannot be allocated.
    article = tmp_path / "article.txt"
    article.write_text(ARTICLE, encoding="utf-8", newline="")

    def no_space(descriptor: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", no_space)
    code = run_check(CheckOptions(paths=(str(article),), fix=True, lint=LintOptions(languagetool=False)))
    assert code == 2
    assert article.read_bytes() == ARTICLE.encode()
    assert leftovers(tmp_path) == []
    assert "cannot write the fixed file (No space left on device)" in capsys.readouterr().err


def start_fix(*paths: Path) -> subprocess.Popen[str]:
    env = {**os.environ, "NO_COLOR": "1", "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-m", "textlint", "check", NO_LT, "--fix", *map(str, paths)]
    return subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )


def test_two_fix_runs_on_one_file_give_the_serial_result(tmp_path: Path) -> None:
    article = tmp_path / "article.txt"
    text = SEED.read_text(encoding="utf-8") * 20  # long enough for the two runs to overlap
    article.write_text(text, encoding="utf-8")
    serial = tmp_path / "serial.txt"
    serial.write_text(text, encoding="utf-8")
    first = start_fix(serial)
    first.communicate(timeout=300)
    expected = serial.read_bytes()
    assert expected != text.encode()
    runs = [start_fix(article), start_fix(article)]
    outputs = [run.communicate(timeout=300) for run in runs]
    assert [run.returncode for run in runs] == [first.returncode] * 2, outputs
    assert article.read_bytes() == expected  # no torn write, no lost fix
    applied = sorted(err.splitlines()[0] for _, err in outputs)
    # One run fixed the file; the other waited for it, read its result and had nothing to do.
    assert applied[0] == "textlint: applied 0 fixes in 0 files"
    assert applied[1].startswith("textlint: applied ") and applied[1] != applied[0]
    assert leftovers(tmp_path) == []


def test_ctrl_c_during_fix_leaves_each_file_whole(tmp_path: Path) -> None:
    originals = []
    for number in range(40):
        path = tmp_path / f"article-{number:02}.txt"
        shutil.copy(SEED, path)
        originals.append(path)
    fixed_copy = tmp_path / "reference" / "article.txt"
    fixed_copy.parent.mkdir()
    shutil.copy(SEED, fixed_copy)
    start_fix(fixed_copy).communicate(timeout=300)
    run = start_fix(*originals)
    deadline = time.monotonic() + 120
    while all(path.read_bytes() == SEED.read_bytes() for path in originals):
        assert time.monotonic() < deadline, "no file was fixed"
        time.sleep(0.02)
    run.send_signal(signal.SIGINT)  # as Ctrl-C would, once the run is writing files
    _, err = run.communicate(timeout=60)
    assert run.returncode == 130, err
    assert err.splitlines()[-1] == "textlint: interrupted"
    states = {path.read_bytes() for path in originals}
    assert states <= {SEED.read_bytes(), fixed_copy.read_bytes()}  # each file: as it was, or fixed
    assert leftovers(tmp_path) == []


def test_a_file_changed_while_being_fixed_is_not_replaced(tmp_path: Path) -> None:
    article = tmp_path / "article.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    with editing(article) as snapshot:
        time.sleep(0.01)  # a later modification time, as an editor saving the file would leave
        article.write_text("Texte réécrit entre-temps.\n", encoding="utf-8")  # no lock: an editor
        with pytest.raises(FileError, match="changed while textlint was fixing it; run textlint again"):
            replace_file(article, FIXED.encode(), snapshot)
    assert article.read_text(encoding="utf-8") == "Texte réécrit entre-temps.\n"
    assert leftovers(tmp_path) == []
