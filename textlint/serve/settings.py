"""What `textlint serve` is started with: address, limits, who may call it."""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass, field

from textlint.config import Config
from textlint.errors import ConfigError

TOKEN_ENV = "TEXTLINT_SERVE_TOKEN"
DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8081  # LanguageTool's own default: clients' settings often already say it


@dataclass(frozen=True)
class ServeSettings:
    config: Config = field(default_factory=Config)
    host: str = DEFAULT_HOST
    port: int = DEFAULT_PORT
    token: str | None = None  # required from every client when set
    allow_origins: tuple[str, ...] = ()  # browser origins allowed to call the API (CORS)
    max_text_length: int = 100_000  # UTF-16 units of prose per check, as LanguageTool counts
    max_request_bytes: int = 2_000_000  # a request body, markup and form encoding included
    time_limit: float = 60.0  # seconds a check may take

    def validated(self) -> ServeSettings:
        """These settings, or ConfigError when they would expose the server to the network."""
        if not is_loopback(self.host) and not self.token:
            raise ConfigError(
                f"serving on {self.host} exposes the server beyond this machine: "
                f"give a token (--token or {TOKEN_ENV}) that every client must send"
            )
        if self.max_text_length <= 0 or self.max_request_bytes <= 0 or self.time_limit <= 0:
            raise ConfigError("limits must be positive")
        return self


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False
