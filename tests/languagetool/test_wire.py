"""The HTTP textlint speaks to a LanguageTool server (`wire`), against a real local HTTP server
playing the answers a server, a proxy or a broken connection gives."""

from __future__ import annotations

import socket
import threading
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs

import pytest

from tests.languagetool.conftest import serving
from textlint.languagetool import wire

Reply = Callable[[BaseHTTPRequestHandler], object]


class Server(ThreadingHTTPServer):
    daemon_threads = True
    reply: Reply
    seen: list[tuple[str, str, dict[str, str], bytes]]


class Handler(BaseHTTPRequestHandler):
    server: Server
    protocol_version = "HTTP/1.1"

    def do_GET(self) -> None:
        self._handle(b"")

    def do_POST(self) -> None:
        self._handle(self.rfile.read(int(self.headers["Content-Length"])))

    def _handle(self, body: bytes) -> None:
        self.server.seen.append((self.command, self.path, dict(self.headers), body))
        self.server.reply(self)

    def log_message(self, *_args: object) -> None:
        pass


@pytest.fixture
def server() -> Iterator[Server]:
    with serving(Server(("127.0.0.1", 0), Handler)) as served:
        served.seen = []
        yield served


def url_of(server: Server) -> str:
    return f"http://127.0.0.1:{server.server_address[1]}/prefix/"


def answer_with(status: int, body: bytes) -> Reply:
    def reply(handler: BaseHTTPRequestHandler) -> None:
        handler.send_response(status)
        handler.send_header("Content-Length", str(len(body)))
        handler.end_headers()
        handler.wfile.write(body)

    return reply


def test_a_form_is_posted_and_its_answer_read(server: Server) -> None:
    said = '{"matches": ["é"]}'.encode()
    server.reply = answer_with(200, said)
    form = {"language": "fr", "text": "Il a dit : « oui » & puis ?"}
    assert wire.request(url_of(server), "/v2/check", form=form, timeout=5) == (200, said)
    [(method, path, headers, body)] = server.seen
    assert (method, path) == ("POST", "/prefix/v2/check")
    assert headers["Content-Type"] == "application/x-www-form-urlencoded; charset=utf-8"
    assert headers["Host"] == f"127.0.0.1:{server.server_address[1]}"
    assert {key: values for key, values in parse_qs(body.decode()).items()} == {
        "language": ["fr"],
        "text": ["Il a dit : « oui » & puis ?"],
    }


def test_a_get_carries_its_query(server: Server) -> None:
    server.reply = answer_with(404, b"no such page")
    assert wire.request(url_of(server), "/v2/configinfo", query={"language": "fr-FR"}, timeout=5) == (
        404,
        b"no such page",
    )
    [(method, path, _, _)] = server.seen
    assert (method, path) == ("GET", "/prefix/v2/configinfo?language=fr-FR")


def test_a_chunked_answer_is_read_whole(server: Server) -> None:
    def chunked(handler: BaseHTTPRequestHandler) -> None:
        handler.send_response(200)
        handler.send_header("Transfer-Encoding", "chunked")
        handler.end_headers()
        for part in (b'{"matches"', b": []}"):
            handler.wfile.write(b"%x\r\n%s\r\n" % (len(part), part))
        handler.wfile.write(b"0\r\n\r\n")

    server.reply = chunked
    answer = wire.request(url_of(server), "/v2/check", form={"text": "x"}, timeout=5)
    assert answer == (200, b'{"matches": []}')


def test_the_request_is_sent_before_its_answer_is_asked_for(server: Server) -> None:
    server.reply = answer_with(200, b"{}")
    answer = wire.send(url_of(server), "/v2/check", form={"text": "x"}, timeout=5)
    for _ in range(500):  # the server sees it while the caller works
        if server.seen:
            break
        threading.Event().wait(0.01)
    assert len(server.seen) == 1
    assert answer() == (200, b"{}")


@pytest.mark.parametrize(
    "broken",
    [
        pytest.param(b"SSH-2.0-OpenSSH_9.2\r\n", id="another protocol"),
        pytest.param(b'HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n{"matches', id="answer cut short"),
        pytest.param(b"", id="connection closed without a word"),
    ],
)
def test_an_answer_that_is_not_http_is_a_transport_error(server: Server, broken: bytes) -> None:
    def reply(handler: BaseHTTPRequestHandler) -> None:
        handler.wfile.write(broken)
        handler.wfile.flush()
        handler.close_connection = True
        handler.connection.shutdown(socket.SHUT_RDWR)

    server.reply = reply
    answer = wire.send(url_of(server), "/v2/check", form={"text": "x"}, timeout=5)
    with pytest.raises(wire.TransportError):
        answer()


def test_no_answer_in_time_is_a_timeout(server: Server) -> None:
    stop = threading.Event()
    server.reply = lambda _handler: stop.wait(5)
    try:
        with pytest.raises(TimeoutError):
            wire.request(url_of(server), "/v2/check", form={"text": "x"}, timeout=0.2)
    finally:
        stop.set()


def test_nothing_listening_is_a_transport_error() -> None:
    with socket.socket() as probe:  # a port just freed: nothing listens there
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    answer = wire.send(f"http://127.0.0.1:{port}", "/v2/healthcheck", timeout=5)
    with pytest.raises(ConnectionRefusedError):
        answer()


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:port",
        "http://127.0.0.1:8081/a path",
        "http://127.0.0.1:8081/\r\nX-Evil: 1",
        "http://serveur-inexistant.invalid:8081",
    ],
)
def test_an_address_a_request_cannot_reach_is_a_transport_error(url: str) -> None:
    answer = wire.send(url, "/v2/check", form={"text": "x"}, timeout=5)
    with pytest.raises(wire.TransportError):
        answer()
