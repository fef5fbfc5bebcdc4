"""Shared helpers: running the real command line in a subprocess, and a private cache.

The whole session runs with `TEXTLINT_CACHE_DIR` pointing at a temporary folder: the tests'
LanguageTool server, its state file, lock, log and result cache live there, so the suite
never touches a user's running server or cache. It also runs with `TEXTLINT_RESIDENT=0`: the
commands the tests start run in their own process and leave no resident process behind;
tests/test_resident.py starts its own. Only LanguageTool's jars are shared, read
only: the private folder's installation marker points at the user's installation (made by
`textlint languagetool install`), or the first server test installs into the private folder.
"""

from __future__ import annotations

import ctypes
import json
import logging
import os
import shutil
import signal
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import settings

from textlint import resident
from textlint.languagetool import install, paths, process

# The property tests draw the same examples on every run, so that the suite's verdict on a
# commit does not depend on luck; `pytest --hypothesis-profile=explore` draws new ones (run it
# after changing the source map, the fixer or the guards) and prints the seed of a failure.
settings.register_profile("default", derandomize=True)
settings.register_profile("explore", derandomize=False)
settings.load_profile("default")

_CACHE_KEY = pytest.StashKey[Path]()
RAY_LOOPBACK = "RAY_ENABLE_WINDOWS_OR_OSX_CLUSTER"
RESIDENT_ENV = resident.ENV


def pytest_configure(config: pytest.Config) -> None:
    # Ray clusters the tests start (and the drivers joining them) use this machine's loopback
    # address only, not its network address; Ray reads this when it is imported.
    os.environ.setdefault(RAY_LOOPBACK, "0")
    # Tests press Ctrl-C on the commands they start, as a terminal would. A shell without job
    # control starts its background commands with SIGINT ignored, and a child inherits an
    # ignored signal across exec: the commands would never see the Ctrl-C. A handled signal
    # is reset to its default in the child, so the test run handles it.
    if signal.getsignal(signal.SIGINT) is signal.SIG_IGN:
        signal.signal(signal.SIGINT, signal.default_int_handler)
    shared = install.installed()  # looked up before the cache folder is switched
    private = Path(tempfile.mkdtemp(prefix="textlint-tests-"))
    os.environ[paths.CACHE_ENV] = str(private)
    os.environ[RESIDENT_ENV] = "0"
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
# The seed's machine-translation problems the shipped rules find besides the doubled word, the
# redundant pronoun and the names: suggestions, left for an editor (the problems themselves
# are listed in tests/data/seed-mt-problems.yaml and checked by tests/test_seed.py).
SEED_CALQUES = {
    "mt.calque-etre-honnete",
    "mt.calque-nouveaux-sommets",
    "mt.capitalised-noun",
    "mt.faux-amis-anglais",
    "mt.calques-anglais",
    "mt.calques-italien-espagnol",
    "mt.pronoun-drift",
}

Runner = Callable[..., subprocess.CompletedProcess[str]]


def run_textlint(
    *args: str,
    input: str | None = None,
    cwd: Path | None = None,
    timeout: float = 300,
    as_user: bool = False,
) -> subprocess.CompletedProcess[str]:
    """textlint in a subprocess; `as_user`: without root's power to ignore file modes."""
    env = {**os.environ, "NO_COLOR": "1", "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-m", "textlint", *args],
        input=input,
        capture_output=True,
        text=True,
        cwd=cwd or ROOT,
        env=env,
        timeout=timeout,
        check=False,
        preexec_fn=drop_file_mode_override if as_user and os.geteuid() == 0 else None,
    )


# Linux capabilities that let root read and write files whatever their modes say.
_CAP_DAC_OVERRIDE, _CAP_DAC_READ_SEARCH = 1, 2
_PR_CAPBSET_DROP = 24


def drop_file_mode_override() -> None:
    """In a child about to exec: give up root's right to ignore file modes, as an ordinary user has.

    The test machine and CI run as root, for which `chmod 000` forbids nothing; dropping the
    two capabilities from the bounding set makes the exec'd program obey file modes.
    """
    libc = ctypes.CDLL(None, use_errno=True)
    for capability in (_CAP_DAC_OVERRIDE, _CAP_DAC_READ_SEARCH):
        if libc.prctl(_PR_CAPBSET_DROP, capability, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP) failed")


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
