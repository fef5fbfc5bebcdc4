"""Where the resident process listens and how a run and the resident talk.

One resident per Python environment and textlint installation: the socket's name is a
checksum of the two, in textlint's cache folder (so `TEXTLINT_CACHE_DIR` or `XDG_CACHE_HOME`
give another one). Messages are JSON objects, each after its length in four bytes; the first
one, the request, carries the run's three standard streams as file descriptors. The client
imports this module before anything else, so it needs nothing heavier than `socket` and
`json`.
"""

from __future__ import annotations

import json
import os
import socket
import sys
import zlib

from textlint.cachedir import cache_folder

TYPE_CHECKING = False  # not `typing`'s: see textlint/__init__.py
if TYPE_CHECKING:
    from typing import Any

IDLE_SECONDS = 900.0  # a resident nobody asked for this long stops
# A Unix socket's path is limited to 108 bytes on Linux; past this, no resident.
MAX_PATH = 100
_LENGTH = 4
MAX_MESSAGE = 16 * 1024 * 1024
STREAMS = 3  # stdin, stdout, stderr


class ProtocolError(Exception):
    """A message cut short or not JSON: the other side went away or is not a resident."""


def socket_path() -> str | None:
    """This installation's socket; None where Unix sockets cannot carry file descriptors."""
    if not hasattr(socket, "send_fds") or not sys.platform.startswith("linux"):
        return None
    package = os.path.dirname(os.path.dirname(os.path.realpath(__file__)))
    name = f"{zlib.crc32(os.fsencode(chr(0).join((sys.prefix, sys.version, package)))):08x}"
    path = os.path.join(cache_folder(), "resident", f"{name}.sock")
    return path if len(os.fsencode(path)) <= MAX_PATH else None


def encode(message: dict[str, Any]) -> bytes:
    # Arguments, folders and environment values may hold undecodable bytes (as surrogates):
    # JSON's \\u escapes carry them through.
    data = json.dumps(message).encode("ascii")
    return len(data).to_bytes(_LENGTH, "big") + data


def send(connection: socket.socket, message: dict[str, Any], fds: list[int] | None = None) -> None:
    data = encode(message)
    if fds:
        sent = socket.send_fds(connection, [data], fds)
        connection.sendall(data[sent:])
    else:
        connection.sendall(data)


def receive(connection: socket.socket, with_fds: bool = False) -> tuple[dict[str, Any], list[int]]:
    """The next message, with the file descriptors that came with it."""
    fds: list[int] = []
    if with_fds:
        head, fds, _flags, _address = socket.recv_fds(connection, _LENGTH, STREAMS)
    else:
        head = connection.recv(_LENGTH)
    try:
        head += _exactly(connection, _LENGTH - len(head))
        size = int.from_bytes(head, "big")
        if size > MAX_MESSAGE:
            raise ProtocolError(f"message of {size} bytes")
        message = json.loads(_exactly(connection, size))
    except (ProtocolError, ValueError) as error:
        for fd in fds:
            os.close(fd)
        raise ProtocolError(str(error)) from None
    if not isinstance(message, dict):
        raise ProtocolError("not an object")
    return message, fds


def _exactly(connection: socket.socket, size: int) -> bytes:
    chunks = []
    while size > 0:
        chunk = connection.recv(min(size, 65536))
        if not chunk:
            raise ProtocolError("connection closed")
        chunks.append(chunk)
        size -= len(chunk)
    return b"".join(chunks)
