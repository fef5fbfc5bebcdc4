"""The HTTP side: routes, limits, the token, CORS, and LanguageTool-style errors.

LanguageTool's API is served at the root (`/v2/…`): clients join `v2/check` to the address
they are given, and Python's `urljoin` or Java's `URL` drop any sub-path. Errors are
LanguageTool's plain-text `Error: …` with its status codes; no answer ever carries a stack
trace (the log has it).
"""

from __future__ import annotations

import base64
import contextlib
import hmac
import json
import logging
import re
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import anyio
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse, PlainTextResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp, Receive, Scope, Send

from textlint.reporters.html import STYLESHEET
from textlint.serve.answer import software
from textlint.serve.params import CheckRequest, RequestError, form_fields
from textlint.serve.service import Service
from textlint.serve.settings import ServeSettings
from textlint.serve.upstream import Relayed

STATIC = Path(__file__).resolve().parent / "static"
LOG = logging.getLogger("textlint.serve")
Handler = Callable[[Request], Awaitable[Response]]


class RefusedError(Exception):
    """An answer other than 200, said in the endpoint's own style."""

    def __init__(self, message: str, status: int) -> None:
        super().__init__(message)
        self.status = status


def create_app(settings: ServeSettings, service: Service | None = None) -> ASGIApp:
    """The ASGI application; `service` is built from `settings` unless given."""
    service = service or Service(settings.validated())
    endpoints = Endpoints(settings, service)
    routes = [
        Route("/", endpoints.page),
        Route("/report.css", endpoints.report_css),
        Mount("/static", StaticFiles(directory=STATIC), name="static"),
        Route("/v2/check", endpoints.lt(endpoints.check), methods=["GET", "POST"]),
        Route("/v2/languages", endpoints.lt(endpoints.languages)),
        Route("/v2/info", endpoints.lt(endpoints.info)),
        Route("/v2/maxtextlength", endpoints.lt(endpoints.max_text_length)),
        Route("/v2/configinfo", endpoints.lt(endpoints.configinfo), methods=["GET", "POST"]),
        Route("/v2/healthcheck", endpoints.lt(endpoints.healthcheck)),
        Route("/api/lint", endpoints.api(endpoints.lint), methods=["POST"]),
    ]
    middleware = []
    if settings.allow_origins:
        middleware.append(
            Middleware(
                CORSMiddleware,
                allow_origins=list(settings.allow_origins),
                allow_methods=["GET", "POST"],
                allow_headers=["Authorization", "Content-Type"],
            )
        )
    return SlashesMiddleware(Starlette(routes=routes, middleware=middleware))


class SlashesMiddleware:
    """`//v2/check` is `/v2/check`: a client given an address ending in `/` adds another."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and "//" in scope["path"]:
            scope = {**scope, "path": re.sub("/{2,}", "/", scope["path"])}
        await self.app(scope, receive, send)


class Endpoints:
    def __init__(self, settings: ServeSettings, service: Service) -> None:
        self.settings = settings
        self.service = service

    # -- wrappers: limits, errors ------------------------------------------------------

    def lt(self, handler: Handler) -> Handler:
        """LanguageTool's error style: plain text `Error: …`."""

        async def wrapped(request: Request) -> Response:
            try:
                return await handler(request)
            except RefusedError as error:
                return PlainTextResponse(f"Error: {error}", status_code=error.status)
            except Exception:
                LOG.exception("request failed: %s %s", request.method, request.url.path)
                return PlainTextResponse("Error: internal error (see the server's log)", status_code=500)

        return wrapped

    def api(self, handler: Handler) -> Handler:
        """The review page's JSON error style: `{"error": …}`."""

        async def wrapped(request: Request) -> Response:
            try:
                return await handler(request)
            except RefusedError as error:
                return JSONResponse({"error": str(error)}, status_code=error.status)
            except Exception:
                LOG.exception("request failed: %s %s", request.method, request.url.path)
                return JSONResponse({"error": "internal error (see the server's log)"}, status_code=500)

        return wrapped

    async def body(self, request: Request) -> bytes:
        """The request body, refused (413) past the size limit without reading it all."""
        limit = self.settings.max_request_bytes
        declared = request.headers.get("content-length", "")
        too_big = f"the request is larger than the limit of {limit} bytes"
        if declared.isdigit() and int(declared) > limit:
            raise RefusedError(too_big, 413)
        chunks, size = [], 0
        async for chunk in request.stream():
            size += len(chunk)
            if size > limit:
                raise RefusedError(too_big, 413)
            chunks.append(chunk)
        return b"".join(chunks)

    def authorize(self, request: Request, fields: dict[str, str]) -> None:
        """With a token set, a request must carry it: a bearer token, the password of basic
        authentication (an address `http://user:TOKEN@host/`), or an `apiKey`/`token` field."""
        expected = self.settings.token
        if not expected:
            return
        offered = [fields.get("apiKey", ""), fields.get("token", "")]
        scheme, _, value = request.headers.get("authorization", "").partition(" ")
        if scheme.lower() == "bearer":
            offered.append(value.strip())
        elif scheme.lower() == "basic":
            with contextlib.suppress(ValueError):  # not base64 or not UTF-8: no token offered
                offered.append(base64.b64decode(value.strip()).decode("utf-8").partition(":")[2])
        if not any(
            hmac.compare_digest(candidate.encode(), expected.encode()) for candidate in offered if candidate
        ):
            raise RefusedError("a valid token is required (see docs/serve.md)", 403)

    async def in_thread(self, work: Callable[[], Any]) -> Any:
        """Blocking work in a worker thread, answered with a 500 past the time limit."""
        limit = self.settings.time_limit
        try:
            with anyio.fail_after(limit):
                return await anyio.to_thread.run_sync(work, abandon_on_cancel=True)
        except TimeoutError:
            raise RefusedError(f"checking took longer than the limit of {limit:g} seconds", 500) from None
        except RequestError as error:
            raise RefusedError(str(error), error.status) from None

    # -- LanguageTool's API ------------------------------------------------------------

    async def fields(self, request: Request) -> dict[str, str]:
        body = await self.body(request) if request.method == "POST" else b""
        try:
            return form_fields(request.url.query, body)
        except RequestError as error:
            raise RefusedError(str(error), error.status) from None

    async def check(self, request: Request) -> Response:
        fields = await self.fields(request)
        self.authorize(request, fields)
        try:
            parsed = CheckRequest.parse(fields)
        except RequestError as error:
            raise RefusedError(str(error), error.status) from None
        answer = await self.in_thread(lambda: self.service.check(parsed))
        return _json_or_relayed(answer)

    async def languages(self, request: Request) -> Response:
        return JSONResponse(await self.in_thread(self.service.languages))

    async def info(self, request: Request) -> Response:
        return JSONResponse({"software": software()})

    async def max_text_length(self, request: Request) -> Response:
        return PlainTextResponse(str(self.settings.max_text_length))

    async def healthcheck(self, request: Request) -> Response:
        return PlainTextResponse("OK")

    async def configinfo(self, request: Request) -> Response:
        fields = await self.fields(request)
        language = fields.get("language", "").strip()
        if not language:
            raise RefusedError("Missing 'language' parameter", 400)
        return _json_or_relayed(await self.in_thread(lambda: self.service.configinfo(language)))

    # -- the review page ---------------------------------------------------------------

    async def page(self, request: Request) -> Response:
        return FileResponse(STATIC / "index.html", media_type="text/html; charset=utf-8")

    async def report_css(self, request: Request) -> Response:
        return Response(STYLESHEET, media_type="text/css; charset=utf-8")

    async def lint(self, request: Request) -> Response:
        body = await self.body(request)
        self.authorize(request, {})
        try:
            data = json.loads(body)
        except ValueError:
            raise RefusedError('the body must be JSON: {"text": …, "name": …}', 400) from None
        if not isinstance(data, dict) or not isinstance(data.get("text"), str):
            raise RefusedError("the body must be a JSON object with a 'text' string", 400)
        name = str(data["name"]) if isinstance(data.get("name"), str) else "article.txt"
        language = data.get("language") if isinstance(data.get("language"), str) else None
        report = await self.in_thread(lambda: self.service.lint_json(data["text"], name, language))
        return JSONResponse(report)


def _json_or_relayed(answer: dict[str, Any] | Relayed) -> Response:
    if isinstance(answer, Relayed):
        return Response(answer.body, status_code=answer.status, headers={"Content-Type": answer.content_type})
    return JSONResponse(answer)
