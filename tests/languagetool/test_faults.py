"""Faults of a team's own LanguageTool server, played by a tiny local stub process."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs

import pytest

from textlint.config import LanguageToolSettings
from textlint.document import Document
from textlint.languagetool import LanguageToolChecker, LanguageToolError, client

LANGUAGES = [{"name": "French", "code": "fr", "longCode": "fr"}]


class Stub(ThreadingHTTPServer):
    status = 200
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
        if self.server.status != 200:
            self._send(self.server.status, "Error: internal failure\nat somewhere")
        else:
            self._send(200, json.dumps({"matches": []}))

    def _send(self, status: int, body: str) -> None:
        data = body.encode()
        self.send_response(status)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *_args: object) -> None:
        pass


@pytest.fixture
def stub() -> Iterator[Stub]:
    server = Stub(("127.0.0.1", 0), Handler)
    server.checks = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


def checker_for(stub: Stub, language: str = "fr") -> LanguageToolChecker:
    url = f"http://127.0.0.1:{stub.server_address[1]}"
    return LanguageToolChecker(LanguageToolSettings(cache=False, url=url), language, frozenset())


def test_http_error_is_retried_once_then_raised(stub: Stub) -> None:
    stub.status = 500
    with pytest.raises(LanguageToolError, match=r"answered HTTP 500: Error: internal failure$"):
        checker_for(stub).check(Document("Il sont partis."))
    assert len(stub.checks) == 2


def test_timeout_is_retried_once_then_raised(stub: Stub, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(client, "REQUEST_TIMEOUT", 0.3)
    stub.delay = 1.0
    with pytest.raises(LanguageToolError, match=r"did not answer within 0 s"):
        checker_for(stub).check(Document("Il sont partis."))
    assert len(stub.checks) == 2


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
