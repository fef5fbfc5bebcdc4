"""The exit codes of every command, as documented in docs/cli.md."""

EXIT_OK = 0  # nothing at or above the fail level
EXIT_ISSUES = 1  # issues at or above the fail level
EXIT_ERROR = 2  # usage, configuration or input error, or a required check that could not run
EXIT_INTERRUPTED = 130  # Ctrl-C
