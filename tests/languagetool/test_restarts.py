"""A server that dies between checks: restarted once, else LanguageToolError.

These tests kill the session's server, so this file runs after the other tests that use
it (pytest runs files in name order; test_server.py uses private servers of its own).
"""

from __future__ import annotations

import os
import shutil
import signal

import pytest

from textlint.config import LanguageToolSettings
from textlint.document import Document
from textlint.languagetool import LanguageToolChecker, LanguageToolError, process
from textlint.languagetool.process import ServerState

pytestmark = pytest.mark.languagetool

NO_CACHE = LanguageToolSettings(cache=False)


def test_killed_server_is_restarted(lt_url: ServerState) -> None:
    checker = LanguageToolChecker(NO_CACHE, "fr-FR", frozenset())
    assert checker.check(Document("Il sont partis."))
    os.kill(lt_url.pid, signal.SIGKILL)
    issues = checker.check(Document("Les enfant dorment."))
    assert any(i.rule.startswith("LT:") for i in issues)
    state = process.read_state()
    assert state is not None
    assert state.pid != lt_url.pid
    assert process.running() == state


def test_restart_that_cannot_succeed_raises(lt_url: ServerState, monkeypatch: pytest.MonkeyPatch) -> None:
    checker = LanguageToolChecker(NO_CACHE, "fr-FR", frozenset())
    checker.check(Document("Il sont partis."))
    os.kill(lt_url.pid, signal.SIGKILL)
    monkeypatch.setattr(shutil, "which", lambda _name: None)  # java is gone too
    with pytest.raises(LanguageToolError, match="Java not found on PATH") as error:
        checker.check(Document("Les enfant dorment."))
    assert "\n" not in str(error.value)
