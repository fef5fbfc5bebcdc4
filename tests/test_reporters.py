"""Output formats: pure formatting over hand-built documents and issues."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st

from textlint.document import Document
from textlint.issues import Fix, Issue, Safety, Severity
from textlint.reporters import REPORTERS, ReportOptions
from textlint.reporters.display import visible, visible_value, width
from textlint.reporters.github import escape_data, escape_property
from textlint.reporters.sarif import artifact_uri, reference_entry
from textlint.reporters.text import excerpt, statistics_rows, summary
from textlint.results import Failure, FileResult, RuleDoc, RunResult

SCHEMA_PATH = Path(__file__).parent / "data" / "sarif-schema-2.1.0.json"
PLAIN = ReportOptions(color=False, statistics=False, quiet=False)

NBSP = "\u00a0"
NNBSP = "\u202f"
ZWSP = "\u200b"


def issue_at(
    text: str, needle: str, rule: str = "typo.space-before-high-punctuation", **fields: Any
) -> Issue:
    """An issue over the first occurrence of `needle` in `text`."""
    start = text.index(needle)
    values: dict[str, Any] = {
        "source": "yaml",
        "severity": Severity.WARNING,
        "message": "Espace fine insécable avant « ; »",
        "category": "typography",
    }
    values.update(fields)
    return Issue(rule=rule, start=start, end=start + len(needle), **values)


def run_of(*files: tuple[Document, tuple[Issue, ...]]) -> RunResult:
    rules = {
        "typo.space-before-high-punctuation": RuleDoc(
            "typo.space-before-high-punctuation",
            "Espace avant la ponctuation haute",
            "https://exemple.fr/regles/typo-001",
        ),
        "LT:ACCORD_GENRE": RuleDoc("LT:ACCORD_GENRE", "Accord du participe passé"),
    }
    return RunResult(files=[FileResult(doc, issues) for doc, issues in files], rules=rules)


def render(name: str, result: RunResult, options: ReportOptions = PLAIN) -> str:
    stream = io.StringIO()
    REPORTERS[name](result, stream, options)
    return stream.getvalue()


# A sentence with accents before the span, the flagged plain space before « ; ».
SENTENCE = "Déjà, l'été arrive ; les élèves partent.\n"


def simple_run() -> RunResult:
    doc = Document(text=SENTENCE, path="articles/ete.txt")
    issue = issue_at(SENTENCE, " ;", fix=Fix(f"{NNBSP};", Safety.SAFE))
    return run_of((doc, (issue,)))


# --- table -------------------------------------------------------------------------------


def test_every_format_is_registered() -> None:
    assert sorted(REPORTERS) == ["github", "html", "json", "sarif", "text"]


def test_options_are_frozen() -> None:
    options = ReportOptions(color=False, statistics=False, quiet=False)
    with pytest.raises(AttributeError):
        options.color = True  # type: ignore[misc]


# --- text --------------------------------------------------------------------------------


def test_text_exact_output_for_a_simple_case() -> None:
    assert render("text", simple_run()).splitlines() == [
        "articles/ete.txt:1:19: typo.space-before-high-punctuation Espace fine insécable avant « ; »",
        "  1 | Déjà, l'été arrive ; les élèves partent.",
        "    |                   ^^",
        "  suggestion: « ˽; » [safe fix]",
        "",
        "Found 1 issue (1 fixable with --fix).",
    ]


def test_text_has_no_colour_unless_asked() -> None:
    assert "\x1b[" not in render("text", simple_run())
    coloured = render("text", simple_run(), ReportOptions(color=True, statistics=False, quiet=False))
    assert "\x1b[1;33mtypo.space-before-high-punctuation\x1b[0m" in coloured


def test_text_tells_plain_nbsp_and_nnbsp_apart() -> None:
    text = f"Il a dit{NBSP}: «{NNBSP}oui{NNBSP}» ; puis\til est parti.\n"
    doc = Document(text=text, path="a.txt")
    shown, carets = excerpt(doc, issue_at(text, " ;"))
    assert shown == "  1 | Il a dit⍽: «˽oui˽» ; puis→il est parti."
    assert carets == "    |                   ^^"


def test_caret_stays_aligned_after_wide_and_multibyte_characters() -> None:
    text = "Bravo 🎉 à l'équipe ; quelle soirée !\n"
    doc = Document(text=text, path="a.txt")
    shown, carets = excerpt(doc, issue_at(text, " ;"))
    prefix = "  1 | "
    before = visible(text[: text.index(" ;")])
    assert shown.startswith(prefix + before)
    # The emoji takes two terminal cells, the accented letters one each.
    assert width(before) == len(before) + 1
    assert carets == "    | " + " " * width(before) + "^^"


def test_invisible_characters_get_markers_and_carets_cover_them() -> None:
    text = f"Le{ZWSP} maire\n"
    doc = Document(text=text, path="a.txt")
    issue = issue_at(text, ZWSP, rule="FR-TYPO-009", fix=Fix("", Safety.UNSAFE))
    shown, carets = excerpt(doc, issue)
    assert shown == "  1 | Le⟨U+200B⟩ maire"
    assert carets == "    |   ^^^^^^^^"
    assert "  suggestion: remove « ⟨U+200B⟩ » [unsafe fix]" in render("text", run_of((doc, (issue,))))


def test_visible_values_mark_edge_spaces() -> None:
    assert visible("a\tb") == "a→b"
    assert visible_value(" ") == "␣"
    assert visible_value(f" {NNBSP}:") == "␣˽:"
    assert visible_value("de la") == "de la"


def test_span_crossing_lines_is_underlined_to_the_end_of_its_first_line() -> None:
    text = "Le conseil municipal\r\na voté hier.\r\n"
    doc = Document(text=text, path="a.txt")
    issue = issue_at(text, "municipal\r\na voté", rule="LT:ACCORD_GENRE")
    shown, carets = excerpt(doc, issue)
    assert shown == "  1 | Le conseil municipal"
    assert carets == "    |            ^^^^^^^^^"


def test_span_at_end_of_line_gets_one_caret() -> None:
    text = "Fin de phrase\n"
    doc = Document(text=text, path="a.txt")
    issue = Issue("FR-TYPO-003", "yaml", Severity.INFO, 13, 13, "Point final manquant")
    assert excerpt(doc, issue)[1] == "    |              ^"


def test_long_lines_are_cut_around_the_span() -> None:
    text = "mot " * 60 + "erreur " + "mot " * 60
    doc = Document(text=text, path="a.txt")
    shown, carets = excerpt(doc, issue_at(text, "erreur"))
    assert shown.startswith("  1 | …") and shown.endswith("…")
    assert len(shown) < 120
    column = carets.index("^")
    assert shown[column : column + 6] == "erreur"


def test_suggestions_are_listed_when_there_is_no_fix() -> None:
    text = "Les élèves sont parti hier.\n"
    doc = Document(text=text, path="a.txt")
    issue = issue_at(text, "parti", rule="LT:ACCORD_GENRE", suggestions=("partis", "parties"))
    lines = render("text", run_of((doc, (issue,)))).splitlines()
    assert "  suggestions: « partis », « parties »" in lines
    assert lines[-1] == "Found 1 issue."


def test_hints_are_listed_apart_from_replacements() -> None:
    text = "Il faut adresser le problème.\n"
    doc = Document(text=text, path="a.txt")
    issue = issue_at(text, "adresser", rule="mt.calques-anglais", hints=("traiter", "s'attaquer à"))
    lines = render("text", run_of((doc, (issue,)))).splitlines()
    assert "  consider: « traiter », « s'attaquer à »" in lines
    assert not any(line.startswith("  suggestion") for line in lines)
    entry = json.loads(render("json", run_of((doc, (issue,)))))["files"][0]["issues"][0]
    assert (entry["suggestions"], entry["hints"]) == ([], ["traiter", "s'attaquer à"])


def test_quiet_prints_only_issue_lines() -> None:
    options = ReportOptions(color=False, statistics=False, quiet=True)
    assert render("text", simple_run(), options) == (
        "articles/ete.txt:1:19: typo.space-before-high-punctuation Espace fine insécable avant « ; »\n"
    )


def test_summary_counts_safe_and_unsafe_fixes() -> None:
    text = "Un ; deux ; trois ; quatre\n"
    doc = Document(text=text, path="a.txt")
    safe = Issue(
        "typo.space-before-high-punctuation", "yaml", Severity.WARNING, 2, 3, "m", fix=Fix(NNBSP, Safety.SAFE)
    )
    unsafe = Issue(
        "typo.space-before-high-punctuation",
        "yaml",
        Severity.WARNING,
        9,
        10,
        "m",
        fix=Fix(NNBSP, Safety.UNSAFE),
    )
    advice = Issue(
        "typo.space-before-high-punctuation",
        "yaml",
        Severity.WARNING,
        17,
        18,
        "m",
        fix=Fix(NNBSP, Safety.SUGGESTION),
    )
    assert summary(run_of((doc, (safe, unsafe, advice)))) == (
        "Found 3 issues (1 fixable with --fix, 1 more with --unsafe-fixes)."
    )
    assert summary(run_of((doc, (unsafe,)))) == "Found 1 issue (1 fixable with --unsafe-fixes)."
    assert summary(run_of((doc, ()))) == "All checks passed."
    assert render("text", run_of((doc, ()))) == "All checks passed.\n"


def test_statistics_table() -> None:
    text = "Un ; deux ; les élèves sont parti.\n"
    doc = Document(text=text, path="a.txt")
    typo = [
        Issue(
            "typo.space-before-high-punctuation",
            "yaml",
            Severity.WARNING,
            2,
            3,
            "m",
            fix=Fix(NNBSP, Safety.SAFE),
        ),
        Issue(
            "typo.space-before-high-punctuation",
            "yaml",
            Severity.WARNING,
            9,
            10,
            "m",
            fix=Fix(NNBSP, Safety.SAFE),
        ),
    ]
    ortho = issue_at(text, "parti", rule="LT:ACCORD_GENRE", suggestions=("partis",))
    lt = issue_at(text, "élèves", rule="LT:UNKNOWN", fix=Fix("enfants", Safety.UNSAFE))
    result = run_of((doc, (*typo, ortho, lt)))
    assert statistics_rows(result) == [
        "2  typo.space-before-high-punctuation  [*] Espace avant la ponctuation haute",
        "1  LT:ACCORD_GENRE                     [ ] Accord du participe passé",
        "1  LT:UNKNOWN                          [-]",
    ]
    options = ReportOptions(color=False, statistics=True, quiet=False)
    output = render("text", result, options).splitlines()
    assert output[:3] == statistics_rows(result)
    assert output[-1] == "Found 4 issues (2 fixable with --fix, 1 more with --unsafe-fixes)."


@given(st.text(max_size=40), st.data())
def test_excerpt_never_fails_and_carets_fit_the_line(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    doc = Document(text=text, path="a.txt")
    shown, carets = excerpt(doc, Issue("R", "yaml", Severity.INFO, start, end, "m"))
    assert carets.endswith("^")
    shown_cells = width(shown.split("| ", 1)[1]) if "| " in shown else 0
    assert width(carets.split("| ", 1)[1]) <= shown_cells + 1


# --- json --------------------------------------------------------------------------------


def test_json_fields_and_code_point_offsets() -> None:
    text = "Le 🎉 festival\nreprend à Arles ; enfin.\n"
    doc = Document(text=text, path="articles/arles.txt")
    issue = issue_at(text, " ;", fix=Fix(f"{NNBSP};", Safety.SAFE), origins=("LT:FRENCH_WHITESPACE",))
    output = render("json", run_of((doc, (issue,)), (Document("Rien à signaler.", "b.txt"), ())))
    assert output.endswith("}\n")
    assert "Rien" not in output  # only flagged text is copied, never whole documents
    data = json.loads(output)
    assert data["version"] == 1
    assert [file["path"] for file in data["files"]] == ["articles/arles.txt", "b.txt"]
    assert data["files"][1]["issues"] == []
    entry = data["files"][0]["issues"][0]
    assert entry == {
        "rule": "typo.space-before-high-punctuation",
        "source": "yaml",
        "severity": "warning",
        "category": "typography",
        "message": "Espace fine insécable avant « ; »",
        "offset": text.index(" ;"),
        "length": 2,
        "line": 2,
        "column": 16,
        "end_line": 2,
        "end_column": 18,
        "text": " ;",
        "suggestions": [],
        "fix": {"replacement": f"{NNBSP};", "safety": "safe"},
        "origins": ["LT:FRENCH_WHITESPACE"],
        "hints": [],
    }
    # Code points, not UTF-16 units nor bytes: the emoji counts for one.
    assert entry["offset"] == 29
    assert text[entry["offset"] : entry["offset"] + entry["length"]] == entry["text"]


def test_json_is_not_ascii_escaped_and_end_is_exclusive_across_lines() -> None:
    text = "Été chaud\nà Paris\n"
    doc = Document(text=text, path="a.txt")
    issue = Issue(
        "LT:ACCORD_GENRE", "languagetool", Severity.ERROR, 4, 10, "Coupure", suggestions=("chaud ",)
    )
    output = render("json", run_of((doc, (issue,))))
    assert "Coupure" in output and "\\u" not in output
    entry = json.loads(output)["files"][0]["issues"][0]
    assert (entry["line"], entry["column"], entry["end_line"], entry["end_column"]) == (1, 5, 2, 1)
    assert entry["fix"] is None
    assert entry["suggestions"] == ["chaud "]


# --- sarif -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def sarif_validator() -> jsonschema.protocols.Validator:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    validator_class = jsonschema.validators.validator_for(schema)
    validator_class.check_schema(schema)
    return validator_class(schema)


def sarif_run() -> RunResult:
    text = f"Le maire 🎉 a dit{NBSP}: « non » ; les élèves sont parti.\nFin{ZWSP}.\n"
    doc = Document(text=text, path="dossier presse/été.txt")
    issues = (
        issue_at(text, " ;", fix=Fix(f"{NNBSP};", Safety.SAFE)),
        issue_at(text, "parti", rule="LT:ACCORD_GENRE", suggestions=("partis", "parties")),
        issue_at(
            text, "parti.\nFin", rule="LT:PHRASE", severity=Severity.INFO, fix=Fix("x", Safety.SUGGESTION)
        ),
        issue_at(text, ZWSP, rule="FR-TYPO-009", severity=Severity.ERROR, fix=Fix("", Safety.UNSAFE)),
    )
    result = run_of((doc, issues), (Document("Rien.", "vide.txt"), ()))
    result.failures.append(Failure("absent.txt", "no such file or directory"))
    return result


def test_sarif_validates_against_the_official_schema(sarif_validator: jsonschema.protocols.Validator) -> None:
    log = json.loads(render("sarif", sarif_run()))
    sarif_validator.validate(log)
    empty = json.loads(render("sarif", RunResult()))
    sarif_validator.validate(empty)


def test_invalid_sarif_fails_validation(sarif_validator: jsonschema.protocols.Validator) -> None:
    log = json.loads(render("sarif", sarif_run()))
    log["runs"][0]["results"][0]["level"] = "fatal"
    with pytest.raises(jsonschema.ValidationError):
        sarif_validator.validate(log)
    del log["version"]
    assert not sarif_validator.is_valid(log)


def test_sarif_content() -> None:
    log = json.loads(render("sarif", sarif_run()))
    run = log["runs"][0]
    assert log["version"] == "2.1.0"
    assert run["columnKind"] == "unicodeCodePoints"
    driver = run["tool"]["driver"]
    assert driver["name"] == "textlint" and driver["version"]
    assert [rule["id"] for rule in driver["rules"]] == [
        "typo.space-before-high-punctuation",
        "LT:ACCORD_GENRE",
        "LT:PHRASE",
        "FR-TYPO-009",
    ]
    assert driver["rules"][0] == {
        "id": "typo.space-before-high-punctuation",
        "shortDescription": {"text": "Espace avant la ponctuation haute"},
        "helpUri": "https://exemple.fr/regles/typo-001",
    }
    assert [artifact["location"]["uri"] for artifact in run["artifacts"]] == [
        "dossier%20presse/%C3%A9t%C3%A9.txt",
        "vide.txt",
    ]
    assert run["invocations"][0]["executionSuccessful"] is False
    first, ortho, phrase, zwsp = run["results"]
    assert [r["level"] for r in run["results"]] == ["warning", "warning", "note", "error"]
    assert first["ruleIndex"] == 0
    region = first["locations"][0]["physicalLocation"]["region"]
    assert region == {
        "startLine": 1,
        "startColumn": 27,
        "endLine": 1,
        "endColumn": 29,
        "charOffset": 26,
        "charLength": 2,
        "snippet": {"text": " ;"},
    }
    change = first["fixes"][0]["artifactChanges"][0]
    assert change["replacements"] == [
        {"deletedRegion": {"charOffset": 26, "charLength": 2}, "insertedContent": {"text": f"{NNBSP};"}}
    ]
    assert first["fixes"][0]["properties"] == {"safety": "safe"}
    assert first["fixes"][0]["description"] == {"text": "Replace « ␣; » with « ˽; » (safe fix)."}
    assert "fixes" not in ortho and "fixes" not in phrase
    assert ortho["properties"]["suggestions"] == ["partis", "parties"]
    assert phrase["locations"][0]["physicalLocation"]["region"]["endLine"] == 2
    assert zwsp["fixes"][0]["properties"] == {"safety": "unsafe"}


def test_sarif_rule_references() -> None:
    assert reference_entry("https://fr.wikipedia.org/wiki/Espace_ins%C3%A9cable") == (
        "helpUri",
        "https://fr.wikipedia.org/wiki/Espace_ins%C3%A9cable",
    )
    assert reference_entry("Lexique de l'Imprimerie nationale, p. 142") == (
        "help",
        {"text": "Lexique de l'Imprimerie nationale, p. 142"},
    )


def test_sarif_uris() -> None:
    assert artifact_uri("articles\\jour 1\\une.txt") == "articles/jour%201/une.txt"
    assert artifact_uri("/srv/corpus/a.txt") == "file:///srv/corpus/a.txt"
    assert artifact_uri("C:\\corpus\\a.txt") == "file:///C:/corpus/a.txt"


# --- github ------------------------------------------------------------------------------


def test_github_lines() -> None:
    lines = render("github", sarif_run()).splitlines()
    assert lines[0] == (
        "::warning file=dossier presse/été.txt,line=1,col=27,endLine=1,endColumn=29,"
        "title=typo.space-before-high-punctuation::Espace fine insécable avant « ; »"
    )
    assert lines[2].startswith("::notice file=dossier presse/été.txt,line=1,col=")
    assert ",title=LT%3APHRASE::" in lines[2]
    assert lines[3].startswith("::error ")
    # A file that could not be checked is an annotation too, never silence.
    assert lines[4] == "::error file=absent.txt,title=textlint::no such file or directory"
    assert len(lines) == 5


def test_github_escaping() -> None:
    assert escape_data("100 % sûr\r\nvraiment") == "100 %25 sûr%0D%0Avraiment"
    assert escape_property("a,b:c%\n") == "a%2Cb%3Ac%25%0A"
    doc = Document("Texte : fin.\n", path="dossier,1/a:b.txt")
    issue = Issue("LT:X", "languagetool", Severity.WARNING, 5, 7, "Deux lignes\net 50 %")
    line = render("github", run_of((doc, (issue,))))
    assert line == (
        "::warning file=dossier%2C1/a%3Ab.txt,line=1,col=6,endLine=1,endColumn=8,"
        "title=LT%3AX::Deux lignes%0Aet 50 %25\n"
    )
