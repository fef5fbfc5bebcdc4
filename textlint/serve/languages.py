"""Which requests textlint answers itself (French) and which go to LanguageTool unchanged."""

from __future__ import annotations

from dataclasses import dataclass

from textlint.langid import best_guess, foreign_document

# LanguageTool's names for the variants textlint knows (`/v2/languages`).
FRENCH: dict[str, str] = {
    "fr": "French",
    "fr-FR": "French",
    "fr-BE": "French (Belgium)",
    "fr-CA": "French (Canada)",
    "fr-CH": "French (Switzerland)",
}
# The detector's languages, named as LanguageTool names them.
DETECTED_NAMES = {
    "fr": "French",
    "en": "English",
    "it": "Italian",
    "es": "Spanish",
    "de": "German",
    "pt": "Portuguese",
}
DEFAULT_VARIANT = "fr-FR"
AUTO = "auto"


@dataclass(frozen=True)
class Detected:
    code: str  # ISO 639-1
    confidence: float

    def as_json(self) -> dict[str, object]:
        return {
            "name": DETECTED_NAMES.get(self.code, self.code),
            "code": self.code,
            "confidence": round(self.confidence, 4),
            "source": "textlint",
        }


def french_variant(language: str, preferred: tuple[str, ...] = ()) -> str | None:
    """textlint's variant (`fr-FR`…) for a requested French code, else None."""
    for code in FRENCH:
        if code.lower() == language.lower():
            return DEFAULT_VARIANT if code == "fr" else code
    if language.lower() == AUTO:
        return next((v for v in map(_variant_of, preferred) if v), DEFAULT_VARIANT)
    return None


def _variant_of(code: str) -> str | None:
    return None if code.lower() == AUTO else french_variant(code)


def is_french_text(text: str) -> bool:
    """What `language=auto` decides: French unless the text is clearly in another language.

    The same test that makes `textlint check` skip an English README.
    """
    return foreign_document(text) is None


def detect(text: str) -> Detected:
    """The detector's best guess, as LanguageTool reports it in `detectedLanguage`."""
    if not text.strip():
        return Detected("fr", 1.0)
    code, confidence = best_guess(text[:4000])
    return Detected(code, confidence)
