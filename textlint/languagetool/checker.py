"""`LanguageToolChecker`: LanguageTool findings for a Document, cached per paragraph.

The first check that needs the server installs LanguageTool if it is missing and starts
(or reuses) the managed server, unless `settings.url` names a server of the team's own.

A fault touches only the document being checked, never the rest of the run. What happens
depends on the fault (see `client`): a server that is gone is restarted — only if it is
really dead or hung, never a healthy server another process uses — or reconnected to, and
the request is sent again; a timeout is retried once with a longer limit; a refused
request (HTTP 4xx) is not retried, since it would be refused again. When the document still
gets no answer, `LanguageToolError` says why: the engine records "grammar not checked" for
that document and goes on. After a failure the next documents wait a short, growing
back-off (failing fast meanwhile, each one named), then try again.
"""

from __future__ import annotations

import re
import threading
import time
from bisect import bisect_right
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from textlint.config import LanguageToolSettings
from textlint.document import Document
from textlint.issues import Issue
from textlint.languagetool import paths
from textlint.languagetool.cache import ResultCache, cache_key
from textlint.languagetool.client import (
    Client,
    RequestRejectedError,
    ServerFaultError,
    ServerTimeoutError,
)
from textlint.languagetool.errors import LanguageToolError
from textlint.languagetool.mapping import RULE_PREFIX, Match, matches_from_response, to_issue
from textlint.languagetool.ruleset import DISABLED, ENABLED_BY_DEFAULT, NOISY_CATEGORIES, why_disabled

# Only what sending a request needs is imported with the checker: the filters (and the
# language detector, word lists and fuzzy matching behind them) are imported while the server
# works, the managed server's process and installer modules when the server is first looked for.
if TYPE_CHECKING:
    from textlint.languagetool.process import ServerState

Pending = Callable[[], list[Match]]  # waits for the server's matches (see `_send`)

# In plain-text news each line is a paragraph (headings have no final period), so text is
# checked line by line: a heading never runs into the next sentence. Each paragraph is
# checked and cached on its own, so an edit re-checks one paragraph and every answer
# depends on its paragraph alone.
_LINE_BREAKS = re.compile(r"(?:[ \t]*\r?\n)+")
_SEPARATOR = "\n\n"
# A paragraph without a letter has no grammar to check, and LanguageTool 6.8 refuses some of
# them (HTTP 400 "'en' is not a language code" for « 123456 » with only French installed).
_LETTER = re.compile(r"[^\W\d_]")
TIMEOUT_RETRY_FACTOR = 3.0  # a timed-out request is sent once more with this much more time
BACKOFF_FIRST = 1.0  # seconds without asking the server after a failure, doubled each time
BACKOFF_MAX = 30.0


@dataclass(frozen=True)
class GrammarRule:
    """A LanguageTool rule as `textlint rules list --languagetool` shows it."""

    id: str  # with the `LT:` prefix
    description: str
    category: str  # LanguageTool's category id
    in_force: bool
    why: str  # why it is on or off


@dataclass(frozen=True)
class Paragraph:
    start: int
    text: str


def split_paragraphs(text: str) -> Iterator[Paragraph]:
    """The paragraphs of `text` worth checking (with a letter), with their code-point offsets."""
    position = 0
    for separator in _LINE_BREAKS.finditer(text):
        if _LETTER.search(text, position, separator.start()):
            yield Paragraph(position, text[position : separator.start()])
        position = separator.end()
    if _LETTER.search(text, position):
        yield Paragraph(position, text[position:])


class _Backoff:
    """After a failure, documents fail fast for a while instead of each waiting for the server."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._delay = 0.0
        self._until = 0.0
        self._reason = ""

    def check(self) -> None:
        with self._lock:
            left = self._until - time.monotonic()
            if left > 0:
                raise LanguageToolError(f"{self._reason} (next try in {left:.0f} s)")

    def failed(self, reason: str) -> None:
        with self._lock:
            self._delay = min(BACKOFF_MAX, self._delay * 2 or BACKOFF_FIRST)
            self._until = time.monotonic() + self._delay
            self._reason = reason

    def succeeded(self) -> None:
        with self._lock:
            self._delay = 0.0
            self._until = 0.0


class LanguageToolChecker:
    """Checks documents with LanguageTool; safe to share between threads.

    Issues have rule `LT:<LanguageTool rule id>`, source `languagetool`, and a category
    from LT's category (see `ruleset.CATEGORIES`): `spelling` and `grammar` findings are
    errors, `typography` and `style` findings warnings. Every replacement is a suggestion;
    the first one is the fix, `Safety.SAFE` for rule ids in `settings.safe`, else
    `Safety.SUGGESTION`. `filters.keep` decides which findings are reported (names the
    registries or `settings.allow_words` know are never spelling mistakes). The rules in
    `ruleset.DISABLED` and `settings.disable` are turned off, `settings.enable` turns rules
    on (winning over both).
    """

    def __init__(self, settings: LanguageToolSettings, language: str, known_words: frozenset[str]) -> None:
        self.settings = settings
        self.language = language
        self.known_words = frozenset(known_words) | frozenset(settings.allow_words)
        self.safe = frozenset(settings.safe)
        enabled = set(settings.enable) | (set(ENABLED_BY_DEFAULT) - set(settings.disable))
        self.enabled_rules = tuple(sorted(enabled))
        self.disabled_rules = tuple(sorted((set(DISABLED) | set(settings.disable)) - enabled))
        self.disabled_categories = tuple(sorted(NOISY_CATEGORIES))
        self.cache = ResultCache(paths.results_db(), enabled=settings.cache)
        # Everything the server's answer depends on besides the text goes into the key.
        self._configuration = (
            self.enabled_rules,
            self.disabled_rules,
            self.disabled_categories,
            settings.picky,
            f"url={settings.url}" if settings.url else "managed",
        )
        self.requests = 0  # server checks made, for tests and benchmarks
        self._lock = threading.Lock()  # guards server start/restart and the counters
        self._local = threading.local()  # one Client per thread (clients are not thread-safe)
        self._generation = 0  # bumped on each recovery so every thread reconnects
        self._supported: dict[str, str] = {}  # the language as each server knows it
        # After a fault, the threads' requests go one at a time until the server answers
        # again: several requests must not pile onto a server that is being restarted, or
        # that is struggling, as they may while it is healthy (`textlint check` on several files).
        self._one_at_a_time = threading.Lock()
        self._unsettled = False  # a fault was seen, and no answer has come since
        self._server: ServerState | None = None
        self._backoff = _Backoff()
        # Who starts the managed server when none answers: this process, by default. The Ray
        # engine hands that to one actor per node, so the server outlives the actors that
        # lint (Ray ends a worker's child processes with it).
        self.server_host: Callable[[], ServerState] | None = None

    # -- public --------------------------------------------------------------------------

    def check(self, doc: Document) -> list[Issue]:
        return self.start(doc)()

    def start(self, doc: Document) -> Callable[[], list[Issue]]:
        """Send the server what the cache lacks now; the function returned waits for its
        answer and makes the issues. The engine runs the rules in between, while the server
        works. A fault, of sending or of the answer, is raised (or recovered from, see
        `_send`) by that function, in the thread that called this one.
        """
        paragraphs = list(split_paragraphs(doc.text))
        keys = [cache_key(p.text, paths.LT_VERSION, self.language, self._configuration) for p in paragraphs]
        found = {key: matches for key in keys if (matches := self.cache.get(key)) is not None}
        missing = list({key: p for key, p in zip(keys, paragraphs, strict=True) if key not in found}.items())
        texts = [p.text for _, p in missing]
        pending = self._send(_SEPARATOR.join(texts)) if missing else None

        def finish() -> list[Issue]:
            from textlint.languagetool.filters import prepare, ranked

            if pending is not None:
                prepare(doc)  # while the server works
                answered = [
                    (key, matches)
                    for (key, _), matches in zip(missing, _per_paragraph(texts, pending()), strict=True)
                ]
                self.cache.put_all(answered)
                found.update(answered)
            issues = [
                to_issue(ranked(match, doc.text, paragraph.start), doc.text, paragraph.start, self.safe)
                for key, paragraph in zip(keys, paragraphs, strict=True)
                for match in found[key]
                if self.worth_reporting(match, doc, paragraph.start)
            ]
            return sorted(issues, key=Issue.sort_key)

        return finish

    def worth_reporting(self, match: Match, doc: Document, base: int) -> bool:
        """Whether a finding reaches the editor (see `filters`)."""
        from textlint.languagetool.filters import keep

        return keep(match, doc, base, self.known_words)

    def catalog(self) -> list[GrammarRule]:
        """Every rule of the server for this language, and whether textlint asks for it."""
        try:
            raw = self._client().rules()
        except ServerFaultError as error:
            raise LanguageToolError(str(error)) from None
        rules = {str(item.get("ruleId")): item for item in raw}  # one entry per rule, not per sub-rule
        return [self._described(rule_id, item) for rule_id, item in sorted(rules.items())]

    def _described(self, rule_id: str, item: dict[str, object]) -> GrammarRule:
        category = str(item.get("categoryId", ""))
        off_reason = why_disabled(rule_id, category)
        if rule_id in self.enabled_rules:  # `enable` wins over every reason to turn it off
            in_force, why = True, "turned on by textlint or the configuration"
        elif rule_id in self.settings.disable:
            in_force, why = False, "turned off by the configuration (languagetool.disable)"
        elif off_reason is not None:
            in_force, why = False, off_reason
        elif item.get("isDefaultOff"):
            in_force, why = False, "off by default in LanguageTool"
        else:
            in_force, why = True, "on"
        return GrammarRule(RULE_PREFIX + rule_id, str(item.get("description", "")), category, in_force, why)

    def recover(self) -> None:
        """Be ready to be asked again after failed checks: restart the managed server if it is
        dead or hung (a healthy one is kept), reconnect, and end the back-off. Raises
        LanguageToolError when no server can be had."""
        self._recover(self._generation)
        self._backoff.succeeded()

    # -- faults --------------------------------------------------------------------------

    def _send(self, text: str) -> Pending:
        """Send `text` now; the function returned gives its matches, or LanguageToolError once
        the fault policy is exhausted. A document in the back-off after a failure fails here,
        at once, without asking the server."""
        self._backoff.check()
        generation = self._generation
        first = self._request_sent(text) if not self._unsettled else self._alone(text)

        def matches() -> list[Match]:
            try:
                found = self._recovering(text, first, generation)
            except RequestRejectedError as error:
                # The request is at fault: the server is fine and the next document may be too.
                raise LanguageToolError(f"{error}; not retried, since it would be refused again") from None
            except (ServerFaultError, LanguageToolError) as error:
                reason = str(error) + self._log_hint()
                self._backoff.failed(f"LanguageTool unavailable: {reason}")
                raise LanguageToolError(reason) from None
            self._backoff.succeeded()
            self._unsettled = False
            return found

        return matches

    def _alone(self, text: str) -> Pending:
        """A request sent when its answer is asked for, while no other thread's is on its way."""

        def matches() -> list[Match]:
            with self._one_at_a_time:
                return self._request(text)

        return matches

    def _recovering(self, text: str, first: Pending, generation: int) -> list[Match]:
        """The answer to the first request, or, after a fault, to the one the policy sends
        (alone: see `_one_at_a_time`)."""
        try:
            return first()
        except RequestRejectedError:
            raise
        except ServerTimeoutError:
            self._unsettled = True
            with self._one_at_a_time:
                return self._retry_slow(text, generation)
        except ServerFaultError:
            self._unsettled = True
            with self._one_at_a_time:
                self._recover(generation)
                return self._request(text)

    def _retry_slow(self, text: str, generation: int) -> list[Match]:
        """Send a timed-out request once more with a longer limit. No answer then either: the
        server may be hung (stopped, swapping), so it is replaced if it also fails its health
        check, for the next documents; this one goes unchecked, having waited long enough."""
        try:
            return self._request(text, timeout=self._timeout() * TIMEOUT_RETRY_FACTOR)
        except ServerTimeoutError:
            self._recover(generation)
            raise

    def _request(self, text: str, timeout: float | None = None) -> list[Match]:
        return self._request_sent(text, timeout)()

    def _request_sent(self, text: str, timeout: float | None = None) -> Pending:
        """One request, sent now; its faults are raised when its answer is asked for."""
        try:
            answer = self._client().send(text, timeout)
        except (ServerFaultError, LanguageToolError) as error:  # no server to send it to
            failure = error

            def failed() -> list[Match]:
                raise failure

            return failed

        def matches() -> list[Match]:
            response = answer()
            with self._lock:
                self.requests += 1
            if self.settings.url is None:
                from textlint.languagetool import process

                process.touch()  # keeps the idle watchdog away while textlint works
            return matches_from_response(text, response)

        return matches

    def _timeout(self) -> float:
        return float(self.settings.timeout)

    def _log_hint(self) -> str:
        if self.settings.url:
            return ""
        from textlint.languagetool import process

        where = process.failure_lines()
        return f"; server log: {where}" if where else ""

    # -- server --------------------------------------------------------------------------

    def _client(self) -> Client:
        local = self._local
        if getattr(local, "client", None) is None or local.generation != self._generation:
            with self._lock:
                generation = self._generation
                url = self._server_url()
                supported = self._supported.get(url)
            local.client = Client(
                url,
                self.language,
                disabled=self.disabled_rules,
                enabled=self.enabled_rules,
                disabled_categories=self.disabled_categories,
                picky=self.settings.picky,
                timeout=self._timeout(),
                supported=supported,
            )
            local.generation = generation
            # The server's languages are asked for once per server, not once per thread: a
            # server just restarted for several threads answers one question, not several.
            with self._lock:
                self._supported[url] = local.client.language
        client: Client = local.client
        return client

    def _server_url(self) -> str:
        """Called with the lock held."""
        if self.settings.url:
            return self.settings.url
        if self._server is None:
            from textlint.languagetool import process

            self._server = process.running() or self._started_server()
            process.touch()
        return self._server.url

    def _started_server(self) -> ServerState:
        """A healthy managed server: the running one, or one started (after installing)."""
        if self.server_host is not None:
            return self.server_host()
        from textlint.languagetool import install, process

        if install.installed() is None:
            install.install(progress=install.to_stderr)
        return process.start(self.settings.memory, self.settings.idle_timeout)

    def _recover(self, failed_generation: int) -> None:
        """Reconnect, after restarting the managed server if it is really dead or hung."""
        with self._lock:
            if failed_generation != self._generation:
                return  # another thread already recovered from this failure
            self._generation += 1
            if self.settings.url is None:
                self._server = self._started_server()


def _per_paragraph(texts: list[str], matches: list[Match]) -> list[list[Match]]:
    """The matches of several paragraphs checked in one request, back per paragraph.

    One request per document instead of one per line makes a warm check several times
    faster. The paragraphs are sent separated by blank lines, so LanguageTool keeps them
    apart; only its few text-level style rules (such as a word repeated in nearby
    sentences) may see a neighbouring paragraph.
    """
    starts, position = [], 0
    for text in texts:
        starts.append(position)
        position += len(text) + len(_SEPARATOR)
    answers: list[list[Match]] = [[] for _ in texts]
    for match in matches:
        index = bisect_right(starts, match.start) - 1
        local = replace(match, start=match.start - starts[index], end=match.end - starts[index])
        if local.end <= len(texts[index]):  # a match across the separator belongs to neither
            answers[index].append(local)
    return answers
