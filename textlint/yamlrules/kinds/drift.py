"""Kind `pronoun-drift`: « il » for a feminine company or institution, English "it" in French.

English writes "it" for a company; machine translation renders it « il » even when French
has named the company « la société », « l'entreprise », « la Fédération »: « La banque
centrale n'a pas fermé la porte. Il a estimé… ». The kind follows, sentence by sentence, what
the last subject was: a feminine organisation noun of `feminine` after a determiner (« la
banque », « l'entreprise »), a registry name that the text calls « l'entreprise » or takes up
with « elle », or the agent of a passive (« coordonné par la Fondation ») unless the subject
is a masculine noun (« Le texte a été lancé par l'Union. Il demande… »: « il » is the text). A sentence whose
subject is then « il » is flagged, unless « il » is impersonal (« il faut », « il y a »,
« il a été décidé »), or a man or a masculine agent of `agents` (« un suspect », « le
groupe », « M. Durand », « Jean Dupont ») stands in the previous sentence or earlier in the
same one. Within a sentence whose subject is the organisation (named, or « elle » taking it
up), « il » after « mais », « et » or « ; » is flagged too, and so is « il » in the clause of
a verb of saying (« La banque a annoncé mardi qu'il réduirait ses effectifs »: English "it
said it would"). Independently, « il » with a feminine participle (« Il est aujourd'hui
utilisée ») is a disagreement whatever came before.
"""

from __future__ import annotations

from collections.abc import Iterator
from enum import Enum
from typing import NamedTuple

import regex

from textlint import regexes
from textlint.document import Document
from textlint.issues import Issue
from textlint.layout import LineKind, lines
from textlint.yamlrules.fields import Fields
from textlint.yamlrules.kinds.context import phrase_words
from textlint.yamlrules.matching import fold
from textlint.yamlrules.rule import Header, Rule, Vocabulary

_SENTENCE = regexes.compile(r"[^.!?…]+(?:[.!?…]+(?:[ \u00a0\u202f]*[»”\"')\]])*|$)")
_WORD = regexes.compile(r"[\p{L}\p{M}]+(?:-[\p{L}\p{M}]+)*")
# A word as the writer reads it, elisions included (« aujourd'hui »): for the issue's span.
_SPAN_WORD = regexes.compile(r"[\p{L}\p{M}]+(?:['’-][\p{L}\p{M}]+)*")
_APOSTROPHE_WORD = regexes.compile(r"[\w\p{M}]+")
_DETERMINERS = frozenset(
    {"le", "la", "l", "les", "un", "une", "ce", "cet", "cette", "ces", "son", "sa", "ses"}
    | {"leur", "leurs", "notre", "votre", "du", "au", "aux"}
)
_FEMININE_DETERMINERS = frozenset(["la", "une", "cette"])
_MASCULINE_DETERMINERS = frozenset(["le", "un", "ce", "cet"])
# Before a masculine singular noun: « le », « l' » and the possessives that do not tell gender.
_THING_DETERMINERS = _MASCULINE_DETERMINERS | {"l", "son", "du", "au", "leur", "notre", "votre"}
# Text that hides its nouns from the antecedent search: quotations, brackets and relative
# clauses between commas (« La société, qui a signé avec un laboratoire, espère… »).
_ASIDE = regexes.compile(r"«[^»]*»|“[^”]*”|\"[^\"]*\"|\([^)]*\)|,\s+(?:qui|que|dont|où)\b[^,;]*,")
_CLAUSE_IL = regexes.compile(
    r"(?:,\s+(?:mais|et|puis|car|donc)\s+|;\s+|\s(?:mais|et)\s+)(?P<il>il)\s", regex.IGNORECASE
)
# « La banque a annoncé mardi qu'il réduirait… »: English "it said it would", the completive
# of a verb of saying taking up the subject, a few words after the verb and no other « que ».
_SAYING = (
    r"(?:dit|annoncé|indiqué|confirmé|précisé|affirmé|assuré|expliqué|estimé|déclaré|souligné|reconnu|"
    r"averti|promis|ajouté|rappelé|répondu|démenti|signalé|fait\s+savoir|laissé\s+entendre|annonce|indique|"
    r"confirme|précise|affirme|assure|explique|estime|déclare|souligne|reconnaît|avertit|promet|ajoute|"
    r"rappelle|répond|dément|prévoit|espère|pense|juge|considère|craint|prévient)"
)
_COMPLETIVE_IL = regexes.compile(
    rf"\b{_SAYING}(?:\s+(?!que\b|qu['’])[\p{{L}}\p{{N}}'’-]+){{0,4}}\s+qu['’](?P<il>il)\s", regex.IGNORECASE
)
# A sentence's subject, after at most two introductory phrases (« Hier, il », « En termes
# d'IA, pour être honnête, elle »).
_INTRODUCTION = r"(?:[^,;:«»]{1,60},\s+){0,2}"
_SUBJECT_IL = regexes.compile(rf"^{_INTRODUCTION}(?P<il>[Ii]l)\s")
_IL = regexes.compile(r"\b[Ii]l\s")
# How many sentences back « il » may take up a subject (through sentences led by « elle »).
_LOOK_BACK = 6
_SUBJECT_PRONOUN = regexes.compile(rf"^{_INTRODUCTION}(?P<pronoun>[Ii]l|[Ee]lle)\b")
_IS = r"(?:est|était|sera|serait|fut|semble|paraît|reste|demeure|devient|a\s+été|avait\s+été|aura\s+été)"
_ADVERBS = (
    r"(?:(?:aujourd['’]hui|désormais|aussi|également|encore|toujours|souvent|largement|notamment|"
    r"très|plus|déjà|ainsi|bien|pas|jamais|même|surtout|alors|enfin|ensuite|depuis|longtemps)\s+)*"
)
_FEMININE_PARTICIPLE = regexes.compile(
    rf"\b(?P<il>[Ii]l)\s+(?:ne\s+|n['’])?{_IS}\s+{_ADVERBS}(?P<pp>\p{{L}}+ées?)\b"
)
_MASCULINE_IN_EE = frozenset(
    ["athée", "musée", "lycée", "trophée", "apogée", "mausolée", "pygmée", "scarabée", "camée"]
)
_PREDICATE = regexes.compile(
    r"\b(?:est|était|reste|demeure|devient|est\s+devenue?)\s+(?:l['’]|la\s+|une\s+)(?P<noun>[\p{L}-]+)"
)
# The agent of the sentence's passive verb (« … est coordonné par la Fondation »), not of a
# participle in apposition (« le taux d'usure, fixé par la Banque de France »).
_PASSIVE_AGENT = regexes.compile(
    r"\b(?:est|sont|était|étaient|fut|furent|sera|seront|a\s+été|ont\s+été|avait\s+été|avaient\s+été)"
    r"\s+(?:[\p{L}-]+\s+){0,3}?[\p{L}-]+(?:é|ée|és|ées|i|ie|is|ies|u|ue|us|ues|it|ite|its|ites)"
    r"\s+(?:[\p{L}'’-]+\s+){0,4}?par\s+(?:l['’]|la\s+|une\s+)(?P<noun>[\p{L}-]+)",
    regex.IGNORECASE,
)
_NAME = regexes.compile(r"\b(?:M\.|Mr\.?|\p{Lu}\p{Ll}+\s+\p{Lu}\p{Ll}[\p{L}-]+)")


class Referent(Enum):
    """What « il » or « elle » in the next sentence most likely stands for."""

    FEMININE = "feminine"  # a feminine organisation
    OTHER = "other"  # a man, a masculine agent, a name of unknown gender, or nothing known


class _Sentence(NamedTuple):
    start: int
    end: int
    text: str


class PronounDriftRule(Rule):
    """« il » where the subject it takes up is a feminine organisation."""

    uses_vocabulary = True

    def __init__(self, header: Header, fields: Fields, vocabulary: Vocabulary) -> None:
        super().__init__(header)
        self.feminine = frozenset(fold(word) for word in fields.string_list("feminine"))
        self.agents = frozenset(fold(word) for word in fields.string_list("agents"))
        self.things = frozenset(fold(word) for word in fields.string_list("things", []))
        self.impersonal = tuple(phrase_words(phrase) for phrase in fields.string_list("impersonal"))
        self._organisation = regex.compile(
            r"\b(?:" + "|".join(regex.escape(noun) for noun in sorted(self.feminine)) + r")\b",
            regex.IGNORECASE,
        )
        # Registry names that are no man: organisations, places, products, events.
        self.not_persons = frozenset(name for name, kind in vocabulary.types.items() if kind != "person")

    def find(self, doc: Document) -> Iterator[Issue]:
        yield from self._disagreements(doc)
        # Only a text that names a feminine organisation can drift from one: the others (most
        # texts) are not split into sentences at all.
        if _IL.search(doc.text) is None or self._organisation.search(doc.text) is None:
            return
        sentences = list(_sentences(doc))
        for index, sentence in enumerate(sentences):
            if sentence is None or _IL.search(sentence.text) is None:
                continue
            drift = self._subject_drift(sentences, index, sentence)
            if drift is not None:
                yield self._issue(doc, sentence, drift)
            if self._organisation_subject(sentences, index, sentence):
                yield from self._clause_drift(doc, sentence)

    def _subject_drift(
        self, sentences: list[_Sentence | None], index: int, sentence: _Sentence
    ) -> int | None:
        """The offset in the sentence of a subject « il » that drifts from a feminine referent."""
        match = _SUBJECT_IL.match(sentence.text)
        if match is None or self._impersonal(sentence.text, match.end()):
            return None
        if self._referent_before(sentences, index) is not Referent.FEMININE:
            return None
        previous = sentences[index - 1] if index > 0 else None
        before = sentence.text[: match.start("il")]
        if previous is not None and (self._masculine_in(previous.text) or self._names_thing(previous.text)):
            return None
        if self._masculine_in(before):
            return None
        return match.start("il")

    def _referent_before(self, sentences: list[_Sentence | None], index: int) -> Referent:
        """What the sentences before `index` leave for « il » to take up: back over the ones
        whose subject is « elle » (which keeps the referent) to the last one that names it."""
        for position in range(index - 1, max(-1, index - 1 - _LOOK_BACK), -1):
            sentence = sentences[position]
            if sentence is None:  # a heading: what came before is not taken up
                return Referent.OTHER
            subject = self._subject(sentence.text)
            if subject is not None:
                return self._named_referent(sentence.text, subject)
            pronoun = _SUBJECT_PRONOUN.match(sentence.text)
            if pronoun is None or pronoun.group("pronoun").lower() != "elle":
                return Referent.OTHER
        return Referent.OTHER

    def _organisation_subject(
        self, sentences: list[_Sentence | None], index: int, sentence: _Sentence
    ) -> bool:
        """Whether the sentence's subject is a feminine organisation: named (« La banque a
        annoncé… »), or « elle » taking one up with no man in between (« La start-up a levé
        des fonds. Elle a indiqué… »)."""
        subject = self._subject(sentence.text)
        if subject is not None:
            return subject is Referent.FEMININE
        pronoun = _SUBJECT_PRONOUN.match(sentence.text)
        if pronoun is None or pronoun.group("pronoun").lower() != "elle":
            return False
        previous = sentences[index - 1] if index > 0 else None
        if previous is not None and self._masculine_in(previous.text):
            return False
        return self._referent_before(sentences, index) is Referent.FEMININE

    def _clause_drift(self, doc: Document, sentence: _Sentence) -> Iterator[Issue]:
        """« La société ne publie rien, mais il affirme… », « La banque a annoncé qu'il
        réduirait… », « Elle a indiqué qu'il… »: the clause takes up the subject."""
        found = [*_CLAUSE_IL.finditer(sentence.text), *_COMPLETIVE_IL.finditer(sentence.text)]
        for match in sorted(found, key=lambda m: m.start("il")):
            before = sentence.text[: match.start("il")]
            if not self._impersonal(sentence.text, match.end()) and not self._masculine_in(before, skip=2):
                yield self._issue(doc, sentence, match.start("il"))

    def _disagreements(self, doc: Document) -> Iterator[Issue]:
        whole = _Sentence(0, len(doc.text), doc.text)
        for match in _FEMININE_PARTICIPLE.finditer(doc.text):
            if match.group("pp").lower() not in _MASCULINE_IN_EE:
                yield self._issue(doc, whole, match.start("il"))

    def _issue(self, doc: Document, sentence: _Sentence, offset: int) -> Issue:
        """The issue covers « il » and its verb (« il a annoncé »); the fix is « elle »."""
        words = list(_SPAN_WORD.finditer(sentence.text, offset))[:3]
        end = words[1].end() if len(words) > 1 else words[0].end()
        if len(words) > 2 and fold(words[1].group()) in ("a", "avait", "aura", "est", "était", "va", "doit"):
            end = words[2].end()
        il = sentence.text[offset : offset + 2]
        fixed = ("Elle" if il == "Il" else "elle") + sentence.text[offset + 2 : end]
        return self.make_issue(doc, sentence.start + offset, sentence.start + end, fixed)

    def _impersonal(self, text: str, after: int) -> bool:
        """« il faut », « il y a », « il s'agit », « il a été décidé »: nobody is meant."""
        words = tuple(_APOSTROPHE_WORD.findall(fold(text[after : after + 60]))[:4])
        if words[:1] in (("ne",), ("n",)):
            words = words[1:]
        return not words or any(words[: len(phrase)] == phrase for phrase in self.impersonal)

    def _subject(self, text: str) -> Referent | None:
        """The subject of a sentence when it tells the referent; None for « elle » and « il »."""
        if _SUBJECT_PRONOUN.match(text):
            return None
        words = [word for word in _WORD.findall(_ASIDE.sub(" ", text))[:4]]
        if not words:
            return Referent.OTHER
        first = fold(words[0])
        if first in _DETERMINERS and len(words) > 1 and fold(words[1]) in self.feminine:
            return Referent.FEMININE
        return Referent.OTHER

    def _named_referent(self, text: str, subject: Referent) -> Referent:
        """The referent a sentence names: its subject, or what it says the subject is (« Amazon
        est l'entreprise qui… ») or who acts in it (« … coordonné par la Fondation »)."""
        if subject is Referent.FEMININE:
            return subject
        visible = _ASIDE.sub(" ", text)
        first = _WORD.match(visible.lstrip())
        if first is not None and fold(first.group()) in _MASCULINE_DETERMINERS:
            return Referent.OTHER  # « Le texte a été lancé par l'Union… Il demande »: « il » is the text
        for pattern in (_PREDICATE, _PASSIVE_AGENT):
            found = pattern.search(visible)
            if found is not None and fold(found.group("noun")) in self.feminine:
                return Referent.FEMININE
        return Referent.OTHER

    def _masculine_in(self, text: str, skip: int = 0) -> bool:
        """Whether `text` names a man or a masculine agent « il » could stand for (its first
        `skip` words, the subject, left out)."""
        visible = _ASIDE.sub(" ", text)
        words = [fold(word) for word in _APOSTROPHE_WORD.findall(visible)]
        for index in range(skip, len(words)):
            if words[index] in self.agents and (index == 0 or words[index - 1] not in _FEMININE_DETERMINERS):
                return True
        return any(self._person(visible, m) for m in _NAME.finditer(visible))

    def _names_thing(self, text: str) -> bool:
        """Whether `text` names a masculine decision or agreement « il » may take up in the next
        sentence (« … a déposé un préavis de grève. Il couvre… »)."""
        words = [fold(word) for word in _APOSTROPHE_WORD.findall(_ASIDE.sub(" ", text))]
        # A determiner just before, or one word before (« un nouveau préavis »): « communiqué »
        # and « projeté » are participles too (« n'a pas communiqué de prix »).
        return any(
            word in self.things and _THING_DETERMINERS & set(words[max(0, index - 2) : index])
            for index, word in enumerate(words)
        )

    def _person(self, text: str, name: regex.Match[str]) -> bool:
        """A name that may be a man's: not a registry organisation or place, and not the name
        of the organisation just before it (« la compagnie Southern California Edison »)."""
        if name.group() in self.not_persons:
            return False
        before = _APOSTROPHE_WORD.findall(fold(text[max(0, name.start() - 40) : name.start()]))[-1:]
        first = fold(name.group().split()[0])
        return not (set(before) & self.feminine or first in self.feminine or first in _DETERMINERS)


def _sentences(doc: Document) -> Iterator[_Sentence | None]:
    """The document's sentences in order, with None for each heading."""
    for line in lines(doc):
        if line.kind is LineKind.HEADING:
            yield None
            continue
        for match in _SENTENCE.finditer(doc.text, line.start, line.end):
            if match.group().strip():
                start = match.start() + len(match.group()) - len(match.group().lstrip())
                yield _Sentence(start, match.end(), doc.text[start : match.end()])
