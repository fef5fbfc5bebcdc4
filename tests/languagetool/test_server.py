"""Server lifecycle in private cache folders: shared start, reuse, stale state, idle stop.

Each test gets its own TEXTLINT_CACHE_DIR whose installation marker points at the
session's jars, so servers started here never disturb the session's process.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from textlint.languagetool import install, paths, process
from textlint.languagetool.process import ServerState

from .conftest import ROOT

pytestmark = pytest.mark.languagetool

START = "from textlint.languagetool import process; print(process.ensure_running('1g', {idle}).pid)"


@pytest.fixture
def private_cache(lt_server: ServerState, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    installation = install.installed()
    assert installation is not None
    monkeypatch.setenv(paths.CACHE_ENV, str(tmp_path))
    marker = paths.install_marker()
    marker.parent.mkdir(parents=True)
    marker.write_text(
        json.dumps({"version": installation.version, "classpath": installation.classpath, "method": "test"})
    )
    yield tmp_path
    process.stop()


def start_in_subprocess(idle: int) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen(
        [sys.executable, "-c", START.format(idle=idle)], stdout=subprocess.PIPE, text=True, env=env
    )


def test_concurrent_starts_share_one_server_that_stops_when_idle(private_cache: Path) -> None:
    # A stale state file (a dead server) is replaced, not trusted.
    paths.state_file().write_text(json.dumps({"port": 9, "pid": 999_999, "version": "6.8", "started": 0}))
    first, second = start_in_subprocess(idle=10), start_in_subprocess(idle=10)
    pids = {int(first.communicate(timeout=150)[0]), int(second.communicate(timeout=150)[0])}
    assert len(pids) == 1
    [pid] = pids
    state = process.read_state()
    assert state is not None
    assert state.pid == pid
    assert process.running() == state
    # A later process reuses it.
    assert int(start_in_subprocess(idle=10).communicate(timeout=60)[0]) == pid
    # Nobody touches the state file any more: the watchdog stops the server, then removes the
    # state file (the documented end state); wait for both instead of racing the second.
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and (process.process_alive(pid) or process.read_state()):
        time.sleep(0.5)
    assert not process.process_alive(pid)
    assert process.read_state() is None


def test_use_keeps_the_server_alive_and_stop_stops_it(private_cache: Path) -> None:
    state = process.ensure_running("1g", idle_timeout=4)
    for _ in range(8):  # 8 s of regular use, twice the idle timeout
        time.sleep(1)
        process.touch()
    assert process.running() == state
    assert process.stop() == state
    assert not process.process_alive(state.pid)
    assert process.stop() is None


def test_port_taken_by_another_program_is_left_to_it(
    private_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Another program grabs the port chosen for the server before Java binds it (the window
    # `_free_port` leaves open): the start is tried again on another port.
    squatter = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    squatter.bind((process.HOST, 0))
    squatter.listen()
    taken = int(squatter.getsockname()[1])
    choices = iter([taken])
    free_port = process._free_port
    monkeypatch.setattr(process, "_free_port", lambda: next(choices, None) or free_port())
    try:
        state = process.start("1g", idle_timeout=60)
    finally:
        squatter.close()
    assert state.port != taken
    assert process.running() == state
    log = paths.log_file().read_text(encoding="utf-8", errors="replace")
    assert log.count("textlint: starting") == 2
    assert "BindException" in log or "Address already in use" in log
