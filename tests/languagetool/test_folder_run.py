"""A folder of varied files checked in one run: grammar is never lost silently.

Each file gets, in a run over the whole folder, exactly the LanguageTool findings it gets
alone; when the managed server is killed mid-run it is restarted (by this run, or by another
process) and nothing is lost; when a team's own server goes away mid-run, the files that got
no grammar check are named, and `--require-languagetool` fails the run.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from textlint.config import Config, LanguageToolSettings
from textlint.document import read_document
from textlint.languagetool import process
from textlint.languagetool.process import ServerState
from textlint.linter import Linter

pytestmark = pytest.mark.languagetool

ROOT = Path(__file__).resolve().parents[2]

PARAGRAPHS = [
    "Les enfant de l'école ont visité le musée des beaux-arts jeudi matin.",
    "La direction a annoncer la suppression de quarante postes à l'usine.",
    "Hier soir, il sont partis tôt pour éviter les bouchons sur l'autoroute.",
    "Ce sont les bénévoles qui on tenu la buvette pendant tout le week-end.",
    "Dans la cour de l'école, les enfants joue malgré la pluie.",
    "Le festival accueillera une trentaine de groupes venus de toute la région.",
    "Il faut que tu viens demain à la réunion du conseil municipal.",
    "Nous avons manger au restaurant du port avant la séance.",
]


def corpus(folder: Path) -> list[Path]:
    """Thirty-odd files: plain text, Markdown, HTML, English, very short, empty, no letters."""
    files: dict[str, str] = {}
    for index in range(16):
        first, second = PARAGRAPHS[index % 8], PARAGRAPHS[(index + 3) % 8]
        files[f"depeche-{index:02d}.txt"] = f"Titre de la dépêche {index}\n\n{first}\n{second}\n"
    for index in range(4):
        body = PARAGRAPHS[(index + 5) % 8]
        files[f"article-{index}.md"] = f"# Article {index}\n\n{body}\n\n```\nil sont partis\n```\n"
        files[f"page-{index}.html"] = f"<h1>Page {index}</h1><p>{body}</p><pre>il sont partis</pre>"
    files["citation.txt"] = (
        "Le coach a résumé le match : « We never gave up, and we showed real character today ».\n"
        "Les supporteurs ont salué une victoire méritée.\n"
    )
    files["bref.txt"] = "Oui.\n"
    files["vide.txt"] = ""
    files["score.txt"] = "3-1\n"
    files["chiffres.txt"] = "123456\n\n2 500 | 3 000 | 4 500\n"
    files["README.md"] = (
        "# Newsroom tools\n\nThis folder holds the scripts our desk runs every night before the "
        "morning edition goes to press, with the notes the night editors keep about them.\n"
    )
    paths = []
    for name, text in files.items():
        path = folder / name
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "textlint", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "NO_COLOR": "1", "PYTHONPATH": str(ROOT), **(env or {})},
        timeout=600,
        check=False,
    )


def grammar_by_file(report: dict[str, Any]) -> dict[str, list[tuple[str, int, int]]]:
    return {
        Path(entry["path"]).name: [
            (issue["rule"], issue["offset"], issue["length"])
            for issue in entry["issues"]
            if issue["source"] == "languagetool" or any(o.startswith("LT:") for o in issue["origins"])
        ]
        for entry in report["files"]
    }


def check(
    *targets: Path, env: dict[str, str] | None = None, strict: bool = False
) -> subprocess.CompletedProcess[str]:
    flags = ["--require-languagetool"] if strict else []
    return run("check", "--no-cache", "--format", "json", *flags, *(str(t) for t in targets), env=env)


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("folder")
    corpus(target)
    return target


@pytest.fixture(scope="module")
def alone(folder: Path, lt_server: ServerState) -> dict[str, list[tuple[str, int, int]]]:
    """Each file's LanguageTool findings when it is linted alone (a linter of its own each)."""
    settings = LanguageToolSettings(cache=False)
    found: dict[str, list[tuple[str, int, int]]] = {}
    for path in sorted(folder.iterdir()):
        result = Linter(Config(languagetool=settings)).lint(read_document(str(path)))
        assert result.complete
        found[path.name] = [
            (issue.rule, issue.start, issue.length)
            for issue in result.issues
            if issue.source == "languagetool" or any(o.startswith("LT:") for o in issue.origins)
        ]
    return found


def test_folder_has_thirty_varied_files_and_grammar_findings(folder: Path, alone: dict[str, Any]) -> None:
    assert len(list(folder.iterdir())) >= 30
    assert sum(1 for found in alone.values() if found) >= 15


def test_each_file_gets_in_a_folder_run_what_it_gets_alone(folder: Path, alone: dict[str, Any]) -> None:
    result = check(folder, strict=True)
    report = json.loads(result.stdout)
    assert report["incomplete"] == 0, result.stderr
    assert grammar_by_file(report) == alone
    readme = next(entry for entry in report["files"] if entry["path"].endswith("README.md"))
    assert readme["skipped"] == "not French (anglais): not checked"


def test_managed_server_killed_mid_run_is_restarted_and_nothing_is_lost(
    folder: Path, alone: dict[str, Any]
) -> None:
    state = process.ensure_running("2g", 1800)
    with killed_after_requests(state, requests=5):
        result = check(folder, strict=True)
    report = json.loads(result.stdout)
    assert result.returncode == 1, result.stderr  # issues, nothing unchecked
    assert report["incomplete"] == 0
    assert grammar_by_file(report) == alone
    assert process.running() is not None
    assert process.running() != state  # a new server


def test_server_restarted_by_another_process_loses_nothing(folder: Path, alone: dict[str, Any]) -> None:
    state = process.ensure_running("2g", 1800)
    with killed_after_requests(state, requests=5, restart=True):
        result = check(folder, strict=True)
    report = json.loads(result.stdout)
    assert report["incomplete"] == 0, result.stderr
    assert grammar_by_file(report) == alone


def test_team_server_gone_mid_run_names_the_files_without_grammar(
    folder: Path, alone: dict[str, Any]
) -> None:
    state = process.ensure_running("2g", 1800)
    with dying_proxy(state.port, requests=6) as url:
        env = {"TEXTLINT_LANGUAGETOOL_URL": url}
        lenient = check(folder, env=env)
    report = json.loads(lenient.stdout)
    unchecked = {Path(e["path"]).name for e in report["files"] if e["unchecked"]}
    assert unchecked, "the proxy died before the run ended"
    assert report["incomplete"] == len(unchecked)
    for name in unchecked:
        assert f"{name}: grammar not checked: " in lenient.stderr
    checked = {Path(e["path"]).name for e in report["files"]} - unchecked - {"README.md"}
    found = grammar_by_file(report)
    assert checked and all(found[name] == alone[name] for name in checked)
    assert lenient.returncode == 1  # issues; grammar not required
    with dying_proxy(state.port, requests=6) as url:
        strict = check(folder, env={"TEXTLINT_LANGUAGETOOL_URL": url}, strict=True)
    assert strict.returncode == 2
    assert "textlint: error: grammar could not be checked in" in strict.stderr


class killed_after_requests:  # noqa: N801 - used as a context manager, like a function
    """Kill the managed server once it has served `requests` checks (the state file's touches)."""

    def __init__(self, state: ServerState, requests: int, restart: bool = False) -> None:
        self.state = state
        self.requests = requests
        self.restart = restart
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._watch, daemon=True)

    def __enter__(self) -> None:
        self.thread.start()

    def __exit__(self, *_exc: object) -> None:
        self.stop.set()
        self.thread.join(timeout=30)

    def _watch(self) -> None:
        seen, last = 0, process.last_use()
        while not self.stop.is_set():
            used = process.last_use()
            if used != last:
                seen, last = seen + 1, used
            if seen >= self.requests:
                os.kill(self.state.pid, signal.SIGKILL)
                if self.restart:  # another textlint process notices first and starts a new one
                    run("languagetool", "start")
                return
            time.sleep(0.01)


class dying_proxy:  # noqa: N801 - used as a context manager, like a function
    """A TCP proxy to the real server that stops forwarding after `requests` checks."""

    def __init__(self, port: int, requests: int) -> None:
        self.port = port
        self.left = requests
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.thread = threading.Thread(target=self._serve, daemon=True)

    def __enter__(self) -> str:
        self.thread.start()
        return f"http://127.0.0.1:{self.listener.getsockname()[1]}"

    def __exit__(self, *_exc: object) -> None:
        self.listener.close()

    def _serve(self) -> None:
        for client in self._accepted():
            request = client.recv(1 << 20)
            while b"\r\n\r\n" in request and _missing_body(request):
                request += client.recv(1 << 20)
            if request.startswith(b"POST /v2/check"):
                self.left -= 1
            if self.left < 0:
                client.close()  # the server is gone
                continue
            with socket.create_connection(("127.0.0.1", self.port)) as upstream:
                upstream.sendall(_closing(request))
                client.sendall(b"".join(_chunks(upstream)))
            client.close()

    def _accepted(self) -> Iterator[socket.socket]:
        while True:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            yield client


def _closing(request: bytes) -> bytes:
    """The request asking the server to close the connection after its answer."""
    head, _, body = request.partition(b"\r\n\r\n")
    lines = [line for line in head.split(b"\r\n") if not line.lower().startswith(b"connection:")]
    return b"\r\n".join([*lines, b"Connection: close"]) + b"\r\n\r\n" + body


def _missing_body(request: bytes) -> bool:
    head, _, body = request.partition(b"\r\n\r\n")
    for line in head.split(b"\r\n"):
        if line.lower().startswith(b"content-length:"):
            return len(body) < int(line.split(b":")[1])
    return False


def _chunks(upstream: socket.socket) -> Iterator[bytes]:
    while chunk := upstream.recv(1 << 16):
        yield chunk
