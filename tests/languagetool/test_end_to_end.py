"""The whole product with a real LanguageTool server: command line, merge with YAML rules, faults."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from textlint.config import Config, LanguageToolSettings
from textlint.document import Document
from textlint.languagetool.process import ServerState
from textlint.linter import Linter

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "seeds" / "000_01c045c1145d32db.txt"


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "textlint", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "NO_COLOR": "1", "PYTHONPATH": str(ROOT), **(env or {})},
        timeout=300,
        check=False,
    )


def test_seed_reports_grammar_beside_yaml_rules_without_flagging_known_names(lt_url: ServerState) -> None:
    first = run("check", "--format", "json", str(SEED))
    assert first.returncode == 1, first.stderr
    issues = json.loads(first.stdout)["files"][0]["issues"]
    sources = {issue["source"] for issue in issues}
    assert sources == {"yaml", "languagetool"}, first.stderr
    flagged = {issue["text"] for issue in issues if issue["source"] == "languagetool"}
    assert not flagged & {"Anthropic", "OpenAI", "ChatGPT", "DeepMind"}
    assert "warning" not in first.stderr
    # A second run reuses the same server and answers from the cache.
    second = run("check", "--format", "json", str(SEED))
    assert json.loads(second.stdout) == json.loads(first.stdout)
    status = run("languagetool", "status")
    assert str(lt_url.pid) in status.stdout


def test_overlapping_languagetool_issue_merges_into_the_yaml_one(lt_url: ServerState) -> None:
    # FRENCH_WHITESPACE is off by default because the YAML rule covers it; turn it back on.
    settings = LanguageToolSettings(enable=("FRENCH_WHITESPACE",), disable=(), cache=False)
    linter = Linter(Config(languagetool=settings))
    issues = linter.lint(Document("Le ministre a tranché: la réforme attendra.\n")).issues
    colon = [issue for issue in issues if issue.category == "typography"]
    assert [(issue.rule, issue.origins) for issue in colon] == [
        ("typo.space-before-colon", ("LT:FRENCH_WHITESPACE",))
    ]


def test_unreachable_server_names_the_file_and_fails_when_required(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Il dit : non.\n", encoding="utf-8")
    dead = {"TEXTLINT_LANGUAGETOOL_URL": "http://127.0.0.1:9"}
    lenient = run("check", "--quiet", str(article), env=dead)
    assert lenient.returncode == 1
    assert "typo.space-before-colon" in lenient.stdout
    assert f"textlint: warning: {article}: grammar not checked: " in lenient.stderr
    as_json = json.loads(run("check", "--format", "json", str(article), env=dead).stdout)
    assert as_json["incomplete"] == 1
    [unchecked] = as_json["files"][0]["unchecked"]
    assert unchecked["check"] == "grammar"
    assert "127.0.0.1:9" in unchecked["reason"]
    strict = run("check", "--require-languagetool", str(article), env=dead)
    assert strict.returncode == 2
    assert f"{article}: grammar not checked" in strict.stderr
    last = strict.stderr.splitlines()[-1]
    assert last.startswith("textlint: error: grammar could not be checked in 1 file")
    assert "Traceback" not in strict.stderr


def test_markdown_grammar_is_checked_per_paragraph_and_never_in_code(lt_url: ServerState) -> None:
    settings = LanguageToolSettings(cache=False)
    text = (
        "# Titre\n\nLe ministre est arrivé hier et\nil sont partis ensuite.\n\n"
        "```\nil sont partis\n```\n\nAvec `il sont partis` en code.\n"
    )
    issues = Linter(Config(languagetool=settings)).lint(Document(text, path="article.md")).issues
    grammar = [issue for issue in issues if issue.source == "languagetool"]
    # Only the paragraph's error, found across its soft line break, at its place in the file.
    assert [text[issue.start : issue.end] for issue in grammar] == ["il sont"]
    assert grammar[0].start == text.index("il sont partis ensuite")


def test_languagetool_rules_are_listed_and_explained(lt_url: ServerState) -> None:
    listing = run("rules", "list", "--languagetool").stdout.splitlines()
    ids = {line.split()[0] for line in listing[:-1]}
    assert {"LT:D_N", "LT:ACCORD_SUJET_VERBE", "LT:FR_SPELLING_RULE"} <= ids
    assert "LT:NORD_SUD" not in ids  # measured as noise on news
    assert "LT:FRENCH_WHITESPACE" not in ids  # textlint's own rules cover it
    assert listing[-1] == f"{len(ids)} LanguageTool rules"
    noisy = run("rules", "explain", "LT:NORD_SUD").stdout
    assert "state: off (wrong on professionally written news" in noisy
    assert 'enable = ["NORD_SUD"]' in noisy
    agreement = run("rules", "explain", "LT:D_N").stdout
    assert "Concordance du déterminant avec le nom" in agreement
    assert "state: in force" in agreement
    unknown = run("rules", "explain", "LT:NO_SUCH_RULE")
    assert unknown.returncode == 2
    assert "LanguageTool has no rule 'LT:NO_SUCH_RULE'" in unknown.stderr


def test_headlines_captions_and_fragments_get_no_sentence_rules(lt_url: ServerState) -> None:
    settings = LanguageToolSettings(cache=False)
    linter = Linter(Config(languagetool=settings))
    documents = {
        "a.md": "# Le gouvernement présente son budget 2025\n\nLe texte arrive lundi.\n\n"
        "- hausse des impôts\n",
        "a.html": "<h1>Le gouvernement présente son budget 2025</h1><p>Le texte arrive lundi.</p>"
        "<figure><figcaption>la ministre, lundi à Bercy</figcaption></figure>",
        "a.txt": "Le gouvernement présente son budget 2025\n\nLe texte arrive lundi.\nPhoto : Jean Martin\n"
        "hausse des impôts\n",
    }
    sentence_rules = {"LT:POINT", "LT:UPPERCASE_SENTENCE_START"}
    for path, text in documents.items():
        result = linter.lint(Document(text, path=path))
        assert result.complete
        assert not [issue.rule for issue in result.issues if issue.rule in sentence_rules], path
    # In running text the same rules still apply.
    prose = linter.lint(Document("Il a parlé longtemps. elle a répondu sèchement.\n")).issues
    assert any(issue.rule == "LT:UPPERCASE_SENTENCE_START" for issue in prose)


def test_the_seed_reports_no_problem_twice(lt_url: ServerState) -> None:
    report = json.loads(run("check", "--format", "json", str(SEED)).stdout)
    issues = report["files"][0]["issues"]
    assert report["incomplete"] == 0
    spans = [(issue["offset"], issue["length"]) for issue in issues]
    assert len(spans) == len(set(spans))
    # LanguageTool's findings inside a phrase textlint diagnosed are folded into its issue.
    pronoun = next(issue for issue in issues if issue["rule"] == "mt.redundant-pronoun")
    assert pronoun["origins"] == ["LT:VIRG_NON_TROUVEE"]
    assert not any(issue["rule"] == "LT:VIRG_NON_TROUVEE" and issue["text"] == " il" for issue in issues)
