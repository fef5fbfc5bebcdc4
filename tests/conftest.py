"""Shared helpers: running the real command line in a subprocess, and a private cache.

The whole session runs with `TEXTLINT_CACHE_DIR` pointing at a temporary folder: the tests'
LanguageTool server, its state file, lock, log and result cache live there, so the suite
never touches a user's running server or cache. Only LanguageTool's jars are shared, read
only: the private folder's installation marker points at the user's installation (made by
`textlint languagetool install`), or the first server test installs into the private folder.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from textlint.languagetool import install, paths, process

_CACHE_KEY = pytest.StashKey[Path]()
RAY_LOOPBACK = "RAY_ENABLE_WINDOWS_OR_OSX_CLUSTER"


def pytest_configure(config: pytest.Config) -> None:
    # Ray clusters the tests start (and the drivers joining them) use this machine's loopback
    # address only, not its network address; Ray reads this when it is imported.
    os.environ.setdefault(RAY_LOOPBACK, "0")
    shared = install.installed()  # looked up before the cache folder is switched
    private = Path(tempfile.mkdtemp(prefix="textlint-tests-"))
    os.environ[paths.CACHE_ENV] = str(private)
    config.stash[_CACHE_KEY] = private
    if shared is not None:
        marker = paths.install_marker(shared.version)
        marker.parent.mkdir(parents=True)
        description = {"version": shared.version, "classpath": list(shared.classpath), "method": "shared"}
        marker.write_text(json.dumps(description), encoding="utf-8")


def pytest_unconfigure(config: pytest.Config) -> None:
    private = config.stash.get(_CACHE_KEY, None)
    if private is None:
        return
    process.stop()  # the session's own server, if a test started one
    shutil.rmtree(private, ignore_errors=True)


ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_01c045c1145d32db.txt"
# The seed's calques the shipped rules cover (« Je vais être honnête : », « En termes d'IA »,
# « vers de nouveaux sommets », « cloud computing »): suggestions, left for an editor.
SEED_CALQUES = {
    "mt.calque-etre-honnete",
    "mt.calque-en-termes-de",
    "mt.calque-nouveaux-sommets",
    "mt.anglicismes-numerique",
}

Runner = Callable[..., subprocess.CompletedProcess[str]]


def run_textlint(
    *args: str, input: str | None = None, cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_COLOR": "1", "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-m", "textlint", *args],
        input=input,
        capture_output=True,
        text=True,
        cwd=cwd or ROOT,
        env=env,
        timeout=300,
        check=False,
    )


@pytest.fixture
def textlint() -> Runner:
    return run_textlint


# Drivers joining the session's Ray cluster from a subprocess present the token it generated.
RAY_JOIN_ENVIRONMENT = {"RAY_AUTH_MODE": "token"}


@pytest.fixture(scope="session")
def ray_cluster() -> Iterator[str]:
    """A real local Ray cluster of 2 CPUs for the session (started by the first test that needs
    it); its address, for drivers started in a subprocess. This process is a driver too."""
    ray = pytest.importorskip("ray")
    context = ray.init(num_cpus=2, include_dashboard=False, logging_level=logging.WARNING)
    yield str(context.address_info["gcs_address"])
    ray.shutdown()
