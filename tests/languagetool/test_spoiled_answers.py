"""`textlint check` when grammar cannot be had: Java missing, or the real server's answers
spoiled on the way (HTTP 500, HTTP 400, or a page that is not LanguageTool's JSON, as a broken
proxy in front of a team's server sends).

In every case the other rules still run, the file is named as not checked for grammar, no
traceback reaches the user, and `--require-languagetool` turns it into exit 2.
"""

from __future__ import annotations

import contextlib
import http.client
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from tests.languagetool.conftest import serving
from textlint.config import LanguageToolSettings
from textlint.document import Document
from textlint.languagetool import LanguageToolChecker, paths
from textlint.languagetool.process import ServerState

pytestmark = pytest.mark.languagetool

ROOT = Path(__file__).resolve().parents[2]
# A grammar error for LanguageTool, a typography and a doubled-word issue for the house rules.
TEXT = "Hier soir, il sont partis tôt .\n\nLe le chat dort.\n"
HOUSE_RULES = {"typo.space-before-comma-period", "mt.doubled-word"}


class SpoilingProxy(ThreadingHTTPServer):
    """Forwards to the real server, except that answers to checks are replaced while `spoil`
    is set: (HTTP status, body)."""

    daemon_threads = True
    spoil: tuple[int, str] | None = None
    upstream: int
    checks: int = 0


class Forward(BaseHTTPRequestHandler):
    server: SpoilingProxy
    protocol_version = "HTTP/1.1"

    def do_GET(self) -> None:
        self._answer(*self._upstream("GET", None))

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers["Content-Length"]))
        if self.path.startswith("/v2/check"):
            self.server.checks += 1
            if self.server.spoil is not None:
                status, text = self.server.spoil
                self._answer(status, text.encode(), "text/html")
                return
        self._answer(*self._upstream("POST", body))

    def _upstream(self, method: str, body: bytes | None) -> tuple[int, bytes, str]:
        connection = http.client.HTTPConnection("127.0.0.1", self.server.upstream, timeout=120)
        try:
            headers = {"Content-Type": self.headers.get("Content-Type", "")} if body is not None else {}
            connection.request(method, self.path, body=body, headers=headers)
            answer = connection.getresponse()
            return answer.status, answer.read(), answer.getheader("Content-Type", "")
        finally:
            connection.close()

    def _answer(self, status: int, body: bytes, kind: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):  # the client gave up
            self.wfile.write(body)

    def log_message(self, *_args: object) -> None:
        pass


@pytest.fixture
def proxy(lt_url: ServerState) -> Iterator[SpoilingProxy]:
    settings = LanguageToolSettings(cache=False)
    assert LanguageToolChecker(settings, "fr-FR", frozenset()).check(Document(TEXT))  # a warm server
    with serving(SpoilingProxy(("127.0.0.1", 0), Forward)) as server:
        server.upstream = lt_url.port
        yield server


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "depeche.txt"
    path.write_text(TEXT, encoding="utf-8")
    return path


def check(article: Path, env: dict[str, str], strict: bool = False) -> subprocess.CompletedProcess[str]:
    flags = ["--require-languagetool"] if strict else []
    return subprocess.run(
        [sys.executable, "-m", "textlint", "check", "--no-cache", "--format", "json", *flags, str(article)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "NO_COLOR": "1", "PYTHONPATH": str(ROOT), **env},
        timeout=300,
        check=False,
    )


def sources(result: subprocess.CompletedProcess[str]) -> tuple[set[str], bool, list[dict[str, Any]]]:
    """The rules found, whether LanguageTool found anything, and what was not checked."""
    [entry] = json.loads(result.stdout)["files"]
    rules = {issue["rule"] for issue in entry["issues"]}
    grammar = any(issue["source"] == "languagetool" for issue in entry["issues"])
    return rules, grammar, entry["unchecked"]


def assert_named_without_grammar(
    result: subprocess.CompletedProcess[str], article: Path, reason: str
) -> None:
    assert "Traceback" not in result.stderr
    assert result.returncode == 1, result.stderr  # issues; grammar not required
    rules, grammar, unchecked = sources(result)
    assert rules >= HOUSE_RULES and not grammar
    assert [item["check"] for item in unchecked] == ["grammar"]
    assert reason in unchecked[0]["reason"]
    [line] = [line for line in result.stderr.splitlines() if "grammar not checked" in line]
    assert line.startswith(f"textlint: warning: {article}: grammar not checked: ") and reason in line


def test_java_missing_other_rules_run_and_the_file_is_named(
    lt_server: ServerState, tmp_path: Path, article: Path
) -> None:
    # LanguageTool installed, no server running in this cache folder, no `java` on PATH.
    cache = tmp_path / "cache"
    marker = cache / paths.install_marker().relative_to(paths.cache_root())
    marker.parent.mkdir(parents=True)
    shutil.copy(paths.install_marker(), marker)
    env = {paths.CACHE_ENV: str(cache), "PATH": str(tmp_path / "empty")}
    assert shutil.which("java", path=env["PATH"]) is None
    reason = "Java not found on PATH: LanguageTool needs Java 17 or later"
    assert_named_without_grammar(check(article, env), article, reason)
    strict = check(article, env, strict=True)
    assert strict.returncode == 2
    assert strict.stderr.splitlines()[-1] == (
        "textlint: error: grammar could not be checked in 1 file and LanguageTool is required"
    )


@pytest.mark.parametrize(
    ("status", "body", "reason", "requests"),
    [
        # Retried once (a restarting server or a proxy's hiccup), then given up.
        (500, "Error: internal failure", "answered HTTP 500: Error: internal failure", 2),
        (200, "<html><body>502 Bad Gateway</body></html>", "an answer that is not JSON", 2),
        # Not retried: it would be refused again; LanguageTool's reason is quoted.
        (400, "Error: text too long", "refused the request (HTTP 400: Error: text too long", 1),
    ],
    ids=["http-500", "garbage", "http-400"],
)
def test_spoiled_answers_name_the_file_and_the_other_rules_run(
    proxy: SpoilingProxy, article: Path, status: int, body: str, reason: str, requests: int
) -> None:
    proxy.spoil = (status, body)
    assert_named_without_grammar(check(article, through(proxy)), article, reason)
    assert proxy.checks == requests


def test_the_same_way_through_unspoiled_brings_the_real_findings(proxy: SpoilingProxy, article: Path) -> None:
    rules, grammar, unchecked = sources(check(article, through(proxy)))
    assert rules >= HOUSE_RULES and grammar and unchecked == []
    assert proxy.checks >= 1


def through(proxy: SpoilingProxy) -> dict[str, str]:
    return {"TEXTLINT_LANGUAGETOOL_URL": f"http://127.0.0.1:{proxy.server_address[1]}"}
