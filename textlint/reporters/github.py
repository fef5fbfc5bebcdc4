"""GitHub Actions workflow commands: one annotation per issue, shown on the pull request."""

from __future__ import annotations

from typing import TextIO

from textlint.document import Document
from textlint.issues import Issue, Severity
from textlint.reporters.common import Location, ReportOptions, iter_issues
from textlint.results import RunResult

COMMANDS = {
    Severity.ERROR: "error",
    Severity.WARNING: "warning",
    Severity.INFO: "notice",
}


def write_github(result: RunResult, stream: TextIO, options: ReportOptions) -> None:
    stream.writelines(annotation(file.document, issue) + "\n" for file, issue in iter_issues(result))
    for file in result.incomplete:
        for item in file.unchecked:
            stream.write(file_note("warning", file.document.path, f"{item.check} not checked: {item.reason}"))
    for file in result.skipped:
        stream.write(file_note("notice", file.document.path, file.skipped or ""))
    stream.writelines(file_note("error", failure.path, failure.reason) for failure in result.failures)


def file_note(command: str, path: str, message: str) -> str:
    """An annotation about a whole file: `::warning file=P,title=textlint::message`."""
    return f"::{command} file={escape_property(path)},title=textlint::{escape_data(message)}\n"


def annotation(document: Document, issue: Issue) -> str:
    """`::warning file=P,line=L,col=C,endLine=EL,endColumn=EC,title=RULE::message`."""
    location = Location.of(document, issue)
    properties = {
        "file": document.path,
        "line": str(location.line),
        "col": str(location.column),
        "endLine": str(location.end_line),
        "endColumn": str(location.end_column),
        "title": issue.rule,
    }
    listed = ",".join(f"{key}={escape_property(value)}" for key, value in properties.items())
    return f"::{COMMANDS[issue.severity]} {listed}::{escape_data(issue.message)}"


def escape_data(value: str) -> str:
    """Escape a command's message: `%`, CR and LF."""
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    """Escape a command property: as data, plus `:` and `,`."""
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")
