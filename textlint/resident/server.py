"""The resident process: warm up once, then fork one child per `textlint check`.

Forking copies a process that has already imported the rule kinds, read the compiled rules
back, rebuilt their regexes and loaded the language detector's models; the child then runs
the command line exactly as a new process would, with the caller's arguments, folder,
environment, umask and standard streams. Before each fork the resident checks that
textlint's code is still the code it started with (`cachestore.code_identity`); when it is
not, it turns the run away (the caller runs it itself) and stops. The process memos that are
keyed by a path rather than by content (the configuration found for a folder, the rule sets
of a list of folders) are emptied in each child: a run sees the files as they are now.

One thread only: a fork copies the calling thread alone, so nothing here may run another.
"""

from __future__ import annotations

import atexit
import contextlib
import fcntl
import gc
import io
import os
import signal
import socket
import struct
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from types import FrameType
from typing import Any, NoReturn

from textlint import config, frequency, langid, linter, regexes
from textlint.cachestore import code_identity
from textlint.errors import TextlintError
from textlint.resident import protocol
from textlint.version import __version__
from textlint.yamlrules.packed import Packed
from textlint.yamlrules.stored import StoredPattern

Main = Callable[[Sequence[str]], int]

# Linted once at start-up so that the rule kinds are imported and the regexes most documents
# need are rebuilt: prose with quotations, figures, names, a heading and a foreign sentence.
_WARM_UP_TEXT = """\
# Le marché de l'énergie

Le ministre a présenté lundi, à Paris, un plan de 3,5 milliards d'euros pour les réseaux : « Nous
devons agir vite », a-t-il déclaré devant les députés. Selon l'Insee, les prix ont augmenté de 2 %
en un an ; les syndicats demandent l'ouverture de négociations avant le 15 mars.

Google et Microsoft investissent dans l'intelligence artificielle. The company said it was proud of
the results. Les chercheurs de l'université de Lyon publient leurs travaux dans Nature.
"""


class ResidentError(TextlintError):
    """The resident could not take its place (a folder it cannot write, no Unix sockets)."""


def serve(main: Main, idle: float = protocol.IDLE_SECONDS, announce: bool = True) -> int:
    """Run as the resident until `idle` seconds pass without a request, or until stopped."""
    place = protocol.socket_path()
    if place is None:
        raise ResidentError("no resident process on this platform (Unix sockets carrying file descriptors)")
    path = Path(place)
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        lock = path.with_suffix(".lock").open("w")
    except OSError as error:
        raise ResidentError(f"{path.parent}: {error.strerror}") from None
    with lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            if announce:
                print(f"textlint: a resident process already listens on {path}", file=sys.stderr)
            return 0
        _warm_up(main)
        with _listening(path) as listener:
            if announce:
                print(f"textlint: resident process {os.getpid()} listening on {path}", file=sys.stderr)
            return _Resident(main, listener, idle, lock.fileno()).loop()


@contextlib.contextmanager
def _listening(path: Path) -> Iterator[socket.socket]:
    """A socket bound to `path`, put in place whole: a caller never finds one half ready."""
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    staging = path.with_name(f"{path.stem}.{os.getpid()}.new")
    with contextlib.suppress(FileNotFoundError):
        staging.unlink()
    listener.bind(str(staging))
    os.chmod(staging, 0o600)  # its owner's runs only (the peer's user is checked too)
    listener.listen(64)
    os.replace(staging, path)
    try:
        yield listener
    finally:
        listener.close()
        with contextlib.suppress(FileNotFoundError):
            path.unlink()  # ours: the lock kept any other resident from taking the place


def _warm_up(main: Main) -> None:
    """Do once what every run would do first, and drop what a fork must not share.

    The warm-up is a saving, not a condition: whatever goes wrong in it (a house rule that
    does not load, a cache folder that cannot be written) goes wrong again in the runs, which
    report it as a run in its own process would.
    """
    with contextlib.suppress(Exception):
        _lint_a_sample(main)
    # The grammar check's client, and the detector that sorts its findings in foreign passages.
    import textlint.engine
    import textlint.languagetool.checker  # noqa: F401

    langid.load_fast_detector()
    langid.detector(accurate=True)
    _unpack_rules()
    regexes.save()  # what the warm-up compiled, written now rather than by every child
    frequency.close_tables()  # an SQLite connection must not cross a fork
    gc.collect()
    gc.freeze()  # the children's collections leave the warm objects (and their pages) alone


def _lint_a_sample(main: Main) -> None:
    with tempfile.TemporaryDirectory(prefix="textlint-resident-") as folder:
        sample = Path(folder) / "warm-up.md"
        sample.write_text(_WARM_UP_TEXT, encoding="utf-8")
        # A configuration to find and read, as most projects have.
        (Path(folder) / "pyproject.toml").write_text("[tool.textlint]\n", encoding="utf-8")
        quiet = io.StringIO()
        with contextlib.redirect_stdout(quiet), contextlib.redirect_stderr(quiet):
            main(["check", "--no-languagetool", "--no-cache", "--quiet", str(sample)])


def _unpack_rules() -> None:
    """Decode every page of the loaded rules and rebuild every regex they hold, which a run
    does only for what its document needs: done here once, not in every child again."""
    for packed in [obj for obj in gc.get_objects() if isinstance(obj, Packed)]:
        for _ in packed:
            pass
    for pattern in [obj for obj in gc.get_objects() if isinstance(obj, StoredPattern)]:
        pattern.compiled()


class _Resident:
    def __init__(self, main: Main, listener: socket.socket, idle: float, lock: int) -> None:
        self.main = main
        self.listener = listener
        self.idle = idle
        self.lock = lock  # the open lock file that keeps a second resident out
        self.identity = code_identity()
        self.started = time.time()
        self.served = 0

    def loop(self) -> int:
        signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # the children reap themselves
        signal.signal(signal.SIGTERM, _stop)
        self.listener.settimeout(self.idle)
        while True:
            try:
                connection, _ = self.listener.accept()
            except TimeoutError:
                return 0
            with connection:
                if not self.answer(connection):
                    return 0

    def answer(self, connection: socket.socket) -> bool:
        """Serve one request; False: stop the resident."""
        connection.settimeout(5)  # a caller that sends nothing does not hold the others up
        if not _same_user(connection):
            return True
        try:
            request, fds = protocol.receive(connection, with_fds=True)
        except (OSError, protocol.ProtocolError):
            return True
        try:
            return self._dispatch(connection, request, fds)
        except OSError:  # the caller went away: it runs the command itself
            return True
        finally:
            for fd in fds:
                os.close(fd)

    def _dispatch(self, connection: socket.socket, request: dict[str, Any], fds: list[int]) -> bool:
        if request.get("ask") == "status":
            protocol.send(connection, self.status())
            return True
        if request.get("ask") == "stop":
            protocol.send(connection, {"stopped": os.getpid()})
            return False
        if len(fds) != protocol.STREAMS or not isinstance(request.get("argv"), list):
            protocol.send(connection, {"refused": "not a run"})
            return True
        if code_identity.__wrapped__() != self.identity:
            protocol.send(connection, {"refused": "textlint changed since the resident started"})
            return False
        if os.fork() == 0:
            # The child keeps neither the listening socket nor the lock: a resident that stops
            # while a long run goes on can be replaced at once.
            self.listener.close()
            os.close(self.lock)
            _child(self.main, connection, request, fds)
        self.served += 1
        return True

    def status(self) -> dict[str, Any]:
        return {
            "pid": os.getpid(),
            "version": __version__,
            "started": self.started,
            "served": self.served,
            "idle": self.idle,
        }


def _stop(_signal: int, _frame: FrameType | None) -> None:
    raise SystemExit(0)  # through the `finally` that removes the socket


def _same_user(connection: socket.socket) -> bool:
    """Whether the caller runs as this process's user: a socket in a shared cache folder must
    not let another user run commands (and write files) as this one."""
    credentials = connection.getsockopt(socket.SOL_SOCKET, socket.SO_PEERCRED, struct.calcsize("3i"))
    _pid, uid, _gid = struct.unpack("3i", credentials)
    return bool(uid == os.getuid())


def _child(main: Main, connection: socket.socket, request: dict[str, Any], fds: list[int]) -> NoReturn:
    """Run the command as the caller would have, send its exit code, and end."""
    code = 2
    try:
        for name in (signal.SIGCHLD, signal.SIGTERM):
            signal.signal(name, signal.SIG_DFL)
        signal.signal(signal.SIGINT, signal.default_int_handler)
        protocol.send(connection, {"pid": os.getpid()})
        _take_over(request, fds)
        code = _run(main, request["argv"])
    except BaseException as error:  # whatever happens, the caller gets an exit code and one line
        with contextlib.suppress(Exception):
            reason = str(error) or type(error).__name__
            print(
                f"textlint: error: the resident process could not run the command ({reason})", file=sys.stderr
            )
            sys.stderr.flush()
    finally:
        with contextlib.suppress(Exception):
            protocol.send(connection, {"exit": code})
        os._exit(code)


def _take_over(request: dict[str, Any], fds: list[int]) -> None:
    """Become the caller: its streams, folder, environment and umask; memos by path emptied."""
    for target, fd in enumerate(fds):
        os.dup2(fd, target)
        os.close(fd)
    fds.clear()
    os.chdir(request["cwd"])
    os.umask(int(request["umask"]))
    os.environ.clear()
    os.environ.update(request["env"])
    sys.argv = ["textlint", *request["argv"]]
    sys.stdin, sys.stdout, sys.stderr = (
        _stream(fd, mode, encoding, errors)
        for fd, mode, (encoding, errors) in zip(range(3), "rww", request["streams"], strict=True)
    )
    for memo in (linter.compiled_for, config.load_config, config.find_config):
        memo.cache_clear()


def _stream(fd: int, mode: str, encoding: str | None, errors: str | None) -> Any:
    # As Python opens its own: newlines untranslated, stderr and a terminal line-buffered.
    line_buffered = fd == 2 or os.isatty(fd)
    buffering = 1 if line_buffered else -1
    return open(fd, mode, buffering, encoding or "utf-8", errors, "\n", closefd=False)


def _run(main: Main, argv: Sequence[str]) -> int:
    try:
        code = main(argv)
    except SystemExit as stop:  # --help, a usage error
        code = stop.code if isinstance(stop.code, int) else (0 if stop.code is None else 1)
        if isinstance(stop.code, str):
            print(stop.code, file=sys.stderr)
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):
            stream.flush()
    atexit._run_exitfuncs()  # what the interpreter would do at exit (the regex table's save)
    return code
