"""Build an annotated corpus folder (format in tests/corpus/mt-dev/README.md) from marked-up sources.

Run: python bench/build_mt_articles.py tests/corpus/mt-fresh

Writing the three files of an article by hand (the `.mt.txt`, the `.ref.txt` and one JSON line
per defect, with its occurrence counted) is slow and error-prone; a source file
`src/NN-slug.txt` in the folder holds the article once, each defect written in place:

    ⟦text as machine translation wrote it‖fix‖category/type‖source⟧

The first line of the source is `lang: en` (or it, es, pt); the article follows. A debris line is
a defect alone on its line with an empty fix. The source is typed with plain keyboard
punctuation and gets French typography outside the defects and in every fix: ’ for ', U+00A0
before « : » and « € », U+202F before « ; ! ? % », inside « », and as thousands separator.
A category written with a leading « ! » (`!typography/straight-quotes`) keeps the defect's text
as typed, for defects that are themselves typography. The `.ref.txt` is the `.mt.txt` with the
fixes applied, exactly as `bench/score_mt.py` applies them, and the script then validates the
folder with it.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from score_mt import apply_fixes, find_nth, load_corpus

DEFECT = re.compile(r"⟦(?P<text>[^⟧]*?)‖(?P<fix>[^⟧]*?)‖(?P<kind>[^⟧‖]+)‖(?P<source>[^⟧]*?)⟧")
NBSP, NNBSP = "\u00a0", "\u202f"


def french(text: str) -> str:
    """French typography for text typed with keyboard punctuation."""
    text = text.replace("'", "’")
    text = re.sub(r" :", NBSP + ":", text)
    text = re.sub(r" ([;!?%])", NNBSP + r"\1", text)
    text = re.sub(r" €", NBSP + "€", text)
    text = re.sub(r"« ", "«" + NNBSP, text)
    text = re.sub(r" »", NNBSP + "»", text)
    return re.sub(r"(?<=\d) (?=\d{3}\b)", NNBSP, text)


def build(source: Path) -> tuple[str, str, list[dict[str, object]]]:
    """The machine-translated text, the corrected text and the annotations of one source."""
    header, _, body = source.read_text(encoding="utf-8").partition("\n")
    lang = header.removeprefix("lang:").strip()
    name = source.stem
    parts: list[str] = []
    spans: list[tuple[int, int, str, dict[str, object]]] = []
    position = 0
    for match in DEFECT.finditer(body):
        parts.append(french(body[position : match.start()]))
        kind = match["kind"]
        raw = kind.startswith("!")
        category, _, kind_type = kind.lstrip("!").partition("/")
        text = match["text"] if raw else french(match["text"])
        start = sum(map(len, parts))
        parts.append(text)
        record: dict[str, object] = {
            "doc": name,
            "text": text,
            "category": category,
            "type": kind_type,
            "fix": french(match["fix"]),
            "source": match["source"],
            "lang": lang,
        }
        spans.append((start, start + len(text), french(match["fix"]), record))
        position = match.end()
    parts.append(french(body[position:]))
    mt = "".join(parts).strip("\n") + "\n"
    ref = apply_fixes(mt, [(start, end, fix) for start, end, fix, _ in spans])
    records = []
    for start, _end, _fix, record in spans:
        occurrence = 1
        while find_nth(mt, str(record["text"]), occurrence) != start:
            occurrence += 1
        records.append({**record, "occurrence": occurrence})
    return mt, ref, records


def main(folder: Path) -> int:
    lines = []
    for source in sorted((folder / "src").glob("*.txt")):
        mt, ref, records = build(source)
        (folder / f"{source.stem}.mt.txt").write_text(mt, encoding="utf-8")
        (folder / f"{source.stem}.ref.txt").write_text(ref, encoding="utf-8")
        keys = ("doc", "text", "occurrence", "category", "type", "fix", "source", "lang")
        lines += [json.dumps({key: record[key] for key in keys}, ensure_ascii=False) for record in records]
    (folder / "annotations.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    _articles, errors = load_corpus(folder)
    for error in errors:
        print(f"data error: {error}", file=sys.stderr)
    return 1 if errors else 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        print("usage: python bench/build_mt_articles.py FOLDER", file=sys.stderr)
        sys.exit(2)
    sys.exit(main(Path(sys.argv[1])))
