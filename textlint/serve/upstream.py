"""The LanguageTool server behind textlint: the managed one (started or reused) or a team's.

Requests for a language textlint does not check go to it unchanged; its language list and
rule list complete textlint's answers. Calls block: handlers run them in worker threads.
"""

from __future__ import annotations

import threading
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import requests

from textlint.config import LanguageToolSettings
from textlint.languagetool import install, process
from textlint.serve.answer import LtRule


class UpstreamError(Exception):
    """LanguageTool is off, cannot be started or does not answer."""


@dataclass(frozen=True)
class Relayed:
    """LanguageTool's answer, to be sent back as it is."""

    status: int
    body: bytes
    content_type: str


class Upstream:
    def __init__(self, settings: LanguageToolSettings, timeout: float) -> None:
        self.settings = settings
        self.timeout = timeout
        self._lock = threading.Lock()
        self._rules: dict[str, dict[str, LtRule]] = {}
        self._languages: list[dict[str, str]] | None = None

    def url(self) -> str:
        """The server's address, starting the managed server if it is not running."""
        if not self.settings.enabled:
            raise UpstreamError("LanguageTool is turned off for this server")
        if self.settings.url:
            return self.settings.url.rstrip("/")
        with self._lock:  # one start at a time; `ensure_running` reuses a healthy server
            try:
                if install.installed() is None:
                    install.install(progress=install.to_stderr)
                return process.ensure_running(self.settings.memory, self.settings.idle_timeout).url
            except Exception as error:  # install and start raise several kinds
                raise UpstreamError(f"LanguageTool cannot be started ({error})") from None

    def _get(
        self, path: str, method: str = "GET", data: Mapping[str, str] | None = None
    ) -> requests.Response:
        try:
            return requests.request(method, self.url() + path, data=data, timeout=self.timeout)
        except requests.RequestException as error:
            raise UpstreamError(f"LanguageTool does not answer ({type(error).__name__})") from None

    def relay(self, path: str, fields: Mapping[str, str]) -> Relayed:
        """POST `fields` to LanguageTool and return its answer untouched."""
        response = self._get(path, "POST", fields)
        content_type = response.headers.get("Content-Type", "text/plain; charset=utf-8")
        return Relayed(response.status_code, response.content, content_type)

    def languages(self) -> list[dict[str, str]]:
        """LanguageTool's `/v2/languages`, asked once."""
        if self._languages is None:
            response = self._get("/v2/languages")
            data = response.json() if response.status_code == 200 else None
            if not isinstance(data, list):
                raise UpstreamError("LanguageTool sent no language list")
            self._languages = [item for item in data if isinstance(item, dict)]
        return self._languages

    def configinfo(self, language: str) -> dict[str, Any]:
        """LanguageTool's `/v2/configinfo` for `language`."""
        response = self._get("/v2/configinfo", "POST", {"language": language})
        data = response.json() if response.status_code == 200 else None
        if not isinstance(data, dict) or not isinstance(data.get("rules"), list):
            raise UpstreamError(f"LanguageTool sent no rule list for {language}")
        return data

    def rules(self, language: str) -> dict[str, LtRule]:
        """LanguageTool's rules for `language` by id, asked once per language."""
        if language not in self._rules:
            found: dict[str, LtRule] = {}
            for item in self.configinfo(language)["rules"]:
                if isinstance(item, dict) and "ruleId" in item:
                    found[str(item["ruleId"])] = LtRule(
                        description=str(item.get("description", "")),
                        category_id=str(item.get("categoryId", "")),
                        category_name=str(item.get("categoryName", "")),
                        issue_type=str(item.get("locQualityIssueType", "uncategorized")),
                        spelling=item.get("isDictionaryBasedSpellingRule") == "yes",
                    )
            self._rules[language] = found
        return self._rules[language]
