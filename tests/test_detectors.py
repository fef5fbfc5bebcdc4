"""The machine-translation and scraping detectors: untranslated fragments, English-style
capitals, mojibake repaired by ftfy, stray HTML tags. Positives and negatives on the shipped
rules, plus the kinds' own edge cases."""

from __future__ import annotations

from pathlib import Path

import pytest

from textlint.document import Document, Span
from textlint.errors import RuleError
from textlint.langid import _build as _build_detector
from textlint.yamlrules.checker import RuleChecker
from textlint.yamlrules.files import builtin_rules_dir
from textlint.yamlrules.loader import load_ruleset, load_rulesets

RULES = {rule.id: rule for ruleset in load_rulesets([builtin_rules_dir()]) for rule in ruleset.rules}


def flagged(rule_id: str, text: str, doc: Document | None = None) -> list[tuple[str, str | None]]:
    issues = RuleChecker([RULES[rule_id]]).check(doc or Document(text))
    return [(text[i.start : i.end], i.fix.replacement if i.fix else None) for i in issues]


@pytest.mark.parametrize(
    ("text", "fragment", "language"),
    [
        (
            "Le directeur a promis que we will deliver on time avant la fin de l'été.",
            "we will deliver on time",
            "anglais",
        ),
        (
            "Les salariés répètent que the plant has been sold depuis longtemps.",
            "the plant has been sold",
            "anglais",
        ),
        (
            "Le chef napolitain dit que questo piatto è molto antico selon sa grand-mère.",
            "questo piatto è molto antico",
            "italien",
        ),
        (
            "La ministre a lu que el proyecto está muy avanzado dans le rapport.",
            "el proyecto está muy avanzado",
            "espagnol",
        ),
        (
            # French edge words the detector gives to no reported language are left out.
            "Le ministre a relu the report is ready for everyone.",
            "the report is ready for everyone",
            "anglais",
        ),
        (
            "Il a dit hier que we will deliver on time en principe.",
            "we will deliver on time",
            "anglais",
        ),
        (
            # « publié » cannot be English: the fragment starts after it.
            "Le gouvernement a publié the report is available online for everyone today.",
            "the report is available online for everyone today",
            "anglais",
        ),
        (
            "Le consul a noté que die Verhandlungen sind noch offen selon lui.",
            "die Verhandlungen sind noch offen",
            "allemand",
        ),
    ],
)
def test_untranslated_fragment_names_its_language(text: str, fragment: str, language: str) -> None:
    issues = RuleChecker([RULES["mt.untranslated-fragment"]]).check(Document(text))
    assert [(text[i.start : i.end], i.fix) for i in issues] == [(fragment, None)]
    assert f"en {language} non traduit" in issues[0].message


@pytest.mark.parametrize(
    "text",
    [
        "Le groupe a présenté son plan de relance aux élus de la région lundi soir.",
        "La série « The Last of Us » a été tournée au Canada.",
        "Il répète “this is not the end” à chaque réunion.",
        'Le slogan "make it happen" a fait long feu.',
        "Le New York Times and the Washington Post ont publié l'enquête.",
        "Lancez `git commit --all` puis `git push the branch`, dit la doc.",
        "Le lien https://example.org/how-to-win-the-war est cassé.",
        "Un bon week-end, un best of et un live sur le stand.",
        "Ce modèle de langage a été entraîné sur des textes variés.",
    ],
)
def test_untranslated_fragment_leaves_french_quotes_names_and_code(text: str) -> None:
    assert flagged("mt.untranslated-fragment", text) == []


def test_language_detector_is_built_only_for_a_candidate_run() -> None:
    _build_detector.cache_clear()
    rule = RULES["mt.untranslated-fragment"]
    assert flagged("mt.untranslated-fragment", "Le conseil a voté le budget de la ville hier soir.") == []
    assert _build_detector.cache_info().currsize == 0
    assert list(rule.check(Document("Elle dit que the board has voted for it hier."))) != []
    # The fast detector, then the accurate one: the stretch is short and not plainly French.
    assert _build_detector.cache_info().currsize == 2


def test_language_rule_fields_are_checked(tmp_path: Path) -> None:
    path = tmp_path / "maison.yaml"
    body = "ruleset:\n  prefix: maison\nrules:\n  - id: langue\n    kind: language\n    message: m\n"
    path.write_text(body + "    min-confidence: 2\n", encoding="utf-8")
    with pytest.raises(RuleError, match="field 'min-confidence': should be a number greater than 0"):
        load_ruleset(path)
    path.write_text(body + "    languages: [en, pt]\n", encoding="utf-8")
    with pytest.raises(RuleError, match="field 'languages': should be among en, it, es, de"):
        load_ruleset(path)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Marchés Et Régulateurs En Alerte\n\nLe texte suit.", "Marchés et régulateurs en alerte"),
        ("Intro.\n\nLa Course Aux Puces Pour L'Europe\n\nSuite.", "La course aux puces pour l'Europe"),
        ("Le Rachat De DeepMind Par Google\n\nSuite.", "Le rachat de DeepMind par Google"),
        ("Retour À Marseille\n\nSuite.", "Retour à Marseille"),
        # Plain-text news often puts the intertitle right under a finished paragraph.
        ("Intro.\nMarchés Et Régulateurs En Alerte\nSuite.", "Marchés et régulateurs en alerte"),
        # « De Concurrence » is nowhere else: title case, not a name.
        ("Problèmes De Concurrence\n\nLa concurrence s'inquiète.", "Problèmes de concurrence"),
    ],
)
def test_title_case_heading_is_lowered_except_names(text: str, expected: str) -> None:
    found = flagged("mt.title-case-heading", text)
    assert [fix for _, fix in found] == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "Le Conseil De Paris Et La Mairie se sont réunis hier soir.",  # a sentence, not a heading
        "Il a vu les\nMarchés Et Régulateurs En Alerte\n\nSuite.",  # inside a wrapped sentence
        "Marchés Et Régulateurs En Alerte.\n\nSuite.",  # final full stop
        "Marchés et régulateurs en alerte\n\nSuite.",
        "MARCHÉS ET RÉGULATEURS\n\nSuite.",
        "Nouvelle Donne Énergétique\n\nSuite.",  # no capitalised function word: too unsure
        # A caption or byline naming someone the text names again with the same particle.
        "Marine Le Pen\n\nSelon Marine Le Pen, le vote sera serré.",
    ],
)
def test_title_case_heading_leaves_other_lines(text: str) -> None:
    assert flagged("mt.title-case-heading", text) == []


def test_title_case_follows_the_front_end_headings_when_there_are_regions() -> None:
    text = "Marchés Et Régulateurs En Alerte\nLe texte suit."
    heading = Document(text, regions=[Span(0, 32, "heading"), Span(32, len(text), "text")])
    prose = Document(text, regions=[Span(0, len(text), "text")])
    assert flagged("mt.title-case-heading", text, heading) == [
        ("Marchés Et Régulateurs En Alerte", "Marchés et régulateurs en alerte")
    ]
    assert flagged("mt.title-case-heading", text, prose) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Les chercheurs ont testé la Plateforme hier.", [("Plateforme", "plateforme")]),
        ("Il travaille sur X et Superordinateur du Dojo.", [("Superordinateur", "superordinateur")]),
    ],
)
def test_capitalised_noun_of_the_list(text: str, expected: list[tuple[str, str]]) -> None:
    assert flagged("mt.capitalised-noun", text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "L'état des routes inquiète l'État et le Parlement.",
        "La bourse d'études ne dépend pas de la Bourse de Paris.",
        "Le monde entier lit le Monde diplomatique.",  # an entity of the registry
        "Elle a lu la Tribune ce matin.",  # no lower-case « tribune » in the text
        "La Plateforme Nationale est ouverte.",  # two capitals: a name
        "La ministre de la Culture soutient la culture locale.",
        "Superordinateur\n\nLe superordinateur a été livré.",  # a heading
        "La Réunion accueille une réunion des maires.",
        # French capitalises many nouns on purpose: the same word in lower case proves nothing.
        "Chaque région a son budget, et la Région paie.",
        "Ce port vit de la pêche ; la Pêche industrielle le menace.",
        "Les supporters des Mauves, les supporteurs du Prix des libraires.",
    ],
)
def test_capitalised_noun_leaves_intended_capitals(text: str) -> None:
    assert flagged("mt.capitalised-noun", text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Le rÃ©seau est en panne.", [("rÃ©seau", "réseau")]),
        ("Selon lâ€™Ã©tat-major, rien.", [("lâ€™Ã©tat-major", "l’état-major")]),
        ("Il est nÃ© Ã\u00a0 Paris.", [("nÃ©", "né"), ("Ã\u00a0", "à")]),
        ("(Ã‰tat)", [("Ã‰tat", "État")]),
    ],
)
def test_mojibake_repairs_the_whole_word(text: str, expected: list[tuple[str, str]]) -> None:
    assert flagged("enc.mojibake", text) == expected


def test_mojibake_that_ftfy_cannot_repair_has_no_fix() -> None:
    assert flagged("enc.mojibake", "Le code €Ã© reste.") == [("€Ã©", None)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("<div>Le maire parle.</div>", [("<div>", ""), ("</div>", "")]),
        ("Un mot <em>clé</em> ici.", [("<em>", ""), ("</em>", "")]),
        ('Voir <a href="https://x.fr">le site</a> demain.', [('<a href="https://x.fr">', ""), ("</a>", "")]),
        ("Texte.<BR/> Suite.", [("<BR/>", "")]),
    ],
)
def test_html_tag_is_removed(text: str, expected: list[tuple[str, str]]) -> None:
    assert flagged("enc.html-tag", text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Il faut moins de 5 <10 ou plus de 3 > 2.",
        "Les « guillemets » restent.",
        "La formule x<y et y>z tient.",
        "Le patron <p.durand@exemple.fr> a répondu.",
        "Une flèche -> puis <-- rien.",
    ],
)
def test_html_tag_leaves_comparisons_and_guillemets(text: str) -> None:
    assert flagged("enc.html-tag", text) == []
    assert flagged("enc.html-tag-between-words", text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "La plateforme d'échange, qui prépare son introduction en Bourse, a publié ses résultats. "
            "Il a annoncé une hausse de son volume.",
            [("Il a annoncé", "Elle a annoncé")],
        ),
        (
            "La société, qui avait signé avec un grand laboratoire, n'a pas communiqué de prix. Il espère "
            "une commercialisation en 2027.",
            [("Il espère", "Elle espère")],
        ),
        ("Il est aujourd'hui utilisée dans la recherche.", [("Il est aujourd'hui", "Elle est aujourd'hui")]),
    ],
)
def test_pronoun_drift(text: str, expected: list[tuple[str, str]]) -> None:
    assert flagged("mt.pronoun-drift", text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # A heading between the company and « il »: what came before is not taken up.
        "La banque relève ses taux.\n\nLe point de vue des ménages\n\nIl attend une baisse des prix.",
        # A registry place is no man; a first name and a name may be one.
        "La société a reçu Paul Martin à Paris. Il a visité l'usine.",
        "La Fédération a nommé l'entraîneur. Il entrera en fonction lundi.",
        "La compagnie a averti les clients. Il y a des coupures depuis vendredi.",
        "Elle est athée, il est athée aussi.",
    ],
)
def test_pronoun_drift_leaves_other_referents(text: str) -> None:
    assert flagged("mt.pronoun-drift", text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Il quitte Linked In pour Face book.", [("Linked In", "LinkedIn"), ("Face book", "Facebook")]),
        ("Une panne de Microsoft teams.", [("Microsoft teams", "Microsoft Teams")]),
        ("Une panne de Microsoft Team.", [("Microsoft Team", "Microsoft Teams")]),
        ("Les chercheurs de Microsoft Équipes.", [("Microsoft Équipes", "Microsoft Teams")]),
    ],
)
def test_brand_forms_derived_from_the_registries(text: str, expected: list[tuple[str, str]]) -> None:
    assert flagged("entity.brand-form", text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A name translated whole: a version number, a noun saying what it is, an apposition,
        # or its capital mid-sentence with the maker's name.
        ("La mise à jour de Bord 120 est sortie.", [("Bord", "Edge")]),
        ("Il ouvre l'application Équipes.", [("Équipes", "Teams")]),
        ("Nintendo a présenté Interrupteur, sa nouvelle console.", [("Interrupteur", "Switch")]),
        ("Microsoft intègre son assistant à Bord.", [("Bord", "Edge")]),
        # A French ending on a company's name; a product's first name made diminutive.
        ("Les puces de Nvidien chauffent.", [("Nvidien", "Nvidia")]),
        ("Le chatbot Claudine répond.", [("Claudine", "Claude")]),
        # Inner capitals lost; a camel-case name split with its second part in lower case.
        ("Le titre Spacex grimpe.", [("Spacex", "SpaceX")]),
        ("La Play station 5 sort.", [("Play station", "PlayStation")]),
    ],
)
def test_brand_forms_french_also_writes_need_evidence(text: str, expected: list[tuple[str, str]]) -> None:
    assert flagged("entity.brand-form", text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Les équipes de Microsoft travaillent à distance.",  # lower case: the common noun
        "Les Équipes 2 et 3 du chantier ont fini.",  # numbers of a list, not a version
        "Microsoft a signé avec le groupe Bureau Veritas.",  # part of a longer name
        "Google a racheté la start-up Nuage.",  # a company, not Google Cloud
        "Le Premier ministre a reçu le patron d'Amazon.",  # French capitalises it itself
        "Claudine, ingénieure chez Anthropic, a présenté le modèle.",  # a first name
        "Les Nvidiens de la série vivent en forêt.",  # no plural ending is derived
        "Le titre du quotidien L'Équipe.",  # an elision is no inner capital
        "Bord de mer, le parc attire les familles.",  # no maker, no cue
        "La console de Bord brille.",  # « de » between: the dashboard's console
    ],
)
def test_brand_forms_french_also_writes_left_alone_without_evidence(text: str) -> None:
    assert flagged("entity.brand-form", text) == []


def test_brand_forms_leave_registry_variants_to_their_registry() -> None:
    """« Fenêtres » is a variant of Windows in a registry: the registry reports it, once."""
    text = "La mise à jour de Fenêtres 11 bloque les imprimantes."
    assert flagged("entity.brand-form", text) == []
    issues = RuleChecker(list(RULES.values())).check(Document(text))
    assert [(i.rule, text[i.start : i.end]) for i in issues if i.category == "entity"] == [
        ("entity.technology", "Fenêtres")
    ]


def test_brand_forms_of_a_house_registry(tmp_path: Path) -> None:
    (tmp_path / "maison.yaml").write_text(
        "registry:\n  id: maison\nentities:\n  - name: Lumiflux\n    type: product\n", encoding="utf-8"
    )
    rules = [rule for rs in load_rulesets([builtin_rules_dir(), tmp_path]) for rule in rs.rules]
    brand = next(rule for rule in rules if rule.id == "entity.brand-form")
    issues = RuleChecker([brand]).check(Document("Le logiciel Lumi flux plante."))
    assert [(i.start, i.end, i.fix.replacement if i.fix else None) for i in issues] == [(12, 21, "Lumiflux")]
