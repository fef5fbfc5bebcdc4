"""`textlint serve`: the LanguageTool-compatible server and the review page.

The server's package is imported only when the command runs, so the command line starts
fast and works without the `serve` extra.
"""

from __future__ import annotations

import argparse
import os
import socket
import sys
from pathlib import Path

from textlint.cli.exits import EXIT_ERROR, EXIT_OK
from textlint.cli.options import add_lint_options, lint_options, positive


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    serve = subparsers.add_parser(
        "serve", help="answer LanguageTool's HTTP API and serve a review page (docs/serve.md)"
    )
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    serve.add_argument("--port", type=int, default=8081, help="port (default 8081; 0 picks a free one)")
    serve.add_argument(
        "--token",
        default=None,
        help="a token every client must send (default: $TEXTLINT_SERVE_TOKEN); required beyond localhost",
    )
    serve.add_argument(
        "--allow-origin",
        action="append",
        default=[],
        metavar="ORIGIN",
        help="a browser origin allowed to call the API (repeatable; '*' for any)",
    )
    serve.add_argument("--max-text-length", type=positive, default=100_000, help="characters per check")
    serve.add_argument("--max-request-bytes", type=positive, default=2_000_000, help="bytes per request")
    serve.add_argument("--time-limit", type=positive, default=60, help="seconds a check may take")
    add_lint_options(
        serve, "configuration file (default: found upward from the current folder)", outcome=False
    )
    serve.set_defaults(func=_run)


def _run(args: argparse.Namespace) -> int:
    try:
        import uvicorn

        from textlint.serve import ServeSettings, create_app
        from textlint.serve.service import Service
        from textlint.serve.settings import TOKEN_ENV
    except ImportError as error:
        print(
            f"textlint: error: textlint serve needs the serve extra ({error.name} is missing): "
            "pip install 'textlint[serve]'",
            file=sys.stderr,
        )
        return EXIT_ERROR
    settings = ServeSettings(
        config=lint_options(args).config_for(Path.cwd()),
        host=args.host,
        port=args.port,
        token=args.token or os.environ.get(TOKEN_ENV) or None,
        allow_origins=tuple(args.allow_origin),
        max_text_length=args.max_text_length,
        max_request_bytes=args.max_request_bytes,
        time_limit=float(args.time_limit),
    ).validated()
    family = socket.AF_INET6 if ":" in settings.host else socket.AF_INET
    listener = socket.socket(family, socket.SOCK_STREAM)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind((settings.host, settings.port))  # bound first: with --port 0 the port is known
    listener.listen(128)  # clients arriving while rules load wait in the backlog, never refused
    port = listener.getsockname()[1]
    service = Service(settings)
    print(f"textlint serve: starting LanguageTool and loading rules on port {port}…", file=sys.stderr)
    service.warm_up()
    server = uvicorn.Server(
        uvicorn.Config(create_app(settings, service), log_level="warning", timeout_graceful_shutdown=5)
    )
    print(f"textlint serve: ready at http://{_shown(settings.host)}:{port}/", file=sys.stderr, flush=True)
    server.run(sockets=[listener])
    return EXIT_OK


def _shown(host: str) -> str:
    return f"[{host}]" if ":" in host else host
