"""Asking a LanguageTool server, through language-tool-python, with its faults told apart.

language-tool-python validates the language against the server's list and builds the
request parameters; textlint sends the POST itself because it needs the raw JSON (exact
UTF-16 lengths, messages before NFKC normalisation) and its own time limit. Each request
opens a new loopback connection: measured with LT 6.8, a kept-alive connection made every
small request ~45 ms slower (the server writes headers and body separately, and the
client's delayed ACK waits). A `Client` is not thread-safe (neither is the library's): one
per thread.

What went wrong decides what the checker does next, so each fault has its own class:
`ServerGoneError` (nothing listens, the connection broke: restart a dead server),
`ServerTimeoutError` (no answer in time: retry once with a longer limit),
`ServerBrokenError` (HTTP 5xx or an answer that is not LanguageTool's JSON), and
`RequestRejectedError` (HTTP 4xx: the request itself is wrong, and asking again, or
restarting, would give the same answer).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import language_tool_python
import requests

REQUEST_TIMEOUT = 60.0  # seconds; the first request after a start loads every French rule
_SHOWN = 200  # characters of an error answer quoted in a message


class ServerFaultError(Exception):
    """The server gave no usable answer to a request."""


class ServerGoneError(ServerFaultError):
    """Nothing answers at the server's address, or the connection broke mid-request."""


class ServerTimeoutError(ServerFaultError):
    """The server did not answer within the time limit."""


class ServerBrokenError(ServerFaultError):
    """The server answered with an error of its own (5xx) or with something unreadable."""


class RequestRejectedError(ServerFaultError):
    """The server refused the request (4xx): the request is wrong, not the server."""


class Client:
    def __init__(
        self,
        url: str,
        language: str,
        *,
        disabled: Iterable[str] = (),
        enabled: Iterable[str] = (),
        disabled_categories: Iterable[str] = (),
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
            raise RequestRejectedError(f"LanguageTool at {self.url} does not support {language}") from None
        except Exception as error:  # the library raises several kinds
            raise ServerGoneError(f"cannot reach LanguageTool at {self.url} ({_first_line(error)})") from None
        self._tool.disabled_rules = set(disabled)
        self._tool.enabled_rules = set(enabled)
        self._tool.disabled_categories = set(disabled_categories)
        self._tool.picky = picky

    @property
    def language(self) -> str:
        return str(self._tool.language)

    def check(self, text: str, timeout: float | None = None) -> Mapping[str, Any]:
        """The server's raw JSON answer for `text` (`timeout` overrides the client's limit)."""
        limit = timeout if timeout is not None else self.timeout
        try:
            response = requests.post(
                f"{self.url}/v2/check",
                data=self._parameters(text),
                timeout=limit,
                headers={"Connection": "close"},
            )
        except requests.Timeout:
            message = f"LanguageTool at {self.url} did not answer within {limit:.0f} s"
            raise ServerTimeoutError(message) from None
        except requests.RequestException as error:
            raise ServerGoneError(f"cannot reach LanguageTool at {self.url} ({_first_line(error)})") from None
        return _answer(self.url, response)

    def rules(self) -> list[dict[str, Any]]:
        """Every rule the server has for the client's language (`/v2/configinfo`)."""
        try:
            response = requests.get(
                f"{self.url}/v2/configinfo", params={"language": self.language}, timeout=self.timeout
            )
        except requests.RequestException as error:
            raise ServerGoneError(f"cannot reach LanguageTool at {self.url} ({_first_line(error)})") from None
        data = response.json() if response.status_code == 200 else None
        if not isinstance(data, dict) or not isinstance(data.get("rules"), list):
            raise ServerBrokenError(f"LanguageTool at {self.url} sent no rule list")
        return [rule for rule in data["rules"] if isinstance(rule, dict)]

    def _parameters(self, text: str) -> dict[str, str]:
        params: dict[str, str] = self._tool._create_params(text)  # the library's own parameters
        # The library joins rule ids from a set, whose order changes from process to process;
        # the server builds (and caches) one rule pipeline per distinct list, at ~2 s each.
        for key, rules in (
            ("disabledRules", self._tool.disabled_rules),
            ("enabledRules", self._tool.enabled_rules),
            ("disabledCategories", self._tool.disabled_categories),
        ):
            if rules:
                params[key] = ",".join(sorted(rules))
        return params


def _answer(url: str, response: requests.Response) -> Mapping[str, Any]:
    """The JSON of a 200 answer; the fault class that fits any other answer."""
    status = response.status_code
    said = _first_line(response.text)[:_SHOWN]
    if 400 <= status < 500:
        raise RequestRejectedError(f"LanguageTool at {url} refused the request (HTTP {status}: {said})")
    if status != 200:
        raise ServerBrokenError(f"LanguageTool at {url} answered HTTP {status}: {said}")
    try:
        data = response.json()
    except ValueError:
        raise ServerBrokenError(f"LanguageTool at {url} sent an answer that is not JSON") from None
    if not isinstance(data, dict) or not isinstance(data.get("matches"), list):
        raise ServerBrokenError(f"LanguageTool at {url} sent an answer without matches")
    return data


def _first_line(value: object) -> str:
    text = str(value).strip()
    return text.splitlines()[0] if text else type(value).__name__
