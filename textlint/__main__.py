"""The `textlint` program and `python -m textlint`: the command line, or the resident process.

`textlint check` is first offered to the resident process (`textlint.resident`), which runs
it warm; when none answers, or for any other command, the command line runs here. This
module imports only what deciding that needs, so that a run answered by the resident pays
for little more than the interpreter.
"""

import sys

from textlint import resident


def main() -> int:
    arguments = sys.argv[1:]
    command = next((arg for arg in arguments if not arg.startswith("-")), None)
    if command == "check" and resident.setting() != "off":
        from textlint.errors import TextlintError
        from textlint.resident import client

        try:
            code = client.run(arguments)
        except TextlintError as error:
            from textlint.cli.exits import EXIT_ERROR

            print(f"textlint: error: {error}", file=sys.stderr)
            return EXIT_ERROR
        except KeyboardInterrupt:  # pressed before the resident took the run
            from textlint.cli.exits import EXIT_INTERRUPTED

            print("textlint: interrupted", file=sys.stderr)
            return EXIT_INTERRUPTED
        if code is not None:
            return code
    from textlint.cli import main as run_here

    return run_here(arguments)


if __name__ == "__main__":
    sys.exit(main())
