"""Servers for the serve tests: `textlint serve` as a user starts it, and in-process variants.

`serve_url` is the real command (`python -m textlint serve --port 0`) in a subprocess, behind
the session's private LanguageTool server (tests/languagetool/conftest.py); it is started once
for the session. `app_server` runs the application in this process with uvicorn on a real
port, for settings a test needs of its own (a token, CORS, small limits).
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager

import pytest

from tests.conftest import ROOT
from tests.languagetool.conftest import lt_server, lt_url  # noqa: F401 (fixtures)
from textlint.languagetool.process import ServerState

pytest.importorskip("starlette", reason="textlint serve needs the serve extra")
uvicorn = pytest.importorskip("uvicorn", reason="textlint serve needs the serve extra")

from textlint.serve import ServeSettings, create_app  # noqa: E402
from textlint.serve.service import Service  # noqa: E402

START_TIMEOUT = 180.0


@pytest.fixture(scope="session")
def serve_url(lt_server: ServerState) -> Iterator[str]:  # noqa: F811
    """`textlint serve` on a free port, using the session's LanguageTool server."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "NO_COLOR": "1"}
    process = subprocess.Popen(
        [sys.executable, "-m", "textlint", "serve", "--port", "0", "--allow-origin", "app://obsidian.md"],
        cwd=ROOT,
        env=env,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert process.stderr is not None
    deadline = time.monotonic() + START_TIMEOUT
    url = None
    seen = []
    while time.monotonic() < deadline:
        line = process.stderr.readline()
        if not line:
            break
        seen.append(line)
        if "ready at " in line:
            url = line.split("ready at ", 1)[1].strip().rstrip("/")
            break
    if url is None:
        process.kill()
        pytest.fail("textlint serve did not start:\n" + "".join(seen))
    # Keep reading its log so that it never blocks on a full pipe.
    threading.Thread(target=process.stderr.read, daemon=True).start()
    yield url
    process.terminate()
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        process.kill()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@contextmanager
def running(settings: ServeSettings) -> Iterator[str]:
    """The application with `settings`, served by uvicorn in a thread on a real port."""
    port = free_port()
    server = uvicorn.Server(
        uvicorn.Config(
            create_app(settings, Service(settings)), host="127.0.0.1", port=port, log_level="warning"
        )
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 60
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert server.started, "uvicorn did not start"
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@pytest.fixture
def app_server() -> Callable[[ServeSettings], AbstractContextManager[str]]:
    return running
