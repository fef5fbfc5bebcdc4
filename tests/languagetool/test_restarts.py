"""A server that dies or hangs between checks: restarted once, else LanguageToolError.

These tests kill the session's server, so this file runs after the other tests that use
it (pytest runs files in name order; test_server.py uses private servers of its own). The
hung server's test comes first: it needs an answering server before it stops one, and finds
the session's, warm, instead of one started (and loading every French rule) for it alone.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import time

import pytest

from textlint.config import LanguageToolSettings
from textlint.document import Document
from textlint.languagetool import LanguageToolChecker, LanguageToolError, process
from textlint.languagetool.process import ServerState

pytestmark = pytest.mark.languagetool

NO_CACHE = LanguageToolSettings(cache=False)


def test_stopped_server_beyond_the_time_limit_is_replaced(
    lt_url: ServerState, monkeypatch: pytest.MonkeyPatch
) -> None:
    # SIGSTOP: the server process lives, its port accepts connections, nothing answers.
    monkeypatch.setattr(process, "SLOW_HEALTH_TIMEOUT", 2.0)  # the health check a hung server fails
    assert LanguageToolChecker(NO_CACHE, "fr-FR", frozenset()).check(Document("Il sont partis."))  # warm
    grammar = LanguageToolChecker(LanguageToolSettings(cache=False, timeout=2), "fr-FR", frozenset())
    assert grammar.check(Document("Il sont partis."))
    os.kill(lt_url.pid, signal.SIGSTOP)
    try:
        started = time.monotonic()
        with pytest.raises(LanguageToolError, match=r"did not answer within 6 s") as error:
            grammar.check(Document("Les enfant dorment."))
        # 2 s, then 6 s for the retry, then the hung server is replaced: bounded, never a hang.
        assert time.monotonic() - started < 2 + 6 + process.START_TIMEOUT
        assert "\n" not in str(error.value)
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.kill(lt_url.pid, signal.SIGCONT)
    assert not process.process_alive(lt_url.pid)
    state = process.running()
    assert state is not None and state.pid != lt_url.pid
    # The next documents are checked by the new server (its first answer, loading every French
    # rule, may take longer than these tests' 2 s: they ask with the default time limit).
    issues = LanguageToolChecker(NO_CACHE, "fr-FR", frozenset()).check(Document("Les enfant dorment."))
    assert any(issue.rule.startswith("LT:") for issue in issues)


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
