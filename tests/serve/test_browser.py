"""The HTML report and the review page in a real browser: Debian's Chromium, driven by Playwright.

Playwright never downloads a browser here: it drives the system's Chromium, and these tests
skip (saying why) only when none is installed (`apt-get install chromium`; CI installs it).
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import requests

from tests.conftest import SEED, run_textlint
from textlint.fixer import apply_once
from textlint.issues import Fix, Issue, Safety, Severity, Source
from textlint.languagetool.process import ServerState

sync_api = pytest.importorskip("playwright.sync_api", reason="the test extra installs playwright")

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def chromium() -> str | None:
    return next((found for name in ("chromium", "chromium-browser") if (found := shutil.which(name))), None)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    executable = chromium()
    if executable is None:
        pytest.skip("no Chromium found on PATH (apt-get install chromium)")
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS, headless=True)
        yield launched
        launched.close()


# For each highlighted stretch of an article: the issues it belongs to, where it starts (in code
# points of the article as the page shows it, tooltips left out) and its text.
STRETCHES = """(pre) => {
  const found = [];
  let text = "";
  const walk = (node, issues, start) => {
    for (const child of node.childNodes) {
      if (child.nodeType === Node.TEXT_NODE) { text += child.data; continue; }
      if (child.classList.contains("tip")) continue;
      if (child.tagName === "MARK") {
        const begin = Array.from(text).length;
        walk(child, child.dataset.issues.split(" ").map(Number), begin);
        found.push({issues: child.dataset.issues.split(" ").map(Number), start: begin,
                    text: Array.from(text).slice(begin).join("")});
      } else walk(child, issues, start);
    }
  };
  walk(pre, [], 0);
  return {text, found};
}"""


def issue_places(stretches: list[dict[str, Any]]) -> dict[int, tuple[int, str]]:
    """Each issue's start and text, joined from its stretches."""
    places: dict[int, tuple[int, str]] = {}
    for stretch in stretches:
        for number in stretch["issues"]:
            start, text = places.get(number, (stretch["start"], ""))
            places[number] = (min(start, stretch["start"]), text + stretch["text"])
    return places


def test_html_report_highlights_every_issue_at_its_place(
    browser: Any, lt_url: ServerState, tmp_path: Path
) -> None:
    report = run_textlint("check", "--format", "json", str(SEED))
    issues = __import__("json").loads(report.stdout)["files"][0]["issues"]
    page_file = tmp_path / "report.html"
    html = run_textlint("check", "--format", "html", str(SEED))
    page_file.write_text(html.stdout, encoding="utf-8")
    page = browser.new_page()
    page.goto(page_file.as_uri())
    shown = page.eval_on_selector("pre.text", STRETCHES)
    assert shown["text"] == SEED.read_text(encoding="utf-8")
    places = issue_places(shown["found"])
    assert len(places) == len(issues) > 20
    assert places == {n: (issue["offset"], issue["text"]) for n, issue in enumerate(issues)}
    # A message shows on keyboard focus, and is hidden otherwise.
    first = page.locator("pre.text mark.issue").first
    assert not first.locator(".tip").is_visible()
    first.focus()
    assert first.locator(".tip").is_visible()
    assert issues[0]["message"] in first.locator(".tip").inner_text()
    assert "Score de traduction automatique" in page.inner_text("body")
    page.close()


def report_for(serve_url: str, text: str) -> list[dict[str, Any]]:
    answer = requests.post(f"{serve_url}/api/lint", json={"text": text, "name": SEED.name}, timeout=120)
    issues: list[dict[str, Any]] = answer.json()["file"]["issues"]
    return issues


def as_issue(entry: dict[str, Any]) -> Issue:
    fix = Fix(entry["fix"]["replacement"], Safety.parse(entry["fix"]["safety"])) if entry["fix"] else None
    return Issue(
        entry["rule"],
        Source(entry["source"]),
        Severity.parse(entry["severity"]),
        entry["offset"],
        entry["offset"] + entry["length"],
        entry["message"],
        entry["category"],
        tuple(entry["suggestions"]),
        fix,
    )


def alone_with_safe_fix(issues: list[dict[str, Any]]) -> list[int]:
    """Issues with a safe fix that no other issue overlaps: one click selects each."""

    def overlaps(a: dict[str, Any], b: dict[str, Any]) -> bool:
        return a["offset"] < b["offset"] + b["length"] and b["offset"] < a["offset"] + a["length"]

    return [
        n
        for n, issue in enumerate(issues)
        if issue["fix"]
        and issue["fix"]["safety"] == "safe"
        and issue["length"] > 0
        and not any(overlaps(issue, other) for m, other in enumerate(issues) if m != n)
    ]


def open_seed(browser: Any, serve_url: str) -> Any:
    page = browser.new_page(accept_downloads=True)
    page.goto(serve_url + "/")
    page.set_input_files("#file", str(SEED))
    page.wait_for_selector("body[data-state=ready] #text mark.issue")
    return page


def click_issue(page: Any, number: int, button: str) -> None:
    mark = page.locator(f'#text mark[data-issues="{number}"]')
    mark.focus()
    page.keyboard.press("Enter")  # keyboard first: the page must work without a mouse
    page.click(f"#detail #{button}")
    page.wait_for_selector("body[data-state=ready]")


def downloaded(page: Any) -> bytes:
    with page.expect_download() as download:
        page.click("#download")
    return Path(download.value.path()).read_bytes()


def test_review_page_accept_two_refuse_one_download(browser: Any, serve_url: str) -> None:
    seed = SEED.read_text(encoding="utf-8")
    page = open_seed(browser, serve_url)
    issues = report_for(serve_url, seed)
    assert page.locator("#text mark.issue").count() >= 20
    assert "Traduction automatique" in page.inner_text("#summary")
    first, second, third = alone_with_safe_fix(issues)[:3]
    accepted = [as_issue(issues[first]), as_issue(issues[second])]
    # Accept the first: the text changes and is checked again, so the others are found anew.
    click_issue(page, first, "accept")
    text = apply_once(seed, accepted[:1])[0]
    now = report_for(serve_url, text)
    same = lambda old: next(  # noqa: E731
        n
        for n, issue in enumerate(now)
        if issue["rule"] == old["rule"]
        and issue["text"] == old["text"]
        and issue["offset"] >= old["offset"] - abs(len(text) - len(seed))
    )
    click_issue(page, same(issues[second]), "accept")
    text = apply_once(seed, accepted)[0]
    now = report_for(serve_url, text)
    refused = same(issues[third])
    click_issue(page, refused, "refuse")
    assert "refused" in page.locator(f'#text mark[data-issues="{refused}"]').get_attribute("class")
    expected = apply_once(seed, accepted)[0]
    assert expected != seed
    assert downloaded(page) == expected.encode("utf-8")
    page.close()


def test_review_page_applies_safe_fixes_as_check_fix_and_undoes(
    browser: Any, serve_url: str, tmp_path: Path
) -> None:
    copy = tmp_path / SEED.name
    shutil.copy(SEED, copy)
    run_textlint("check", "--fix", str(copy))
    page = open_seed(browser, serve_url)
    page.click("#apply-safe")
    page.wait_for_selector("body[data-state=ready]")
    assert "appliquée" in page.inner_text("#status")
    assert downloaded(page) == copy.read_bytes()
    page.click("#undo")
    page.wait_for_selector("body[data-state=ready]")
    assert downloaded(page) == SEED.read_bytes()
    page.close()


def test_review_page_shows_rewrites_without_applying_them(browser: Any, serve_url: str) -> None:
    """A calque's rewrites (« une participation dans ») do not replace the flagged words as they
    stand: the page lists them to adapt by hand and offers no « Accepter »."""
    issues = report_for(serve_url, SEED.read_text(encoding="utf-8"))
    hinted = [
        n
        for n, issue in enumerate(issues)
        if issue["hints"]
        and not issue["fix"]
        and not any(
            other["offset"] < issue["offset"] + issue["length"]
            and issue["offset"] < other["offset"] + other["length"]
            for m, other in enumerate(issues)
            if m != n
        )
    ]
    assert hinted
    page = open_seed(browser, serve_url)
    mark = page.locator(f'#text mark[data-issues="{hinted[0]}"]')
    mark.focus()
    page.keyboard.press("Enter")
    detail = page.inner_text("#detail")
    assert "Pas de correction automatique." in detail
    assert f"À adapter : « {issues[hinted[0]]['hints'][0]} »" in detail
    assert page.locator("#detail #accept").count() == 0
    page.close()
