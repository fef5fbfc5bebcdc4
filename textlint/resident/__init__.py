"""The resident process: `textlint check` answered by a copy of textlint kept warm.

A new `textlint check` spends most of its time before linting a word: starting Python,
importing the rule kinds, reading the compiled rules back and rebuilding the regexes a
document needs. The resident process pays that once. It is a fork server: it warms up, then
waits on a Unix socket in textlint's cache folder; each `textlint check` that finds it sends
its arguments, working folder, environment and its own standard streams (the file
descriptors themselves, so a terminal stays a terminal and `| head` still closes the pipe),
and the resident forks a child that runs the very same command line in that state and sends
back the exit code. Nothing is shared between two runs but what the fork copies: the
imported modules and the rule sets already loaded, which each run still checks against the
rule files on disk (`yamlrules.compiled` keys them by content).

`client` is what the command line asks first; `server` is the resident itself
(`textlint resident run`); `protocol` is the socket's place and its messages. Whether to ask
at all is decided here, with nothing heavier than `os` imported: a run told not to use the
resident pays nothing for it.
"""

import os

ENV = "TEXTLINT_RESIDENT"  # 0: never use it; 1: use it, and start it even under CI; unset: auto


def setting() -> str:
    """`off`, `on` or `auto`, from `TEXTLINT_RESIDENT`."""
    value = os.environ.get(ENV, "").strip().lower()
    if value in {"0", "off", "no", "false"}:
        return "off"
    if value in {"1", "on", "yes", "true"}:
        return "on"
    return "auto"
