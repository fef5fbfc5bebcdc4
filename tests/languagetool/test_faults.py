"""Faults of a team's own LanguageTool server, played by a tiny local stub process."""

from __future__ import annotations

import contextlib
import json
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs

import pytest

from tests.languagetool.conftest import serving
from textlint.config import LanguageToolSettings
from textlint.document import Document
from textlint.languagetool import LanguageToolChecker, LanguageToolError, checker

LANGUAGES = [{"name": "French", "code": "fr", "longCode": "fr"}]


class Stub(ThreadingHTTPServer):
    """A fake LanguageTool endpoint on a free port: it answers what the test sets."""

    status = 200
    body = ""  # the answer to a check; empty: LanguageTool's JSON without matches
    delay = 0.0
    languages: list[dict[str, str]] = LANGUAGES
    checks: list[dict[str, list[str]]]


class Handler(BaseHTTPRequestHandler):
    server: Stub

    def do_GET(self) -> None:
        self._send(200, json.dumps(self.server.languages))

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers["Content-Length"])).decode()
        self.server.checks.append(parse_qs(body))
        time.sleep(self.server.delay)
        self._send(self.server.status, self.server.body or json.dumps({"matches": []}))

    def _send(self, status: int, body: str) -> None:
        data = body.encode()
        self.send_response(status)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):  # the client gave up
            self.wfile.write(data)

    def log_message(self, *_args: object) -> None:
        pass


@pytest.fixture
def stub() -> Iterator[Stub]:
    with serving(Stub(("127.0.0.1", 0), Handler)) as server:
        server.checks = []
        yield server


@pytest.fixture(autouse=True)
def short_backoff(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(checker, "BACKOFF_FIRST", 0.5)


def checker_for(stub: Stub, language: str = "fr", timeout: float = 60) -> LanguageToolChecker:
    url = f"http://127.0.0.1:{stub.server_address[1]}"
    settings = LanguageToolSettings(cache=False, url=url, timeout=timeout)
    return LanguageToolChecker(settings, language, frozenset())


def test_refused_request_is_not_retried_and_the_next_document_tries_again(stub: Stub) -> None:
    stub.status, stub.body = 400, "Error: 'en' is not a language code known to LanguageTool"
    grammar = checker_for(stub)
    with pytest.raises(
        LanguageToolError, match=r"refused the request \(HTTP 400: Error: 'en' is not a language"
    ):
        grammar.check(Document("Il sont partis."))
    assert len(stub.checks) == 1  # no retry, no restart: the request was wrong
    stub.status, stub.body = 200, ""
    assert grammar.check(Document("Les enfant dorment.")) == []  # no back-off after a refusal
    assert len(stub.checks) == 2


def test_server_error_is_retried_once_then_raised(stub: Stub) -> None:
    stub.status, stub.body = 500, "Error: internal failure\nat somewhere"
    with pytest.raises(LanguageToolError, match=r"answered HTTP 500: Error: internal failure$"):
        checker_for(stub).check(Document("Il sont partis."))
    assert len(stub.checks) == 2


def test_garbage_is_retried_once_then_raised(stub: Stub) -> None:
    stub.body = "<html>proxy error</html>"
    with pytest.raises(LanguageToolError, match="an answer that is not JSON"):
        checker_for(stub).check(Document("Il sont partis."))
    assert len(stub.checks) == 2


def test_timeout_is_retried_once_with_a_longer_limit(stub: Stub) -> None:
    stub.delay = 0.6
    assert checker_for(stub, timeout=0.3).check(Document("Il sont partis.")) == []  # 0.9 s the 2nd time
    assert len(stub.checks) == 2
    stub.checks.clear()
    stub.delay = 1.5
    with pytest.raises(LanguageToolError, match=r"did not answer within 1 s"):
        checker_for(stub, timeout=0.3).check(Document("Il sont partis."))
    assert len(stub.checks) == 2


def test_after_a_failure_documents_fail_fast_then_try_again(stub: Stub) -> None:
    stub.status = 500
    grammar = checker_for(stub)
    with pytest.raises(LanguageToolError):
        grammar.check(Document("Il sont partis."))
    assert len(stub.checks) == 2
    stub.status = 200
    with pytest.raises(LanguageToolError, match=r"LanguageTool unavailable: .*next try in"):
        grammar.check(Document("Les enfant dorment."))  # within the back-off: no request
    assert len(stub.checks) == 2
    time.sleep(0.6)
    assert grammar.check(Document("Les enfant dorment.")) == []  # never switched off for good
    assert len(stub.checks) == 3


def test_text_without_letters_is_not_sent(stub: Stub) -> None:
    grammar = checker_for(stub)
    assert grammar.check(Document("123 456\n\n3-1 (2-0)\n\n2 500 | 3 000\n")) == []
    assert stub.checks == []


def test_request_carries_the_rule_configuration(stub: Stub) -> None:
    url = f"http://127.0.0.1:{stub.server_address[1]}"
    settings = LanguageToolSettings(cache=False, url=url, enable=("APOS_TYP",), disable=("X",), picky=True)
    assert LanguageToolChecker(settings, "fr", frozenset()).check(Document("Un.\n\nDeux.")) == []
    assert [c["text"] for c in stub.checks] == [["Un.\n\nDeux."]]  # one request per document
    [params] = stub.checks
    disabled = params["disabledRules"][0].split(",")
    assert disabled == sorted(disabled)  # a stable order: the server keeps one pipeline per list
    assert "X" in set(disabled)
    assert "FRENCH_WHITESPACE" in disabled
    assert "APOS_TYP" not in disabled  # enabled explicitly wins over COVERED_BY_YAML
    assert params["enabledRules"] == ["APOS_TYP"]
    assert params["level"] == ["picky"]


def test_variant_unknown_to_the_server_falls_back_to_french(stub: Stub) -> None:
    checker_for(stub, "fr-CA").check(Document("Il sont partis."))
    assert stub.checks[0]["language"] == ["fr"]


def test_server_without_french_is_an_error(stub: Stub) -> None:
    stub.languages = [{"name": "German", "code": "de", "longCode": "de-DE"}]
    with pytest.raises(LanguageToolError, match="does not support fr-FR"):
        checker_for(stub, "fr-FR").check(Document("Il sont partis."))
