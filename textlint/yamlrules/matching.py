"""Matching semantics shared by every rule kind: case modes, word boundaries, timed regexes.

A word character is a letter, digit, underscore or combining mark. Everything else is a
boundary — notably the apostrophes ' and ’, U+00A0 and U+202F — so « l’IA » and « l'IA »
both contain the word « IA ». (The `regex` module's WORD flag would follow UAX #29, where an
apostrophe between letters is not a boundary, which is wrong for French elision.)
"""

from __future__ import annotations

import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from enum import Enum
from functools import lru_cache

import regex

WORD_CHAR = r"[\w\p{M}]"
BEFORE_WORD = rf"(?<!{WORD_CHAR})"
AFTER_WORD = rf"(?!{WORD_CHAR})"
_WORD_CHAR = regex.compile(WORD_CHAR)

# Seconds a user regex may run on one document, plus this much per million characters.
TIMEOUT_BASE = 2.0
TIMEOUT_PER_MILLION = 2.0


class Case(Enum):
    """How a rule compares letter case."""

    EXACT = "exact"  # match the case written in the rule
    INSENSITIVE = "insensitive"  # match any case, fix with the rule's text as written
    PRESERVE = "preserve"  # match any case, fix in the case of the matched text

    @property
    def ignores_case(self) -> bool:
        return self is not Case.EXACT


class Edges(Enum):
    """Where a trigger string counts (`trigger-at`): anywhere, or only at the edges of words.

    An edge is checked only where the trigger itself begins (ends) with a word character:
    « l  » at a word start is the letter « l » standing alone, whatever follows its space."""

    ANYWHERE = "anywhere"
    WORD_START = "word-start"  # no word character just before it: « fédéra » in « fédérale »
    WORD_END = "word-end"  # none just after it: « pm » in « 3pm », not in « pmu »
    WORD = "word"  # neither: « mai », not the « mai » of « maire »


def at_edges(text: str, start: int, end: int, edges: Edges) -> bool:
    """Whether `text[start:end]` stands at the word edges `edges` asks for (see `Edges`)."""
    if edges is Edges.ANYWHERE:
        return True
    joined_before = start > 0 and is_word_char(text[start]) and is_word_char(text[start - 1])
    if joined_before and edges is not Edges.WORD_END:
        return False
    return edges is Edges.WORD_START or not (
        end < len(text) and is_word_char(text[end - 1]) and is_word_char(text[end])
    )


class PatternTimeoutError(Exception):
    """A rule's regex ran past its time limit on a document; the message is the pattern."""


# When the rule running in this thread must be done: every regex it runs on the document,
# however many calls (one per trigger window, one per exception check), shares one budget.
# The budget is CPU time, not the clock's: the rules run beside the grammar checker's thread,
# and a busy machine or another thread holding the interpreter must not make a sound rule
# look like a runaway one. In a thread other than the main one the value is the deadline on
# this thread's CPU clock, and each regex is given what is left as its `timeout`; in the main
# thread it is the rule's `TimeBudget` itself, kept by `_MainThreadTimer`.
_deadline: ContextVar[float | TimeBudget | None] = ContextVar("rule_deadline", default=None)


class _MainThreadTimer:
    """The budget of the rule running in the main thread, kept by an interval timer.

    The regex module keeps a `timeout` by reading the process's CPU clock every 256 steps of
    matching; where that clock is a system call (virtual machines) this doubles the cost of
    matching (BENCHMARKS.md). The same steps check for signals, which costs nothing when
    none is pending: so in the main thread (the only one Python runs signal handlers in) the
    rule's budget is an interval timer on the process's CPU time (`ITIMER_VIRTUAL`), armed
    when its first regex starts; its signal stops the regex, or the rule's own Python code,
    with `PatternTimeoutError`. Only in a process that asked for it (`time_rules_by_signal`)
    and when nothing else handles SIGVTALRM (its default action ends the process, so nothing
    relies on it); otherwise every thread uses `timeout`.
    """

    def __init__(self) -> None:
        self.wanted = False  # see `time_rules_by_signal`
        self.usable: bool | None = None  # decided on first use
        self.active = False  # armed for the rule running now
        self.running = False  # armed since the last `stop`
        self.pattern = ""  # the regex started last, which a timeout names

    def available(self) -> bool:
        if not self.wanted or threading.get_ident() != _MAIN_THREAD:
            return False
        if self.usable is None:
            self.usable = self._install()
        return self.usable

    def _install(self) -> bool:
        if not hasattr(signal, "setitimer") or signal.getsignal(signal.SIGVTALRM) is not signal.SIG_DFL:
            return False
        signal.signal(signal.SIGVTALRM, self._expired)
        return True

    def _expired(self, *_: object) -> None:
        # A timer left running after its rule (leaving a rule costs no system call; the next
        # rule re-arms it, `stop` ends it after the document) finds no rule active, and does
        # nothing.
        if self.active:
            self.active = False
            raise PatternTimeoutError(self.pattern)

    def arm(self, seconds: float) -> None:
        signal.setitimer(signal.ITIMER_VIRTUAL, seconds)
        self.active = self.running = True

    def stop(self) -> None:
        """Stop a timer left running by the last rule (once per document, not per rule), so
        that its signal never interrupts what the process does between documents."""
        if self.running:
            self.running = self.active = False
            signal.setitimer(signal.ITIMER_VIRTUAL, 0)

    def pause(self) -> float:
        """Stop the timer; the seconds it had left."""
        left, _ = signal.setitimer(signal.ITIMER_VIRTUAL, 0)
        return left


_MAIN_THREAD = threading.main_thread().ident
_timer = _MainThreadTimer()


def time_rules_by_signal() -> None:
    """Keep the rules' time limit in this process's main thread with the interval timer
    (`_MainThreadTimer`), for the corpus command and its workers: processes textlint runs
    from start to end. Not for a program that merely imports textlint: the timer counts the
    whole process's CPU time, which the program's own busy threads would spend for a rule,
    and takes SIGVTALRM, which the program may want."""
    _timer.wanted = True


def rules_done() -> None:
    """The rules of a document are done: no timer of theirs is left running."""
    if threading.get_ident() == _MAIN_THREAD:  # another thread never stops the main one's
        _timer.stop()


class _TimedThreads:
    """How many threads are running a rule under the regex's own `timeout` right now.

    That timeout is read on the process's CPU clock, which every running thread moves: with
    two files linted at once it runs about twice as fast as each thread's own clock.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.count = 0

    def enter(self) -> None:
        with self._lock:
            self.count += 1

    def leave(self) -> None:
        with self._lock:
            self.count -= 1


_timed_threads = _TimedThreads()


class TimeBudget:
    """Run a rule on one document within `seconds`, all its regexes together.

    A class rather than a generator-based context manager: it is entered once per rule and
    document, tens of thousands of times in a corpus run.
    """

    __slots__ = ("_armed", "_counted", "_seconds", "_token")

    def __init__(self, seconds: float) -> None:
        self._seconds = seconds
        self._armed = False
        self._counted = False

    def __enter__(self) -> None:
        if _timer.available():
            self._token = _deadline.set(self)
        else:
            self._token = _deadline.set(time.thread_time() + self._seconds)
            self._counted = True
            _timed_threads.enter()

    def __exit__(self, *_: object) -> None:
        if self._armed:
            _timer.active = False
        if self._counted:
            _timed_threads.leave()
        _deadline.reset(self._token)

    def start(self, pattern: str) -> None:
        """A regex of the rule starts (main thread): the first one arms the timer."""
        _timer.pattern = pattern
        if not self._armed:
            self._armed = True
            _timer.arm(self._seconds)


@contextmanager
def unbudgeted() -> Iterator[None]:
    """Work inside a rule that is not its regexes (a language detector loading its models
    once per process, seconds on a busy machine): its time is given back to the rule's
    budget, which exists to stop runaway patterns, not to race a model load."""
    budget = _deadline.get()
    if isinstance(budget, TimeBudget):
        yield from _timer_paused(budget)
        return
    started = time.thread_time()
    try:
        yield
    finally:
        deadline = _deadline.get()
        if isinstance(deadline, float):
            _deadline.set(deadline + time.thread_time() - started)


def _timer_paused(budget: TimeBudget) -> Iterator[None]:
    if not budget._armed:  # no regex yet: nothing is counted
        yield
        return
    left = _timer.pause()
    _timer.active = False
    try:
        yield
    finally:
        _timer.arm(max(left, 1e-6))


def remaining(text: str, pattern: str, scale: float | None = None) -> float | None:
    """The `timeout` of a regex: the rule's budget left, at most the limit for `text`; None
    in the main thread, where the budget is kept by a timer (the regex runs unlimited).

    The regex module reads its timeout on the process's CPU clock, which every running
    thread moves, and the budget is this thread's: the seconds are multiplied by `scale`, by
    default the number of threads running rules (two when `check` lints two files at once).
    """
    budget = _deadline.get()
    if isinstance(budget, TimeBudget):
        budget.start(pattern)
        return None
    limit = time_limit(text)
    if budget is None:
        return limit
    left = budget - time.thread_time()
    if left <= 0:
        raise PatternTimeoutError(pattern)
    return min(limit, left) * (scale or max(1, _timed_threads.count))


@lru_cache(maxsize=4096)  # asked at every phrase's edges: a text's characters are few
def is_word_char(char: str) -> bool:
    return bool(char) and _WORD_CHAR.match(char) is not None


# A letter-case class that ignoring case turns into « any cased letter ».
_CASE_CLASS = regex.compile(r"\\p\{(?:Lu|Ll|Lt|Uppercase|Lowercase)\}")


def compile_pattern(source: str, case: Case, words: bool = False) -> regex.Pattern[str]:
    """Compile a rule regex; raises `regex.error` or `ValueError` with the reason when it is invalid."""
    flags = regex.MULTILINE
    if case.ignores_case:
        if _CASE_CLASS.search(_without_case_scopes(source)):
            raise ValueError(
                "\\p{Lu} or \\p{Ll} matches letters of both cases when the rule ignores case: "
                "scope it as (?-i:\\p{Lu}), or use case: exact"
            )
        flags |= regex.IGNORECASE | regex.FULLCASE
    if words:
        source = f"{BEFORE_WORD}(?:{source}){AFTER_WORD}"
    return regex.compile(source, flags)


def _without_case_scopes(source: str) -> str:
    """`source` without its `(?-i:…)` groups, where case classes keep their meaning."""
    kept: list[str] = []
    position = 0
    while (start := source.find("(?-i:", position)) >= 0:
        kept.append(source[position:start])
        depth, index = 0, start
        while index < len(source):
            char = source[index]
            if char == "\\":
                index += 2
                continue
            depth += (char == "(") - (char == ")")
            if depth == 0:
                break
            index += 1
        position = index + 1
    kept.append(source[position:])
    return "".join(kept)


def time_limit(text: str) -> float:
    return TIMEOUT_BASE + TIMEOUT_PER_MILLION * len(text) / 1_000_000


def finditer(
    pattern: regex.Pattern[str], text: str, start: int = 0, end: int | None = None
) -> Iterator[regex.Match[str]]:
    """Iterate matches under a time limit, so a pathological pattern cannot hang a run.

    In the timed main thread the rule's timer is armed by the call (callers iterate at once)."""
    stop = len(text) if end is None else end
    budget = _deadline.get()
    if isinstance(budget, TimeBudget):
        # The main thread's timer stops a runaway regex by its signal: the regex's own
        # iterator is returned, without a generator around it (a hundred calls per record).
        budget.start(pattern.pattern)
        return pattern.finditer(text, start, stop)
    return _finditer_timed_out(pattern, text, start, stop)


def _finditer_timed_out(
    pattern: regex.Pattern[str], text: str, start: int, stop: int
) -> Iterator[regex.Match[str]]:
    """Matches with the regex's own `timeout` (see `remaining`).

    A timeout that still leaves this thread's budget unspent was spent by other threads
    (one not running rules, say): the search goes on after the last match found, the
    timeout scaled by how much faster the process's clock ran than this thread's.
    """
    position, last, scale = start, None, None
    while True:
        timeout = remaining(text, pattern.pattern, scale)  # stops the rule once its budget is spent
        process, thread = time.process_time(), time.thread_time()
        try:
            for match in pattern.finditer(text, position, stop, timeout=timeout):
                if match.span() != last:  # resumed at an empty match: it was found already
                    last = match.span()
                    yield match
            return
        except TimeoutError:
            if not _thread_budget_left():
                raise PatternTimeoutError(pattern.pattern) from None
            own = max(time.thread_time() - thread, 1e-3)
            scale = max(scale or 1.0, (time.process_time() - process) / own)
            position = last[1] if last else position


def _thread_budget_left() -> bool:
    budget = _deadline.get()
    return isinstance(budget, float) and budget > time.thread_time()


def preserve_case(matched: str, replacement: str) -> str:
    """Write `replacement` in the case of `matched`: UPPER, lower, Capitalised, or as given."""
    letters = [char for char in matched if char.isalpha()]
    if len(letters) > 1 and all(char.isupper() for char in letters):
        return replacement.upper()
    if letters and all(char.islower() for char in letters):
        return replacement.lower()
    if letters and matched[:1].isupper():
        return replacement[:1].upper() + replacement[1:]
    return replacement


def fold(text: str) -> str:
    """Lower-case `text` without changing its length, so offsets stay valid."""
    folded = text.lower()
    if len(folded) == len(text):
        return folded
    return "".join(char.lower() if len(char.lower()) == 1 else char for char in text)
