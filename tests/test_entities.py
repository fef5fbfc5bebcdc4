"""Entity registries: canonical spellings, ambiguous variants that need evidence, elision."""

from __future__ import annotations

from pathlib import Path

import pytest

from textlint.document import Document
from textlint.errors import RuleError
from textlint.issues import Safety
from textlint.yamlrules.checker import RuleChecker
from textlint.yamlrules.kinds.entity import EntityRule
from textlint.yamlrules.loader import load_ruleset

REGISTRY = """registry:
  id: essai
  description: Registre d'essai
entities:
  - name: OpenAI
    type: organisation
    variants: [Open AI]
  - name: Anthropic
    type: organisation
    variants: [Anthropique]
    ambiguous: [Anthropique]
    context: [IA, Claude, modèle de langage]
    good: ["Le principe anthropique divise.", "Une origine anthropique."]
  - name: Bard
    type: product
    variants: [barde, Barde]
    ambiguous: [barde, Barde]
    context: [Google, chatbot]
    good: ["Le barde chantait.", "Un barde breton."]
  - name: Gemini
    type: product
    variants: [GEMINI]
examples:
  bad:
    - {text: "Le rachat par Open AI.", fixed: "Le rachat par OpenAI."}
  good: ["Le rachat par OpenAI."]
"""


@pytest.fixture
def checker(tmp_path: Path) -> RuleChecker:
    path = tmp_path / "essai.yaml"
    path.write_text(REGISTRY, encoding="utf-8")
    return RuleChecker(load_ruleset(path).rules)


def found(checker: RuleChecker, text: str) -> list[tuple[str, str | None, str | None]]:
    return [
        (text[i.start : i.end], i.fix.replacement if i.fix else None, i.fix.safety.label if i.fix else None)
        for i in checker.check(Document(text))
    ]


def test_plain_variant_is_a_safe_fix(checker: RuleChecker) -> None:
    assert found(checker, "Un accord avec Open AI.") == [("Open AI", "OpenAI", "safe")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Le barde chantait les exploits du roi.", []),
        ("Google a lancé barde, son chatbot.", [("barde", "Bard", "suggestion")]),
        ("Il rentre. Barde, poète, chantait.", []),  # a capital at the start of a sentence is no evidence
        ("On parle de Barde depuis mardi.", [("Barde", "Bard", "suggestion")]),  # capital mid-sentence
        ("La pollution anthropique augmente.", []),
        ("Mais qui est Anthropique ?", [("Anthropique", "Anthropic", "suggestion")]),
        ("Selon Google, barde répond mal.", [("barde", "Bard", "suggestion")]),  # context before
    ],
)
def test_ambiguous_variants_need_evidence(
    checker: RuleChecker, text: str, expected: list[tuple[str, str, str]]
) -> None:
    assert found(checker, text) == expected


def test_elision_with_the_documents_apostrophe(checker: RuleChecker) -> None:
    assert found(checker, "Le patron de OpenAI.") == [("de OpenAI", "d’OpenAI", "safe")]
    assert found(checker, "L'avis de Open AI, d'après l'article.") == [("de Open AI", "d'OpenAI", "safe")]
    # Mixed apostrophes all go to ’ (typo.apostrophe-consistency), the elision too.
    assert found(checker, "L'avis de Open AI, d’après l'article.") == [("de Open AI", "d’OpenAI", "safe")]


def test_identifiers_are_left_alone(checker: RuleChecker) -> None:
    # A handle, a hashtag or an address is spelt as its owner chose.
    assert found(checker, "Sur le compte @Anthropique, l'annonce.") == []
    assert found(checker, "Le mot-dièse #OpenAI circule, comme le site openai.com.") == []
    assert found(checker, "Le mot-dièse #IA circule, avec Open AI.") == [("Open AI", "OpenAI", "safe")]


def test_all_capitals_headline_is_left_alone(checker: RuleChecker) -> None:
    assert found(checker, "GOOGLE DÉVOILE GEMINI") == []
    assert found(checker, "Google dévoile GEMINI, son modèle.") == [("GEMINI", "Gemini", "safe")]


def test_reported_speech_keeps_the_speakers_names(checker: RuleChecker) -> None:
    # Words reported as said are the speaker's; a quotation that is the name alone is still checked.
    assert found(checker, "« On travaille avec Open AI depuis un an », dit-elle.") == []
    assert found(checker, "Son essai s'intitule « Open AI ».") == [("Open AI", "OpenAI", "safe")]


def test_a_line_in_english_keeps_its_names(checker: RuleChecker) -> None:
    # An agency's English caption left in a scraped page: its untranslated text is the defect
    # (mt.untranslated-fragment), not each name in it; a French line is still checked.
    caption = "Open AI chief executive looks on as the company presents its new model to investors in London"
    assert found(checker, caption) == []
    french = "Le patron de Open AI a présenté le nouveau modèle aux investisseurs à Londres."
    assert found(checker, french) == [("de Open AI", "d’OpenAI", "safe")]
    # A French line thick with names, which the detector gives to English, is French by its
    # words « et », « du » (two in fourteen): its names are still checked.
    names = "Sam Altman et Open AI lors du Tech Summit Spring Edition Las Vegas Nevada"
    assert found(checker, names) == [("Open AI", "OpenAI", "safe")]


def test_canonical_names_are_known_words(tmp_path: Path) -> None:
    path = tmp_path / "essai.yaml"
    path.write_text(REGISTRY, encoding="utf-8")
    [rule] = load_ruleset(path).rules
    assert isinstance(rule, EntityRule)
    assert {"OpenAI", "Anthropic", "Bard", "Gemini"} <= rule.canonical_forms
    assert rule.header.safety is Safety.SAFE


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            ("    type: product\n    variants: [GEMINI]", "    type: robot\n    variants: [GEMINI]"),
            "field 'type'",
        ),
        (("    context: [Google, chatbot]\n", ""), "field 'ambiguous'"),
        (("variants: [GEMINI]", "variants: [GEMINI, OpenAI]"), "'OpenAI' is a name"),
        (("  - name: Gemini", "  - name: Gemini\n    colour: blue"), "field 'colour': unknown field"),
    ],
)
def test_registry_errors_name_the_entity_and_field(
    tmp_path: Path, change: tuple[str, str], message: str
) -> None:
    path = tmp_path / "essai.yaml"
    path.write_text(REGISTRY.replace(*change), encoding="utf-8")
    with pytest.raises(RuleError, match=message) as raised:
        load_ruleset(path)
    assert str(raised.value).startswith(str(path))


def shipped_registries() -> list[EntityRule]:
    from textlint.yamlrules.files import builtin_rules_dir
    from textlint.yamlrules.loader import load_rulesets

    rules = [rule for ruleset in load_rulesets([builtin_rules_dir()]) for rule in ruleset.rules]
    return [rule for rule in rules if isinstance(rule, EntityRule)]


def test_registry_size_and_no_variant_is_another_name() -> None:
    entities = [entity for rule in shipped_registries() for entity in rule.entities]
    names = [entity.name for entity in entities]
    assert len(set(names)) == len(names), "an entity is listed in two registries"
    assert len(entities) >= 800
    clashes = {variant for entity in entities for variant in entity.variants} & set(names)
    assert not clashes


def test_ordinary_sentences_raise_nothing() -> None:
    """The ordinary uses of ambiguous names, under every shipped rule at once."""
    from textlint.config import Config, LanguageToolSettings
    from textlint.document import Document
    from textlint.linter import Linter

    registry_goods = [
        text
        for rule in shipped_registries()
        for text in rule.header.good
        if any(variant in text for entity in rule.entities for variant in entity.ambiguous)
    ]
    corpus = Path(__file__).parent / "data" / "ordinary-sentences.txt"
    sentences = registry_goods + corpus.read_text(encoding="utf-8").splitlines()
    assert len(sentences) >= 100
    # One linter for every sentence, as a run over many documents has.
    linter = Linter(Config(languagetool=LanguageToolSettings(enabled=False)))
    flagged = {text: linter.lint(Document(text)).issues for text in sentences}
    assert {text: [i.rule for i in issues] for text, issues in flagged.items() if issues} == {}


def test_registry_names_are_known_words_for_languagetool() -> None:
    from textlint.config import Config, LanguageToolSettings
    from textlint.linter import Linter

    known = Linter(Config(languagetool=LanguageToolSettings(enabled=False))).known_words
    assert {"Anthropic", "OpenAI", "Nétanyahou", "TotalEnergies", "Roland-Garros"} <= known


def test_translated_names_are_found_and_controls_left_alone() -> None:
    """The entity-name case set (tests/cases/entity-names/), scored as
    `python bench/score_typography.py tests/cases/entity-names --categories entity` scores it:
    names translated or garbled by machine translation are found as names, and the control
    sentences, where the same words are ordinary French, raise no entity issue."""
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
    import score_typography

    cases = Path(__file__).parent / "cases" / "entity-names"
    scores = score_typography.score(cases, languagetool=False, categories=frozenset({"entity"}))
    total = score_typography.total(scores)
    assert len(scores) == 5 and total.wrong >= 80 and total.correct >= 80
    assert total.recall >= 0.95, [m for s in scores for m in s.missed]
    assert total.alarms == 0, [a for s in scores for a in s.alarmed]


@pytest.mark.parametrize("folder", ["entity-forms", "entity-forms-fresh"])
def test_brand_forms_found_by_category_and_their_homonyms_left_alone(folder: str) -> None:
    """The brand-form case sets (tests/cases/entity-forms*/), scored with `--categories entity`:
    names translated whole, garbled or with English capitals are found, and no correct sentence
    gets an issue from the rules that derive forms from the registries (one registry variant,
    « Claudie » near « Anthropic », stays a known false alarm, see the set's README)."""
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
    import score_typography

    cases = Path(__file__).parent / "cases" / folder
    scores = score_typography.score(cases, languagetool=False, categories=frozenset({"entity"}))
    total = score_typography.total(scores)
    assert total.recall >= (0.95 if folder == "entity-forms" else 0.85), [m for s in scores for m in s.missed]
    derived = [a for s in scores for a in s.alarmed if "brand-form" in str(a)]
    assert derived == []
