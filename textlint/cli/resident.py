"""`textlint resident run|status|stop`: the warm process that answers `textlint check`.

`textlint check` starts the resident by itself and uses it when it answers (docs/cli.md,
"The resident process"); these commands show it, stop it, or run it in the foreground.
"""

from __future__ import annotations

import argparse
import sys
import time
from typing import Any

from textlint.cli import COMMANDS
from textlint.cli.exits import EXIT_ERROR, EXIT_OK
from textlint.cli.options import positive


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("resident", help=COMMANDS["resident"])
    commands = parser.add_subparsers(dest="resident_command", metavar="COMMAND")
    commands.required = True
    running = commands.add_parser("run", help="run the resident process in the foreground")
    running.add_argument(
        "--idle-timeout", type=positive, default=None, help="seconds without a request before it stops (900)"
    )
    running.add_argument("--quiet", action="store_true", help="say nothing when it starts")
    running.set_defaults(func=_run)
    commands.add_parser("status", help="show the resident process").set_defaults(func=_status)
    commands.add_parser("stop", help="stop the resident process").set_defaults(func=_stop)


def _run(args: argparse.Namespace) -> int:
    from textlint.cli import main
    from textlint.resident import protocol, server

    idle = float(args.idle_timeout) if args.idle_timeout else protocol.IDLE_SECONDS
    return server.serve(main, idle=idle, announce=not args.quiet)


def _status(_args: argparse.Namespace) -> int:
    from textlint.resident import client, protocol, setting

    answer = client.ask("status")
    if answer is None:
        print(f"textlint resident: not running ({setting()}; socket {protocol.socket_path()})")
        return EXIT_ERROR
    started = time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(float(str(answer["started"]))))
    print(
        f"textlint resident: running, pid {answer['pid']}, textlint {answer['version']}, "
        f"since {started}, {answer['served']} run(s) served, stops after {answer['idle']:g} s idle"
    )
    return EXIT_OK


def _stop(_args: argparse.Namespace) -> int:
    from textlint.resident import client

    answer = client.ask("stop")
    if answer is None:
        print("textlint resident: not running", file=sys.stderr)
        return EXIT_OK
    print(f"textlint resident: stopped (pid {answer['stopped']})")
    return EXIT_OK
