"""Refusals, limits, the token and CORS, over real HTTP (textlint's rules only: no grammar)."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager

import pytest
import requests

from tests.conftest import SEED
from textlint.config import Config, LanguageToolSettings
from textlint.serve import ServeSettings

App = Callable[[ServeSettings], AbstractContextManager[str]]
NO_GRAMMAR = Config(languagetool=LanguageToolSettings(enabled=False))


def settings(**overrides: object) -> ServeSettings:
    return ServeSettings(config=NO_GRAMMAR, **overrides)  # type: ignore[arg-type]


def post(url: str, data: object = None, **kwargs: object) -> requests.Response:
    return requests.post(f"{url}/v2/check", data=data, timeout=60, **kwargs)  # type: ignore[arg-type]


def assert_lt_error(answer: requests.Response, status: int, *words: str) -> None:
    assert answer.status_code == status, answer.text
    assert answer.headers["content-type"].startswith("text/plain")
    assert answer.text.startswith("Error: ")
    assert "Traceback" not in answer.text and 'File "' not in answer.text
    for word in words:
        assert word in answer.text


def test_bad_requests_get_languagetool_style_answers(app_server: App) -> None:
    with app_server(settings(max_text_length=1000, max_request_bytes=20_000)) as url:
        assert_lt_error(post(url, {"language": "fr-FR"}), 400, "'text' or 'data'")
        assert_lt_error(post(url, {"text": "Bonjour."}), 400, "'language'")
        assert_lt_error(post(url, {"text": "a", "data": "{}", "language": "fr"}), 400, "not both")
        assert_lt_error(post(url, {"text": "Bonjour.", "language": "xx-YY"}), 400, "xx-YY")
        assert_lt_error(post(url, {"text": "Bonjour.", "language": "fr", "level": "strict"}), 400, "level")
        assert_lt_error(
            post(url, {"text": "Bonjour.", "language": "fr", "enabledOnly": "true"}), 400, "enabledOnly"
        )
        assert_lt_error(post(url, {"data": "{not json", "language": "fr"}), 400, "JSON")
        assert_lt_error(
            post(url, {"data": '{"annotation": [{"x": 1}]}', "language": "fr"}), 400, "annotation"
        )
        assert_lt_error(
            post(url, b'{"text": "Bonjour."}', headers={"Content-Type": "application/json"}), 400, "form"
        )
        assert_lt_error(post(url, b"text=\xff\xfe&language=fr"), 400, "UTF-8")
        # Too long in UTF-16 units of prose (each emoji counts two), or too large a body.
        assert_lt_error(post(url, {"text": "🎉" * 501, "language": "fr"}), 413, "limit of 1000", "1002")
        assert post(url, {"text": "🎉" * 500, "language": "fr"}).status_code == 200
        assert_lt_error(post(url, {"text": "a" * 30_000, "language": "fr"}), 413, "20000 bytes")
        assert requests.get(f"{url}/v2/nothing", timeout=10).status_code == 404


def test_a_check_past_the_time_limit_is_answered_500(app_server: App) -> None:
    with app_server(settings(time_limit=0.001)) as url:
        assert_lt_error(
            post(url, {"text": SEED.read_text(encoding="utf-8") * 5, "language": "fr"}), 500, "limit"
        )


def test_the_token_is_required_when_set(app_server: App) -> None:
    with app_server(settings(token="s3cret")) as url:
        fields = {"text": "Le Le chat.", "language": "fr"}
        assert_lt_error(post(url, fields), 403, "token")
        assert_lt_error(post(url, fields, headers={"Authorization": "Bearer wrong"}), 403)
        assert post(url, fields, headers={"Authorization": "Bearer s3cret"}).status_code == 200
        assert post(url, {**fields, "apiKey": "s3cret", "username": "desk"}).status_code == 200
        host = url.removeprefix("http://")
        assert (
            requests.post(f"http://desk:s3cret@{host}/v2/check", data=fields, timeout=30).status_code == 200
        )
        lint = requests.post(f"{url}/api/lint", json={"text": "Le Le chat."}, timeout=30)
        assert lint.status_code == 403 and "token" in lint.json()["error"]
        # Listing languages or the page checks no text: no token needed.
        assert requests.get(f"{url}/v2/languages", timeout=30).status_code == 200


def test_listening_beyond_localhost_needs_a_token() -> None:
    with pytest.raises(Exception, match="token"):
        ServeSettings(host="0.0.0.0").validated()
    assert ServeSettings(host="0.0.0.0", token="t").validated().token == "t"
    assert ServeSettings(host="::1").validated().host == "::1"


def test_cors_only_for_allowed_origins(app_server: App) -> None:
    fields = {"text": "Le Le chat.", "language": "fr"}
    with app_server(settings(allow_origins=("https://cms.example",))) as url:
        allowed = post(url, fields, headers={"Origin": "https://cms.example"})
        assert allowed.headers.get("access-control-allow-origin") == "https://cms.example"
        other = post(url, fields, headers={"Origin": "https://evil.example"})
        assert "access-control-allow-origin" not in other.headers
    with app_server(settings()) as url:
        assert (
            "access-control-allow-origin"
            not in post(url, fields, headers={"Origin": "https://cms.example"}).headers
        )


def test_api_lint_reads_no_file(app_server: App) -> None:
    """A name only says how to read the text: `../../etc/passwd.md` is a Markdown text, never a file."""
    with app_server(settings()) as url:
        answer = requests.post(
            f"{url}/api/lint",
            json={"text": "# Titre\n\nLe Le chat.", "name": "../../etc/passwd.md"},
            timeout=60,
        ).json()
        assert answer["file"]["path"] == "passwd.md"
        assert [issue["rule"] for issue in answer["file"]["issues"]] == ["mt.doubled-word"]
        assert requests.post(f"{url}/api/lint", data="nope", timeout=10).status_code == 400


def test_replacements_are_what_a_client_may_apply_to_the_span(app_server: App) -> None:
    """A client applies a replacement over the flagged words as they stand: rewrites to adapt
    (« traiter » for « adressent ») stay in the message and in the review page's `hints`."""
    text = "Les maires adressent le problème ; la ville le suit."
    with app_server(settings()) as url:
        matches = post(url, {"text": text, "language": "fr"}).json()["matches"]
        by_rule = {match["rule"]["id"]: match for match in matches}
        calque = by_rule["mt.calques-anglais"]
        assert text[calque["offset"] : calque["offset"] + calque["length"]] == "adressent"
        assert calque["replacements"] == [] and "traiter" in calque["message"]
        spacing = by_rule["typo.space-before-high-punctuation"]
        assert [r["value"] for r in spacing["replacements"]] == ["\u202f;"]
        review = requests.post(f"{url}/api/lint", json={"text": text}, timeout=60).json()
        hinted = next(i for i in review["file"]["issues"] if i["rule"] == "mt.calques-anglais")
        assert hinted["suggestions"] == [] and "traiter" in hinted["hints"]
