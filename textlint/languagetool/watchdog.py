"""`python -m textlint.languagetool.watchdog`: stops an idle managed LanguageTool process.

Started detached next to each process. It exits as soon as its server is gone, and stops
the server once the state file has not been touched for `--idle-timeout` seconds.
"""

from __future__ import annotations

import argparse
import sys
import time

from textlint.languagetool import process


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="textlint-languagetool-watchdog")
    parser.add_argument("--pid", type=int, required=True)
    parser.add_argument("--idle-timeout", type=float, required=True)
    args = parser.parse_args(argv)
    # Poll often enough that the stop happens within ~10 % of the timeout, at most 30 s late.
    interval = max(0.5, min(30.0, args.idle_timeout / 10))
    while True:
        time.sleep(interval)
        if process.idle_stop(args.pid, args.idle_timeout):
            print(f"textlint watchdog: server {args.pid} stopped or gone", flush=True)
            return 0


if __name__ == "__main__":
    sys.exit(main())
