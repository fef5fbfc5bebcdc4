"""The command line, run as a user runs it: a real subprocess on real files."""

from __future__ import annotations

import json
import shutil
import stat
from pathlib import Path

from tests.conftest import SEED, SEED_CALQUES, Runner

NO_LT = "--no-languagetool"
SEED_RULES = {
    "typo.space-before-colon",
    "typo.space-before-high-punctuation",
    "typo.space-inside-guillemets",
    "typo.apostrophe-consistency",
    "mt.doubled-word",
    "mt.redundant-pronoun",
    *SEED_CALQUES,
    "entity.technology",
}


def test_seed_article_lists_typography_problems_with_fixes(textlint: Runner) -> None:
    result = textlint("check", NO_LT, "--format", "json", str(SEED))
    assert result.returncode == 1, result.stderr
    report = json.loads(result.stdout)
    issues = report["files"][0]["issues"]
    assert {issue["rule"] for issue in issues} == SEED_RULES
    doubled = next(issue for issue in issues if issue["rule"] == "mt.doubled-word")
    assert (doubled["line"], doubled["text"], doubled["fix"]) == (
        2,
        "le Le",
        {"replacement": "le", "safety": "safe"},
    )
    summary = report["files"][0]["summary"]
    artifacts = sum(1 for issue in issues if issue["category"] in ("mt", "scraping"))
    assert summary["artifacts"] == artifacts >= 1
    assert summary["artifacts_per_1000_words"] == round(1000 * artifacts / summary["words"], 2)
    assert 600 < summary["words"] < 700


def test_fix_then_second_run_finds_nothing_fixable(textlint: Runner, tmp_path: Path) -> None:
    copy = tmp_path / "article.txt"
    shutil.copy(SEED, copy)
    copy.chmod(0o640)
    first = textlint("check", NO_LT, "--fix", "--format", "json", str(copy))
    remaining = json.loads(first.stdout)["files"][0]["issues"]
    # Left for a person: ambiguous names and calques (suggestions), the redundant pronoun (unsafe fix).
    assert {issue["rule"] for issue in remaining} == {
        "entity.technology",
        "mt.redundant-pronoun",
        *SEED_CALQUES,
    }
    # Calque patterns list alternatives without a fix: a rewrite needs an editor's choice.
    assert all(
        issue["fix"] is None or issue["fix"]["safety"] in ("suggestion", "unsafe") for issue in remaining
    )
    assert all(issue["fix"] or issue["suggestions"] or issue["hints"] for issue in remaining)
    fixed = copy.read_bytes()
    assert "Ensuite, le premier geste" in fixed.decode()
    assert stat.S_IMODE(copy.stat().st_mode) == 0o640
    second = textlint("check", NO_LT, "--fix", str(copy))
    assert copy.read_bytes() == fixed
    assert "fixable with --fix" not in second.stdout


def test_fix_keeps_crlf_and_bom(textlint: Runner, tmp_path: Path) -> None:
    path = tmp_path / "crlf.txt"
    path.write_bytes("\ufeffIl dit : non.\r\nLe le chat.\r\n".encode())
    textlint("check", NO_LT, "--fix", str(path))
    assert path.read_bytes() == "\ufeffIl dit\u00a0: non.\r\nLe chat.\r\n".encode()


def test_diff_prints_fixes_and_writes_nothing(textlint: Runner, tmp_path: Path) -> None:
    path = tmp_path / "article.txt"
    path.write_text("Il dit : non.\n", encoding="utf-8")
    result = textlint("check", NO_LT, "--diff", str(path))
    assert path.read_text(encoding="utf-8") == "Il dit : non.\n"
    assert "-Il dit : non." in result.stdout
    assert "+Il dit\u00a0: non." in result.stdout


def test_stdin_and_fix_on_stdin(textlint: Runner) -> None:
    result = textlint("check", NO_LT, "--format", "json", "-", input="Le le chat.\n")
    assert json.loads(result.stdout)["files"][0]["path"] == "-"
    assert result.returncode == 1
    fixed = textlint("check", NO_LT, "--fix", "-", input="Le le chat.\n")
    assert fixed.stdout == "Le chat.\n"


def test_exit_codes_and_fail_level(textlint: Runner, tmp_path: Path) -> None:
    clean = tmp_path / "propre.txt"
    clean.write_text("Le conseil a voté le budget.\n", encoding="utf-8")
    assert textlint("check", NO_LT, str(clean)).returncode == 0
    assert textlint("check", NO_LT, "--fail-level", "error", str(SEED)).returncode == 0
    assert textlint("check", NO_LT, "--nope").returncode == 2


def test_options_that_decide_an_exit_code_are_not_options_of_the_server(textlint: Runner) -> None:
    for option in ("--fail-level=error", "--require-languagetool"):
        result = textlint("serve", option)
        assert result.returncode == 2
        assert f"unrecognized arguments: {option}" in result.stderr
        assert "Traceback" not in result.stderr


def test_bad_inputs_are_one_line_errors_and_others_still_checked(textlint: Runner, tmp_path: Path) -> None:
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    (tmp_path / "latin1.txt").write_bytes("Caf\u00e9 : ouvert".encode("latin-1"))
    (tmp_path / "vide.txt").write_bytes(b"")
    good = tmp_path / "bon.txt"
    good.write_text("Il dit : non.\n", encoding="utf-8")
    result = textlint("check", NO_LT, "--format", "json", str(tmp_path), str(tmp_path / "absent.txt"))
    assert result.returncode == 2
    errors = result.stderr.strip().splitlines()
    assert len(errors) == 3, result.stderr
    assert all(line.startswith("textlint: error: ") for line in errors)
    assert "Traceback" not in result.stderr
    checked = {Path(f["path"]).name: len(f["issues"]) for f in json.loads(result.stdout)["files"]}
    assert checked == {"bon.txt": 1, "vide.txt": 0}


def test_bad_config_is_a_one_line_error(textlint: Runner, tmp_path: Path) -> None:
    (tmp_path / ".textlint.yaml").write_text("fail-levle: error\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("Bonjour.\n", encoding="utf-8")
    result = textlint("check", NO_LT, str(tmp_path / "a.txt"))
    assert result.returncode == 2
    assert result.stderr.strip().count("\n") == 0
    assert "fail-levle: unknown key" in result.stderr


def test_house_rules_from_config_and_rules_test(textlint: Runner, tmp_path: Path) -> None:
    house = tmp_path / "maison"
    house.mkdir()
    (house / "style.yaml").write_text(
        "ruleset:\n  prefix: maison\nrules:\n"
        '  - id: bientot\n    kind: substitution\n    message: "Écrire « {replacement} »"\n'
        "    swap: {bientot: bientôt}\n"
        "    examples:\n"
        '      bad: [{text: "Il revient bientot.", fixed: "Il revient bientôt."}]\n'
        '      good: ["Il revient bientôt."]\n',
        encoding="utf-8",
    )
    (tmp_path / ".textlint.yaml").write_text("rule-dirs: [maison]\n", encoding="utf-8")
    article = tmp_path / "a.txt"
    article.write_text("Il revient bientot.\n", encoding="utf-8")
    result = textlint("check", NO_LT, "--quiet", str(article))
    assert "maison.bientot" in result.stdout
    passed = textlint("rules", "test", str(house))
    assert passed.returncode == 0, passed.stdout
    assert "1 rules, 2 examples: 0 failures" in passed.stdout
    (house / "style.yaml").write_text(
        (house / "style.yaml")
        .read_text(encoding="utf-8")
        .replace('fixed: "Il revient bientôt."', 'fixed: "x"'),
        encoding="utf-8",
    )
    failed = textlint("rules", "test", str(house))
    assert failed.returncode == 1
    assert "FAIL maison.bientot: fixing 'Il revient bientot.'" in failed.stdout


def test_rules_test_on_a_copy_of_a_shipped_rule_file(textlint: Runner, tmp_path: Path) -> None:
    # An installed textlint ships a copy of the rule sets: a source checkout's file tested
    # with it is the same rule set, while a changed copy reuses the built-in ids.
    shipped = Path(__file__).resolve().parents[1] / "rules" / "typography" / "ampersand.yaml"
    copy = tmp_path / "ampersand.yaml"
    copy.write_bytes(shipped.read_bytes())
    same = textlint("rules", "test", str(copy))
    assert same.returncode == 0, same.stdout
    copy.write_text(shipped.read_text(encoding="utf-8") + "\n# house edit\n", encoding="utf-8")
    changed = textlint("rules", "test", str(copy))
    assert changed.returncode == 1
    assert "FAIL typo.ampersand-in-text: id already used by a built-in rule" in changed.stdout


def test_rules_list_and_explain(textlint: Runner) -> None:
    listing = textlint("rules", "list")
    assert "typo.space-before-colon" in listing.stdout
    explained = textlint("rules", "explain", "mt.doubled-word")
    assert "rationale:" in explained.stdout and "bad:" in explained.stdout
    unknown = textlint("rules", "explain", "typo.nope")
    assert unknown.returncode == 2 and "unknown rule" in unknown.stderr
    # A rule file of a source checkout's rules/ is the built-in one, not a clash. That every
    # shipped rule passes its examples is tests/test_selftest.py's work (the same self-test
    # `rules test rules` runs), not done twice.
    shipped = textlint("rules", "test", "rules/typography/ampersand.yaml")
    assert shipped.returncode == 0, shipped.stdout
    assert shipped.stdout.strip().endswith(": 0 failures")


def test_text_format_shows_invisible_characters(textlint: Runner) -> None:
    result = textlint("check", NO_LT, "-", input="Il dit\u00a0: oui ; puis non\u202f!\n")
    assert "typo.space-before-high-punctuation" in result.stdout
    assert "Found 1 issue" in result.stdout


def test_sarif_output_validates(textlint: Runner) -> None:
    import jsonschema

    schema = json.loads(
        (Path(__file__).parent / "data" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8")
    )
    result = textlint("check", NO_LT, "--format", "sarif", str(SEED))
    sarif = json.loads(result.stdout)
    jsonschema.validate(sarif, schema)
    assert len(sarif["runs"][0]["results"]) > 10


def test_github_format(textlint: Runner) -> None:
    result = textlint("check", NO_LT, "--format", "github", "-", input="Le le chat.\n")
    assert result.stdout.startswith(
        "::warning file=-,line=1,col=1,endLine=1,endColumn=6,title=mt.doubled-word::"
    )


# Each rule may spend 2 s of CPU plus 2 s per million characters on a document
# (yamlrules/matching.py), so at 5 MB the fixed part is a sixth of the budget: a rule whose time
# grows faster than the file's size overruns it and is reported as timed out (a scan that was
# quadratic took 346 s on such a file). The 50 MB run, with its peak memory, is
# bench/bench_reliability.py's.
LARGE_FILE_BYTES = 5 * 1024 * 1024


def test_large_file_works(textlint: Runner, tmp_path: Path) -> None:
    # Lines under 60 characters: the repeated-paragraph rule leaves them alone.
    line = "Le conseil a voté le budget\u00a0: il entre en vigueur.\n"
    big = tmp_path / "gros.txt"
    with big.open("w", encoding="utf-8") as stream:
        stream.write(line * (LARGE_FILE_BYTES // len(line.encode())))
        stream.write("Il dit : non.\n")
    assert big.stat().st_size >= LARGE_FILE_BYTES
    result = textlint("check", NO_LT, "--format", "json", str(big))
    assert result.returncode == 1, result.stderr
    issues = json.loads(result.stdout)["files"][0]["issues"]
    # Every rule ran to the end of the file within its time limit: the one defect, on the last
    # line, and no textlint.rule-timeout.
    assert [issue["rule"] for issue in issues] == ["typo.space-before-colon"]
