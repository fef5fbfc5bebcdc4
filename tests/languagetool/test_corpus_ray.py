"""`textlint corpus --engine ray` with the real LanguageTool server, on the session's Ray cluster.

The actors of a node share its one managed server, and when it dies mid-run one of them
starts another for all: the run ends with every record checked, as the local engine would
have written it, and still one server.
"""

from __future__ import annotations

import os
import signal
import threading
import time
from pathlib import Path

import pytest

from tests.test_corpus import FIELDS
from tests.test_corpus_ray import news_records, run, write_corpus
from textlint.corpus import linting
from textlint.corpus.raydata import engine
from textlint.languagetool import paths, process
from textlint.languagetool.process import ServerState

RECORDS = 16  # 8 batches of 2 for 2 actors, every one checked after the kill
# Records per batch. Each record of a batch is checked on a thread of its own, and a new
# server loads every French rule once for each request it answers at the same time (one
# rule pipeline each): 2 actors × 2 records load them 4 times after the kill, where batches
# of 4 loaded them 8 times, for nothing this test proves.
BATCH = 2
ESTABLISHED = "01"  # a TCP connection's state in /proc/net/tcp


def test_a_killed_server_is_restarted_and_its_batch_checked_again(
    lt_url: ServerState, ray_cluster: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(engine, "GRAMMAR_BLOCK_ROWS", BATCH)
    data = write_corpus(tmp_path / "news.jsonl", news_records(RECORDS), {})
    common = (data, *FIELDS, "--id-field", "id", "--no-cache", "--require-languagetool")
    reference = tmp_path / "local.jsonl"
    # The local engine's output (the same whatever its jobs: tests/test_corpus.py), here with
    # one request at a time, which the session's server answers without loading its rules again.
    with monkeypatch.context() as local:
        local.setattr(linting, "GRAMMAR_THREADS", 1)
        assert run(*common, "--output", reference) == 1
    out = tmp_path / "ray.jsonl"
    killed: list[int] = []
    killer = threading.Thread(target=_kill_the_server_at_first_request, args=(out, killed), daemon=True)
    killer.start()
    code = run(*common, "--output", out, "--engine", "ray", "--jobs", "2")
    killer.join()
    assert killed, "the server was not killed when the actors first connected"
    assert killed[1] == 0  # no record written yet: every batch needed a server after the kill
    assert code == 1  # issues, and every record checked: with --require-languagetool, 2 otherwise
    assert out.read_bytes() == reference.read_bytes()
    restarted = process.running()
    assert restarted is not None and restarted.pid != killed[0]
    assert _servers_of_this_cache() == [restarted.pid]


def _kill_the_server_at_first_request(out: Path, killed: list[int]) -> None:
    """Kill the server as soon as a new client connects to it (an actor's first check), and
    note its pid and how many records were written then.

    Waiting for the first written record instead would race Ray: with order preserved, the
    first batch may come back last, after the other actor has checked every other batch.
    """
    state = process.read_state()
    assert state is not None, "no server before the run"
    before = _connections_to(state.port)
    deadline = time.monotonic() + 240
    while time.monotonic() < deadline:
        if _connections_to(state.port) - before:
            os.kill(state.pid, signal.SIGKILL)
            killed.extend((state.pid, out.read_bytes().count(b"\n") if out.exists() else 0))
            return
        time.sleep(0.002)


def _connections_to(port: int) -> set[str]:
    """The local ends of the established TCP connections to `port` on this machine."""
    found = set()
    for table in (Path("/proc/net/tcp"), Path("/proc/net/tcp6")):
        for line in table.read_text().splitlines()[1:]:
            local, remote, status = line.split()[1:4]
            if status == ESTABLISHED and int(remote.rsplit(":", 1)[1], 16) == port:
                found.add(local)
    return found


def _servers_of_this_cache() -> list[int]:
    """The LanguageTool processes running in the session's cache folder (each server's cwd)."""
    found = []
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            if (
                process.MAIN_CLASS in (proc / "cmdline").read_text(errors="replace")
                and (proc / "cwd").resolve() == paths.lt_root().resolve()
            ):
                found.append(int(proc.name))
        except OSError:
            continue
    return found
