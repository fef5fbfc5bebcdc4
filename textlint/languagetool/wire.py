"""HTTP with the standard library: the few requests textlint sends to a LanguageTool server.

`requests` (and the client library built on it) cost more to import than a warm check
takes; a form POST and two GETs need nothing beyond `http.client`. Each request opens a
new connection and closes it (see `client` for why). A request is sent at once and its
answer read when asked for (`send`), so the caller can work while the server does.
"""

from __future__ import annotations

import http.client
from collections.abc import Callable
from urllib.parse import urlencode, urlsplit

# What goes wrong on the way, besides the time limit (TimeoutError): nothing listens, the
# connection broke, the answer is not HTTP.
TransportError = (OSError, http.client.HTTPException)

Answer = Callable[[], tuple[int, bytes]]


def request(
    url: str,
    path: str,
    *,
    form: dict[str, str] | None = None,
    query: dict[str, str] | None = None,
    timeout: float,
) -> tuple[int, bytes]:
    """The status and body of a GET (or, with `form`, a form-encoded POST) to `url` + `path`.

    Raises TimeoutError when no answer comes within `timeout` seconds, and one of
    `TransportError` when the connection fails.
    """
    return send(url, path, form=form, query=query, timeout=timeout)()


def send(
    url: str,
    path: str,
    *,
    form: dict[str, str] | None = None,
    query: dict[str, str] | None = None,
    timeout: float,
) -> Answer:
    """Send the request now; the function returned reads the answer (see `request`).

    A failure to send is raised by that function too, so that every fault of a request
    reaches the caller at one place. The answer must be read: it closes the connection.
    """
    parts = urlsplit(url)
    connection_class = http.client.HTTPSConnection if parts.scheme == "https" else http.client.HTTPConnection
    target = parts.path.rstrip("/") + path + (f"?{urlencode(query)}" if query else "")
    headers = {"Connection": "close", "Accept": "application/json"}
    connection: http.client.HTTPConnection | None = None
    try:
        # Inside the `try`: an address with a port that is no number is refused here.
        connection = connection_class(parts.netloc, timeout=timeout)
        if form is None:
            connection.request("GET", target, headers=headers)
        else:
            headers["Content-Type"] = "application/x-www-form-urlencoded; charset=utf-8"
            connection.request("POST", target, body=urlencode(form).encode("utf-8"), headers=headers)
    except TransportError as error:  # TimeoutError is an OSError
        if connection is not None:
            connection.close()
        failure = error

        def failed() -> tuple[int, bytes]:
            raise failure

        return failed

    def answer() -> tuple[int, bytes]:
        try:
            response = connection.getresponse()
            return response.status, response.read()
        finally:
            connection.close()

    return answer
