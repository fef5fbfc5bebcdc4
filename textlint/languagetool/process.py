"""The life of the local LanguageTool server shared by every textlint process of a user.

One server per cache folder. Its pid and port are kept in a state file; any textlint
process reuses a server that answers its health check, and a file lock makes two processes
starting at once share one process. The server outlives the process that started it (its
own session) and is stopped by a small watchdog process once the state file, which every
check touches, has not been touched for `idle_timeout` seconds.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import signal
import socket
import sys
import time
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from textlint.languagetool import paths, wire

# Starting a server is rare; finding the running one (every check) needs no subprocess module.
if TYPE_CHECKING:
    import subprocess
from textlint.languagetool.errors import LanguageToolError

MAIN_CLASS = "org.languagetool.server.HTTPServer"
LOGBACK = Path(__file__).resolve().parent / "logback.xml"
HOST = "127.0.0.1"
START_TIMEOUT = 120.0  # seconds; a cold JVM on a busy 2-core machine takes 3-20 s
LOCK_TIMEOUT = START_TIMEOUT + 30.0
STOP_TIMEOUT = 10.0
HEALTH_TIMEOUT = 3.0
SLOW_HEALTH_TIMEOUT = 20.0

# Server tuning (`--config` keys; the server has no command-line flags for them).
# Pipeline caching keeps loaded rule sets between requests, the single largest speed-up;
# the result cache helps sentences repeated across paragraphs and articles.
PROPERTIES: dict[str, str] = {
    "pipelineCaching": "true",
    "maxPipelinePoolSize": "64",
    "pipelineExpireTimeInSeconds": "3600",
    "cacheSize": "10000",
    "cacheTTLSeconds": "3600",
    "maxTextLength": "500000",
}

LOG_ROTATIONS = 3  # earlier servers' logs kept beside the current one (server.log.1 … .3)
_LOGGED_FAILURE = re.compile(r"Exception|Error|ERROR|SEVERE|textlint: starting")

# Popen objects of servers this process started, so that their exit is noticed (and the
# zombie reaped) instead of the pid looking alive.
_children: dict[int, subprocess.Popen[bytes]] = {}


@dataclass(frozen=True)
class ServerState:
    """What the state file says about the running process."""

    port: int
    pid: int
    version: str
    started: float
    memory: str = ""

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.port}"


def read_state() -> ServerState | None:
    try:
        data = json.loads(paths.state_file().read_text(encoding="utf-8"))
        return ServerState(
            port=int(data["port"]),
            pid=int(data["pid"]),
            version=str(data["version"]),
            started=float(data["started"]),
            memory=str(data.get("memory", "")),
        )
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _write_state(state: ServerState) -> None:
    target = paths.state_file()
    temporary = target.with_suffix(".tmp")
    temporary.write_text(json.dumps(asdict(state)), encoding="utf-8")
    temporary.replace(target)  # atomic: readers never see half a file


def _remove_state(pid: int) -> None:
    """Remove the state file if it still describes server `pid`."""
    state = read_state()
    if state is not None and state.pid == pid:
        paths.state_file().unlink(missing_ok=True)


def touch() -> None:
    """Record a use of the server: the watchdog measures idleness from this timestamp."""
    with contextlib.suppress(OSError):
        os.utime(paths.state_file())


def last_use() -> float | None:
    try:
        return paths.state_file().stat().st_mtime
    except OSError:
        return None


def process_alive(pid: int) -> bool:
    """Whether `pid` is a running LanguageTool server (not a zombie, not a reused pid)."""
    child = _children.get(pid)
    if child is not None and child.poll() is not None:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # exists, owned by someone else
    return _is_server_process(pid)


def _is_server_process(pid: int) -> bool:
    proc = Path(f"/proc/{pid}")
    if not proc.is_dir():
        return True  # no /proc to look into: trust the pid
    try:
        zombie = (proc / "stat").read_text().rsplit(")", 1)[1].split()[0] == "Z"
        return not zombie and MAIN_CLASS in (proc / "cmdline").read_text(errors="replace")
    except (OSError, IndexError):
        return False


def healthy(url: str, timeout: float = HEALTH_TIMEOUT) -> bool:
    try:
        status, _ = wire.request(url, "/v2/healthcheck", timeout=timeout)
    except (TimeoutError, *wire.TransportError):
        return False
    return status == 200


def running() -> ServerState | None:
    """The managed server if it is alive and answers, else None."""
    state = read_state()
    if state is None or not process_alive(state.pid) or not healthy(state.url):
        return None
    return state


@contextlib.contextmanager
def _locked() -> Iterator[None]:
    """Hold the cache folder's server lock (between processes) while starting or stopping."""
    from filelock import FileLock, Timeout  # starting and stopping only, not finding a running server

    paths.lt_root().mkdir(parents=True, exist_ok=True)
    try:
        with FileLock(paths.lock_file(), timeout=LOCK_TIMEOUT):
            yield
    except Timeout:
        raise LanguageToolError(
            f"timed out waiting for another textlint to start LanguageTool (lock {paths.lock_file()})"
        ) from None


def ensure_running(memory: str = "2g", idle_timeout: int = 1800) -> ServerState:
    """A healthy managed server, reusing the running one or starting a new one."""
    state = running()
    if state is None:
        state = start(memory, idle_timeout)
    touch()
    return state


def start(memory: str = "2g", idle_timeout: int = 1800) -> ServerState:
    """Start the managed server unless a healthy one runs; stale state is replaced.

    Also what a client calls after a request failed: a server that is alive and answers its
    health check (within the slow limit) is kept, whoever started it — the fault was the
    request's; another process's replacement is reused; only a dead or hung server is
    stopped and replaced.
    """
    with _locked():
        state = running()
        if state is not None:
            return state
        stale = read_state()
        if stale is not None:
            # Alive but slow to answer (busy loading rules on a loaded machine) is not dead:
            # give it a longer chance before replacing it.
            if process_alive(stale.pid) and healthy(stale.url, timeout=SLOW_HEALTH_TIMEOUT):
                return stale
            _kill(stale.pid)  # registered but hung, or not a server any more
            paths.state_file().unlink(missing_ok=True)
        state = _spawn(memory)
        _write_state(state)
        _spawn_watchdog(state, idle_timeout)
        return state


def stop() -> ServerState | None:
    """Stop the managed server; return what was stopped, or None when none was running."""
    with _locked():
        state = read_state()
        if state is None:
            return None
        _kill(state.pid)
        paths.state_file().unlink(missing_ok=True)
        return state


def _kill(pid: int) -> None:
    if not process_alive(pid):
        return
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGTERM)
        os.kill(pid, signal.SIGCONT)  # a stopped (SIGSTOP) server handles SIGTERM only once resumed
    deadline = time.monotonic() + STOP_TIMEOUT
    while time.monotonic() < deadline and process_alive(pid):
        time.sleep(0.1)
    if process_alive(pid):
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
        child = _children.get(pid)
        if child is not None:
            child.wait(timeout=STOP_TIMEOUT)


def _free_port() -> int:
    # The OS picks a free port; the small window before Java binds it is covered by
    # retrying the start when Java exits early.
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((HOST, 0))
        return int(sock.getsockname()[1])


def _write_properties() -> Path:
    target = paths.properties_file()
    lines = ["# Written by textlint at every server start; edits are overwritten."]
    lines += [f"{key}={value}" for key, value in PROPERTIES.items()]
    target.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return target


def _open_log() -> Path:
    """The log for a new server; the logs of the last LOG_ROTATIONS servers are kept."""
    log = paths.log_file()
    for number in range(LOG_ROTATIONS, 0, -1):
        older = log.with_suffix(f".log.{number - 1}") if number > 1 else log
        if older.exists():
            older.replace(log.with_suffix(f".log.{number}"))
    return log


def failure_lines() -> str | None:
    """`LOG:LINE` of the last error the server logged (or of its last start), to look at first."""
    log = paths.log_file()
    try:
        lines = log.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return None
    for number in range(len(lines), 0, -1):
        if _LOGGED_FAILURE.search(lines[number - 1]):
            return f"{log}:{number}"
    return str(log)


def _spawn(memory: str) -> ServerState:
    from textlint.languagetool import install  # starting only, not finding a running server

    installation = install.installed()
    if installation is None:
        raise LanguageToolError(
            f"LanguageTool {paths.LT_VERSION} is not installed (run `textlint languagetool install`)"
        )
    java = install.java()
    properties = _write_properties()
    log = _open_log()
    for _attempt in range(3):
        port = _free_port()
        command = [
            java,
            f"-Xmx{memory}",
            f"-Dlogback.configurationFile={LOGBACK}",
            "-cp",
            os.pathsep.join(installation.classpath),
            MAIN_CLASS,
            "--port",
            str(port),
            "--config",
            str(properties),
        ]
        import subprocess

        with log.open("ab") as sink:
            sink.write(f"textlint: starting {' '.join(command)}\n".encode())
            sink.flush()
            process = subprocess.Popen(
                command,
                cwd=paths.lt_root(),
                stdin=subprocess.DEVNULL,
                stdout=sink,
                stderr=subprocess.STDOUT,
                start_new_session=True,  # survives the textlint process and its Ctrl-C
            )
        _children[process.pid] = process
        state = ServerState(port, process.pid, installation.version, time.time(), memory)
        if _wait_ready(process, state.url):
            return state
        if process.poll() is None:  # alive but never answered
            _kill(process.pid)
            raise LanguageToolError(
                f"LanguageTool server did not answer within {START_TIMEOUT:.0f} s (log: {log})"
            )
        if not _port_taken(log):
            break
    raise LanguageToolError(
        f"LanguageTool server exited during startup with code {process.returncode} (log: {log})"
    )


def _wait_ready(process: subprocess.Popen[bytes], url: str) -> bool:
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            return False
        if healthy(url, timeout=1.0):
            return True
        time.sleep(0.1)
    return False


def _port_taken(log: Path) -> bool:
    try:
        tail = log.read_text(encoding="utf-8", errors="replace")[-4000:]
    except OSError:
        return False
    return "Address already in use" in tail or "BindException" in tail


def _spawn_watchdog(state: ServerState, idle_timeout: int) -> None:
    # The watchdog imports textlint; make sure it finds this copy even when textlint runs
    # from a source tree that is not installed.
    package_parent = str(Path(__file__).resolve().parents[2])
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [package_parent, env.get("PYTHONPATH")]))
    import subprocess

    with paths.log_file().open("ab") as sink:
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "textlint.languagetool.watchdog",
                "--pid",
                str(state.pid),
                "--idle-timeout",
                str(idle_timeout),
            ],
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=sink,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )


def idle_stop(pid: int, idle_timeout: float) -> bool:
    """Stop server `pid` if it is no longer registered or has been idle too long.

    Returns True when the watchdog's job is over (server gone or stopped).
    """
    if not process_alive(pid):
        return True
    state = read_state()
    if state is None or state.pid != pid:
        _kill(pid)  # replaced by another server: this one serves nobody
        return True
    used = last_use()
    if used is not None and time.time() - used < idle_timeout:
        return False
    try:
        with _locked():
            used = last_use()
            if used is not None and time.time() - used < idle_timeout:
                return False  # used while we waited for the lock
            _kill(pid)
            _remove_state(pid)
    except LanguageToolError:
        return False  # someone holds the lock for long; try again later
    return True
