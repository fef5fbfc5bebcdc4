"""`textlint languagetool install|status|start|stop`."""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from textlint.cli import COMMANDS
from textlint.config import LanguageToolSettings, find_config, with_environment
from textlint.errors import TextlintError
from textlint.languagetool import install, paths, process, status

Handler = Callable[[argparse.Namespace], int]


def register(subparsers: Any) -> None:
    """Add the `languagetool` command and its subcommands to the CLI's subparsers."""
    parser = subparsers.add_parser(
        "languagetool",
        help=COMMANDS["languagetool"],
        description="Install and manage the local LanguageTool server textlint starts "
        f"for grammar and spelling checks (cache: {paths.lt_root()}).",
    )
    commands = parser.add_subparsers(dest="languagetool_command", metavar="COMMAND")
    commands.required = True

    installing = commands.add_parser("install", help=f"download LanguageTool {paths.LT_VERSION}")
    installing.add_argument("--force", action="store_true", help="download again even if installed")
    installing.set_defaults(func=_guarded(_install))

    showing = commands.add_parser("status", help="show the installation and the server")
    showing.set_defaults(func=_guarded(_status))

    start = commands.add_parser("start", help="start the server (or reuse the running one)")
    start.add_argument("--memory", help="the JVM's maximum heap, e.g. 2g (default: config)")
    start.add_argument(
        "--idle-timeout", type=int, help="seconds before an idle server stops (default: config)"
    )
    start.set_defaults(func=_guarded(_start))

    stop = commands.add_parser("stop", help="stop the server")
    stop.set_defaults(func=_guarded(_stop))


def _guarded(handler: Handler) -> Handler:
    """Turn textlint's own errors into one line on stderr and exit code 2."""

    def run(args: argparse.Namespace) -> int:
        try:
            return handler(args)
        except TextlintError as error:
            print(f"textlint: error: {error}", file=sys.stderr)
            return 2

    return run


def _settings() -> LanguageToolSettings:
    return with_environment(find_config(Path.cwd().resolve())).languagetool


def _install(args: argparse.Namespace) -> int:
    install.install(progress=install.to_stderr, force=args.force)
    return 0


def _status(_args: argparse.Namespace) -> int:
    state = status.status()
    if state.installation is None:
        print(f"LanguageTool {state.version}: not installed (run `textlint languagetool install`)")
    else:
        print(
            f"LanguageTool {state.version}: installed in {state.installation.root} "
            f"({state.installation.method})"
        )
    if state.pid is None:
        print("server: not running")
    elif state.running:
        assert state.started is not None
        idle = f", idle {time.time() - state.last_use:.0f} s" if state.last_use else ""
        started = time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(state.started))
        print(f"server: running, pid {state.pid}, port {state.port}, {state.url} (since {started}{idle})")
    else:
        print(f"server: not answering (stale state: pid {state.pid}, port {state.port})")
    print(f"log: {paths.log_file()}")
    return 0


def _start(args: argparse.Namespace) -> int:
    settings = _settings()
    if install.installed() is None:
        install.install(progress=install.to_stderr)
    memory = args.memory or settings.memory
    idle = args.idle_timeout or settings.idle_timeout
    state = process.ensure_running(memory, idle)
    print(f"LanguageTool server running: pid {state.pid}, {state.url}")
    return 0


def _stop(_args: argparse.Namespace) -> int:
    state = process.stop()
    print("LanguageTool server stopped" if state else "LanguageTool server was not running")
    return 0
