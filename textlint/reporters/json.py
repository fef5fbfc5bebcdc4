"""The JSON format: a versioned contract for scripts (see docs/output.md)."""

from __future__ import annotations

import json
from typing import Any, TextIO

from textlint.document import Document
from textlint.issues import Issue
from textlint.reporters.common import (
    Location,
    ReportOptions,
    flagged_text,
    sorted_issues,
)
from textlint.results import Failure, FileResult, RunResult

JSON_VERSION = 1

JsonObject = dict[str, Any]


def write_json(result: RunResult, stream: TextIO, options: ReportOptions) -> None:
    document = {
        "version": JSON_VERSION,
        "files": [file_entry(file) for file in result.files],
        "incomplete": len(result.incomplete),
        "errors": list(result.errors),
        "not_checked": [failure_entry(failure) for failure in result.not_checked],
        "not_fixed": [failure_entry(failure) for failure in result.not_fixed],
    }
    json.dump(document, stream, ensure_ascii=False, indent=2)
    stream.write("\n")


def failure_entry(failure: Failure) -> JsonObject:
    return {"path": failure.path, "reason": failure.reason}


def file_entry(file: FileResult) -> JsonObject:
    issues = [issue_entry(file.document, issue) for issue in sorted_issues(file)]
    summary = {
        "words": file.words,
        "artifacts": file.artifacts,
        "artifacts_per_1000_words": file.artifacts_per_1000_words,
    }
    return {
        "path": file.document.path,
        "issues": issues,
        "summary": summary,
        "unchecked": [{"check": item.check, "reason": item.reason} for item in file.unchecked],
        "skipped": file.skipped,
    }


def issue_entry(document: Document, issue: Issue) -> JsonObject:
    location = Location.of(document, issue)
    fix = None
    if issue.fix is not None:
        fix = {"replacement": issue.fix.replacement, "safety": issue.fix.safety.label}
    return {
        "rule": issue.rule,
        "source": issue.source,
        "severity": issue.severity.label,
        "category": issue.category,
        "message": issue.message,
        "offset": issue.start,
        "length": issue.length,
        "line": location.line,
        "column": location.column,
        "end_line": location.end_line,
        "end_column": location.end_column,
        "text": flagged_text(document, issue),
        "suggestions": list(issue.suggestions),
        "fix": fix,
        "origins": list(issue.origins),
        "hints": list(issue.hints),
    }
