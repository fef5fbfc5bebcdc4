"""Twenty clients at once for a few seconds: no error, and each gets the answer for its own text.

The full 60-second run is `python bench/bench_serve.py` (figures in BENCHMARKS.md).
"""

from __future__ import annotations

from bench.bench_serve import hammer


def test_twenty_concurrent_clients_get_their_own_answers(serve_url: str) -> None:
    stats = hammer(serve_url, clients=20, seconds=5)
    assert stats.requests >= 20
    assert stats.errors == []
    assert stats.mixed == 0
