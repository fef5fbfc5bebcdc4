"""Asking a LanguageTool server, with its faults told apart.

textlint sends the requests itself, with the standard library (`wire`): it needs the raw
JSON (exact UTF-16 lengths, messages before NFKC normalisation) and its own time limit, and
importing an HTTP library would cost more than a warm check takes. The language is checked
against the server's list when a client is made, as language-tool-python does: a regional
variant the server lacks becomes its base language there. Each request opens a new
loopback connection: measured with LT 6.8, a kept-alive connection made every small request
~45 ms slower (the server writes headers and body separately, and the client's delayed ACK
waits). A `Client` is not thread-safe: one per thread.

What went wrong decides what the checker does next, so each fault has its own class:
`ServerGoneError` (nothing listens, the connection broke: restart a dead server),
`ServerTimeoutError` (no answer in time: retry once with a longer limit),
`ServerBrokenError` (HTTP 5xx or an answer that is not LanguageTool's JSON), and
`RequestRejectedError` (HTTP 4xx: the request itself is wrong, and asking again, or
restarting, would give the same answer).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from textlint.languagetool.wire import TransportError, request, send

REQUEST_TIMEOUT = 60.0  # seconds; the first request after a start loads every French rule
LANGUAGES_TIMEOUT = 10.0  # seconds for the server's list of languages
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
        supported: str | None = None,
    ) -> None:
        """`supported`: the language as this server knows it, from an earlier client of the
        same server; the server is asked when it is not given."""
        self.url = url.rstrip("/")
        self.timeout = timeout if timeout is not None else REQUEST_TIMEOUT
        self.language = supported or self._supported(language)
        # Rule lists are joined in a stable order: the server builds (and caches) one rule
        # pipeline per distinct list, at ~2 s each.
        self._settings = {
            key: ",".join(sorted(set(values)))
            for key, values in (
                ("disabledRules", disabled),
                ("enabledRules", enabled),
                ("disabledCategories", disabled_categories),
            )
        }
        if picky:
            self._settings["level"] = "picky"

    def _supported(self, language: str) -> str:
        """`language` as the server knows it: itself, or its base language (`fr-CA` → `fr`)."""
        status, body = self._get("/v2/languages", None, min(self.timeout, LANGUAGES_TIMEOUT))
        try:
            known = json.loads(body) if status == 200 else None
        except ValueError:
            known = None
        if not isinstance(known, list):
            raise ServerBrokenError(f"LanguageTool at {self.url} sent no list of languages")
        codes = {
            str(item.get(key, "")).lower()
            for item in known
            if isinstance(item, dict)
            for key in ("code", "longCode")
        }
        base = language.split("-", maxsplit=1)[0]
        if language.lower() in codes:
            return language
        if base.lower() in codes:
            return base
        raise RequestRejectedError(f"LanguageTool at {self.url} does not support {language}")

    def check(self, text: str, timeout: float | None = None) -> Mapping[str, Any]:
        """The server's raw JSON answer for `text` (`timeout` overrides the client's limit)."""
        return self.send(text, timeout)()

    def send(self, text: str, timeout: float | None = None) -> Callable[[], Mapping[str, Any]]:
        """Send the check of `text` now; the function returned waits for the answer (as
        `check` returns it) or raises the fault, of sending or of the answer."""
        limit = timeout if timeout is not None else self.timeout
        form = {"language": self.language, "text": text, **{k: v for k, v in self._settings.items() if v}}
        sent = send(self.url, "/v2/check", form=form, timeout=limit)

        def answer() -> Mapping[str, Any]:
            try:
                status, body = sent()
            except TimeoutError:
                message = f"LanguageTool at {self.url} did not answer within {limit:.0f} s"
                raise ServerTimeoutError(message) from None
            except TransportError as error:
                reason = _first_line(error)
                raise ServerGoneError(f"cannot reach LanguageTool at {self.url} ({reason})") from None
            return _answer(self.url, status, body)

        return answer

    def rules(self) -> list[dict[str, Any]]:
        """Every rule the server has for the client's language (`/v2/configinfo`)."""
        status, body = self._get("/v2/configinfo", {"language": self.language}, self.timeout)
        try:
            data = json.loads(body) if status == 200 else None
        except ValueError:
            data = None
        if not isinstance(data, dict) or not isinstance(data.get("rules"), list):
            raise ServerBrokenError(f"LanguageTool at {self.url} sent no rule list")
        return [rule for rule in data["rules"] if isinstance(rule, dict)]

    def _get(self, path: str, query: dict[str, str] | None, timeout: float) -> tuple[int, bytes]:
        try:
            return request(self.url, path, query=query, timeout=timeout)
        except TimeoutError:
            raise ServerTimeoutError(
                f"LanguageTool at {self.url} did not answer within {timeout:.0f} s"
            ) from None
        except TransportError as error:
            raise ServerGoneError(f"cannot reach LanguageTool at {self.url} ({_first_line(error)})") from None


def _answer(url: str, status: int, body: bytes) -> Mapping[str, Any]:
    """The JSON of a 200 answer; the fault class that fits any other answer."""
    if 400 <= status < 500:
        said = _said(body)
        raise RequestRejectedError(f"LanguageTool at {url} refused the request (HTTP {status}: {said})")
    if status != 200:
        raise ServerBrokenError(f"LanguageTool at {url} answered HTTP {status}: {_said(body)}")
    try:
        data = json.loads(body)
    except ValueError:
        raise ServerBrokenError(f"LanguageTool at {url} sent an answer that is not JSON") from None
    if not isinstance(data, dict) or not isinstance(data.get("matches"), list):
        raise ServerBrokenError(f"LanguageTool at {url} sent an answer without matches")
    return data


def _said(body: bytes) -> str:
    """The start of an error answer, for a message (not worked out for a good answer: a long
    article's matches are a large body)."""
    return _first_line(body[: _SHOWN * 4].decode("utf-8", "replace"))[:_SHOWN]


def _first_line(value: object) -> str:
    text = str(value).strip()
    return text.splitlines()[0] if text else type(value).__name__
