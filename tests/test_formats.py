"""Markdown and HTML: prose only, exact offsets in the source, fixes that never touch markup."""

from __future__ import annotations

import json
import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from tests.conftest import Runner
from textlint.config import Config, LanguageToolSettings
from textlint.document import Document
from textlint.formats import format_of, prose_view
from textlint.issues import Issue, Safety
from textlint.linter import Linter

NO_LT = Config(languagetool=LanguageToolSettings(enabled=False))


_LINTERS: list[tuple[Config, Linter]] = []  # a Config holds dicts: found by equality, not hash


def linter(config: Config) -> Linter:
    """One linter per configuration for the whole module: a linter lints any number of
    documents and keeps nothing of them, and building one costs a quarter of a second."""
    built = next((made for known, made in _LINTERS if known == config), None)
    if built is None:
        built = Linter(config)
        _LINTERS.append((config, built))
    return built


def lint(text: str, path: str, config: Config = NO_LT) -> list[Issue]:
    return list(linter(config).lint(Document(text, path=path)).issues)


def found(text: str, path: str, config: Config = NO_LT) -> list[tuple[str, str]]:
    """(rule, source text under the issue) for each issue: offsets must index the source."""
    return [(issue.rule, text[issue.start : issue.end]) for issue in lint(text, path, config)]


def fix(text: str, path: str) -> str:
    return linter(NO_LT).fix(Document(text, path=path), Safety.SAFE).text


TRICKY_MARKDOWN = """\
---
title: Le budget de l'État
author: "Nom : Prénom"
tags: [a, b]
---

# Un titre : avec défaut

Voici le le texte, avec `code : ici` et un [lien : propre](https://exemple.fr/a:b "titre : x").
Une adresse <https://exemple.fr/x:y> puis https://exemple.fr/p:q ; enfin **gras** :

> Une citation : entre deux.

```python
print("a : b")  # le le
```

    indenté : le le

<div>Bloc : HTML le le</div>

![Une image : ici](photo.png)

| Colonne : un | b |
|---|---|
| cellule ; deux | c |
"""


def test_format_follows_the_extension() -> None:
    assert [format_of(p) for p in ("a.md", "b.MARKDOWN", "c.html", "d.htm", "e.txt", "-")] == [
        "markdown",
        "markdown",
        "html",
        "html",
        "text",
        "text",
    ]


def test_markdown_issues_point_at_prose_only_with_exact_offsets() -> None:
    issues = found(TRICKY_MARKDOWN, "article.md")
    assert sorted(issues) == sorted(
        [
            ("typo.space-before-colon", " :"),  # heading
            ("mt.doubled-word", "le le"),  # paragraph
            ("typo.space-before-colon", " :"),  # link text
            ("typo.space-before-colon", " :"),  # after **gras**
            ("typo.space-before-colon", " :"),  # blockquote
            ("typo.space-before-colon", " :"),  # image alt
            ("typo.space-before-colon", " :"),  # table header cell
            ("typo.space-before-high-punctuation", " ;"),  # table cell
        ]
    )
    lines = {TRICKY_MARKDOWN.count("\n", 0, issue.start) + 1 for issue in lint(TRICKY_MARKDOWN, "article.md")}
    assert lines == {7, 9, 10, 12, 22, 24, 26}


def test_front_matter_fields_are_linted_only_when_named() -> None:
    text = '---\ntitle: "Le titre : ici"\nsubtitle: Sous-titre ; ici\n---\nTexte.\n'
    assert [span for _, span in found(text, "a.md")] == [" :"]  # a quoted value
    assert lint(text, "a.md")[0].start == text.index(" : ici")
    both = Config(front_matter=("title", "subtitle"), languagetool=NO_LT.languagetool)
    assert len(found(text, "a.md", both)) == 2


def test_scopes_come_from_headings_and_quotes() -> None:
    view = prose_view(Document("# Titre\n\n> Cité.\n\nTexte.\n", path="a.md"))
    assert view.text == "Titre\nCité.\nTexte."
    assert [(view.text[s.start : s.end], s.scope) for s in view.spans] == [
        ("Titre", "heading"),
        ("Cité.", "quote"),
        ("Texte.", "text"),
    ]


def test_fix_edits_prose_and_leaves_markup_intact() -> None:
    fixed = fix(TRICKY_MARKDOWN, "article.md")
    assert "# Un titre\u00a0: avec défaut" in fixed
    assert "Voici le texte" in fixed
    assert '[lien\u00a0: propre](https://exemple.fr/a:b "titre : x")' in fixed
    for untouched in (
        "`code : ici`",
        'print("a : b")  # le le',
        "    indenté : le le",
        "<https://exemple.fr/x:y>",
    ):
        assert untouched in fixed
    assert "<div>Bloc : HTML le le</div>" in fixed
    assert 'author: "Nom : Prénom"' in fixed
    assert _structure(fixed) == _structure(TRICKY_MARKDOWN)
    assert not [i for i in lint(fixed, "article.md") if i.fix and i.fix.safety >= Safety.SAFE]


def test_a_fix_across_markup_or_an_entity_is_only_a_suggestion() -> None:
    across = "Ensuite, le *le* chat dort et le\nle chien aussi. Caf&eacute; :\n"
    issues = lint(across, "a.md")
    doubled = [i for i in issues if i.rule == "mt.doubled-word"]
    assert [across[i.start : i.end] for i in doubled] == ["le *le", "le\nle"]
    assert all(i.fix is not None and i.fix.safety == Safety.SUGGESTION for i in doubled)
    assert fix(across, "a.md") == across.replace("; :", ";\u00a0:")


def test_suppression_comments_work_as_html_comments() -> None:
    text = "<!-- textlint-disable-next-line typo -->\nPremier : ici.\n\nSecond : ici.\n"
    assert [text[i.start : i.end] for i in lint(text, "a.md")] == [" :"]
    assert lint(text, "a.md")[0].start == text.index("d : ici") + 1


def test_crlf_markdown_keeps_offsets_and_line_endings() -> None:
    text = "# Titre\r\n\r\nUn texte : ici,\r\nsur deux lignes ; fin.\r\n"
    assert found(text, "a.md") == [
        ("typo.space-before-colon", " :"),
        ("typo.space-before-high-punctuation", " ;"),
    ]
    assert fix(text, "a.md") == text.replace(" :", "\u00a0:").replace(" ;", "\u202f;")


TRICKY_HTML = """\
<!DOCTYPE html>
<html><head><title>Titre : page</title>
<style>p::before { content: "a : b"; }</style>
<script>var texte = "le le : x";</script></head>
<body>
<h1>Un titre&nbsp;: propre</h1>
<p>Un   paragraphe
   sur deux lignes ; avec <b>gras</b> et <a href="https://exemple.fr/a:b">un lien</a> :
   caf&eacute; &amp; th&#233; :</p>
<pre>code : le le</pre>
<p>Avec <code>x : y</code> et https://exemple.fr/x:y ici.</p>
<!-- textlint-disable-next-line typo -->
<p>Ignoré : ici.</p>
</body></html>
"""


def test_html_text_nodes_only_with_exact_offsets() -> None:
    issues = found(TRICKY_HTML, "page.html")
    assert issues == [
        ("typo.space-before-colon", " :"),  # <title>
        ("typo.space-before-high-punctuation", " ;"),
        ("typo.space-before-colon", " :"),  # after </a>
        ("typo.ampersand-in-text", " &amp;"),  # « café & thé »: the span covers the whole entity
        ("typo.space-before-colon", " :"),  # after an entity
    ]


def test_html_fixes_keep_tags_and_entities() -> None:
    fixed = fix(TRICKY_HTML, "page.html")
    assert "<title>Titre\u00a0: page</title>" in fixed
    assert "un lien</a>\u00a0:" in fixed
    assert "th&#233;\u00a0:</p>" in fixed
    assert fixed.replace("\u00a0:", " :").replace("\u202f;", " ;") == TRICKY_HTML


def test_html_whitespace_and_entities_read_as_rendered() -> None:
    view = prose_view(Document("<p>Un   mot\n  et&nbsp;caf&eacute;  </p>", path="a.html"))
    assert view.text == "Un mot et\u00a0café"


def test_check_command_reports_markdown_positions_in_the_file(tmp_path: Path, textlint: Runner) -> None:
    article = tmp_path / "article.md"
    article.write_text(TRICKY_MARKDOWN, encoding="utf-8")
    result = textlint("check", "--no-languagetool", "--format", "json", str(article))
    issues = json.loads(result.stdout)["files"][0]["issues"]
    first = issues[0]
    assert (first["line"], first["column"], first["text"]) == (7, 11, " :")
    assert textlint("check", "--no-languagetool", "--fix", str(article)).returncode == 0
    assert _structure(article.read_text(encoding="utf-8")) == _structure(TRICKY_MARKDOWN)


# Hypothesis builds Markdown from prose with defects and from markup that must never change.
_PROSE = st.sampled_from(["le le chat", "un mot : ici", "deux ; trois", "texte propre", "Paris"])
_MARKUP = st.sampled_from(
    ["`le le : x`", "[lien : a](https://e.fr/a:b)", "<https://e.fr/c:d>", "**gras :**", "https://e.fr/e:f"]
)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(st.one_of(_PROSE, _MARKUP), min_size=1, max_size=6), min_size=1, max_size=4))
def test_generated_markdown_fixes_never_touch_code_or_urls(paragraphs: list[list[str]]) -> None:
    text = "\n\n".join(" ".join(parts) for parts in paragraphs) + "\n"
    protected = [
        (m.start(), m.end()) for m in re.finditer(r"`[^`]*`|\(https[^)]*\)|<https[^>]*>|https\S+", text)
    ]
    for issue in lint(text, "g.md"):
        assert not any(start <= issue.start and issue.end <= end for start, end in protected), issue
    fixed = fix(text, "g.md")
    for code in ("`le le : x`", "](https://e.fr/a:b)", "<https://e.fr/c:d>", "https://e.fr/e:f"):
        assert fixed.count(code) == text.count(code)
    assert _structure(fixed) == _structure(text)


def _structure(markdown: str) -> list[str]:
    """Token types of a Markdown text: what must not change when only prose is fixed."""
    tokens = MarkdownIt("commonmark").enable("table").parse(markdown)
    return [t.type for token in tokens for t in [token, *(token.children or [])]]


def test_setext_lists_references_nested_images_and_escapes() -> None:
    text = (Path(__file__).parent / "data" / "tricky.md").read_text(encoding="utf-8")
    issues = lint(text, "tricky.md")
    # Every defect is numbered in the file (« un » … « dix »), none sits in a link target or title.
    assert [Document(text).position(issue.start) for issue in issues] == [
        (1, 18),
        (4, 17),
        (6, 30),
        (7, 16),
        (8, 22),
        (13, 22),
        (13, 39),
        (13, 106),
        (14, 21),
        (14, 37),
        (15, 9),
    ]
    escaped = [issue for issue in issues if text[issue.start : issue.end] == " \\:"]
    assert len(escaped) == 1 and escaped[0].fix is not None
    assert escaped[0].fix.safety == Safety.SUGGESTION


def test_urls_are_hidden_in_paragraphs_without_markup_too() -> None:
    view = prose_view(Document("Un lien https://e.fr/a:b ; fin\nvers www.e.fr/x ici\n", path="a.md"))
    assert view.text == "Un lien \ufffc ; fin vers \ufffc ici"


def test_ignored_spans_cover_the_placeholders_even_at_a_block_start() -> None:
    for text, path in (
        ("Un.\n\n`x` suite https://e.fr\n", "a.md"),
        ("<p>Un.</p><p><code>x</code> y</p>", "a.html"),
    ):
        view = prose_view(Document(text, path=path))
        assert view.ignored
        assert all(view.text[span.start : span.end] == "\ufffc" for span in view.ignored)


def test_html_fixes_across_tags_entities_or_collapsed_space_are_suggestions() -> None:
    text = "<p>Ensuite, le <b>le</b> chat et le\n   le chien, puis caf&eacute;&nbsp; :</p>"
    issues = lint(text, "a.html")
    doubled = [i for i in issues if i.rule == "mt.doubled-word"]
    assert [text[i.start : i.end] for i in doubled] == ["le <b>le", "le\n   le"]
    assert all(i.fix is not None and i.fix.safety == Safety.SUGGESTION for i in doubled)
    assert fix(text, "a.html") == text


def test_titles_in_italics_are_not_untranslated_fragments() -> None:
    title = "Gone with the wind and the others"
    for text, path in (
        (f"Il a relu *{title}* cet été.\n", "a.md"),
        (f"Il a relu _{title}_ cet été.\n", "a.md"),
        (f"<p>Il a relu <cite>{title}</cite> cet été.</p>", "a.html"),
        (f"<p>Il a relu <i>{title}</i> cet été.</p>", "a.html"),
    ):
        assert [rule for rule, _ in found(text, path)] == [], text
    # The same words without italics are a fragment left in English.
    plain = f"Il a relu {title.lower()} cet été.\n"
    assert "mt.untranslated-fragment" in [rule for rule, _ in found(plain, "a.md")]


def test_alt_text_is_linted_after_its_paragraph_which_stays_whole() -> None:
    markdown = "Voir ![Une photo : le maire](a.png) ici ; fin.\n"
    html = '<p>Voir <img src="a.png" alt="Une photo : le maire"> ici ; fin.</p>'
    assert prose_view(Document(markdown, path="a.md")).text == "Voir \ufffc ici ; fin.\nUne photo : le maire"
    assert prose_view(Document(html, path="a.html")).text == "Voir ici ; fin.\nUne photo : le maire"
    for text, path in ((markdown, "a.md"), (html, "a.html")):
        issues = lint(text, path)
        assert [text[i.start : i.end] for i in issues] == [" :", " ;"]
        assert issues[0].start == text.index(" : le maire")
        assert fix(text, path) == text.replace(" : le", "\u00a0: le").replace(" ;", "\u202f;")


def test_a_word_ending_one_block_and_starting_the_next_is_not_doubled() -> None:
    for text, path in (
        ("<dl><dt>Motifs de recherche</dt><dt>recherche de chaînes</dt></dl>", "a.html"),
        ("<table><tr><td>float</td><td>float</td></tr></table>", "a.html"),
        ("- Motifs de recherche\n- recherche de chaînes\n", "a.md"),
        ("Motifs de recherche\nRecherche de chaînes\n", "a.txt"),
    ):
        assert not [i for i in lint(text, path) if i.rule == "mt.doubled-word"], (path, text)
