"""`textlint serve`: LanguageTool's HTTP API answered with textlint's findings, and a review page.

Editors' LanguageTool clients (browser add-on, LibreOffice, Obsidian, LTeX, Python) send
their `/v2/check` requests here and get textlint's typography, entity and machine-translation
issues merged with LanguageTool's grammar, exactly as `textlint check` reports them. The
page at `/` lets a desk editor review an article and accept or refuse each fix.
See docs/serve.md. Needs the `serve` extra (Starlette and uvicorn).
"""

from __future__ import annotations

from textlint.serve.app import create_app
from textlint.serve.settings import ServeSettings

__all__ = ["ServeSettings", "create_app"]
