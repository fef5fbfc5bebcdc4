"""For a text textlint's own rules find nothing in, `textlint serve` answers as LanguageTool does."""

from __future__ import annotations

from typing import Any

import requests

from textlint.api import check_text
from textlint.languagetool.process import ServerState

# A grammar slip, a typo and an astral character, and nothing textlint's own rules report.
TEXT = "Le gouvernemnt a pris les décision hier soir. 🎉 Les enfant mange une pomme à midi."
OPTIONAL_RULE_KEYS = {"subId", "sourceFile", "urls", "tags", "isPremium", "confidence"}
OPTIONAL_SOFTWARE_KEYS = {"premiumHint", "commit"}


def shape(value: Any, ignore: frozenset[str] = frozenset()) -> Any:
    """The keys and JSON types of a value, recursively (lists by their first item)."""
    if isinstance(value, dict):
        return {key: shape(item) for key, item in value.items() if key not in ignore}
    if isinstance(value, list):
        return [shape(value[0])] if value else []
    return (
        "number" if isinstance(value, int | float) and not isinstance(value, bool) else type(value).__name__
    )


# The wording of messages (textlint's name the flagged words) and LanguageTool's internal hints
# for incomplete sentences, which textlint does not receive.
NOT_COMPARED = {"message", "shortMessage", "rule", "ignoreForIncompleteSentence", "contextForSureMatch"}


def comparable(match: dict[str, Any]) -> dict[str, Any]:
    """Everything a client shows or applies of a match."""
    rule = {key: value for key, value in match["rule"].items() if key not in OPTIONAL_RULE_KEYS}
    kept = {key: value for key, value in match.items() if key not in NOT_COMPARED}
    return {**kept, "rule": rule}


def test_same_matches_same_shape_as_bare_languagetool(serve_url: str, lt_url: ServerState) -> None:
    assert not [issue for issue in check_text(TEXT, languagetool=False).issues]
    fields = {"language": "fr-FR", "text": TEXT}
    ours = requests.post(f"{serve_url}/v2/check", data=fields, timeout=120).json()
    bare = requests.post(f"{lt_url.url}/v2/check", data=fields, timeout=120).json()
    assert len(bare["matches"]) >= 3
    assert [comparable(m) for m in ours["matches"]] == [comparable(m) for m in bare["matches"]]
    assert ours["sentenceRanges"] == bare["sentenceRanges"]
    for mine, theirs in zip(ours["matches"], bare["matches"], strict=True):
        flagged = TEXT.encode("utf-16-le")[2 * theirs["offset"] : 2 * (theirs["offset"] + theirs["length"])]
        assert flagged.decode("utf-16-le") in mine["message"]
    # The same keys and types everywhere, rules' optional keys aside.
    assert shape(ours, frozenset({"software"})) == shape(bare, frozenset({"software"}))
    ours_rules = [shape(m["rule"], frozenset(OPTIONAL_RULE_KEYS)) for m in ours["matches"]]
    assert ours_rules == [shape(m["rule"], frozenset(OPTIONAL_RULE_KEYS)) for m in bare["matches"]]
    software = set(bare["software"]) - OPTIONAL_SOFTWARE_KEYS
    assert software <= set(ours["software"])
