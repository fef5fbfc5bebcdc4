"""Shared helpers: running the real command line in a subprocess."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

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
