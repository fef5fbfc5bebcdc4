"""`LanguageToolChecker`: LanguageTool findings for a Document, cached per paragraph.

The first check that needs the server installs LanguageTool if it is missing and starts
(or reuses) the managed server, unless `settings.url` names a server of the team's own.
A request that fails gets one server restart (or reconnection) and one retry; after that
`LanguageToolError` is raised, never a partial result.
"""

from __future__ import annotations

import re
import threading
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, replace

from textlint.config import LanguageToolSettings
from textlint.document import Document
from textlint.issues import Issue
from textlint.languagetool import install, paths, process
from textlint.languagetool.cache import ResultCache, cache_key
from textlint.languagetool.client import Client, ServerFaultError
from textlint.languagetool.errors import LanguageToolError
from textlint.languagetool.mapping import Match, is_known_word, matches_from_response, to_issue
from textlint.languagetool.ruleset import COVERED_BY_YAML, ENABLED_BY_DEFAULT

# In plain-text news each line is a paragraph (headings have no final period), so text is
# checked line by line: a heading never runs into the next sentence. Each paragraph is
# checked and cached on its own, so an edit re-checks one paragraph and every answer
# depends on its paragraph alone.
_LINE_BREAKS = re.compile(r"(?:[ \t]*\r?\n)+")


_SEPARATOR = "\n\n"


@dataclass(frozen=True)
class Paragraph:
    start: int
    text: str


def split_paragraphs(text: str) -> Iterator[Paragraph]:
    """The non-blank paragraphs of `text` with their code-point offsets."""
    position = 0
    for separator in _LINE_BREAKS.finditer(text):
        if text[position : separator.start()].strip():
            yield Paragraph(position, text[position : separator.start()])
        position = separator.end()
    if text[position:].strip():
        yield Paragraph(position, text[position:])


class LanguageToolChecker:
    """Checks documents with LanguageTool; safe to share between threads.

    Issues have rule `LT:<LanguageTool rule id>`, source `languagetool`, and a category
    from LT's category (see `ruleset.CATEGORIES`): `spelling` and `grammar` findings are
    errors, `typography` and `style` findings warnings. Every replacement is a suggestion;
    the first one is the fix, `Safety.SAFE` for rule ids in `settings.safe`, else
    `Safety.SUGGESTION`. Spelling findings on `known_words` or `settings.allow_words`
    (compared case-sensitively) are dropped. The rules in `COVERED_BY_YAML` and
    `settings.disable` are turned off, `settings.enable` turns rules on (winning over both), and
    `ENABLED_BY_DEFAULT` are turned on unless `settings.disable` names them.
    """

    def __init__(self, settings: LanguageToolSettings, language: str, known_words: frozenset[str]) -> None:
        self.settings = settings
        self.language = language
        self.known_words = frozenset(known_words) | frozenset(settings.allow_words)
        self.safe = frozenset(settings.safe)
        self.enabled_rules = tuple(
            sorted(set(settings.enable) | (set(ENABLED_BY_DEFAULT) - set(settings.disable)))
        )
        self.disabled_rules = tuple(
            sorted((set(COVERED_BY_YAML) | set(settings.disable)) - set(settings.enable))
        )
        self.cache = ResultCache(paths.results_db(), enabled=settings.cache)
        # Everything the server's answer depends on besides the text goes into the key.
        self._configuration = (
            self.enabled_rules,
            self.disabled_rules,
            settings.picky,
            f"url={settings.url}" if settings.url else "managed",
        )
        self.requests = 0  # server checks made, for tests and benchmarks
        self._lock = threading.Lock()  # guards server start/restart and the counters
        self._local = threading.local()  # one Client per thread (clients are not thread-safe)
        self._generation = 0  # bumped on each recovery so every thread reconnects
        self._server: process.ServerState | None = None

    # -- public --------------------------------------------------------------------------

    def check(self, doc: Document) -> list[Issue]:
        paragraphs = list(split_paragraphs(doc.text))
        keys = [cache_key(p.text, paths.LT_VERSION, self.language, self._configuration) for p in paragraphs]
        found = {key: matches for key in keys if (matches := self.cache.get(key)) is not None}
        missing = list({key: p for key, p in zip(keys, paragraphs, strict=True) if key not in found}.items())
        if missing:
            answers = self._ask_together([p.text for _, p in missing])
            for (key, _), matches in zip(missing, answers, strict=True):
                self.cache.put(key, matches)
                found[key] = matches
        issues: list[Issue] = []
        for key, paragraph in zip(keys, paragraphs, strict=True):
            for match in found[key]:
                if not is_known_word(match, paragraph.text, self.known_words):
                    issues.append(to_issue(match, paragraph.text, paragraph.start, self.safe))
        return sorted(issues, key=Issue.sort_key)

    def _ask_together(self, texts: list[str]) -> list[list[Match]]:
        """Check several paragraphs in one request, and split the answer back per paragraph.

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
        for match in self._ask(_SEPARATOR.join(texts)):
            index = bisect_right(starts, match.start) - 1
            local = replace(match, start=match.start - starts[index], end=match.end - starts[index])
            if local.end <= len(texts[index]):  # a match across the separator belongs to neither
                answers[index].append(local)
        return answers

    def close(self) -> None:
        self.cache.close()

    # -- server --------------------------------------------------------------------------

    def _ask(self, text: str) -> list[Match]:
        fault: ServerFaultError | None = None
        for attempt in range(2):
            generation = self._generation
            try:
                client, generation = self._client()
                response = client.check(text)
            except ServerFaultError as error:
                fault = error
                if attempt == 0:
                    self._recover(generation)
                continue
            with self._lock:
                self.requests += 1
            if self.settings.url is None:
                process.touch()  # keeps the idle watchdog away while textlint works
            return matches_from_response(text, response)
        where = "" if self.settings.url else f"; server log: {paths.log_file()}"
        raise LanguageToolError(f"LanguageTool check failed after a retry: {fault}{where}")

    def _client(self) -> tuple[Client, int]:
        local = self._local
        if getattr(local, "client", None) is None or local.generation != self._generation:
            with self._lock:
                generation = self._generation
                url = self._server_url()
            old = getattr(local, "client", None)
            if old is not None:
                old.close()
            local.client = Client(
                url,
                self.language,
                disabled=self.disabled_rules,
                enabled=self.enabled_rules,
                picky=self.settings.picky,
            )
            local.generation = generation
        return local.client, local.generation

    def _server_url(self) -> str:
        """Called with the lock held."""
        if self.settings.url:
            return self.settings.url
        if self._server is None:
            if install.installed() is None:
                install.install(progress=install.to_stderr)
            self._server = process.ensure_running(self.settings.memory, self.settings.idle_timeout)
        return self._server.url

    def _recover(self, failed_generation: int) -> None:
        """Restart the managed server (or just reconnect to a remote one) once per failure."""
        with self._lock:
            if failed_generation != self._generation:
                return  # another thread already recovered from this failure
            self._generation += 1
            if self.settings.url is None:
                dead = self._server.pid if self._server is not None else None
                self._server = process.restart(
                    self.settings.memory, self.settings.idle_timeout, dead_pid=dead
                )
