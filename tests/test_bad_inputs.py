"""Bad inputs in one run with good files: one clear line each, exit 2, every good file checked.

Every output format names each file that could not be checked, and the text summary says how
many files were checked; no run hangs (a named pipe is never opened for reading) and no
traceback reaches the user.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, Runner

NO_LT = "--no-languagetool"
GOOD = {"bon.txt": "Il dit : non.\n", "vide.txt": "", "sous/propre.md": "# Titre\n\nUn texte propre.\n"}
# Each bad input, and what its one line must say.
BAD = {
    "image.txt": "binary file (contains NUL bytes)",
    "latin1.txt": "not UTF-8 (byte 0xe9 on line 1): looks like Latin-1 (ISO-8859-1); convert it: iconv",
    "windows.txt": "not UTF-8 (byte 0xe9 on line 1): looks like Windows-1252; convert it: iconv -f WIN",
    "utf16.txt": "UTF-16 text, not UTF-8; convert it: iconv -f UTF-16 -t UTF-8",
    "tube.txt": "is a named pipe (FIFO), not a regular file; to lint what it carries: textlint check - <",
    "boucle.txt": "symbolic link loop",
    "casse.txt": "broken symbolic link",
    "secret.txt": "permission denied; make it readable (chmod u+r)",
    "absent.txt": "no such file or directory",
}


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """Good files and every kind of bad input; `dossier-boucle/retour` links back to the folder."""
    for name, text in GOOD.items():
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (tmp_path / "latin1.txt").write_bytes("Café : ouvert.\n".encode("latin-1"))
    (tmp_path / "windows.txt").write_bytes("Café : « l’été ».\n".encode("cp1252"))
    (tmp_path / "utf16.txt").write_bytes("\ufeffIl dit : non.\n".encode("utf-16-le"))
    os.mkfifo(tmp_path / "tube.txt")
    (tmp_path / "boucle.txt").symlink_to("boucle.txt")
    (tmp_path / "casse.txt").symlink_to("nulle-part.txt")
    (tmp_path / "secret.txt").write_text("Il dit : oui.\n", encoding="utf-8")
    (tmp_path / "secret.txt").chmod(0)
    (tmp_path / "dossier-boucle").mkdir()
    (tmp_path / "dossier-boucle" / "retour").symlink_to("..")
    return tmp_path


def _run(textlint: Runner, folder: Path, *options: str) -> tuple[int, str, list[str]]:
    # The folder and, named on the command line, the pipe again and a file that does not exist.
    named = [str(folder), str(folder / "tube.txt"), str(folder / "absent.txt")]
    result = textlint("check", NO_LT, *options, *named, timeout=120, as_user=True)
    assert "Traceback" not in result.stderr
    return result.returncode, result.stdout, result.stderr.splitlines()


def _expected_errors(folder: Path) -> list[str]:
    walked = [f"{folder / name}: {reason}" for name, reason in BAD.items() if name != "absent.txt"]
    named = [f"{folder / 'tube.txt'}: {BAD['tube.txt']}", f"{folder / 'absent.txt'}: {BAD['absent.txt']}"]
    return sorted(walked) + named


def _assert_errors(lines: list[str], folder: Path) -> None:
    errors = [
        line.removeprefix("textlint: error: ") for line in lines if line.startswith("textlint: error: ")
    ]
    assert len(errors) == len(lines) == len(BAD) + 1  # one line each, nothing else on stderr
    for line, expected in zip(errors, _expected_errors(folder), strict=True):
        assert line.startswith(expected), (line, expected)


def test_text_report_names_each_file_and_counts_what_was_checked(textlint: Runner, folder: Path) -> None:
    code, stdout, stderr = _run(textlint, folder)
    assert code == 2
    _assert_errors(stderr, folder)
    assert stdout.count("typo.space-before-colon") == 1  # bon.txt, the one good file with an issue
    assert "All checks passed" not in stdout
    assert (
        stdout.splitlines()[-1]
        == "Found 1 issue in 3 files (1 fixable with --fix); 10 files could not be checked."
    )


def test_json_names_each_unchecked_file(textlint: Runner, folder: Path) -> None:
    code, stdout, stderr = _run(textlint, folder, "--format", "json")
    assert code == 2
    _assert_errors(stderr, folder)
    report = json.loads(stdout)
    checked = sorted(Path(file["path"]).relative_to(folder).as_posix() for file in report["files"])
    assert checked == sorted(GOOD)
    assert [f"{item['path']}: {item['reason']}" for item in report["not_checked"]] == report["errors"]
    assert [entry["path"] for entry in report["not_checked"]] == [
        line.split(": ", 1)[0] for line in _expected_errors(folder)
    ]
    assert report["not_fixed"] == []


def test_sarif_names_each_unchecked_file(textlint: Runner, folder: Path) -> None:
    code, stdout, _ = _run(textlint, folder, "--format", "sarif")
    assert code == 2
    invocation = json.loads(stdout)["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is False
    errors = [note for note in invocation["toolExecutionNotifications"] if note["level"] == "error"]
    located = [note["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for note in errors]
    assert located == [Path(line.split(": ", 1)[0]).as_uri() for line in _expected_errors(folder)]
    for note, expected in zip(errors, _expected_errors(folder), strict=True):
        assert note["message"]["text"].startswith(expected)


def test_github_annotates_each_unchecked_file(textlint: Runner, folder: Path) -> None:
    code, stdout, _ = _run(textlint, folder, "--format", "github")
    assert code == 2
    errors = [line for line in stdout.splitlines() if line.startswith("::error ")]
    expected = _expected_errors(folder)
    assert len(errors) == len(expected)
    for line, message in zip(errors, expected, strict=True):
        path, reason = message.split(": ", 1)
        assert line.startswith(f"::error file={path},title=textlint::{reason}"), line


def test_a_named_pipe_alone_does_not_hang(textlint: Runner, tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "tube.txt")
    result = textlint("check", NO_LT, str(tmp_path / "tube.txt"), timeout=60)
    assert result.returncode == 2
    assert result.stdout.splitlines()[-1] == "No file was checked; 1 file could not be checked."


def test_fix_says_how_many_fixes_it_applied_in_which_files(textlint: Runner, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Il dit : non. Le le chat.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Il dit : oui.\n", encoding="utf-8")
    (tmp_path / "c.txt").write_text("Un texte propre.\n", encoding="utf-8")
    result = textlint("check", NO_LT, "--fix", str(tmp_path))
    assert result.returncode == 0, result.stderr
    assert result.stderr.splitlines() == [
        "textlint: applied 3 fixes in 2 files",
        f"  {tmp_path / 'a.txt'}: 2",
        f"  {tmp_path / 'b.txt'}: 1",
    ]
    assert (tmp_path / "a.txt").read_text(encoding="utf-8") == "Il dit\u00a0: non. Le chat.\n"


def test_a_report_that_cannot_be_written_is_one_line(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Il dit : non.\n", encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    with open("/dev/full", "w", encoding="utf-8") as full:  # every write fails: no space left
        result = subprocess.run(
            [sys.executable, "-m", "textlint", "check", NO_LT, str(tmp_path / "a.txt")],
            stdout=full, stderr=subprocess.PIPE, text=True, env=env, timeout=120, check=False,
        )  # fmt: skip
    assert result.returncode == 2
    assert result.stderr == "textlint: error: No space left on device\n"
