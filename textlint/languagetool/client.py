"""Asking a LanguageTool server, through language-tool-python.

language-tool-python validates the language against the server's list and builds the
request parameters; textlint sends the POST itself because it needs the raw JSON (exact
UTF-16 lengths, messages before NFKC normalisation) and a timeout shorter than the
library's 300 s. Each request opens a new loopback connection: measured with LT 6.8, a
kept-alive connection made every small request ~45 ms slower (the server writes headers
and body separately, and the client's delayed ACK waits). A `Client` is not thread-safe
(neither is the library's): one per thread.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import language_tool_python
import requests

REQUEST_TIMEOUT = 120.0  # seconds; the first request after a start loads every French rule


class ServerFaultError(Exception):
    """The server could not be reached or gave no usable answer (worth one restart)."""


class Client:
    def __init__(
        self,
        url: str,
        language: str,
        *,
        disabled: Iterable[str] = (),
        enabled: Iterable[str] = (),
        picky: bool = False,
        timeout: float | None = None,
    ) -> None:
        self.url = url.rstrip("/")
        self.timeout = timeout if timeout is not None else REQUEST_TIMEOUT
        # The library checks the language against the server's list; a regional variant the
        # server lacks becomes plain "fr" there, so only a server without French fails.
        try:
            self._tool = language_tool_python.LanguageTool(language, remote_server=self.url)
        except ValueError:
            raise ServerFaultError(f"LanguageTool at {self.url} does not support {language}") from None
        except Exception as error:  # the library raises several kinds
            raise ServerFaultError(
                f"cannot reach LanguageTool at {self.url} ({_first_line(error)})"
            ) from None
        self._tool.disabled_rules = set(disabled)
        self._tool.enabled_rules = set(enabled)
        self._tool.picky = picky

    @property
    def language(self) -> str:
        return str(self._tool.language)

    def check(self, text: str) -> Mapping[str, Any]:
        """The server's raw JSON answer for `text`."""
        params = self._tool._create_params(text)  # the library's own parameter building
        # The library joins rule ids from a set, whose order changes from process to process;
        # the server builds (and caches) one rule pipeline per distinct list, at ~2 s each.
        for key, rules in (
            ("disabledRules", self._tool.disabled_rules),
            ("enabledRules", self._tool.enabled_rules),
        ):
            if rules:
                params[key] = ",".join(sorted(rules))
        try:
            response = requests.post(
                f"{self.url}/v2/check",
                data=params,
                timeout=self.timeout,
                headers={"Connection": "close"},
            )
        except requests.Timeout:
            raise ServerFaultError(
                f"LanguageTool at {self.url} did not answer within {self.timeout:.0f} s"
            ) from None
        except requests.RequestException as error:
            raise ServerFaultError(
                f"cannot reach LanguageTool at {self.url} ({_first_line(error)})"
            ) from None
        if response.status_code != 200:
            raise ServerFaultError(
                f"LanguageTool at {self.url} answered HTTP {response.status_code}: "
                f"{_first_line(response.text)[:200]}"
            )
        try:
            data = response.json()
        except ValueError:
            raise ServerFaultError(f"LanguageTool at {self.url} sent invalid JSON") from None
        if not isinstance(data, dict) or not isinstance(data.get("matches"), list):
            raise ServerFaultError(f"LanguageTool at {self.url} sent an answer without matches")
        return data

    def close(self) -> None:
        self._tool.close()


def _first_line(value: object) -> str:
    text = str(value).strip()
    return text.splitlines()[0] if text else type(value).__name__
