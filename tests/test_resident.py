"""The resident process answers `textlint check` exactly as a run in its own process does.

Real processes throughout: a resident started with `textlint resident run`, and the program
run as a user runs it, once with `TEXTLINT_RESIDENT=1` (answered by the resident) and once
with `TEXTLINT_RESIDENT=0` (in its own process), their outputs compared byte for byte.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import RESIDENT_ENV, ROOT, SEED

HOUSE_RULE = """\
ruleset:
  prefix: maison
  language: fr
  category: style
  severity: warning

rules:
  - id: toponymes
    kind: substitution
    message: "{message} : « {{replacement}} » et non « {{match}} »"
    swap:
      Kiev: Kyiv
    examples:
      bad:
        - text: "Le sommet de Kiev a réuni dix pays."
          fixed: "Le sommet de Kyiv a réuni dix pays."
      good:
        - "Le sommet de Kyiv a réuni dix pays."
"""


def textlint(
    *args: str,
    resident: bool,
    input: str | None = None,
    cwd: Path = ROOT,
    pythonpath: Path = ROOT,
) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "NO_COLOR": "1",
        "PYTHONPATH": str(pythonpath),
        RESIDENT_ENV: "1" if resident else "0",
    }
    return subprocess.run(
        [sys.executable, "-m", "textlint", *args],
        input=input,
        capture_output=True,
        text=True,
        cwd=cwd,
        env=env,
        timeout=300,
        check=False,
    )


def served(pythonpath: Path = ROOT, cwd: Path = ROOT) -> int | None:
    """How many runs the resident has served; None when none answers."""
    status = textlint("resident", "status", resident=False, pythonpath=pythonpath, cwd=cwd)
    found = re.search(r"(\d+) run\(s\) served", status.stdout)
    return int(found.group(1)) if status.returncode == 0 and found else None


def wait_for_resident(pythonpath: Path = ROOT, cwd: Path = ROOT) -> int:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        count = served(pythonpath, cwd)
        if count is not None:
            return count
        time.sleep(0.2)
    raise AssertionError("the resident process did not start")


def start_resident(*flags: str, pythonpath: Path = ROOT, cwd: Path = ROOT) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(pythonpath)}
    return subprocess.Popen(
        [sys.executable, "-m", "textlint", "resident", "run", *flags],
        cwd=cwd,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def stop_resident(process: subprocess.Popen[str] | None, pythonpath: Path = ROOT, cwd: Path = ROOT) -> None:
    textlint("resident", "stop", resident=False, pythonpath=pythonpath, cwd=cwd)
    if process is not None:
        process.wait(timeout=60)


@pytest.fixture(scope="module")
def resident() -> Iterator[subprocess.Popen[str]]:
    process = start_resident()
    wait_for_resident()
    yield process
    stop_resident(process)


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "article.txt"
    shutil.copy(SEED, path)
    return path


def same_outcome(args: list[str], **kwargs: object) -> subprocess.CompletedProcess[str]:
    """Run `args` both ways; they must agree on the output, the messages and the exit code."""
    before = served()
    here = textlint(*args, resident=False, **kwargs)  # type: ignore[arg-type]
    there = textlint(*args, resident=True, **kwargs)  # type: ignore[arg-type]
    assert (there.returncode, there.stdout, there.stderr) == (here.returncode, here.stdout, here.stderr)
    assert served() == (before or 0) + 1, "the resident did not answer"
    return there


def test_a_check_answered_by_the_resident_is_the_check_run_here(
    resident: subprocess.Popen[str], article: Path
) -> None:
    for output in ("text", "json", "sarif"):
        result = same_outcome(["check", "--no-languagetool", "--no-cache", "--format", output, str(article)])
        assert result.returncode == 1
        assert "typo." in result.stdout


def test_stdin_relative_paths_and_usage_errors_go_through(
    resident: subprocess.Popen[str], article: Path
) -> None:
    text = 'Le ministre a dit : "bonjour" a la presse.\n'
    piped = same_outcome(["check", "--no-languagetool", "-"], input=text, cwd=article.parent)
    assert "typo.straight-quotes" in piped.stdout
    relative = same_outcome(["check", "--no-languagetool", "--no-cache", article.name], cwd=article.parent)
    assert relative.stdout.startswith(f"{article.name}:")
    wrong = same_outcome(["check", "--no-languagetool", "--bogus", article.name], cwd=article.parent)
    assert wrong.returncode == 2
    assert "unrecognized arguments: --bogus" in wrong.stderr


def test_fixes_are_written_as_a_run_here_writes_them(resident: subprocess.Popen[str], tmp_path: Path) -> None:
    results = {}
    for way in ("here", "resident"):
        folder = tmp_path / way
        folder.mkdir()
        target = folder / "article.txt"
        shutil.copy(SEED, target)
        before = served()
        textlint("check", "--no-languagetool", "--fix", "article.txt", resident=way == "resident", cwd=folder)
        assert (served() == (before or 0) + 1) is (way == "resident")
        results[way] = (target.read_bytes(), target.stat().st_mode)
    assert results["here"] == results["resident"]
    assert results["here"][0] != SEED.read_bytes()


def test_a_house_rule_edited_between_two_runs_is_read_again(
    resident: subprocess.Popen[str], tmp_path: Path
) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.textlint]\nrule-dirs = ["regles"]\n', encoding="utf-8")
    (tmp_path / "regles").mkdir()
    house = tmp_path / "regles" / "maison.yaml"
    (tmp_path / "a.txt").write_text("Le sommet de Kiev a réuni dix pays.\n", encoding="utf-8")
    args = ["check", "--no-languagetool", "--no-cache", "--select", "maison", "a.txt"]
    for message in ("Charte", "Règle de la maison"):
        house.write_text(HOUSE_RULE.format(message=message), encoding="utf-8")
        result = same_outcome(args, cwd=tmp_path)
        assert f"maison.toponymes {message} : « Kyiv » et non « Kiev »" in result.stdout


def long_check_taken_by_the_resident(folder: Path) -> subprocess.Popen[str]:
    """A check of some seconds, started in a session of its own, once the resident has taken it."""
    long = folder / "long.txt"
    long.write_text(SEED.read_text(encoding="utf-8") * 150, encoding="utf-8")
    env = {**os.environ, "NO_COLOR": "1", "PYTHONPATH": str(ROOT), RESIDENT_ENV: "1"}
    before = served()
    process = subprocess.Popen(
        [sys.executable, "-m", "textlint", "check", "--no-languagetool", "--no-cache", str(long)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    deadline = time.monotonic() + 60
    while served() == before and time.monotonic() < deadline:
        time.sleep(0.05)
    assert served() == (before or 0) + 1, "the resident did not take the run"
    return process


def test_ctrl_c_reaches_the_run_the_resident_is_doing(
    resident: subprocess.Popen[str], tmp_path: Path
) -> None:
    process = long_check_taken_by_the_resident(tmp_path)
    os.killpg(process.pid, signal.SIGINT)  # what a terminal's Ctrl-C does
    _, errors = process.communicate(timeout=60)
    assert process.returncode == 130, errors
    assert errors.strip().splitlines()[-1] == "textlint: interrupted"


def test_a_terminated_caller_terminates_the_run(resident: subprocess.Popen[str], tmp_path: Path) -> None:
    process = long_check_taken_by_the_resident(tmp_path)
    started = time.monotonic()
    process.terminate()  # a hook runner's time limit, a CI job cancelled
    _, errors = process.communicate(timeout=60)
    assert process.returncode == 128 + signal.SIGTERM, errors
    assert errors == ""
    assert time.monotonic() - started < 10  # the run stopped, not finished


@pytest.mark.skipif(os.geteuid() != 0, reason="acting as another user needs root")
def test_another_user_cannot_have_the_resident_run_a_command(resident: subprocess.Popen[str]) -> None:
    from textlint.resident import protocol

    path = protocol.socket_path()
    assert path is not None
    opened = {os.path.dirname(os.path.dirname(path)): 0o755, os.path.dirname(path): 0o755, path: 0o666}
    modes = {place: os.stat(place).st_mode & 0o7777 for place in opened}
    for place, mode in opened.items():  # as a cache folder shared by mistake would be
        os.chmod(place, mode)
    try:
        before = served()
        reader, writer = os.pipe()
        pid = os.fork()
        if pid == 0:  # the other user
            outcome = b"error"
            try:
                os.setuid(65534)
                with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as connection:
                    connection.connect(path)
                    request = {
                        "argv": ["check", "-"],
                        "cwd": "/",
                        "env": {},
                        "umask": 18,
                        "streams": [[None, None]] * 3,
                    }
                    try:
                        protocol.send(connection, request, fds=[0, 1, 2])
                        protocol.receive(connection)
                        outcome = b"answered"
                    except (protocol.ProtocolError, ConnectionError):
                        outcome = b"closed"  # without a word
            except BaseException as error:
                outcome = repr(error).encode()
            finally:
                os.write(writer, outcome)
                os._exit(0)
        os.waitpid(pid, 0)
        assert os.read(reader, 100) == b"closed"
        assert served() == before
    finally:
        for place, mode in modes.items():
            os.chmod(place, mode)


def test_a_killed_resident_leaves_runs_in_their_own_process_and_is_replaced(
    resident: subprocess.Popen[str], article: Path
) -> None:
    stop_resident(None)  # the module's resident: this test kills its own
    resident.wait(timeout=60)
    process = start_resident()
    wait_for_resident()
    process.kill()  # no time to remove its socket
    process.wait(timeout=60)
    args = ["check", "--no-languagetool", "--no-cache", str(article)]
    here = textlint(*args, resident=False)
    there = textlint(*args, resident=True)  # the stale socket refuses: run here, start a new one
    assert (there.returncode, there.stdout, there.stderr) == (here.returncode, here.stdout, here.stderr)
    assert wait_for_resident() == 0
    after = textlint(*args, resident=True)
    assert after.stdout == here.stdout
    assert served() == 1


def test_an_idle_resident_stops_and_removes_its_socket(tmp_path: Path) -> None:
    copy = package_copy(tmp_path)
    process = start_resident("--idle-timeout", "1", pythonpath=copy, cwd=copy)
    _, errors = process.communicate(timeout=120)
    assert process.returncode == 0, errors
    listening = re.search(r"listening on (\S+)", errors)
    assert listening is not None, errors
    assert not Path(listening.group(1)).exists()


def test_a_resident_whose_textlint_changed_turns_runs_away_and_stops(tmp_path: Path) -> None:
    copy = package_copy(tmp_path)
    article = tmp_path / "article.txt"
    shutil.copy(SEED, article)
    args = ["check", "--no-languagetool", "--no-cache", str(article)]
    process = start_resident(pythonpath=copy, cwd=copy)
    try:
        wait_for_resident(copy, copy)
        here = textlint(*args, resident=False, pythonpath=copy, cwd=copy)
        module = copy / "textlint" / "version.py"
        later = module.stat().st_mtime_ns + 10**9
        os.utime(module, ns=(later, later))  # what an upgrade or an edit does to the code
        there = textlint(*args, resident=True, pythonpath=copy, cwd=copy)
        assert (there.returncode, there.stdout) == (here.returncode, here.stdout)
        process.wait(timeout=60)  # it stopped by itself
        # The run went on here, and started a resident of the new code for the next ones.
        assert wait_for_resident(copy, copy) == 0
    finally:
        stop_resident(process, copy, copy)


def package_copy(tmp_path: Path) -> Path:
    """textlint and its rules in a folder of their own: code a test may change."""
    copy = tmp_path / "checkout"
    shutil.copytree(ROOT / "textlint", copy / "textlint", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "rules", copy / "rules")
    return copy


def test_a_run_the_resident_cannot_start_ends_with_one_line_and_code_2(
    resident: subprocess.Popen[str],
) -> None:
    from textlint.resident import protocol

    path = protocol.socket_path()
    assert path is not None
    errors_read, errors_write = os.pipe()
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as connection, open(os.devnull, "rb+") as null:
        connection.connect(path)
        request = {
            "argv": ["check", "--no-languagetool", "a.txt"],
            "cwd": "/a/folder/that/is/gone",  # removed between the request and the run
            "env": dict(os.environ),
            "umask": 0o22,
            "streams": [["utf-8", "strict"]] * 3,
        }
        protocol.send(connection, request, fds=[null.fileno(), null.fileno(), errors_write])
        os.close(errors_write)
        answers = [protocol.receive(connection)[0] for _ in range(2)]
    with os.fdopen(errors_read, encoding="utf-8") as errors:
        lines = errors.read().splitlines()
    assert "pid" in answers[0] and answers[1] == {"exit": 2}
    assert len(lines) == 1 and lines[0].startswith(
        "textlint: error: the resident process could not run the command ("
    )
