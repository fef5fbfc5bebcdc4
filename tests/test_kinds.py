"""Matching semantics of the rule kinds, on rule files written for each case."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from textlint.document import Document
from textlint.errors import RuleError
from textlint.yamlrules.checker import RuleChecker
from textlint.yamlrules.loader import load_ruleset


def checker(tmp_path: Path, body: str) -> RuleChecker:
    path = tmp_path / "essai.yaml"
    path.write_text("ruleset:\n  prefix: essai\nrules:\n" + body, encoding="utf-8")
    return RuleChecker(load_ruleset(path).rules)


def found(check: RuleChecker, text: str) -> list[tuple[str, str | None]]:
    return [
        (text[i.start : i.end], i.fix.replacement if i.fix else None) for i in check.check(Document(text))
    ]


SUBSTITUTION = """  - id: nom
    kind: substitution
    message: m
    swap: {Etat: État, Open AI: OpenAI, "Mme.": Mme}
"""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("l'Etat", [("Etat", "État")]),
        ("l’ETAT", [("ETAT", "ÉTAT")]),
        ("l\u00a0Etat\u202f!", [("Etat", "État")]),
        ("Etatisme et Etat-major", [("Etat", "État")]),  # « Etat-major »: the hyphen is a boundary
        ("Open AI", [("Open AI", "OpenAI")]),
        ("Open AIr", []),
        ("avec Mme. Durand", [("Mme.", "Mme")]),
        ("avec SuperMme. Durand", []),
    ],
)
def test_substitution_boundaries_and_case(tmp_path: Path, text: str, expected: list[tuple[str, str]]) -> None:
    assert found(checker(tmp_path, SUBSTITUTION), text) == expected


def test_repetition_edge_cases(tmp_path: Path) -> None:
    check = checker(tmp_path, "  - id: rep\n    kind: repetition\n    message: m\n    allow: [nous]\n")
    assert found(check, "la\n\nla la chose") == [("la la", "la")]
    assert found(check, "Le  le chat") == [("Le  le", "Le")]
    assert found(check, "de\r\nde") == [("de\r\nde", "de")]
    assert found(check, "e\u0301te\u0301 E\u0301te\u0301") == [
        ("e\u0301te\u0301 E\u0301te\u0301", "e\u0301te\u0301")
    ]
    assert found(check, "nous nous, vous, vous, 000 000, l'un l'autre") == []


def test_repetition_of_word_groups(tmp_path: Path) -> None:
    check = checker(tmp_path, "  - id: rep\n    kind: repetition\n    message: m\n    words: 3\n")
    assert found(check, "plus de Plus de 500 jours") == [("plus de Plus de", "plus de")]
    assert found(check, "est d’une est d’une importance") == [("est d’une est d’une", "est d’une")]
    # One word four times is the single-word rule's; a hyphen or a digit glues a group to a token.
    assert found(check, "très très très très bien, Jean-Paul de Paul de, 12 de la 12 de la") == []
    # Between the two groups, spaces only; inside a group, spaces or an apostrophe.
    assert found(check, "de la, de la et de la\nde la et pour tout pour tout") == [
        ("pour tout pour tout", "pour tout")
    ]
    with pytest.raises(RuleError, match="at most 4"):
        checker(tmp_path, "  - id: rep\n    kind: repetition\n    message: m\n    words: 5\n")


def test_consistency_flags_minority_and_prefers_on_tie(tmp_path: Path) -> None:
    body = """  - id: apos
    kind: consistency
    message: m
    variants:
      - {name: courbe, pattern: '(?<=\\p{L})’(?=\\p{L})', replacement: "’"}
      - {name: droite, pattern: "(?<=\\\\p{L})'(?=\\\\p{L})", replacement: "'"}
    prefer: courbe
"""
    check = checker(tmp_path, body)
    assert found(check, "l'a d'un l’autre") == [("’", "'")]
    assert found(check, "l'a l’autre") == [("'", "’")]
    assert found(check, "l'a d'un") == []


def test_exception_covering_the_match_cancels_it(tmp_path: Path) -> None:
    body = """  - id: deux-points
    kind: pattern
    message: m
    pattern: ' :'
    replacement: "\\u00a0:"
    exceptions: ['https?://\\S+', 'C :\\\\']
"""
    check = checker(tmp_path, body)
    assert found(check, "Voir C :\\dossier et lui :") == [(" :", "\u00a0:")]


def test_existence_with_suggestions_is_suggestion_only(tmp_path: Path) -> None:
    body = "  - id: ex\n    kind: existence\n    message: m\n"
    body += "    phrases: {au jour d'aujourd'hui: [aujourd'hui]}\n"
    issues = checker(tmp_path, body).check(Document("Au jour d'aujourd'hui, rien."))
    assert [(i.suggestions, i.fix and i.fix.safety.label) for i in issues] == [
        (("aujourd'hui",), "suggestion")
    ]


def test_pattern_suggestions_are_hints_without_a_replacement(tmp_path: Path) -> None:
    body = (
        "  - id: apply\n    kind: pattern\n    message: m\n    fix: suggestion\n"
        "    pattern: 'appliqué pour un poste'\n    suggestions: [postuler à]\n"
        "  - id: first\n    kind: pattern\n    message: m\n    fix: suggestion\n"
        "    pattern: '1st'\n    replacement: 1er\n    suggestions: [1re]\n"
    )
    issues = checker(tmp_path, body).check(Document("Elle a appliqué pour un poste le 1st mai."))
    # Without a replacement the suggestions are rewrites to adapt, which no client may apply
    # to the match as it stands; with one, they are other replacements of the match.
    assert [(i.rule, i.suggestions, i.hints) for i in issues] == [
        ("essai.apply", (), ("postuler à",)),
        ("essai.first", ("1er", "1re"), ()),
    ]


def test_structure_kinds_on_crlf_and_empty_text(tmp_path: Path) -> None:
    body = (
        "  - id: dup\n    kind: duplicate-line\n    message: m\n    min-length: 10\n"
        "  - id: cut\n    kind: truncated-ending\n    message: m\n    min-length: 10\n"
    )
    check = checker(tmp_path, body)
    text = "Une ligne assez longue.\r\nAutre chose.\r\nUne ligne  assez longue.\r\n"
    assert found(check, text) == [("Une ligne  assez longue.\r\n", "")]
    assert found(check, "") == []
    assert found(check, "Titre\nUne phrase finie. Un texte qui s'arrête au milieu de la") == [("la", None)]
    # No finished sentence anywhere: a title or a caption, not a cut article.
    assert found(check, "Titre\nUn texte qui s'arrête au milieu de la") == []


SWAP = """  - id: accord
    kind: pattern
    message: "{replacement}"
    pattern: '(?<=\\b[Ll]es \\w+s )(?P<verbe>a|est) (?=\\w)'
    swap-group: verbe
    swap: {a: ont, est: sont}
"""


def test_pattern_swap_rewrites_its_group_only(tmp_path: Path) -> None:
    check = checker(tmp_path, SWAP)
    assert found(check, "Les élus a voté.") == [("a ", "ont ")]
    assert found(check, "LES ÉLUS EST là") == []  # the lookbehind is case-sensitive
    quel = checker(
        tmp_path,
        "  - id: quel\n    kind: pattern\n    message: m\n    pattern: '\\b(?P<q>[Qq]uel)(?P<reste> sont)'\n"
        "    swap-group: q\n    swap: {quel: quelles}\n",
    )
    assert found(quel, "Quel sont les raisons ?") == [("Quel sont", "Quelles sont")]  # in the case written


def test_pattern_transform_thousands_regroups_a_whole_integer(tmp_path: Path) -> None:
    check = checker(
        tmp_path,
        "  - id: milliers\n    kind: pattern\n    message: m\n    pattern: '\\d+(?:[.,]\\d{3})+'\n"
        "    replacement: '\\g<0>'\n    transform: thousands\n",
    )
    assert found(check, "1,200,000 et 12.500 et 7,5") == [
        ("1,200,000", "1\u202f200\u202f000"),
        ("12.500", "12\u202f500"),
    ]


def test_truncated_ending_spares_a_contact_footer(tmp_path: Path) -> None:
    check = checker(tmp_path, "  - id: cut\n    kind: truncated-ending\n    message: m\n    min-length: 10\n")
    assert found(check, "Une phrase finie.\nContact presse : Léa Borel, presse@exemple.fr") == []
    assert found(check, "Une phrase finie.\nLe texte s'arrête au milieu de la phrase") == [("phrase", None)]


def test_repeated_excerpt_is_a_sentence_another_paragraph_holds(tmp_path: Path) -> None:
    check = checker(tmp_path, "  - id: pq\n    kind: repeated-excerpt\n    message: m\n    min-length: 20\n")
    body = "Titre\n\n« Nous avons montré du caractère ce soir. Bravo », dit-il.\n\n"
    quote = "«\u202fNous avons montré du caractère ce soir.\u202f»\n"
    assert found(check, body + quote + "\nLa suite.") == [(quote, "")]
    # Too short, not a sentence, or the first line (a headline the body repeats): not flagged.
    assert found(check, body + "« Bravo. »\n") == []
    assert found(check, "Nous avons montré du caractère\n\nNous avons montré du caractère ce soir.") == []
    # A paragraph that is one whole quotation needs no final stop: the body quotes it before
    # « , a-t-il dit ».
    quoted = "Titre\n\n«\u202fNous avons été surpris par la vitesse\u202f», dit-elle.\n\n"
    alone = "«\u202fNous avons été surpris par la vitesse\u202f»"
    assert found(check, quoted + alone + "\n\nLa suite.") == [(alone + "\n", "")]
    assert found(check, quoted + "Nous avons été surpris par la vitesse\n\nLa suite.") == []
    # A long article (one automaton for every candidate) finds what a short one (a search per
    # paragraph and candidate) finds.
    others = "".join(f"Le conseil numéro {n} a voté le budget de la ville.\n\n" for n in range(12))
    assert found(check, body + others + quote + "\nLa suite.") == [(quote, "")]


def test_trailing_heading(tmp_path: Path) -> None:
    check = checker(tmp_path, "  - id: th\n    kind: trailing-heading\n    message: m\n")
    text = "Le titre\n\nUne phrase finie du corps de l'article.\n\nLe budget en bref\n"
    assert found(check, text) == [("Le budget en bref", None)]
    assert found(check, "Le budget en bref") == []
    assert found(check, "Une phrase finie.\n\nContact presse, presse@exemple.fr") == []
    credits = "Une phrase finie.\n\nLa route a rouvert.\n\n- Avec la collaboration de Marc Roy"
    assert found(check, credits) == [("- Avec la collaboration de Marc Roy", None)]  # no `closing`
    rule = '  - id: th\n    kind: trailing-heading\n    message: m\n    closing: ["Avec "]\n'
    closing = checker(tmp_path, rule)
    assert found(closing, credits) == []
    assert found(closing, text) == [("Le budget en bref", None)]


FOREIGN = "  - id: mot\n    kind: foreign-word\n    message: m {language}\n"


def test_foreign_word_needs_a_word_french_lacks_and_a_source_writes(tmp_path: Path) -> None:
    check = checker(tmp_path, FOREIGN)
    assert found(check, "La torcida a envahi le terrain.") == [("torcida", None)]
    # A French verb's simple past or participle, a Latin species name, a text's cut last word.
    assert found(check, "L'explosion irradia la plaine.") == []
    assert found(check, "La bactérie Xylella fastidiosa ravage les oliviers.") == []
    assert found(check, "Ils ont reçu leur contributi") == []
    assert [i.message for i in check.check(Document("Le concejal a répondu."))] == ["m espagnol"]
    # French words, names, quotations, italics, compounds and elisions are never candidates.
    for text in (
        "Les supporters ont envahi le terrain.",
        "L'Atlético Mineiro a battu Flamengo.",
        "Il a lancé « Estoy muy orgulloso de mis jugadores » en riant.",
        "Le film *Las mareas* a gagné.",
        "Le porte-torcida et l'integrazione.",
        "xqzwv est une suite de lettres.",
    ):
        assert found(check, text) == [], text


def test_foreign_word_validates_its_fields(tmp_path: Path) -> None:
    with pytest.raises(RuleError, match="field 'languages': should be among"):
        checker(tmp_path, FOREIGN + "    languages: [xx]\n")
    with pytest.raises(RuleError, match="field 'max-french': should be a number from 0 to 8"):
        checker(tmp_path, FOREIGN + "    max-french: 12\n")
    only_english = checker(tmp_path, FOREIGN + "    languages: [en]\n")
    assert found(only_english, "La torcida a envahi le terrain.") == []


LOST = "  - id: apos\n    kind: lost-apostrophe\n    message: m\n    elisions: [l, d, qu, jusqu, lorsqu]\n"
LOST_TEXT = "Le plan de lemployeur prévoit dautres aides jusquà la retraite."


def test_lost_apostrophe_needs_several_distinct_words_in_the_document(tmp_path: Path) -> None:
    check = checker(tmp_path, LOST)
    assert found(check, LOST_TEXT) == [
        ("lemployeur", "l’employeur"),
        ("dautres", "d’autres"),
        ("jusquà", "jusqu’à"),
    ]
    # One or two such words may be names or rare words: nothing is reported.
    assert found(check, "Le plan de lemployeur prévoit dautres aides.") == []
    # A capitalised word counts at a sentence's start only: « Lample » is a name.
    assert found(check, "Le plan de lemployeur prévoit dautres aides, selon Lample.") == []
    assert ("Lorsquun", "Lorsqu’un") in found(check, LOST_TEXT + " Lorsquun salarié part, il perd tout.")
    two = checker(tmp_path, LOST + "    min-words: 2\n")
    assert found(two, "Le plan de lemployeur prévoit dautres aides.") == [
        ("lemployeur", "l’employeur"),
        ("dautres", "d’autres"),
    ]


def test_lost_apostrophe_validates_its_fields(tmp_path: Path) -> None:
    with pytest.raises(RuleError, match="field 'elisions': should list elided forms"):
        checker(tmp_path, '  - id: apos\n    kind: lost-apostrophe\n    message: m\n    elisions: ["l\'"]\n')
    with pytest.raises(RuleError, match="field 'margin': should be a number from 0 to 8"):
        checker(tmp_path, LOST + "    margin: 9\n")


EDGED = """  - id: mai
    kind: pattern
    message: m
    pattern: 'mai'
    trigger: [mai]
    trigger-at: {edges}
"""


def test_pattern_triggers_at_word_edges_skip_runs_of_lines_without_one(tmp_path: Path) -> None:
    """With `trigger-at`, a rule runs on the same runs of consecutive lines as without it
    (lines holding a trigger anywhere), skipping those with no trigger at its word edges. The
    pattern here ignores words, to show which lines it ran on."""
    anywhere = checker(tmp_path, EDGED.format(edges="anywhere"))
    as_word = checker(tmp_path, EDGED.format(edges="word"))
    start = checker(tmp_path, EDGED.replace("trigger: [mai]", "trigger: [ma]").format(edges="word-start"))
    end = checker(tmp_path, EDGED.replace("trigger: [mai]", "trigger: [ai]").format(edges="word-end"))
    for text, on_any, on_word, on_start, on_end in (
        ("Le maire signe.", ["mai"], [], ["mai"], []),
        ("Le maire.\n\nLe 3 mai.", ["mai", "mai"], ["mai"], ["mai", "mai"], ["mai"]),
        ("Le maire,\nle 3 mai.", ["mai", "mai"], ["mai", "mai"], ["mai", "mai"], ["mai", "mai"]),  # one run
        ("Un emai.\n\nLe mai_2.", ["mai", "mai"], [], ["mai"], ["mai"]),
    ):
        assert [match for match, _ in found(anywhere, text)] == on_any, text
        assert [match for match, _ in found(as_word, text)] == on_word, text
        assert [match for match, _ in found(start, text)] == on_start, text
        assert [match for match, _ in found(end, text)] == on_end, text
        stored = pickle.loads(pickle.dumps(as_word))  # as the compiled-rules cache keeps it
        assert found(stored, text) == found(as_word, text)


def test_trigger_at_is_validated(tmp_path: Path) -> None:
    choices = "anywhere, word-start, word-end, word"
    with pytest.raises(RuleError, match=f"field 'trigger-at': should be one of {choices}"):
        checker(tmp_path, EDGED.format(edges="partout"))
    with pytest.raises(RuleError, match="field 'trigger-at': only a rule with a `trigger`"):
        checker(tmp_path, EDGED.replace("    trigger: [mai]\n", "").format(edges="word"))


def test_pattern_in_documents_with_runs_on_documents_the_expression_matches(tmp_path: Path) -> None:
    """`in-documents-with`: an ambiguous match (« 61,266 ») is flagged only in a document that
    settles it elsewhere (« 64,700 »), wherever that is, and with a trigger too."""
    rule = (
        "  - id: milliers\n    kind: pattern\n    message: m\n    pattern: '\\d+,\\d\\d[1-9]\\b'\n"
        "    in-documents-with: '\\d,\\d\\d0\\b'\n"
    )
    for body in (rule, rule + "    trigger: [',']\n"):
        check = checker(tmp_path, body)
        assert found(check, "Le cours est à 61,266.") == []
        assert found(check, "Le cours est à 61,266.\n\nIl valait 64,700 lundi.") == [("61,266", None)]
        stored = pickle.loads(pickle.dumps(check))  # as the compiled-rules cache keeps it
        assert found(stored, "Il valait 64,700 et vaut 61,266.") == [("61,266", None)]
    with pytest.raises(RuleError, match="field 'in-documents-with': invalid regular expression"):
        checker(tmp_path, rule.replace("'\\d,\\d\\d0\\b'", "'(?<'"))
