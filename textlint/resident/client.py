"""Asking the resident process to run a `textlint check`, and starting one when none runs.

Only `check` goes to the resident: it is the command run on every save and every commit.
When no resident answers, the run happens in this process as always, and (unless
`TEXTLINT_RESIDENT=0`, or under CI without `TEXTLINT_RESIDENT=1`) a resident is started in
the background for the next runs. Once the resident has forked the run, this process only
waits for its exit code, passing Ctrl-C on.
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import sys
from collections.abc import Sequence

from textlint.errors import TextlintError
from textlint.resident import protocol, setting

COMMANDS = frozenset({"check"})
HANDOVER_SECONDS = 10.0


class ResidentLostError(TextlintError):
    """The resident's run ended without an exit code (killed, or the resident stopped)."""


def run(argv: Sequence[str]) -> int | None:
    """The exit code of `argv` run by the resident process; None: run it in this process."""
    command = next((arg for arg in argv if not arg.startswith("-")), None)
    mode = setting()
    if command not in COMMANDS or mode == "off" or not _streams_open():
        return None
    path = protocol.socket_path()
    if path is None:
        return None
    connection = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    with connection:
        pid = _hand_over(connection, path, argv)
        if pid is None:  # nothing ran: no resident, a stale socket, or one that is stopping
            _start(mode)
            return None
        return _wait(connection, pid)


def _hand_over(connection: socket.socket, path: str, argv: Sequence[str]) -> int | None:
    """Send the run; the pid of the resident's child that runs it, or None if none does.

    Ctrl-C meanwhile is held back, then passed to the child (or, if no child runs the command,
    raised here): a run is never left half-known to both sides.
    """
    pressed: list[int] = []
    previous = signal.signal(signal.SIGINT, lambda number, _frame: pressed.append(number))
    try:
        # A resident that does not answer in time is given up; a child it would fork after
        # that finds this end closed and stops before running anything.
        connection.settimeout(HANDOVER_SECONDS)
        connection.connect(path)
        protocol.send(connection, _request(argv), fds=list(range(protocol.STREAMS)))
        answer, _ = protocol.receive(connection)
        pid = int(answer["pid"]) if "pid" in answer else None  # else refused: textlint changed
    except (OSError, protocol.ProtocolError, ValueError):
        pid = None
    finally:
        signal.signal(signal.SIGINT, previous)
    connection.settimeout(None)
    if pressed:
        if pid is None:
            raise KeyboardInterrupt
        os.kill(pid, signal.SIGINT)
    return pid


def _streams_open() -> bool:
    try:
        for fd in range(protocol.STREAMS):
            os.fstat(fd)
    except OSError:
        return False
    return True


def _request(argv: Sequence[str]) -> dict[str, object]:
    umask = os.umask(0)
    os.umask(umask)
    streams = [sys.stdin, sys.stdout, sys.stderr]
    return {
        "argv": list(argv),
        "cwd": os.getcwd(),
        "env": dict(os.environ),
        "umask": umask,
        "streams": [[getattr(s, "encoding", None), getattr(s, "errors", None)] for s in streams],
    }


def _wait(connection: socket.socket, pid: int) -> int:
    """The run's exit code; Ctrl-C here is Ctrl-C there, and so is a request to terminate."""
    terminated: list[int] = []

    def terminate(number: int, _frame: object) -> None:
        terminated.append(number)
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, number)

    signal.signal(signal.SIGTERM, terminate)
    while True:
        try:
            answer, _ = protocol.receive(connection)
        except KeyboardInterrupt:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGINT)
            continue
        except (OSError, protocol.ProtocolError):
            if terminated:  # it ended as told: as a terminated process does
                return 128 + terminated[0]
            raise ResidentLostError("the resident process's run ended without an exit code") from None
        if "exit" in answer:
            return int(answer["exit"])


def _start(mode: str) -> None:
    """Start a resident in the background for the next runs (one at most: it locks its place)."""
    if mode == "auto" and os.environ.get("CI"):
        return  # one-shot machines: a process left behind would only wait for nothing
    import subprocess

    # `-m textlint` from the folder that holds this textlint: the resident runs this very code
    # (a source checkout run from its folder included), whatever the current folder holds.
    package_parent = os.path.dirname(os.path.dirname(os.path.dirname(os.path.realpath(__file__))))
    with contextlib.suppress(OSError):  # no resident this time; the run goes on in this process
        subprocess.Popen(
            [sys.executable, "-m", "textlint", "resident", "run", "--quiet"],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            cwd=package_parent,
            start_new_session=True,
        )


def ask(question: str) -> dict[str, object] | None:
    """The resident's answer to `status` or `stop`; None when none listens."""
    path = protocol.socket_path()
    if path is None:
        return None
    connection = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    with connection:
        connection.settimeout(5)
        try:
            connection.connect(path)
            protocol.send(connection, {"ask": question})
            answer, _ = protocol.receive(connection)
        except (OSError, protocol.ProtocolError):
            return None
    return answer
