"""The francophone regions a document names, for the usages their press prints every day.

The press of Québec writes « la compagnie » for a firm, « ultimement », lengths in feet; the
Swiss press writes « le 40 % des vignes ». Machine translation from English produces the same
words in a text from France, so a lexicon entry declares `regional: [quebec]`: it is not
flagged in a document that names the region anywhere, in its title, byline or first line as
much as in the paragraph of the match. A paragraph of a Québec daily often names no place at
all; the article it belongs to does.
"""

from __future__ import annotations

import regex

from textlint import regexes
from textlint.document import Document

# Names only a text about the region writes: places, institutions, the adjective. Exact case:
# « laval » or « jura » in lower case are other words.
_NAMES = {
    "quebec": (
        "Québec|québécois|québécoise|québécoises|Montréal|montréalais|montréalaise|Canada|canadien"
        "|canadienne|canadiens|canadiennes|Ottawa|Gatineau|Sherbrooke|Laval|Longueuil|Trois-Rivières"
        "|Saguenay|Lévis|Rimouski|Ontario|Nouveau-Brunswick|Acadie|acadien|acadienne|Hydro-Québec"
        "|Radio-Canada|cégep|cégeps|LNH|Granby|Drummondville|Saint-Hyacinthe|Chicoutimi|Terrebonne"
        "|Repentigny|Saint-Jérôme|Shawinigan|Victoriaville|Rouyn-Noranda|Val-d'Or|Gaspé|Sept-Îles"
        "|Baie-Comeau|Joliette|Magog|Bromont|Cowansville|Outaouais|Mauricie|Estrie|Abitibi|Gaspésie"
        "|Charlevoix|Lanaudière|Laurentides|Montérégie"
    ),
    "suisse": (
        "Suisse|suisse|suisses|Valais|valaisan|valaisanne|valaisans|Genève|genevois|genevoise|Vaud"
        "|vaudois|vaudoise|Fribourg|fribourgeois|fribourgeoise|Neuchâtel|neuchâtelois|Lausanne"
        "|lausannois|Berne|bernois|Zurich|zurichois|Tessin|tessinois|Conseil fédéral|CHF|Sion|Bâle"
        "|bâlois|Lucerne|Bienne|romand|romande|romands|romandes|CFF"
    ),
}
_MARKERS: dict[str, regex.Pattern[str]] = {
    region: regexes.compile(rf"(?<![\w\p{{M}}-])(?:{names})(?![\w\p{{M}}-])")
    for region, names in _NAMES.items()
}
REGIONS = tuple(_NAMES)


def named_regions(doc: Document) -> frozenset[str]:
    """The regions `doc` names somewhere, worked out once per document."""
    return doc.memo(
        "regions:named",
        lambda: frozenset(region for region, marker in _MARKERS.items() if marker.search(doc.text)),
    )
