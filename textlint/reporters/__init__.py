"""Output formats as a plug-in table: `REPORTERS[name](result, stream, options)`.

Each format lives in its own module; see docs/output.md for what each one writes.
"""

from __future__ import annotations

from textlint.reporters.common import Reporter, ReportOptions
from textlint.reporters.github import write_github
from textlint.reporters.html import write_html
from textlint.reporters.json import write_json
from textlint.reporters.sarif import write_sarif
from textlint.reporters.text import write_text

REPORTERS: dict[str, Reporter] = {
    "text": write_text,
    "json": write_json,
    "sarif": write_sarif,
    "github": write_github,
    "html": write_html,
}

__all__ = ["REPORTERS", "ReportOptions", "Reporter"]
