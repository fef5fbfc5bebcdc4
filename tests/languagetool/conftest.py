"""A real LanguageTool server for the backend's tests, shared by the whole session.

It runs in the session's private cache folder (see tests/conftest.py), never the user's: the
user's own server and cache are untouched. It is provisioned with the product's own code, so
a machine without `textlint languagetool install` downloads about 95 MB with Maven. Tests
that need no server (mapping, cache, paragraphs) do not use these fixtures. Set
TEXTLINT_SKIP_LANGUAGETOOL=1 to skip the server tests on a machine without Java or Maven.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from socketserver import BaseServer
from typing import TypeVar

import pytest

from textlint.languagetool import install, paths, process
from textlint.languagetool.process import ServerState

Served = TypeVar("Served", bound=BaseServer)

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "seeds" / "000_01c045c1145d32db.txt"


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "languagetool: needs the real LanguageTool server")


@pytest.fixture(scope="session")
def lt_server() -> Iterator[ServerState]:
    """Install LanguageTool if needed, start the session's private server (stopped at the end)."""
    if os.environ.get("TEXTLINT_SKIP_LANGUAGETOOL"):
        pytest.skip("TEXTLINT_SKIP_LANGUAGETOOL is set")
    install.install(progress=install.to_stderr)
    yield process.ensure_running(memory="2g", idle_timeout=1800)


@pytest.fixture
def lt_url(lt_server: ServerState) -> ServerState:
    """The session's server, restarted if a previous test killed it."""
    return process.ensure_running(memory="2g", idle_timeout=1800)


@pytest.fixture
def results_db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh result cache file for the test (the server stays shared)."""
    target = tmp_path / "results.sqlite3"
    monkeypatch.setattr(paths, "results_db", lambda: target)
    return target


@contextmanager
def serving(server: Served) -> Iterator[Served]:
    """A local HTTP server (a stub, a proxy) answering in a thread for the `with` block."""
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
