"""Load test of `textlint serve`: concurrent LanguageTool clients, no error, no mixed answers.

    python bench/bench_serve.py [--clients 20] [--seconds 60] [--url http://127.0.0.1:8081]

Without `--url` it starts `textlint serve --port 0` (with the managed LanguageTool server
behind it) and stops it at the end. Each client sends its own version of the seed article
(a different number of emoji before it, so that every offset differs from one client to the
next) and checks that every answer equals the answer its text got alone: the same matches at
the same offsets. Traffic goes to the loopback address only. Prints a Markdown table.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import requests

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_01c045c1145d32db.txt"


def client_text(number: int) -> str:
    """The text client `number` sends: the seed's first paragraphs after `number` emoji."""
    paragraphs = SEED.read_text(encoding="utf-8").split("\n")[:4]
    return "🎉" * (number + 1) + " " + "\n".join(paragraphs)


def check(url: str, text: str) -> tuple[int, list[Any]]:
    answer = requests.post(f"{url}/v2/check", data={"language": "fr-FR", "text": text}, timeout=120)
    return answer.status_code, answer.json()["matches"] if answer.status_code == 200 else []


@dataclass
class Stats:
    requests: int = 0
    errors: list[str] = field(default_factory=list)
    mixed: int = 0
    latencies: list[float] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)


def hammer(url: str, clients: int, seconds: float) -> Stats:
    """`clients` threads sending their own text for `seconds`; every answer compared to its reference."""
    texts = [client_text(n) for n in range(clients)]
    references = []
    for text in texts:
        status, matches = check(url, text)
        assert status == 200, f"reference request failed with HTTP {status}"
        references.append(matches)
    stats = Stats()
    deadline = time.monotonic() + seconds

    def run(number: int) -> None:
        session = requests.Session()
        while time.monotonic() < deadline:
            started = time.perf_counter()
            try:
                answer = session.post(
                    f"{url}/v2/check", data={"language": "fr-FR", "text": texts[number]}, timeout=120
                )
                ok = answer.status_code == 200
                same = ok and answer.json()["matches"] == references[number]
                error = None if ok else f"HTTP {answer.status_code}: {answer.text[:100]}"
            except requests.RequestException as failure:
                ok, same, error = False, False, type(failure).__name__
            with stats.lock:
                stats.requests += 1
                stats.latencies.append(time.perf_counter() - started)
                if error:
                    stats.errors.append(error)
                elif not same:
                    stats.mixed += 1

    with ThreadPoolExecutor(clients) as pool:
        list(pool.map(run, range(clients)))
    return stats


def start_server() -> tuple[subprocess.Popen[str], str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    process = subprocess.Popen(
        [sys.executable, "-m", "textlint", "serve", "--port", "0"], env=env, stderr=subprocess.PIPE, text=True
    )
    assert process.stderr is not None
    for line in process.stderr:
        if "ready at " in line:
            threading.Thread(target=process.stderr.read, daemon=True).start()
            return process, line.split("ready at ", 1)[1].strip().rstrip("/")
    raise SystemExit("textlint serve did not start")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--url", help="a running textlint serve (default: start one)")
    args = parser.parse_args()
    process, url = (None, args.url.rstrip("/")) if args.url else start_server()
    try:
        stats = hammer(url, args.clients, args.seconds)
    finally:
        if process is not None:
            process.terminate()
            process.wait(timeout=30)
    latencies = sorted(stats.latencies)
    p95 = latencies[int(0.95 * (len(latencies) - 1))] if latencies else 0.0
    print("| clients | seconds | requests | per second | errors | mixed answers | median | p95 |")
    print("|---|---|---|---|---|---|---|---|")
    print(
        f"| {args.clients} | {args.seconds:g} | {stats.requests} | {stats.requests / args.seconds:.1f} "
        f"| {len(stats.errors)} | {stats.mixed} | {statistics.median(latencies) * 1000:.0f} ms "
        f"| {p95 * 1000:.0f} ms |"
    )
    for error in sorted(set(stats.errors))[:5]:
        print(f"error: {error}")
    sys.exit(1 if stats.errors or stats.mixed else 0)


if __name__ == "__main__":
    main()
