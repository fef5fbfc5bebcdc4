"""Output formats as a plug-in table: `REPORTERS[name](result, stream, options)`.

Each format lives in its own module; see docs/output.md for what each one writes. A format's
module is imported when it is first asked for, so a run pays only for the format it writes.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from importlib import import_module

from textlint.reporters.common import Reporter, ReportOptions

# Each format, and the module and function that write it.
_WRITERS = {
    "text": ("textlint.reporters.text", "write_text"),
    "json": ("textlint.reporters.json", "write_json"),
    "sarif": ("textlint.reporters.sarif", "write_sarif"),
    "github": ("textlint.reporters.github", "write_github"),
    "html": ("textlint.reporters.html", "write_html"),
}


class _Reporters(Mapping[str, Reporter]):
    """The formats by name; a format's module is loaded on first lookup."""

    def __getitem__(self, name: str) -> Reporter:
        module, function = _WRITERS[name]
        writer: Reporter = getattr(import_module(module), function)
        return writer

    def __iter__(self) -> Iterator[str]:
        return iter(_WRITERS)

    def __len__(self) -> int:
        return len(_WRITERS)


REPORTERS: Mapping[str, Reporter] = _Reporters()

__all__ = ["REPORTERS", "ReportOptions", "Reporter"]
