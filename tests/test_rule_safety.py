"""A house rule with a catastrophically backtracking regex cannot hang a run, whatever its kind.

The regex is `(?:\\w|\\w\\w)*\\d` on a run of letters without a digit: exponential in the
regex engine. Every place a user regex runs is tried: a pattern (with and without
triggers), a consistency variant, and the exceptions of a pattern rule and of phrase rules.
The time limit is lowered so each case costs a fraction of a second.
"""

from __future__ import annotations

import signal
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import TypeVar

import pytest
import regex

from textlint.document import Document
from textlint.yamlrules import matching
from textlint.yamlrules.checker import MAX_TIMEOUTS, TIMEOUT_RULE, RuleChecker
from textlint.yamlrules.loader import load_ruleset

SLOW = r"(?:\w|\w\w)*\d"
LIMIT = 0.3  # seconds per rule and document in these tests (2 s + 2 s per million characters in use)
TEXT = "é" * 40 + " Le chat et le Chat dorment.\n"
RULES = {
    "pattern": f"kind: pattern\n    pattern: '{SLOW}'",
    "triggered-pattern": f"kind: pattern\n    pattern: '{SLOW}'\n    trigger: [chat]",
    "consistency": (
        "kind: consistency\n    variants:\n"
        "      - {name: a, pattern: 'chat', replacement: 'chat'}\n"
        f"      - {{name: b, pattern: '{SLOW}', replacement: 'Chat'}}"
    ),
    "pattern-exception": f"kind: pattern\n    pattern: 'chat'\n    exceptions: ['{SLOW}']",
    "existence-exception": f"kind: existence\n    phrases: [chat]\n    exceptions: ['{SLOW}']",
    "substitution-exception": f"kind: substitution\n    swap: {{chat: chien}}\n    exceptions: ['{SLOW}']",
}


@pytest.fixture(autouse=True, params=["timeout", "signal"])
def short_limit(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test runs twice: with the regex engine's timeout (a program importing textlint)
    and with the main thread's timer signal (the corpus command, `time_rules_by_signal`)."""
    monkeypatch.setattr(matching, "TIMEOUT_BASE", LIMIT)
    monkeypatch.setattr(matching._timer, "wanted", request.param == "signal")


def house_checker(tmp_path: Path, name: str) -> RuleChecker:
    body = f"  - id: {name}\n    message: m\n    {RULES[name]}\n"
    body += "  - id: sain\n    kind: pattern\n    message: m\n    pattern: 'dorment'\n"
    path = tmp_path / "maison.yaml"
    path.write_text(f"ruleset:\n  prefix: maison\nrules:\n{body}", encoding="utf-8")
    return RuleChecker(load_ruleset(path).rules)


@pytest.mark.parametrize("name", sorted(RULES))
def test_a_pathological_rule_is_stopped_and_named_and_the_others_still_run(tmp_path: Path, name: str) -> None:
    checker = house_checker(tmp_path, name)
    started = time.monotonic()
    issues = checker.check(Document(TEXT))
    assert time.monotonic() - started < 10  # without the limit, it would run for ages
    [timeout] = [issue for issue in issues if issue.rule == TIMEOUT_RULE]
    assert timeout.message.startswith(f"rule maison.{name} ({tmp_path / 'maison.yaml'}) ran longer than")
    assert f"its regular expression {SLOW!r} backtracks too much; simplify it" in timeout.message
    assert [issue.rule for issue in issues if issue.rule.startswith("maison.")] == ["maison.sain"]


def test_a_rule_that_keeps_timing_out_is_skipped_for_the_rest_of_the_run(tmp_path: Path) -> None:
    checker = house_checker(tmp_path, "pattern")
    documents = 30
    started = time.monotonic()
    results = [checker.check(Document(TEXT)) for _ in range(documents)]
    # Only the first documents pay the time limit: 30 documents cost about 3 limits, not 30.
    assert time.monotonic() - started < documents * LIMIT / 2
    messages = [issue.message for issues in results for issue in issues if issue.rule == TIMEOUT_RULE]
    assert len(messages) == documents
    assert all("ran longer than" in message for message in messages[:MAX_TIMEOUTS])
    assert all(
        f"was not run: it ran past its time limit on {MAX_TIMEOUTS} documents already" in message
        for message in messages[MAX_TIMEOUTS:]
    )


def test_a_rule_is_stopped_in_a_thread_too(tmp_path: Path) -> None:
    # The main thread's budget may be kept by a timer signal; other threads (a server's, the
    # files `check` lints side by side) give each regex the budget left as its timeout.
    checker = house_checker(tmp_path, "triggered-pattern")
    issues = in_thread(lambda: checker.check(Document(TEXT)))
    assert [issue.rule for issue in issues].count(TIMEOUT_RULE) == 1
    assert [issue.rule for issue in issues if issue.rule.startswith("maison.")] == ["maison.sain"]


def test_a_model_loading_inside_a_rule_is_not_charged_to_its_budget() -> None:
    # A language detector loads its models on first use: seconds on a busy machine, which
    # must not make a shipped rule "time out" and drop its findings.
    def in_budget() -> None:
        with matching.TimeBudget(0.05):
            matching.remaining("texte", "motif")  # the rule's first regex starts its clock
            with matching.unbudgeted():
                _busy(0.1)
            matching.remaining("texte", "motif")
            with pytest.raises(matching.PatternTimeoutError, match="motif"):
                _busy(0.2)
                matching.remaining("texte", "motif")

    in_budget()  # main thread: the timer is paused
    in_thread(in_budget)  # other threads: the time is given back to the deadline


def test_time_spent_waiting_is_not_charged_to_a_rule() -> None:
    # The rules run beside the grammar checker's thread: waiting for the interpreter or for
    # a busy machine's cores is not the rule's work. The budget counts CPU time.
    def in_budget() -> None:
        with matching.TimeBudget(0.05):
            matching.remaining("texte", "motif")
            time.sleep(0.1)
            matching.remaining("texte", "motif")

    in_budget()
    in_thread(in_budget)


def test_no_timer_is_left_running_after_a_document(tmp_path: Path) -> None:
    # Between documents the process may wait on sockets or files: no rule's timer signal
    # may interrupt it then.
    checker = house_checker(tmp_path, "pattern-exception")
    checker.check(Document("Le chat dort.\n"))
    assert signal.getitimer(signal.ITIMER_VIRTUAL) == (0.0, 0.0)


def test_a_timer_left_running_after_its_rule_does_nothing() -> None:
    # Leaving a rule does not stop the main thread's timer (a system call per rule saved):
    # when it fires later, no rule is running and nothing is raised.
    with matching.TimeBudget(0.02):
        matching.remaining("texte", "motif")
    _busy(0.1)


T = TypeVar("T")


def in_thread(work: Callable[[], T]) -> T:
    """What `work` returns when run in a thread of its own (its exception raised here)."""
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(work).result()


def _busy(seconds: float) -> None:
    """Spend `seconds` of this thread's CPU time, in the interpreter (user time, which the
    main thread's timer counts), not in reading the clock (a system call on some machines)."""
    end = time.thread_time() + seconds
    while time.thread_time() < end:
        sum(range(10_000))


def test_only_a_process_that_asks_for_it_takes_the_timer_signal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(matching, "_timer", matching._MainThreadTimer())
    before = signal.getsignal(signal.SIGVTALRM)
    assert not matching._timer.available()
    assert signal.getsignal(signal.SIGVTALRM) is before  # a program importing textlint keeps it
    matching.time_rules_by_signal()
    # Taken only when free: here a handler of an earlier test may hold it.
    assert matching._timer.available() is (before is signal.SIG_DFL)


class _TimesOutOnce:
    """A compiled pattern whose first search stops as when other threads spent the process's
    CPU time: the regex module reads its `timeout` on the process's clock."""

    def __init__(self, source: str, after: int) -> None:
        self.real = regex.compile(source)
        self.pattern = source
        self.after = after
        self.calls = 0

    def finditer(self, text: str, pos: int, endpos: int, timeout: float | None) -> Iterator[regex.Match[str]]:
        self.calls += 1
        for found, match in enumerate(self.real.finditer(text, pos, endpos, timeout=timeout)):
            if self.calls == 1 and found == self.after:
                raise TimeoutError("regex timed out")
            yield match


@pytest.mark.parametrize("source", [r"\w\d", r"\d*"])
@pytest.mark.parametrize("after", [1, 2, 3])
def test_a_timeout_that_leaves_the_threads_budget_resumes_the_search(source: str, after: int) -> None:
    text = "a1 b2 c3 d4 e5"
    pattern = _TimesOutOnce(source, after)

    def spans() -> list[tuple[int, int]]:
        with matching.TimeBudget(60.0):
            return [match.span() for match in matching.finditer(pattern, text)]  # type: ignore[arg-type]

    with ThreadPoolExecutor(1) as pool:  # another thread than the main one: the regex's timeout
        assert pool.submit(spans).result() == [match.span() for match in regex.finditer(source, text)]
    assert pattern.calls == 2
