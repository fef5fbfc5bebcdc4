"""What `textlint languagetool status` reports: the installation and the managed server."""

from __future__ import annotations

from dataclasses import dataclass

from textlint.languagetool import install, paths, process
from textlint.languagetool.install import Installation


@dataclass(frozen=True)
class Status:
    """What `textlint languagetool status` shows."""

    version: str
    installation: Installation | None
    pid: int | None = None
    port: int | None = None
    url: str | None = None
    started: float | None = None
    last_use: float | None = None
    healthy: bool = False

    @property
    def running(self) -> bool:
        return self.pid is not None and self.healthy


def status(version: str = paths.LT_VERSION) -> Status:
    """The installation of `version` and the managed server, if one is registered."""
    state = process.read_state()
    if state is None:
        return Status(version, install.installed(version))
    alive = process.process_alive(state.pid)
    return Status(
        version=version,
        installation=install.installed(version),
        pid=state.pid,
        port=state.port,
        url=state.url,
        started=state.started,
        last_use=process.last_use(),
        healthy=alive and process.healthy(state.url),
    )
