"""SARIF 2.1.0, for code-scanning dashboards (GitHub code scanning, IDE viewers)."""

from __future__ import annotations

import json
from importlib import metadata
from pathlib import PurePosixPath, PureWindowsPath
from typing import Any, TextIO
from urllib.parse import quote, urlsplit

from textlint.document import Document
from textlint.issues import Issue, Severity
from textlint.reporters.common import (
    Location,
    ReportOptions,
    applicable_fix,
    flagged_text,
    iter_issues,
)
from textlint.reporters.display import visible_value
from textlint.results import RunResult

SARIF_VERSION = "2.1.0"
SARIF_SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
TOOL_NAME = "textlint"
FALLBACK_VERSION = "0.0.0"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}

JsonObject = dict[str, Any]


def write_sarif(result: RunResult, stream: TextIO, options: ReportOptions) -> None:
    log = {"$schema": SARIF_SCHEMA, "version": SARIF_VERSION, "runs": [run(result)]}
    json.dump(log, stream, ensure_ascii=False, indent=2)
    stream.write("\n")


def run(result: RunResult) -> JsonObject:
    rule_ids = rules_in_order(result)
    index = {rule: position for position, rule in enumerate(rule_ids)}
    uris = artifact_uris(result)
    artifacts = {uri: position for position, uri in enumerate(uris)}
    return {
        "tool": {"driver": driver(result, rule_ids)},
        "invocations": [invocation(result)],
        "columnKind": "unicodeCodePoints",
        "artifacts": [{"location": {"uri": uri}, "roles": ["analysisTarget"]} for uri in uris],
        "results": [
            result_entry(
                file.document,
                issue,
                index[issue.rule],
                artifacts[artifact_uri(file.document.path)],
            )
            for file, issue in iter_issues(result)
        ],
    }


def artifact_uris(result: RunResult) -> list[str]:
    """One URI per checked file, each once (a file given twice is one artifact)."""
    return list(dict.fromkeys(artifact_uri(file.document.path) for file in result.files))


def tool_version() -> str:
    try:
        return metadata.version(TOOL_NAME)
    except metadata.PackageNotFoundError:
        return FALLBACK_VERSION


def information_uri() -> str | None:
    """The project's home page, as the installed package declares it, if it does."""
    try:
        meta = metadata.metadata(TOOL_NAME)
    except metadata.PackageNotFoundError:
        return None
    for home in meta.get_all("Home-page") or []:
        if str(home).strip():
            return str(home).strip()
    for entry in meta.get_all("Project-URL") or []:
        _, _, url = str(entry).partition(",")
        if url.strip():
            return url.strip()
    return None


def driver(result: RunResult, rule_ids: list[str]) -> JsonObject:
    entry: JsonObject = {"name": TOOL_NAME, "version": tool_version()}
    uri = information_uri()
    if uri is not None:
        entry["informationUri"] = uri
    entry["rules"] = [rule_descriptor(result, rule) for rule in rule_ids]
    return entry


def rules_in_order(result: RunResult) -> list[str]:
    """The ids of the rules that reported something, in order of first report."""
    return list(dict.fromkeys(issue.rule for _, issue in iter_issues(result)))


def rule_descriptor(result: RunResult, rule: str) -> JsonObject:
    descriptor: JsonObject = {"id": rule}
    doc = result.rules.get(rule)
    if doc is not None and doc.summary:
        descriptor["shortDescription"] = {"text": doc.summary}
    if doc is not None and doc.reference:
        key, value = reference_entry(doc.reference)
        descriptor[key] = value
    return descriptor


def reference_entry(reference: str) -> tuple[str, Any]:
    """`helpUri` for a web address; a bibliographic reference becomes the rule's `help` text."""
    parsed = urlsplit(reference.strip())
    if parsed.scheme in ("http", "https") and parsed.netloc and " " not in reference.strip():
        return "helpUri", reference.strip()
    return "help", {"text": reference}


def invocation(result: RunResult) -> JsonObject:
    """Errors, warnings, checks that could not run (per file) and files skipped as notifications."""
    notes = [notification(str(failure), "error", failure.path) for failure in result.failures]
    notes += [notification(text, "warning") for text in result.warnings]
    notes += [
        notification(f"{item.check} not checked: {item.reason}", "warning", file.document.path)
        for file in result.incomplete
        for item in file.unchecked
    ]
    notes += [notification(file.skipped or "", "note", file.document.path) for file in result.skipped]
    entry: JsonObject = {"executionSuccessful": not result.failures and not result.incomplete}
    if notes:
        entry["toolExecutionNotifications"] = notes
    return entry


def notification(text: str, level: str, path: str | None = None) -> JsonObject:
    note: JsonObject = {"level": level, "message": {"text": text}}
    if path is not None:
        note["locations"] = [{"physicalLocation": {"artifactLocation": artifact_location(path)}}]
    return note


def artifact_uri(path: str) -> str:
    """A URI reference for a path: relative paths stay relative, with forward slashes."""
    if PureWindowsPath(path).drive:
        return PureWindowsPath(path).as_uri()
    posix = path.replace("\\", "/")
    if PurePosixPath(posix).is_absolute():
        return PurePosixPath(posix).as_uri()
    return quote(posix, safe="/")


def artifact_location(path: str) -> JsonObject:
    return {"uri": artifact_uri(path)}


def region(document: Document, issue: Issue) -> JsonObject:
    location = Location.of(document, issue)
    return {
        "startLine": location.line,
        "startColumn": location.column,
        "endLine": location.end_line,
        "endColumn": location.end_column,
        "charOffset": issue.start,
        "charLength": issue.length,
        "snippet": {"text": flagged_text(document, issue)},
    }


def result_entry(document: Document, issue: Issue, rule_index: int, artifact: int) -> JsonObject:
    where = {**artifact_location(document.path), "index": artifact}
    entry: JsonObject = {
        "ruleId": issue.rule,
        "ruleIndex": rule_index,
        "level": LEVELS[issue.severity],
        "message": {"text": issue.message},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": where,
                    "region": region(document, issue),
                }
            }
        ],
    }
    fix = fix_entry(document, issue)
    if fix is not None:
        entry["fixes"] = [fix]
    entry["properties"] = properties(issue)
    return entry


def fix_entry(document: Document, issue: Issue) -> JsonObject | None:
    fix = applicable_fix(issue)
    if fix is None:
        return None
    proposal = fix_description(fix.replacement, flagged_text(document, issue))
    replacement = {
        "deletedRegion": {"charOffset": issue.start, "charLength": issue.length},
        "insertedContent": {"text": fix.replacement},
    }
    return {
        "description": {"text": f"{proposal} ({fix.safety.label} fix)."},
        "artifactChanges": [
            {
                "artifactLocation": artifact_location(document.path),
                "replacements": [replacement],
            }
        ],
        "properties": {"safety": fix.safety.label},
    }


def fix_description(replacement: str, flagged: str) -> str:
    if not replacement:
        return f"Remove « {visible_value(flagged)} »"
    return f"Replace « {visible_value(flagged)} » with « {visible_value(replacement)} »"


def properties(issue: Issue) -> JsonObject:
    bag: JsonObject = {"source": issue.source, "category": issue.category}
    if issue.suggestions:
        bag["suggestions"] = list(issue.suggestions)
    if issue.hints:
        bag["hints"] = list(issue.hints)
    if issue.origins:
        bag["origins"] = list(issue.origins)
    return bag
