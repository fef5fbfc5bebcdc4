"""A real LanguageTool server for the backend's tests, shared by the whole session.

It is provisioned with the product's own code into `$TEXTLINT_CACHE_DIR` (default: the
user cache), so a first run downloads about 95 MB with Maven. Tests that need no server
(mapping, cache, paragraphs) do not use these fixtures. Set TEXTLINT_SKIP_LANGUAGETOOL=1
to skip the server tests on a machine without Java or Maven.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from textlint.languagetool import paths, provision, server
from textlint.languagetool.server import ServerState

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "seeds" / "000_01c045c1145d32db.txt"


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "languagetool: needs the real LanguageTool server")


@pytest.fixture(scope="session")
def lt_server() -> Iterator[ServerState]:
    """Install LanguageTool if needed, start (or reuse) the server, stop it at the end."""
    if os.environ.get("TEXTLINT_SKIP_LANGUAGETOOL"):
        pytest.skip("TEXTLINT_SKIP_LANGUAGETOOL is set")
    provision.install(progress=provision.to_stderr)
    state = server.ensure_running(memory="2g", idle_timeout=1800)
    yield state
    server.stop()


@pytest.fixture
def lt_url(lt_server: ServerState) -> ServerState:
    """The session's server, restarted if a previous test killed it."""
    return server.ensure_running(memory="2g", idle_timeout=1800)


@pytest.fixture
def results_db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh result cache file for the test (the server stays shared)."""
    target = tmp_path / "results.sqlite3"
    monkeypatch.setattr(paths, "results_db", lambda: target)
    return target
