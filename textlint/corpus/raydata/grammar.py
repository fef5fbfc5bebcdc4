"""One LanguageTool server per Ray node, started and kept by one actor per node.

Ray ends a worker's child processes when the worker ends. A managed server started by a lint
actor would die with that actor (scaled down, killed, or at the end of the job) and take
every other actor's checks on the node with it. So the server is started by a small actor
of its own on each node — named after the node, created by the first lint actor there that
needs it, detached so that it outlives the job — and the lint actors of the node are its
clients: they find the server through the node's state file, as any textlint process does,
and ask the node's actor to start it when none answers (first use, or after it died).
The server still stops itself after `languagetool.idle-timeout` seconds without a check.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import ray
from ray.util.scheduling_strategies import NodeAffinitySchedulingStrategy

from textlint.config import LanguageToolSettings
from textlint.languagetool import install, process

NAMESPACE = "textlint"


class ServerKeeper:
    """The actor of a node that starts its managed LanguageTool server (its child process)."""

    def serve(self, memory: str, idle_timeout: int) -> process.ServerState:
        """The node's healthy server: the running one, or a new one (installing LanguageTool
        first when the node lacks it)."""
        if install.installed() is None:
            install.install(progress=None)
        return process.start(memory, idle_timeout)


def node_server_host(settings: LanguageToolSettings) -> Callable[[], process.ServerState]:
    """What a lint actor calls to get its node's server started by the node's keeper."""
    node = ray.get_runtime_context().get_node_id()
    keeper: Any = (
        ray.remote(ServerKeeper)
        .options(
            name=f"languagetool-{node}",
            namespace=NAMESPACE,
            get_if_exists=True,
            lifetime="detached",
            num_cpus=0,
            scheduling_strategy=NodeAffinitySchedulingStrategy(node, soft=False),
        )
        .remote()
    )

    def host() -> process.ServerState:
        state: process.ServerState = ray.get(keeper.serve.remote(settings.memory, settings.idle_timeout))
        return state

    return host
