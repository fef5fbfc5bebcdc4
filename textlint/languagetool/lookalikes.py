"""Constructions LanguageTool 6.8's French grammar rules misread on correct text.

Each family below is a look-alike of a real mistake: participles that never agree (impersonal
and intransitive verbs, complements of measure), « a » before a participle agreeing with
« que », a verb read as an adjective before its number, a conditional after a past tense
(the future in the past), the nouns « sommes » and « été » read as verbs, « dont deux
ferme » (a prison sentence), « -Est » ending a place name read as « est », a wrong
apostrophe character read as a space, a verb in -er with avoir read as taking être, the
participle of a pronominal verb whose « se » is no direct object (« ils se sont demandé »),
a verb agreeing with the complement of a collective (« un total de 300 patients ont »), an
inverted subject after « Parmi … », an adjective after « des plus », an acronym read as an
auxiliary (« Mistral AI demeure »), the subjunctive after « expliquer que », a participle
after « très », a sports team named by its number (« le onze tricolore »), « lui aussi » between
an auxiliary and its participle (commas optional), « la mise à jour de l'année » read as
« le jour de l'an », « la poète » and « la témoin » (either gender). Measured on
tests/cases/typography/agreement.yaml and the team's news; each test looks at the words
around the finding only, never at a particular sentence.

Measured again on tests/cases/lt-precision/ (correct news sentences written to stress the
elision, être + participle, determiner + adjective, sa/ça/se and name families): the passive
of « vivre » (« la fermeture est mal vécue par les salariés »), « la une » of a newspaper, a
crew named by its number (« le huit barré »), adjectives French leaves invariable (« des
boutiques chic ») and two colours describing each thing (« des écharpes rouge et blanc »),
an adjective agreeing with the name it stands before (« le demi de mêlée Antoine Dupont »).

Measured on published news (excerpts of French-language newsrooms, see BENCHMARKS.md): a comma
asked before « mais » or « car » that join words or predicates (« doucement mais sûrement »),
and after a short complement that follows a conjunction or « que » (« alors que lundi elle »);
a verb of saying whose subject follows it (« … sont envisagées, confirme le syndicat »), « à au
moins », « autour des 30 000 euros » (not « dès »), a rank (« le n° 5 mondial »), the end of a
hyphenated name (« Lai Ching-te a »), a language after its article (« le déclin du français »),
« se féliciter de » (to welcome), a date after a number (« de 100 début juillet à 140 début
août »), a subject named by several capitalised words (« SNCF Voyageurs prévoit »); and on
published sport, health and market news, the noun « contre » (a block: « 5 contres en 34
minutes »), « le reste à charge », a year before a participle (« un budget pour 2026
examiné lundi ») and a rank after « numéro » abbreviated in plain text (« le no 5 mondial »); on
published politics, justice, regional and international news, « il y a quatre ans » after a name,
« un micro intégré » (the noun), the month « mai » as subject, « s'est vu décerner » (an
infinitive), « Mistral.ai arrive », « contres » in a list, « sur » before a determiner, « l'est
du pays » (the noun), « avec par exemple », « avec pour objectif », « affiche complet » and « qui se
sont succédé » (a participle that never agrees); « sept ou huit », « le soir ou la nuit » (« ou »
joining two numbers or two noun groups), « depuis » as an adverb (« il vit depuis avec une plaque »)
« ce n'est pas rien », a verb of motion before an infinitive (« filer marquer ») and a place after
its preposition before « on » (« À Chamrousse on essaiera »); on news from Belgium, Switzerland,
Québec and francophone Africa, « se voir » before an infinitive or a participle (« se voient
proposer », « se voient récompensés »), « confie manquer », a company's legal form after its name
(« Air Sénégal Sa ») and « à » before a determiner, a day, a month or « pas de » (« à l'air »,
« du lundi à mercredi », « à pas de géante »); on housing, transport, school and local news
from Switzerland, Belgium and Québec, « le taux de vacance » (the noun, singular on purpose),
« de lundi à jeudi inclus » (the finding holding the words after « à »), a question mark
between two letters (a character lost to the encoding, « n?étaient »), « l'énième » and « rock
n' roll », and nouns joined by a slash (« le collectif parents/enseignants »); on health, farming,
courts, sport, culture, housing and asylum news, collectives with a plural complement (« un
demi-millier de manifestants ont »), « acheter cher », a comma opening a short insert, « tu veux
… ou tu veux … », an insert or an adverbial phrase before a participle or an adjective (« ont de
leur côté choisi », « reste dans l'ensemble bien orientée », « en moyenne 18 % plus élevées »),
« pas de prix fixe », « mano a mano », a participle before its infinitive, « les ultras », « quel
champion il est », « s'est taillé la part du lion », « n'importe qui à », an inverted subject
after « que vous offre » or « que sont », « ne leur appartenait », « très bressonien », « destinés à
remplacer », the subjunctive after « le temps que », « la même » before a name, « dit louer » and
« le jubilé des 125 ans ».
"""

from __future__ import annotations

from collections.abc import Callable

import regex

from textlint import regexes


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Participles of verbs that never take a direct object: impersonal (« les mesures qu'il a
# fallu prendre ») or intransitive (« les trois heures qu'a duré la réunion »). They never agree.
_NEVER_AGREE = regexes.compile(
    r"(?:fallu|duré|régné|dormi|semblé|paru|nui|ri|souri|suffi|existé|ressemblé|succédé|plu|neigé|grêlé)",
    regex.IGNORECASE,
)
# Verbs whose complement may be a measure (« les 80 euros que ce billet a coûté »): invariable
# when what comes before « que » is a quantity; they agree in the figurative sense
# (« les efforts que ce projet a coûtés »), so only quantities are let through.
_MEASURE_VERBS = regexes.compile(r"(?:coûté|valu|pesé|mesuré|vécu|couru|marché)", regex.IGNORECASE)
# Numbers written in words, which counts and quantities share.
_NUMBER_WORDS = "deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|quinze|vingt"
_QUANTITY = regexes.compile(
    rf"\d|\b(?:{_NUMBER_WORDS}|trente|quarante|"
    r"cinquante|soixante|cent|cents|mille|millions?|milliards?|quelques|plusieurs|heures?|minutes?|"
    r"secondes?|jours?|semaines?|mois|ans|années?|euros?|dollars?|francs?|kilos?|kilomètres?|mètres?|tonnes?)\b",
    regex.IGNORECASE,
)
_QUE = regexes.compile(r"\bqu(?:e\b|['’])", regex.IGNORECASE)
_IL_Y_A = regexes.compile(r"\by\s+(?:a|avait|aura|aurait|ait)\s+$", regex.IGNORECASE)
# « La chaleur qu'il a fait »: « il » is impersonal, the weather is not an object of « faire ».
_IMPERSONAL_FAIRE = regexes.compile(
    r"\b(?:chaleur|froid|temps|canicule|vent|soleil|orage|pluie|neige|gel|sécheresse|tempête)s?"
    r"\s+qu['’]il\s+(?:a|avait|aura|aurait)\s+$",
    regex.IGNORECASE,
)
# « Les décisions que la ministre a prises »: « a » before a participle that agrees with « que »
# is the verb, not the preposition « à ».
_A_BEFORE_AGREEING_PARTICIPLE = regexes.compile(r"\bqu(?:e\s|['’])(?:[^\s,.;:!?]+\s+){0,5}$")
_AGREEING_PARTICIPLE = regexes.compile(r"\s*\p{Ll}+(?:é|i|u|is|it|ert|aint|eint|oint)(?:es?|s)\b")
# « La dette atteint 3 228 milliards »: a verb read as an adjective agreeing with the noun
# before it, when its object, a number, follows.
_NUMBER_AFTER = regexes.compile(r"\s*\d")
# « j'ai compris que rien ne bougerait »: after a past tense and « que », the conditional is the
# future in the past, not a mistake for the future.
_PAST_THEN_QUE = regexes.compile(
    r"(?:\b(?:a|ai|as|avons|avez|ont|avait|avais|avaient|eut|eurent)\s+(?:\p{L}+\s+)?\p{L}+"
    r"|\b\p{L}+(?:ait|aient))\s+qu(?:e\s+|['’])[^.!?;:]*$",
    regex.IGNORECASE,
)
_SEASON_DETERMINER = r"(?:\b(?:cet|chaque|un|bel|tout|dernier|prochain|autre)\s+|\bl['’])"
_SUMMER_BEFORE = regexes.compile(rf"{_SEASON_DETERMINER}été\s+$", regex.IGNORECASE)
_FIRM_SENTENCE = regexes.compile(
    r"(?:\d+|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|douze|quinze|vingt|trente)\s+ferme",
    regex.IGNORECASE,
)
_AVOIR_PARTICIPLE = regexes.compile(
    r"(?:a|ai|as|avons|avez|ont|avait|avaient|aura|auront|aurait|auraient)\s+(\p{Ll}+)é[.!?…]?",
    regex.IGNORECASE,
)
_ETRE_VERBS_IN_ER = _words(
    "all arriv entr rentr rest retourn tomb retomb décéd demeur pass repass mont remont"
)
_WRONG_APOSTROPHES = frozenset("´‘′`")
_DONT = regexes.compile(r"\bdont\s+$")
_NAME_ENDS_IN_EST = regexes.compile(r"\p{L}-Est\s+$")
# « Les pêcheurs de Manche-est protestent »: the same name with its compass point in lower case,
# which LT reads as « est » before a verb.
_NAME_ENDS_IN_LOWER_EST = regexes.compile(r"\p{Lu}\p{L}*-est\s+$")
# Participles of pronominal verbs whose « se » is an indirect object (« se demander » is to ask
# oneself, « se succéder » to follow one another): invariable after « se » and être. « rendu »
# only in « se rendre compte » (« ils se sont rendus à Paris » agrees).
_INDIRECT_PRONOMINAL = regexes.compile(
    r"(?:demandé|parlé|succédé|ressemblé|téléphoné|plu|déplu|complu|nui|souri|suffi|menti|permis|promis|juré)",
    regex.IGNORECASE,
)
_REFLEXIVE_ETRE = regexes.compile(
    r"(?:\b(?:se|me|te|nous|vous)\s+|\b[smt]['’])(?:sont|est|sommes|êtes|suis|es|étaient|était|étions|"
    r"étiez|seront|sera|serait|seraient|soient|soit|étant|être)\s+(?:\p{Ll}+\s+){0,2}$",
    regex.IGNORECASE,
)
_COMPTE_AFTER = regexes.compile(r"\s+compte\b")
# A collective or a fraction with a plural complement as subject (« un total de 1 200 logements
# ont été livrés », « une majorité d'élus a voté »): the verb may agree with either; « la
# plupart » wants the plural, so only a plural verb is let through after it.
_COLLECTIVE_SUBJECT = regexes.compile(
    r"(?:(?:\b(?:un|une|la|le|cette|ce)\s+|\bl['’])(?:(?:petite?|grande?|bon(?:ne)?|large|faible)\s+)?|\bbon\s+)"
    r"[\"“«]?\s*(?:demi-)?(?P<noun>total|majorité|minorité|moitié|tiers|quart|dizaine|douzaine|quinzaine|vingtaine|"
    r"trentaine|quarantaine|cinquantaine|soixantaine|centaine|millier|poignée|foule|groupe|série|nombre|"
    r"partie|multitude|plupart|gros|reste|essentiel)\s*[\"”»]?\s+(?:de\s+|d['’]|des\s+)(?:[^\s,;:]+\s+){0,4}?[^\s,;:]*[sx]\s+$",
    regex.IGNORECASE,
)
_PLURAL_VERB = regexes.compile(r"\p{L}+nt|ont|sont|font|vont", regex.IGNORECASE)
# « Le mis en cause », « la mise en examen »: a participle used as a noun.
_NOMINAL_PARTICIPLE = regexes.compile(
    r"\b(?:le|la|les|un|une|des|du|au|aux|ce|cette|ces)\s+mis(?:e|es)?\s+en\s+(?:cause|examen)\b",
    regex.IGNORECASE,
)
# « quelle serait la meilleure organisation »: the subject after the verb.
_QUEL_JUST_BEFORE = regexes.compile(r"\bquel(?:le)?s?\s+$", regex.IGNORECASE)
# « Parmi les projets figurent une crèche et un gymnase »: the subject comes after the verb.
_FRONTED_COMPLEMENT = regexes.compile(r"^\s*(?:Parmi|Au\s+nombre\s+des?|Outre)\s+[^,;]*$", regex.IGNORECASE)
# « la couverture des plus âgés »: after « des plus » the adjective is a plural, a noun's or a
# superlative's (« un film des plus réussis »), never agreeing with the noun before.
_DES_PLUS = regexes.compile(r"\bdes\s+(?:plus|moins|mieux)\s+$", regex.IGNORECASE)
_ACRONYM_BEFORE = regexes.compile(r"(?:\b\p{Lu}{2,}|\p{L}\.ai)\s+$")
# « ce qui explique que la réforme ait pris du retard »: these verbs take either mood.
_EITHER_MOOD = regexes.compile(
    r"\b(?:expliqu\p{L}*|justifi\p{L}*|le\s+fait|comprend\p{L}*|compris|admet\p{L}*|admis)\s+"
    r"qu(?:e\s+|['’])(?:[^\s.!?;:]+\s+){0,6}$",
    regex.IGNORECASE,
)
_PARTICIPLE_SHAPE = regexes.compile(r"\p{Ll}+(?:é|i|u|is|it)(?:e|es|s)?")
_NOUNS_AFTER_TRES = _words("envie")  # « avoir très envie » is the mistake LT's rule is for
_TRES_NEXT = regexes.compile(r"\s+(\p{Ll}+)")
# « le onze de départ », « le XV de France », « le cinq majeur », « le huit barré »: a team or a
# rowing crew named by its number. A plural noun after it is counted (« le quatre candidats »
# is a wrong determiner), so the finding stands then.
_TEAM_NUMBER = regexes.compile(r"(?:onze|quinze|treize|sept|cinq|huit|quatre|deux|XV|XIII|XI)\s+(\p{L}+)")
_SINGULAR_DETERMINER = regexes.compile(
    r"\b(?:le|un|son|ce|du|au|leur|notre|votre|mon|ton)\s+$", regex.IGNORECASE
)
# « avait lui aussi émis »: commas around this short incise are optional.
_ALSO_INCISE = regexes.compile(r"\s*(?:lui|eux|elle|elles|nous|vous)\s+aussi\b", regex.IGNORECASE)
# « doucement mais sûrement », « ardues mais sont terminées », « à 5-2 mais remportait le set »:
# « mais » or « car » joining words or two predicates of one subject takes no comma. LT's advice
# holds where a clause with a subject of its own follows (« l'IA, mais cela ne me surprend pas »).
_MAIS_CAR = regexes.compile(r"\s*(?:mais|car)\s*", regex.IGNORECASE)
# « une stabilité voire une baisse », « 40 voire 50 mm »: « voire » joins two words or groups.
_VOIRE = regexes.compile(r"\s*voire\s*", regex.IGNORECASE)
# What starts a subject right after a word: a pronoun, a determiner, a name (« mais cela… »,
# « … confirme le syndicat »).
_SUBJECT_AFTER = regexes.compile(
    r"(?:\s+(?:(?i:il|elle|ils|elles|on|nous|vous|je|tu|cela|ça|ce|ceci|le|la|les|un|une|des|du|son|sa|ses|"
    r"leur|leurs|mon|ma|mes|notre|nos|votre|vos|cet|cette|ces|tous|chaque|aucun|aucune|personne|rien)\b"
    r"|(?i:[jcl])['’]|\p{Lu})"
    # « …, expliquent-ils », « précise-t-elle »: the pronoun inverted after the verb.
    r"|-(?:t-)?(?i:il|elle|ils|elles|on)\b)"
)
# « et maintenant il faut », « alors que lundi elle semblait », « pour cela il fallait »: after
# a conjunction or « que », a short complement before the subject takes no comma. LT's advice
# holds where a comma opened the complement (« Alexa, à partir d'aujourd'hui tu… ») or where a
# name stands just before the pronoun (« Amazon il devient »: the pronoun repeats the name).
_JOINT = regexes.compile(
    r",|\b(?i:et|ou|mais|donc|or|ni|car|que|qu|pour|si|quand|lorsque|lorsqu|comme|puis|alors|dont|où)\b"
)
_NAME_JUST_BEFORE = regexes.compile(
    r"(?<![\p{L}\p{M}])(?!(?:Plus|Moins|Aussi|Ainsi|Alors|Puis|Donc|Ensuite|Enfin|Mais|Et|Or|Là|Ici)\b)"
    r"\p{Lu}[\p{L}\p{M}-]*\s*$"
)
# « et en Belledonne on aurait voulu », « À Chamrousse on essaiera »: a place after its
# preposition is a complement before the subject, not a subject the pronoun repeats.
_PLACE_PREPOSITION_JUST_BEFORE = regexes.compile(
    r"\b(?:à|au|aux|en|dans|chez|sur|vers|depuis)\s+$", regex.IGNORECASE
)
# « avant de filer marquer », « il est allé chercher »: a verb of motion takes an infinitive.
_MOTION_INFINITIVE = regexes.compile(
    r"(?:filer|aller|courir|venir|partir|monter|descendre|rentrer|sortir|passer|revenir|repartir|foncer)\s",
    regex.IGNORECASE,
)
# « Un acte d'égorgement, diront les médecins »: a verb of saying with its subject after it
# closes a quotation or a statement (the comma before it may be missing); it agrees with the
# subject that follows, not with the noun before it.
_SAYING_VERB = regexes.compile(
    r"(?:dit|disent|dira|diront|confirme|confirment|assure|assurent|explique|expliquent|précise|"
    r"précisent|indique|indiquent|souligne|soulignent|estime|estiment|ajoute|ajoutent|affirme|"
    r"affirment|déclare|déclarent|rappelle|rappellent|annonce|annoncent|répond|répondent|observe|"
    r"observent|note|notent|insiste|insistent|raconte|racontent|résume|résument|tranche|tranchent|"
    r"lance|lancent|martèle|martèlent|poursuit|poursuivent|conclut|concluent|dénonce|dénoncent|"
    r"regrette|regrettent|reconnaît|reconnaissent|admet|admettent|prévient|préviennent|commente|"
    r"commentent|avertit|avertissent|juge|jugent|détaille|détaillent|rapporte|rapportent|signale|signalent|"
    r"relève|relèvent|témoigne|témoignent|écrit|écrivent|confie|confient|avoue|avouent|jure|jurent)",
    regex.IGNORECASE,
)
_FINITE_VERB = regexes.compile(
    r"\b(?:est|sont|a|ont|était|étaient|avait|avaient|sera|seront|va|vont|fait|font|doit|doivent|peut|"
    r"peuvent|reste|restent)\b",
    regex.IGNORECASE,
)
# Two prepositions in a row that French writes: « jusqu'à au moins midi », « dans au plus 11
# communes » (« au moins » is an adverb), « devant au tableau d'affichage », « juste derrière
# avec » (the first one used as an adverb), « À dans deux semaines » (a farewell).
_ADVERB_NEXT = regexes.compile(r"\s*(?:moins|plus)\b", regex.IGNORECASE)
_AU_LAST = regexes.compile(r"\S+\s+au\s*", regex.IGNORECASE)
_ADVERBIAL_PREPOSITION_FIRST = regexes.compile(
    r"\s*(?:devant|derrière|avant|après|dessus|dessous|loin|près|depuis)\s+\S+\s*|\s*à\s+dans\s*",
    regex.IGNORECASE,
)
# « autour des 30 000 euros », « au-delà des 2 % »: « des » after a preposition of place is the
# article, not « dès ».
_PLACE_PREPOSITION_BEFORE = regexes.compile(
    r"\b(?:autour|au-delà|au-dessus|au-dessous|en\s+dessous|en\s+deçà|près|auprès|lors|loin|hors)\s+$",
    regex.IGNORECASE,
)
# « tout au long des trois heures », « au terme des deux jours »: « des » closing a locution that
# asks for « de » is the article, not « dès ».
_DE_LOCUTION_BEFORE = regexes.compile(
    r"\b(?:au\s+long|au\s+cours|au\s+terme|à\s+l['’]issue|au\s+bout|au\s+fil|au\s+milieu|au\s+sein"
    r"|au\s+début|à\s+la\s+fin|en\s+raison|à\s+cause|en\s+l['’]espace|au\s+lendemain|à\s+la\s+veille)\s+$",
    regex.IGNORECASE,
)
# « la barre symbolique des deux euros », « le seuil des 50 000 habitants », « la course des
# 24 heures »: after a noun of threshold, amount or event (with at most an adjective of a common
# shape), « des » is the article of its measure, not « dès ». « ouvre ses portes des 8 heures »
# keeps the finding.
_MEASURE_NOUN_JUST_BEFORE = regexes.compile(
    r"\b(?:barre|seuil|cap|niveau|palier|plafond|plancher|limite|marque|montant|somme|total|record|"
    r"moyenne|objectif|tranche|catégorie|course|épreuve|finale|billets?|coupures?)"
    r"(?:\s+\p{Ll}+(?:ique|iques|al|ale|ales|aux|el|elle|elles|els|if|ive|ifs|ives|aire|aires|eux|euse|euses))?\s+$",
    regex.IGNORECASE,
)
# « La compagnie dit déplorer la grève »: an infinitive after a verb of saying or thinking is its
# complement, not a verb that should agree with the subject.
_INFINITIVE = regexes.compile(r"\p{Ll}+(?:er|ir|re|oir)")
_SAYING_OR_THINKING = (
    rf"(?:{_SAYING_VERB.pattern}|pense|pensent|croit|croient|espère|espèrent|souhaite|souhaitent"
    r"|compte|comptent|entend|entendent|prétend|prétendent)"
)
# « La junte annonce aussi fermer ses frontières »: an adverb may stand between.
_SAYING_OR_THINKING_JUST_BEFORE = regexes.compile(
    rf"\b{_SAYING_OR_THINKING}\s+(?:(?:aussi|également|encore|déjà|même|pourtant|notamment|donc|enfin)\s+)?$",
    regex.IGNORECASE,
)
# « 2,5 milliards de déficit », « mille milliards de valorisation », « un million d'amende »,
# « 7,3 millions de part communale »: an amount of a quantity counted as a whole; the noun stays
# singular.
_AMOUNT_OF_BEFORE = regexes.compile(
    r"\b(?:millions?|milliards?|mille|centaines?|milliers?)\s+(?:de\s+|d['’])$", regex.IGNORECASE
)
_MASS_NOUNS = _words(
    "déficit dette valorisation capitalisation bénéfice excédent budget endettement investissement "
    "financement chiffre trésorerie capital marge perte manque surcoût coût préjudice amende part "
    "caution subvention aide rançon indemnisation dédommagement dotation enveloppe prime recette "
    "pénalité rallonge apport contribution participation remboursement"
)
_AMOUNT_NOUN_JUST_BEFORE = regexes.compile(
    r"\b(?:prix|taux|tarifs?|salaires?|montants?|seuils?|niveaux?|loyers?|âge|cours|pensions?|retraites?)\s+$",
    regex.IGNORECASE,
)
# The capitalised head of a prize's name (« le Prix découverte », « la Palme d'or »).
_PRIZE_JUST_BEFORE = regexes.compile(r"\b(?:Prix|Trophée|Palme|Coupe|Bayard|Lion|Ours)\s+$")
_STREET_NOUNS = _words("avenue rue boulevard place quai chaussée allée impasse chemin route square cours")
# What follows a street's noun in its name: « du Prince », « de la Gare », « Foch ».
_NAME_JUST_AFTER = regexes.compile(r"\s+(?:(?:du|des|de\s+la|de|d['’])\s*)?\p{Lu}")
# Participles French sets before a noun as adjectives (« le présumé meurtrier »).
_PREFIXED_PARTICIPLES = _words("présumé présumée présumés présumées prétendu prétendue prétendus prétendues")
_DETERMINER_JUST_BEFORE = regexes.compile(
    r"\b(?:le|la|les|l['’]|un|une|des|du|au|aux|ce|cet|cette|ces|son|sa|ses|leur|leurs)\s*$", regex.IGNORECASE
)
# « Le pivot de 2,18 m a été trouvé »: a unit symbol after a number, not an elided pronoun.
_UNIT_SYMBOL = regexes.compile(r"(?:m|g|l|s|h|t)\s+[aà]", regex.IGNORECASE)
_NUMBER_JUST_BEFORE = regexes.compile(r"\d[ \u00a0\u202f]*$")
_H_LOANS = _words(
    "hype hub hubs hacker hackers hashtag hashtags holding holdings hit hits hipster hipsters hooligan "
    "hooligans hedge home hardware hackathon hotline handball hockey hall halls hamburger hip-hop"
)
# « ne nie pas travailler », « dit ne plus vouloir »: a verb of saying, thinking or denying, then
# perhaps the second half of a negation, before an infinitive.
_SAYING_THEN_NEGATION = regexes.compile(
    rf"\b(?:nie|nient|niait|niaient|{_SAYING_OR_THINKING})\s+(?:pas\s+|plus\s+|jamais\s+)?$",
    regex.IGNORECASE,
)
# « 420 tués maximum », « 300 postes minimum »: « maximum » after a count is an adverb.
_COUNT_THEN_LIMIT = regexes.compile(r"\d[\d \u00a0\u202f]*\s+\p{L}+\s+(?:maximum|minimum)", regex.IGNORECASE)
# « des départs retardés et une vingtaine annulés »: the participle agrees with the plural noun
# the count stands for.
_COUNT_NOUN_JUST_BEFORE = regexes.compile(
    r"\b(?:dizaine|douzaine|quinzaine|vingtaine|trentaine|quarantaine|cinquantaine|soixantaine"
    r"|centaine|moitié|majorité|plupart|partie)\s+$",
    regex.IGNORECASE,
)
# « les limites qui nous sont autorisées »: « nous » is the indirect object, the participle agrees
# with the subject « qui ».
_INDIRECT_OBJECT_THEN_ETRE = regexes.compile(
    r"\bqui\s+(?:ne\s+|n['’])?(?:nous|vous|leur|lui|me|m['’]|te|t['’])\s*"
    r"(?:sont|est|était|étaient|sera|seront|serait|seraient)"
    r"(?:\s+(?:encore|toujours|déjà|plus|pas|désormais|aussi|également|bien))*\s+$",
    regex.IGNORECASE,
)
# « la Wallonie a deux gouvernements », « ce dernier a un lien », « Jean, qui…, a pour sa part
# assuré »: « a » right after its subject (a noun after its determiner, a name, the comma closing
# an incise) is the verb; « il va a Paris », where « a » follows a verb, keeps the finding.
_SUBJECT_JUST_BEFORE = regexes.compile(
    r"(?:\b(?:le|la|les|l['’]|ce|cet|cette|ces|son|sa|ses|leur|leurs|notre|votre|un|une|du)\s*"
    r"\p{L}[\p{L}\p{M}'’-]*(?:\s+(?-i:\p{Ll})[\p{L}\p{M}'’-]*(?<![ée]s|ent))?|\b(?-i:\p{Lu})[\p{L}\p{M}'’-]*|,)\s+$",
    regex.IGNORECASE,
)
# « un autre été record »: « été » after a determiner or « autre » is the season.
_SEASON_BEFORE = regexes.compile(rf"{_SEASON_DETERMINER}$", regex.IGNORECASE)
_LIEU_AFTER = regexes.compile(r"\s+lieu\b", regex.IGNORECASE)
# « un des rares pays d'Afrique a ne pas avoir connu »: before an infinitive, « a » is « à ».
_INFINITIVE_AFTER = regexes.compile(r"\s+(?:ne\s+pas\b|n['’]|\p{Ll}+(?:er|ir|oir|re)\b)", regex.IGNORECASE)
# « Le pèlerinage dure jusqu'à samedi », « chacun des chefs présente aux clients le plat »: a verb
# in the present, which LT reads as an adjective, when a complement follows it.
_PRESENT_VERB = regexes.compile(r"\p{Ll}+(?:e|ent)")
_VERB_COMPLEMENT_AFTER = regexes.compile(
    r"\s+(?:jusqu['’]|le\b|la\b|les\b|l['’]|un\b|une\b|aux\b)", regex.IGNORECASE
)
# « 475 000 euros brut », « 3 000 francs net »: after an amount, « brut » and « net » are adverbs.
_GROSS_OR_NET = regexes.compile(r"(?:brut|net|nets|bruts|hors\s+taxes?)", regex.IGNORECASE)
_AMOUNT_JUST_BEFORE = regexes.compile(
    r"\d[\d \u00a0\u202f.,']*\s*(?:(?:millions?|milliards?)\s+(?:d['’]|de\s+)?)?"
    r"(?:euros?|francs?|dollars?|livres?|€|\$|CHF|EUR|USD|FCFA)\s+$",
    regex.IGNORECASE,
)
# « un CA de 73 ME en forte croissance »: an acronym, which LT reads as « me » before a vowel.
_ACRONYM_FIRST = regexes.compile(r"\p{Lu}{2,}\b")
_VOTE_OR_ETRE_BEFORE = regexes.compile(
    r"\b(?:vot\p{L}*|est|sont|suis|sommes|êtes|était|étaient|reste|restent)\s+$", regex.IGNORECASE
)
_PRISON_BEFORE = regexes.compile(r"\b(?:prison|réclusion|emprisonnement|ans|mois)\s+$", regex.IGNORECASE)
_DAY_OF_THE_YEAR = regexes.compile(r"jour\s+de\s+l['’]année", regex.IGNORECASE)
_ANY_DAY_BEFORE = regexes.compile(
    r"\b(?:un|chaque|aucun|tout|quel|seul|premier|dernier)\s+$", regex.IGNORECASE
)
_RELATIVE_AFTER = regexes.compile(r"\s+(?:où|qui|que|qu['’])", regex.IGNORECASE)
_LETTER_NAME = regexes.compile(r"\p{Lu}\b(?![.'’])")
_LOWER_WORD_JUST_BEFORE = regexes.compile(r"\b\p{Ll}{2,}\s+$")
_ROW_BEFORE = regexes.compile(r"\b(?:2e|3e|deuxième|troisième|seconde)[ -]ligne\s+$", regex.IGNORECASE)
_FEMININE_ARTICLE_JUST_BEFORE = regexes.compile(
    r"\b(?:la|une|cette|notre|votre|sa|leur)\s+$", regex.IGNORECASE
)
# « le N.5 mondial », « le n° 2 mondial », « numéro 3 mondial »: a rank, not a quantity.
_RANK_BEFORE = regexes.compile(r"(?:\b[Nn][°º.o]|\bnuméro)\s*\d+\s+$")
# « le no 5 mondial », « le N.1 mondial »: a number after « numéro », abbreviated in plain
# text, is a cardinal; LT asks for an ordinal (« le 5ᵉ mondial ») as if « no » were not there.
_NUMERO_JUST_BEFORE = regexes.compile(r"(?:\b[Nn][°º.o]|\bnuméro)\s*$")
# « aux dépens de Lavillenie il y a quatre ans »: « il y a » saying how long ago, not a pronoun
# repeating the name before it.
_IL_Y_A_AGO = regexes.compile(
    r"\s*il\s+y\s+(?:a|avait)\s+(?:(?:plus|moins|près)\s+d(?:e\s+|['’])|(?:environ|à\s+peine|déjà|seulement)\s+)?"
    rf"(?:\d|une?\b|{_NUMBER_WORDS}|trente|quarante|cinquante|soixante|cent|quelques|plusieurs|longtemps|peu\b)",
    regex.IGNORECASE,
)
# « un micro intégré », « le micro coupé »: the noun (a microphone) and its participle, not the
# prefix of « micro-ondes » or « micro-entreprise », whose second word is a noun.
_MICRO_NOUN = regexes.compile(r"micros?\s+\p{Ll}+(?:é|ée|és|ées)$", regex.IGNORECASE)
_MICRO_DETERMINER = regexes.compile(
    r"\b(?:un|le|du|au|son|ce|leur|mon|ton|notre|votre|les|des|ses|ces|leurs|aux|d['’]un|l['’]un)\s+$",
    regex.IGNORECASE,
)
# « mai avait enregistré 4 milliards »: the month as subject of a verb, not « mais ».
_VERB_AFTER_MONTH = regexes.compile(
    r"\s+(?:a|avait|aura|est|était|sera|fut|reste|restera|marque|marquait|voit|verra|s['’]annonce|s['’]est|s['’]était)\b"
)
# « Beyoncé s'est vu décerner un prix »: « se voir » takes an infinitive (the prize was given
# to her), which LT reads as « s'est vu décerné ».
_SE_VOIR_BEFORE = regexes.compile(
    r"\b(?:s['’](?:est|était|étaient|sera)|se\s+sont|se\s+voit|se\s+voient)\s+vu(?:e|s|es)?\s+$",
    regex.IGNORECASE,
)
_SE_VOIR_CONJUGATED_BEFORE = regexes.compile(
    r"\b(?:se|s['’]|me|m['’]|te|t['’]|nous|vous)\s*(?:voi[st]|voient|voyons|voyez|voyait|voyaient|verra|verront"
    r"|verrait|verraient|voir|voyant|vit|virent)\s+$",
    regex.IGNORECASE,
)
_PARTICIPLE_IN_E = regexes.compile(r"\p{Ll}+é(?:e|s|es)?")
_CAPITALISED_WORD_JUST_BEFORE = regexes.compile(r"\p{Lu}[\p{L}\p{M}'’-]*\s+$")
_PRONOUN_OR_PREPOSITION_JUST_BEFORE = regexes.compile(
    r"\b(?:il|elle|on|qui|ce|cela|ça|ils|elles|en|de|dans|par|pour|sur|vers|avec|sans|chez|à)\s+$",
    regex.IGNORECASE,
)
_TIME_NOUNS = (
    r"semaine|mois|année|an|jour|soir|matin|nuit|veille|lendemain|week-end|saison|lundi|mardi|mercredi"
    r"|jeudi|vendredi|samedi|dimanche|premier|première|dernier|dernière|même|fois"
)
_NOUN_GROUP_AFTER_PARTICIPLE = regexes.compile(
    rf"\s+(?:la|le|les|l['’]|un|une)\s*(?!\d|(?:{_TIME_NOUNS})\b)\p{{L}}", regex.IGNORECASE
)
_COPULAR_PARTICIPLE = regexes.compile(r"(?:devenu|redevenu|resté|demeuré|apparu|tombé|passé)(?:e|s|es)?")
_PLAIN_PARTICIPLE = regexes.compile(r"\p{Ll}+(?:é|i|u|is|it|ert|aint|eint|oint)")
_VERB_NOUN_COMPOUND = regexes.compile(
    r"\b(?:vide|porte|garde|casse|presse|lave|sèche|coupe|pare|tire|ouvre|essuie|chauffe|compte|"
    r"brise|couvre|grille|attrape|gratte|perce|serre)-\p{L}+s\b",
    regex.IGNORECASE,
)
_COURSE_JUST_BEFORE = regexes.compile(r"\bcourses?\s+$", regex.IGNORECASE)
_REFLEXIVE_JUST_BEFORE = regexes.compile(r"\b(?:se|me|te|nous|vous|s['’]|m['’]|t['’])\s*$", regex.IGNORECASE)
_NOUN_AFTER_APRES = regexes.compile(
    r"\s+(?!(?:il|elle|on|ils|elles|je|tu|nous|vous|ce|ça|cela|quoi|tout)\b)\p{Ll}", regex.IGNORECASE
)
_VACANCY_BEFORE = regexes.compile(r"\b(?:taux|indice|niveau|situation|période)\s+de\s+$", regex.IGNORECASE)
_VACANCY_AFTER = regexes.compile(
    r"\s+(?:des|du|de\s+la|de|d['’]|locative|commerciale|structurelle|frictionnelle|[‘'«\"]\s*frictionnel)\b",
    regex.IGNORECASE,
)
_ELIDING_ORDINAL = regexes.compile(r"[lLdD]['’]\s*n?ième\b|[lLdD]['’]\s*énième\b")
_ROCK_N_ROLL = regexes.compile(r"\bn['’]\s*roll\b", regex.IGNORECASE)
_NOUN_GROUP_AFTER_A = regexes.compile(
    r"\s*(?:l['’]|la\s|le\s|les\s|un\s|une\s|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche"
    r"|janvier|février|mars|avril|juin|juillet|août|septembre|octobre|novembre|décembre|pas\s+de\b|\d)",
    regex.IGNORECASE,
)
# « Lorsqu'on est sur des cas graves », « s'appuiera sur quelques-uns »: the preposition before a
# determiner, never « sûr » (« sûr de », « sûr que », and so not « du »: « sûr du résultat »);
# « quelle serait la meilleure organisation »: the subject after the verb.
_DETERMINER_AFTER = regexes.compile(
    r"\s+(?:des|les|le|la|l['’]|un|une|ce|cet|cette|ces|son|sa|ses|leur|leurs|quelques|plusieurs|chaque)\b",
    regex.IGNORECASE,
)
# « le nord-est et l'est du pays »: the noun (the east) after its elided article, not the verb
# (« elle l'est devenue », where a subject stands before the pronoun « l' »).
_EAST_ARTICLE_BEFORE = regexes.compile(
    r"(?<!\b(?:il|elle|on|ils|elles|ce|qui|ne|n['’]|je|j['’]|tu|nous|vous)\s)\b[Ll]['’]$", regex.IGNORECASE
)
_EAST_COMPLEMENT_AFTER = regexes.compile(r"\s+(?:du|de|des|d['’])", regex.IGNORECASE)
# « Ce n'est pas rien »: a set phrase (it matters), not a double negation.
_PAS_RIEN = regexes.compile(
    r"\b(?:ce|ça|cela)\s+(?:n['’]est|n['’]était|ne\s+sera|ne\s+serait|n['’]a\s+été)\s+$",
    regex.IGNORECASE,
)
# « sept ou huit personnes », « le soir ou la nuit »: « ou » joining two numbers or two noun
# groups, not « où », which a clause follows (« des cellules où on dort »).
_COORDINATED_AFTER = regexes.compile(
    rf"\s+(?:le|la|les|l['’]|un|une|des|du|\d|(?:{_NUMBER_WORDS})\b)", regex.IGNORECASE
)
# « avec par exemple 106 000 téléspectateurs »: « par exemple » is an adverb, not a second
# preposition after « avec ».
_EXEMPLE_AFTER = regexes.compile(r"\s*exemple\b", regex.IGNORECASE)
# « l'hôtel affiche complet »: « afficher complet » takes the adjective invariably.
_AFFICHER_BEFORE = regexes.compile(r"\baffich\p{L}*\s+$", regex.IGNORECASE)
# « tirs de loin, contres, rebonds »: the plural noun (blocks) in a list, not the preposition
# misspelt « contres les vents », which a determiner follows.
_LIST_AFTER = regexes.compile(r"\s*(?:[,;.)]|et\b)")
# « Lai Ching-te a promis »: the end of a hyphenated name, not an elided « te ».
_HYPHEN_JUST_BEFORE = regexes.compile(r"\p{L}-$")
# « le déclin du français », « traduit en anglais »: a language, which takes no capital.
_LANGUAGE_ARTICLE_BEFORE = regexes.compile(r"(?:\b(?:du|le|en|au)\s+|\b[Ll]['’])$", regex.IGNORECASE)
# « La fermeture est mal vécue par les salariés »: « vivre » takes an object (« vivre une
# épreuve »), so its passive is French. LT lists « vécu » with the verbs that never take être,
# for « il est vécu à Paris »; an agent, an attribute or a manner adverb marks the passive.
_VECU = regexes.compile(
    r"\s+(?:(?:\p{Ll}+ment|mal|bien|très|si|aussi|plutôt|souvent|encore|toujours)\s+){0,3}vécu(?:e|s|es)?\b"
)
_PASSIVE_MARK = regexes.compile(r"\b(?:comme|par)\b")
_PASSIVE_ADVERB = regexes.compile(
    r"\s+(?:\p{Ll}+ment|mal|bien|très\s+mal|très\s+bien|si\s+mal|plutôt\s+mal)\s"
)
# « la une du quotidien », « sa une sur le scandale »: the front page of a newspaper, a noun,
# not the article « une » after the adverb « là ».
_FRONT_PAGE = regexes.compile(
    r"(?:la|sa|leur|cette|notre|votre)\s+une\s+(?:de|du|des|d['’]|sur|consacrée?s?)\b", regex.IGNORECASE
)
# « Sa baisse de popularité inquiète », « Sa passe pour Mbappé a tout changé »: « sa » and a
# noun that is also a verb (baisse, passe, marche…), subject of a verb further on. LT reads
# « ça baisse »; a copula or an auxiliary later in the same clause shows the noun phrase is a
# subject. « Sa fait trois ans que… », « que sa dure » have none: kept.
_POSSESSIVE_NOUN = regexes.compile(r"sa\s+\p{Ll}+e\s+", regex.IGNORECASE)
_CLAUSE_VERB = regexes.compile(
    r"\b(?:a|ont|est|sont|était|avait|sera|aura|semble|reste|paraît|devient|lui\s+a|leur\s+a)\b"
)
_CLAUSE_BREAK = regexes.compile(r"[,;:.!?]|\b(?:que|qu['’]|qui|quand|lorsque|si|car|mais|et)\b")
# « Le mot d'ordre est courage »: a noun subject and a bare noun as its attribute. LT's rule
# is for « il est peur » (for « il a peur »), where the subject is a pronoun.
_PRONOUN_BEFORE = regexes.compile(
    r"\b(?:je|j['’]|tu|il|elle|on|nous|vous|ils|elles|c['’]|ce|ça|cela|qui|que|qu['’])\s*$", regex.IGNORECASE
)
_BARE_NOUN_AFTER = regexes.compile(
    r"\s+(?:faim|peur|confiance|pitié|scrupules?|courage|foi|obligation|intérêt|recours|honte|sommeil|tort|horreur|soif)\b"
)
# Adjectives French usage leaves invariable after a plural noun (« des boutiques chic », « des
# repas bon marché »); LT's dictionary gives them a plural.
_INVARIABLE_ADJECTIVES = _words("chic standard kitsch sexy zen cash pop rock punk vintage design glamour")
# « se féliciter de » (to welcome) is French: LT's rule is about « remercier pour / de ».
_REFLEXIVE_FELICITER = regexes.compile(r"\bf[ée]licit\p{L}*\s*d", regex.IGNORECASE)
_REFLEXIVE_BEFORE = regexes.compile(
    r"\b(?:se|s['’]|me|m['’]|te|t['’]|nous|vous)\s*(?:(?:est|sont|était|étaient|sera|seront|a|ont)\s+)?"
    r"(?:\p{L}+\s+){0,3}$",
    regex.IGNORECASE,
)
# « SNCF Voyageurs prévoit », « Centrales Villageoises est en discussion »: a name of several
# capitalised words is one company or body, whatever its last word's number.
_NAME_SUBJECT_BEFORE = regexes.compile(
    r"(?<![\p{L}\p{M}])(?!(?:Les|Des|Ces|Nos|Vos|Leurs|Ses|Mes|Plusieurs|Certains|Certaines)\b)"
    r"\p{Lu}[\p{L}\p{M}-]*(?:\s+\p{Lu}[\p{L}\p{M}-]*){1,3}\s+$"
)
# « de 100 début juillet à 140 début août »: « début », « fin », « mi » open a date after a number.
_DATE_NOUN = regexes.compile(r"(?:début|fin|mi|courant|mi-\p{L}+)", regex.IGNORECASE)
# « un budget pour 2026 examiné lundi »: a year, not a count the participle should agree with.
_YEAR_JUST_BEFORE = regexes.compile(r"\b(?:1[89]|20)\d\d\s+$")
# « 5 contres en 34 minutes », « les contres de Wembanyama »: the noun (a block), not the
# preposition « contre », after a number or a determiner.
_COUNT_OR_DETERMINER_BEFORE = regexes.compile(
    rf"(?:\d|\b(?:{_NUMBER_WORDS}|les|des|ses|leurs|ces|nos|vos|aux|plusieurs|quelques|nombreux))\s+$",
    regex.IGNORECASE,
)
# « le reste à charge des patients »: the noun phrase, not « à » before a conjugated verb.
_RESTE_A_BEFORE = regexes.compile(r"\breste\s+à\s+$", regex.IGNORECASE)
_COLOURS = (
    "blanc|blanche|noir|noire|rouge|bleu|vert|verte|jaune|rose|gris|grise|orange|marron|violet|violette|"
    "or|argent|bordeaux|kaki|beige|turquoise|grenat|ocre|sang"
)
# « des écharpes rouge et blanc »: two colours describing each thing stay in the singular.
_COLOUR_PAIR = regexes.compile(rf"(?:{_COLOURS})\s+et\s+(?:{_COLOURS})\b", regex.IGNORECASE)
_COLOUR_PAIR_END = regexes.compile(rf"(?:{_COLOURS})\s+et\s+$", regex.IGNORECASE)
# A capitalised word mid-sentence: a name, whose gender and number the dictionary cannot know.
_NAME_AT_END = regexes.compile(r"\s\p{Lu}\p{Ll}[\p{L}-]*$")
_MISE_A_BEFORE = regexes.compile(r"\bmises?\s+à\s+$", regex.IGNORECASE)
# Nouns of persons that take either gender with the same form (« la poète », « une témoin »,
# the ranks of the army and the gendarmerie: « la lieutenant Aline Dard »), which LanguageTool's
# dictionary lists as masculine only.
_EPICENE_AFTER_FEMININE = regexes.compile(
    r"(?:la|une|cette|sa|ma|ta|leur|notre|votre)\s+(?:poète|témoin|lieutenant|capitaine|commandant|colonel"
    r"|général|adjudant|sergent|brigadier|major|caporal|chef)",
    regex.IGNORECASE,
)
# « les jeudi 17 et vendredi 18 février »: days named each with a date.
_PLURAL_WEEKDAY = regexes.compile(
    r"(?:les|des|ces)\s+(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)", regex.IGNORECASE
)
_DAY_NUMBER_AFTER = regexes.compile(r"\s+(?:1er|[1-9]|[12]\d|3[01])\b")
CLAUSE_WINDOW = 300  # characters looked at before a finding
_CLAUSE_START = regexes.compile(r"[.!?;:\n«»“”]")


def grammar_lookalike(rule_id: str, text: str, start: int, end: int) -> bool:
    """Whether an LT grammar finding on text[start:end] is a construction its rules misread."""
    before = text[_clause_start(text, start) : start]
    return any(misread(before, text, start, end) for misread in _LOOKALIKES.get(rule_id, ()))


def _invariable_participle(before: str, text: str, start: int, end: int) -> bool:
    participle = text[start:end]
    if _NEVER_AGREE.fullmatch(participle):
        return True
    antecedent = before[: max((q.start() for q in _QUE.finditer(before)), default=0)]
    if _MEASURE_VERBS.fullmatch(participle) and _QUANTITY.search(antecedent):
        return True
    if participle.lower() == "eu" and _IL_Y_A.search(before):
        return True  # « les pluies qu'il y a eu »: « il y a » is impersonal
    return participle.lower() == "fait" and _IMPERSONAL_FAIRE.search(before) is not None


def _auxiliary_before_participle(before: str, text: str, start: int, end: int) -> bool:
    return (
        text[start:end] == "a"
        and _A_BEFORE_AGREEING_PARTICIPLE.search(before) is not None
        and _AGREEING_PARTICIPLE.match(text, end) is not None
    )


def _verb_before_number(before: str, text: str, start: int, end: int) -> bool:
    return _NUMBER_AFTER.match(text, end) is not None


def _future_in_the_past(before: str, text: str, start: int, end: int) -> bool:
    return _PAST_THEN_QUE.search(before) is not None


def _amounts(before: str, text: str, start: int, end: int) -> bool:
    """« Les sommes dues »: after a determiner, « sommes » is the noun (amounts), not « être »."""
    return text[start:end].lower().endswith(" sommes")


def _summer(before: str, text: str, start: int, end: int) -> bool:
    """« cet été a provoqué »: after a determiner « été » is the season, and « a » its verb."""
    return _SUMMER_BEFORE.search(before) is not None


def _years_without_parole(before: str, text: str, start: int, end: int) -> bool:
    """« cinq ans, dont quatre ferme »: « ferme » after a number is the sentence's firm part, an
    adverb, not the noun « une ferme »."""
    return _FIRM_SENTENCE.fullmatch(text[start:end]) is not None and _DONT.search(before) is not None


def _compass_in_a_name(before: str, text: str, start: int, end: int) -> bool:
    """« la Montérégie-Est invite »: « -Est » ends a place name, it is not the verb « être »."""
    return _NAME_ENDS_IN_EST.search(before) is not None


def _wrong_apostrophe(before: str, text: str, start: int, end: int) -> bool:
    """« s´est »: LT glues the letter to the word before (« joueurs ») where the mistake is the
    character standing for the apostrophe, which typo.apostrophe-wrong-character replaces."""
    return bool(_WRONG_APOSTROPHES & set(text[start : end + 1]))


def _first_group_with_avoir(before: str, text: str, start: int, end: int) -> bool:
    """« Les prix ont grimpé. »: a verb in -er takes avoir, object or not, but for the few that
    take être (aller, arriver, entrer, rester, tomber…), which keep the finding."""
    found = _AVOIR_PARTICIPLE.fullmatch(text[start:end])
    return found is not None and found.group(1).lower() not in _ETRE_VERBS_IN_ER


def _pronominal_without_object(before: str, text: str, start: int, end: int) -> bool:
    """« les chercheurs se sont demandé si »: « se » is no direct object, the participle stays
    invariable, where LT wants it to agree with the subject. A « que » before may be the
    object (« la liberté qu'elle s'est permise »), so the finding stands then."""
    participle = text[start:end]
    if participle.lower() == "rendu":
        return _REFLEXIVE_ETRE.search(before) is not None and _COMPTE_AFTER.match(text, end) is not None
    return (
        _INDIRECT_PRONOMINAL.fullmatch(participle) is not None
        and _REFLEXIVE_ETRE.search(before) is not None
        and _QUE.search(before) is None
    )


def _collective_subject(before: str, text: str, start: int, end: int) -> bool:
    subject = _COLLECTIVE_SUBJECT.search(before)
    if subject is None:
        return False
    verb = (text[start:end].split(maxsplit=1) or [""])[0]
    return subject.group("noun").lower() != "plupart" or _PLURAL_VERB.fullmatch(verb) is not None


def _inverted_subject(before: str, text: str, start: int, end: int) -> bool:
    return _FRONTED_COMPLEMENT.search(before) is not None


def _nominal_participle_subject(before: str, text: str, start: int, end: int) -> bool:
    """« Le mis en cause a été placé en garde à vue »: « le mis en cause », « la mise en
    examen » name a person; the participle agrees with it, not with « cause »."""
    return _NOMINAL_PARTICIPLE.search(before) is not None


def _inverted_after_quel(before: str, text: str, start: int, end: int) -> bool:
    """« pour voir quelle serait la meilleure organisation »: after « quel », the subject
    follows the verb."""
    return _QUEL_JUST_BEFORE.search(before) is not None and _DETERMINER_AFTER.match(text, end) is not None


def _after_des_plus(before: str, text: str, start: int, end: int) -> bool:
    return _DES_PLUS.search(before) is not None and text[start:end][-1:] in ("s", "x")


def _acronym_as_auxiliary(before: str, text: str, start: int, end: int) -> bool:
    """« Mistral AI demeure », « Mistral.ai arrive »: the end of a name, not the auxiliary « ai »
    (looked for in the text: the clause before stops at the dot of « Mistral.ai »)."""
    return _ACRONYM_BEFORE.search(text, max(0, start - 40), start) is not None


def _either_mood(before: str, text: str, start: int, end: int) -> bool:
    return _EITHER_MOOD.search(before) is not None


def _participle_after_tres(before: str, text: str, start: int, end: int) -> bool:
    """« un compte très suivi »: « très » stands before a participle, as it may."""
    word = text[start:end]
    if word.lower() == "très":
        following = _TRES_NEXT.match(text, end)
        word = following.group(1) if following else ""
    return word not in _NOUNS_AFTER_TRES and _PARTICIPLE_SHAPE.fullmatch(word) is not None


def _team_by_number(before: str, text: str, start: int, end: int) -> bool:
    team = _TEAM_NUMBER.match(text, start)
    return (
        team is not None
        and _SINGULAR_DETERMINER.search(before) is not None
        and team.group(1)[-1:].lower() not in ("s", "x")
    )


def _also_incise(before: str, text: str, start: int, end: int) -> bool:
    return _ALSO_INCISE.match(text[start:end]) is not None


def _mais_without_clause(before: str, text: str, start: int, end: int) -> bool:
    return _MAIS_CAR.fullmatch(text[start:end]) is not None and _SUBJECT_AFTER.match(text, end) is None


def _voire(before: str, text: str, start: int, end: int) -> bool:
    return _VOIRE.fullmatch(text[start:end]) is not None


def _saying_verb_before_its_subject(before: str, text: str, start: int, end: int) -> bool:
    """« Des formations sont envisagées confirme le syndicat »: the clause before has its own
    verb (or is a quotation, or the verb follows a comma: « Les légumiers expriment leur
    désarroi, souligne la FNPL »), so the verb of saying is an incise with its subject after
    it; « Les chiffres confirme la tendance » has none and keeps the finding."""
    saying = _SAYING_VERB.fullmatch(text[start:end].strip()) is not None
    after_quotation = text[max(0, start - 3) : start].rstrip().endswith(("»", '"', "”", ","))
    clause_before = _FINITE_VERB.search(before) is not None or after_quotation
    return saying and clause_before and _SUBJECT_AFTER.match(text, end) is not None


def _prepositions_french_pairs(before: str, text: str, start: int, end: int) -> bool:
    pair = text[start:end]
    if _AU_LAST.fullmatch(pair) is not None and _ADVERB_NEXT.match(text, end) is not None:
        return True
    return _ADVERBIAL_PREPOSITION_FIRST.fullmatch(pair) is not None


def _article_after_a_preposition(before: str, text: str, start: int, end: int) -> bool:
    return _PLACE_PREPOSITION_BEFORE.search(before) is not None


def _article_after_a_locution(before: str, text: str, start: int, end: int) -> bool:
    return _DE_LOCUTION_BEFORE.search(before) is not None


def _article_of_a_measure(before: str, text: str, start: int, end: int) -> bool:
    return _MEASURE_NOUN_JUST_BEFORE.search(before) is not None


def _mass_noun_after_an_amount(before: str, text: str, start: int, end: int) -> bool:
    return text[start:end].lower() in _MASS_NOUNS and _AMOUNT_OF_BEFORE.search(before) is not None


def _unit_symbol_before_a(before: str, text: str, start: int, end: int) -> bool:
    return (
        _UNIT_SYMBOL.fullmatch(text[start:end]) is not None and _NUMBER_JUST_BEFORE.search(before) is not None
    )


def _english_loan_with_h(before: str, text: str, start: int, end: int) -> bool:
    """« la hype », « le hub », « le hacker »: an English loan keeps its « h » sounded, which
    French treats as aspirated (no elision)."""
    words = text[start:end].split()
    return len(words) == 2 and words[1].lower() in _H_LOANS


def _infinitive_after_denying(before: str, text: str, start: int, end: int) -> bool:
    """« Bamako ne nie pas travailler avec des instructeurs »: the infinitive of a verb of
    saying or thinking, negated or not, is no participle."""
    return text[start:end].endswith("er") and _SAYING_THEN_NEGATION.search(before) is not None


def _adjective_participle_after_determiner(before: str, text: str, start: int, end: int) -> bool:
    """« le présumé meurtrier », « un prétendu expert »: a participle used as an adjective
    before its noun, just after the determiner, is no infinitive."""
    adjective = text[start:end].lower() in _PREFIXED_PARTICIPLES
    return adjective and _DETERMINER_JUST_BEFORE.search(before) is not None


def _infinitive_after_saying(before: str, text: str, start: int, end: int) -> bool:
    infinitive = _INFINITIVE.fullmatch(text[start:end]) is not None
    return infinitive and _SAYING_OR_THINKING_JUST_BEFORE.search(before) is not None


def _count_then_limit(before: str, text: str, start: int, end: int) -> bool:
    """« 420 tués maximum »: the finding's noun and « maximum » after a number."""
    return _COUNT_THEN_LIMIT.search(text, max(0, start - 20), end) is not None


def _participle_after_a_count(before: str, text: str, start: int, end: int) -> bool:
    return _COUNT_NOUN_JUST_BEFORE.search(before) is not None


def _indirect_object_before_etre(before: str, text: str, start: int, end: int) -> bool:
    return _INDIRECT_OBJECT_THEN_ETRE.search(before) is not None


def _avoir_after_its_subject(before: str, text: str, start: int, end: int) -> bool:
    if text[start:end].lower() != "a":
        return False
    if _LIEU_AFTER.match(text, end):
        return True
    return _SUBJECT_JUST_BEFORE.search(before) is not None and not _INFINITIVE_AFTER.match(text, end)


def _season(before: str, text: str, start: int, end: int) -> bool:
    return text[start:end].lower() == "été" and _SEASON_BEFORE.search(before) is not None


def _present_verb(before: str, text: str, start: int, end: int) -> bool:
    verb = _PRESENT_VERB.fullmatch(text[start:end]) is not None
    return verb and _VERB_COMPLEMENT_AFTER.match(text, end) is not None


def _gross_or_net(before: str, text: str, start: int, end: int) -> bool:
    adverb = _GROSS_OR_NET.fullmatch(text[start:end]) is not None
    return adverb and _AMOUNT_JUST_BEFORE.search(before) is not None


def _acronym_before_a_vowel(before: str, text: str, start: int, end: int) -> bool:
    return _ACRONYM_FIRST.match(text, start) is not None


def _compass_in_a_lower_case_name(before: str, text: str, start: int, end: int) -> bool:
    return _NAME_ENDS_IN_LOWER_EST.search(before) is not None


def _voted_against(before: str, text: str, start: int, end: int) -> bool:
    """« Sept élus ont voté contre »: « contre » after « voter » or « être » is an adverb."""
    return text[start:end].lower() == "contre" and _VOTE_OR_ETRE_BEFORE.search(before) is not None


def _firm_prison_term(before: str, text: str, start: int, end: int) -> bool:
    """« Deux ans de prison ferme »: the adverb of a sentence, not the verb « fermer »."""
    return text[start:end].lower() == "ferme" and _PRISON_BEFORE.search(before) is not None


def _day_of_the_year(before: str, text: str, start: int, end: int) -> bool:
    """« pas un jour de l'année sans… », « le jour de l'année où… »: any day of the year, not New
    Year's Day (« le jour de l'année a été fêté » keeps the finding)."""
    if _DAY_OF_THE_YEAR.fullmatch(text[start:end]) is None:
        return False
    return _ANY_DAY_BEFORE.search(before) is not None or _RELATIVE_AFTER.match(text, end) is not None


def _letter_as_a_name(before: str, text: str, start: int, end: int) -> bool:
    """« le tram C est coupé », « le système D en attendant »: a capital letter after a noun
    names a line, a plan or a category; it is not « m' » misspelt."""
    return _LETTER_NAME.match(text, start) is not None and _LOWER_WORD_JUST_BEFORE.search(before) is not None


def _rugby_position(before: str, text: str, start: int, end: int) -> bool:
    """« son 2e ligne international »: a player named by his row, a masculine noun."""
    return _ROW_BEFORE.search(before) is not None


def _word_of_a_name(before: str, text: str, start: int, end: int) -> bool:
    """« récompensé par le Prix découverte », « des aménagements avenue du Prince de Liège »:
    the word is part of a prize's or a street's name, which agrees with nothing."""
    if _PRIZE_JUST_BEFORE.search(before) is not None:
        return True
    street = text[start:end].lower() in _STREET_NOUNS
    return street and _NAME_JUST_AFTER.match(text, end) is not None


def _floor_or_ceiling(before: str, text: str, start: int, end: int) -> bool:
    """« son prix plancher reculer », « le taux plafond »: the noun qualifies the one before
    it, no verb « plancher » whose subject would be the price."""
    qualifier = text[start:end].lower() in ("plancher", "planchers", "plafond", "plafonds")
    return qualifier and _AMOUNT_NOUN_JUST_BEFORE.search(before) is not None


def _print_press(before: str, text: str, start: int, end: int) -> bool:
    """« défendre la presse papier »: the press printed on paper, not « le presse-papier »."""
    return _FEMININE_ARTICLE_JUST_BEFORE.search(before) is not None


def _name_as_subject(before: str, text: str, start: int, end: int) -> bool:
    return _NAME_SUBJECT_BEFORE.search(before) is not None


def _se_feliciter(before: str, text: str, start: int, end: int) -> bool:
    reflexive = _REFLEXIVE_BEFORE.search(before) is not None
    return reflexive and _REFLEXIVE_FELICITER.match(text, start) is not None


def _date_after_a_number(before: str, text: str, start: int, end: int) -> bool:
    return _DATE_NOUN.fullmatch(text[start:end]) is not None


def _rank(before: str, text: str, start: int, end: int) -> bool:
    return _RANK_BEFORE.search(text, max(0, start - 20), start) is not None


def _number_after_numero(before: str, text: str, start: int, end: int) -> bool:
    return _NUMERO_JUST_BEFORE.search(text, max(0, start - 12), start) is not None


def _il_y_a_ago(before: str, text: str, start: int, end: int) -> bool:
    return _IL_Y_A_AGO.match(text, start) is not None


def _micro_noun(before: str, text: str, start: int, end: int) -> bool:
    return _MICRO_NOUN.fullmatch(text[start:end]) is not None and _MICRO_DETERMINER.search(before) is not None


def _month_as_subject(before: str, text: str, start: int, end: int) -> bool:
    return text[start:end].lower() == "mai" and _VERB_AFTER_MONTH.match(text, end) is not None


def _infinitive_after_se_voir(before: str, text: str, start: int, end: int) -> bool:
    return text[start:end].endswith("er") and _SE_VOIR_BEFORE.search(before) is not None


def _after_se_voir(before: str, text: str, start: int, end: int) -> bool:
    """« Les salariés se voient proposer un poste », « quatre restaurants se voient récompensés » :
    « se voir » takes an infinitive (what is done to the subject) or a participle (the state it
    ends in); either form is right."""
    word = text[start:end].lower()
    verbal = word.endswith("er") or _PARTICIPLE_IN_E.fullmatch(word) is not None
    return verbal and _SE_VOIR_CONJUGATED_BEFORE.search(before) is not None


def _legal_form_sa(before: str, text: str, start: int, end: int) -> bool:
    """« Air Sénégal Sa », « Nestlé SA » : the company's legal form after its name, not « ça »."""
    return text[start:end] in ("Sa", "SA") and _CAPITALISED_WORD_JUST_BEFORE.search(before) is not None


def _preposition_before_a_noun_group(before: str, text: str, start: int, end: int) -> bool:
    """« les parties du corps à l'air », « du lundi à mercredi », « avance à pas de géante » : « à »
    before a determiner, a day, a month or « pas de » is the preposition, unless a subject
    pronoun stands just before it (« il à la charge » is « a ») or another preposition (a doubled
    preposition is a slip LanguageTool should report)."""
    # The finding may hold the words after « à » too (« à jeudi inclus »).
    if text[start : start + 1].lower() != "à" or _PRONOUN_OR_PREPOSITION_JUST_BEFORE.search(before):
        return False
    return (end == start + 1 or text[start + 1].isspace()) and _NOUN_GROUP_AFTER_A.match(
        text, start + 1
    ) is not None


def _vacancy(before: str, text: str, start: int, end: int) -> bool:
    """« le taux de vacance », « la vacance des logements », « la vacance du pouvoir » : the
    noun (vacancy), singular on purpose, not the holidays."""
    return _VACANCY_BEFORE.search(before) is not None or _VACANCY_AFTER.match(text, end) is not None


def _punctuation_inside_a_word(before: str, text: str, start: int, end: int) -> bool:
    """« n?étaient », « man?uvre » : a question mark between two letters is a character lost to
    the encoding (enc.apostrophe-question-mark reports the apostrophes), not a sentence end."""
    mark = text.find("?", start, end)
    return 0 < mark < len(text) - 1 and text[mark - 1].isalpha() and text[mark + 1].isalpha()


def _eliding_ordinal(before: str, text: str, start: int, end: int) -> bool:
    """« l'énième », « rock n' roll » : « énième » elides its article (unlike « le onzième »), and
    « n' » in « rock n' roll » is English."""
    return (
        _ELIDING_ORDINAL.match(text, start) is not None
        or _ROCK_N_ROLL.search(text, max(0, start - 6), end + 6) is not None
    )


def _slash_joined(before: str, text: str, start: int, end: int) -> bool:
    """« le collectif parents/enseignants » : nouns joined by a slash name one thing together;
    neither is an adjective to agree."""
    return (start > 0 and text[start - 1] == "/") or (end < len(text) and text[end] == "/")


def _no_participle(before: str, text: str, start: int, end: int) -> bool:
    """« Si tu es arbitre », « il veut être arbitre » : `AUX_AVOIR` asks « avoir » before a past
    participle; a word not shaped like one (a noun, an attribute) needs no auxiliary."""
    words = text[start:end].split()
    return bool(words) and _PARTICIPLE_SHAPE.fullmatch(words[-1]) is None


def _inverted_subject_after(before: str, text: str, start: int, end: int) -> bool:
    """« Ce dimanche a été inaugurée la fête foraine » : after « être », a determiner and a noun
    just after the participle are its subject, put after it. A date or a time after it is no
    subject (« a été inauguré le 3 mars »), nor the attribute of « devenir », « rester »… (« la
    vie est devenu un calvaire » stays reported)."""
    if _COPULAR_PARTICIPLE.fullmatch(text[start:end]):
        return False
    return _NOUN_GROUP_AFTER_PARTICIPLE.match(text, end) is not None


def _object_after_participle(before: str, text: str, start: int, end: int) -> bool:
    """« c'est là que Quantic Dream a annoncé l'arrivée de… » : a participle in its plain form
    followed by a determiner and a noun has its direct object after it, and agrees with nothing
    before it. An agreed form there (« une agression qui a laissés les victimes ») is the
    mistake LanguageTool reports, and stays."""
    return _PLAIN_PARTICIPLE.fullmatch(text[start:end]) is not None and _inverted_subject_after(
        before, text, start, end
    )


def _verb_noun_compound(before: str, text: str, start: int, end: int) -> bool:
    """« au vide-greniers », « un porte-avions » : a compound of a verb and a noun keeps the noun's
    plural in the singular; the determiner agrees with the compound."""
    return _VERB_NOUN_COMPOUND.search(text, start, end) is not None


def _race_against_time(before: str, text: str, start: int, end: int) -> bool:
    """« une course contre la montre » (a race against time) is written without hyphens; the
    noun « un contre-la-montre » is the cycling time trial."""
    return _COURSE_JUST_BEFORE.search(text, max(0, start - 12), start) is not None


def _recall_of_products(before: str, text: str, start: int, end: int) -> bool:
    """« rappeler 2,5 millions de téléphones » : `RAPPELER_DE` is about « se rappeler de » ; without
    a reflexive pronoun, « rappeler » is to call back or recall products."""
    return _REFLEXIVE_JUST_BEFORE.search(before) is None


def _then_after_a_noun(before: str, text: str, start: int, end: int) -> bool:
    """« puis, après fouille, le reste… » : « après » is the preposition of the noun that follows,
    not the « puis après » LanguageTool calls redundant."""
    return _NOUN_AFTER_APRES.match(text, end) is not None


def _name_with_digits(before: str, text: str, start: int, end: int) -> bool:
    """« Alex2c », « Q2 » : a capitalised word holding digits is a name or a code."""
    return text[start : start + 1].isupper()


def _preposition_sur(before: str, text: str, start: int, end: int) -> bool:
    return text[start:end].lower() == "sur" and _DETERMINER_AFTER.match(text, end) is not None


def _east_noun(before: str, text: str, start: int, end: int) -> bool:
    return (
        text[start:end].lower() == "est"
        and _EAST_ARTICLE_BEFORE.search(text, max(0, start - 30), start) is not None
        and _EAST_COMPLEMENT_AFTER.match(text, end) is not None
    )


def _ou_joining_groups(before: str, text: str, start: int, end: int) -> bool:
    return text[start:end].lower() == "ou" and _COORDINATED_AFTER.match(text, end) is not None


def _not_nothing(before: str, text: str, start: int, end: int) -> bool:
    return " ".join(text[start:end].lower().split()) == "pas rien" and _PAS_RIEN.search(before) is not None


def _infinitive_after_motion(before: str, text: str, start: int, end: int) -> bool:
    return _MOTION_INFINITIVE.match(text, start) is not None


def _par_exemple(before: str, text: str, start: int, end: int) -> bool:
    return text[start:end].lower().endswith(" par") and _EXEMPLE_AFTER.match(text, end) is not None


def _avec_pour(before: str, text: str, start: int, end: int) -> bool:
    """« avec pour seuls instruments deux guitares », « avec pour objectif de »: French."""
    return " ".join(text[start:end].lower().split()) == "avec pour"


def _afficher_complet(before: str, text: str, start: int, end: int) -> bool:
    return text[start:end].lower() == "complet" and _AFFICHER_BEFORE.search(before) is not None


def _blocks_in_a_list(before: str, text: str, start: int, end: int) -> bool:
    return text[start:end].lower() == "contres" and _LIST_AFTER.match(text, end) is not None


def _end_of_hyphenated_name(before: str, text: str, start: int, end: int) -> bool:
    return _HYPHEN_JUST_BEFORE.search(before) is not None


def _language_name(before: str, text: str, start: int, end: int) -> bool:
    return text[start:end].islower() and _LANGUAGE_ARTICLE_BEFORE.search(before) is not None


def _complement_after_a_joint(before: str, text: str, start: int, end: int) -> bool:
    name = _NAME_JUST_BEFORE.search(before)
    if name and not _PLACE_PREPOSITION_JUST_BEFORE.search(before, 0, name.start()):
        return False  # « Amazon il devient »: the pronoun repeats the name; « à Chamrousse on »: a place
    joints = [joint.group() for joint in _JOINT.finditer(before)]
    return not joints or joints[-1] != ","


def _update(before: str, text: str, start: int, end: int) -> bool:
    """« la pire mise à jour de l'année »: « jour » belongs to « mise à jour »."""
    return _MISE_A_BEFORE.search(before) is not None


def _passive_of_vivre(before: str, text: str, start: int, end: int) -> bool:
    """« est mal vécue », « sont vécus comme une humiliation »: the passive of « vivre ». « Il est
    vécu à Paris » (for « il a vécu ») has no agent, attribute nor manner adverb: kept."""
    participle = _VECU.match(text, end)
    if participle is None:
        return False
    rest = text[participle.end() : participle.end() + CLAUSE_WINDOW]
    rest = rest[: next((found.start() for found in _CLAUSE_START.finditer(rest)), len(rest))]
    return _PASSIVE_ADVERB.match(text, end) is not None or _PASSIVE_MARK.search(rest) is not None


def _front_page(before: str, text: str, start: int, end: int) -> bool:
    return _FRONT_PAGE.match(text, start) is not None


def _possessive_subject(before: str, text: str, start: int, end: int) -> bool:
    noun = _POSSESSIVE_NOUN.match(text, start)
    if noun is None or text[start:end].lower() != "sa":
        return False
    rest = text[noun.end() : noun.end() + CLAUSE_WINDOW]
    cut = _CLAUSE_BREAK.search(rest)
    return _CLAUSE_VERB.search(rest[: cut.start() if cut else len(rest)]) is not None


def _noun_attribute(before: str, text: str, start: int, end: int) -> bool:
    return (
        text[start:end].lower() in ("est", "était", "sera")
        and _BARE_NOUN_AFTER.match(text, end) is not None
        and _PRONOUN_BEFORE.search(before) is None
        and before.strip() != ""
    )


def _invariable_adjective(before: str, text: str, start: int, end: int) -> bool:
    word = text[start:end]
    if word.lower() in _INVARIABLE_ADJECTIVES:
        return True
    return _COLOUR_PAIR.match(text, start) is not None or _COLOUR_PAIR_END.search(before) is not None


def _adjective_before_a_name(before: str, text: str, start: int, end: int) -> bool:
    """« le demi de mêlée Antoine Dupont »: a title apposed to a name, which LT reads as an
    adjective agreeing with it."""
    return _NAME_AT_END.search(text[start:end]) is not None


def _after_a_year(before: str, text: str, start: int, end: int) -> bool:
    return _YEAR_JUST_BEFORE.search(before) is not None


def _noun_contre(before: str, text: str, start: int, end: int) -> bool:
    return _COUNT_OR_DETERMINER_BEFORE.search(before) is not None


def _reste_a_charge(before: str, text: str, start: int, end: int) -> bool:
    return text[start:end].lower() == "charge" and _RESTE_A_BEFORE.search(before) is not None


def _epicene(before: str, text: str, start: int, end: int) -> bool:
    return _EPICENE_AFTER_FEMININE.fullmatch(text[start:end]) is not None


def _weekdays_each_dated(before: str, text: str, start: int, end: int) -> bool:
    """« les jeudi 17 et vendredi 18 février »: each day named with its date stays singular."""
    return (
        _PLURAL_WEEKDAY.fullmatch(text[start:end]) is not None
        and _DAY_NUMBER_AFTER.match(text, end) is not None
    )


# « une cinquantaine de producteurs … seront prêts »: after a collective with a plural
# complement, the participle or adjective may agree with the complement.
_COLLECTIVE_WITH_PLURAL = regexes.compile(
    r"\b(?:un|une|la|le)\s+(?:demi-)?(?:majorité|minorité|moitié|dizaine|douzaine|quinzaine|vingtaine|"
    r"trentaine|quarantaine|cinquantaine|soixantaine|centaine|millier|poignée|foule|multitude|série|"
    r"partie)\s+(?:de|d['’])\s*\p{L}+[sx]\b[^.;:!?]*$",
    regex.IGNORECASE,
)
# « nous les achetons cher », « ça coûte cher »: after a verb of buying or costing, « cher » is
# an adverb and never agrees.
_COST_VERB_BEFORE = regexes.compile(
    r"\b(?:ach[eè]t|pa[iy]|vend|co[uû]t|va[ul]|revien|factur|lou)\p{Ll}*\s+$", regex.IGNORECASE
)
# « ils étaient, fin juillet, un peu plus de 65 000 »: the comma after the verb opens a short
# insert that a second comma closes.
_CLOSED_INSERT_AFTER = regexes.compile(r"\s*(?:[^\s,.;:!?«»]+\s+){0,4}[^\s,.;:!?«»]+,")
# « Tu veux vendre ou tu veux acheter ? »: « ou » before the same subject and verb as the
# clause it follows, an alternative.
_PRONOUN_VERB_AFTER = regexes.compile(r"\s+(tu|il|elle|on|nous|vous|ils|elles)\s+(\p{Ll}+)", regex.IGNORECASE)
_WORD_PAIRS = regexes.compile(r"(?=\b(\p{L}+)\s+(\p{L}+))")
# Adverbial phrases built on a noun (« dans une large mesure », « dans l'ensemble »), which LT
# takes for what a participle or an adjective after them agrees with.
_ADVERBIAL_PHRASE = (
    r"(?:dans\s+une\s+(?:large|grande|certaine)\s+mesure|dans\s+l['’]ensemble|en\s+(?:grande\s+|large\s+)?partie"
    r"|pour\s+la\s+plupart|dans\s+la\s+foulée|à\s+la\s+marge)"
)
# « ils ont de leur côté choisi », « ont dans une large mesure choisi »: an insert between the
# auxiliary and its participle.
_AUXILIARY_THEN_INSERT = regexes.compile(
    r"\b(?:ai|as|a|avons|avez|ont|avait|avaient|aura|auront|aurait|auraient)\s+(?:de\s+(?:leur|son|mon|ton|notre|"
    r"votre)\s+côté|pour\s+(?:leur|sa|ma|ta|notre|votre)\s+part|quant\s+à\s+(?:eux|elles|lui|elle)|"
    rf"(?:eux|elles|lui|elle)\s+aussi|à\s+leur\s+tour|à\s+son\s+tour|{_ADVERBIAL_PHRASE})\s+$",
    regex.IGNORECASE,
)
# « le prix reste, à l'inverse, dans l'ensemble bien orienté »: the noun of an adverbial phrase
# just before is not what the adjective agrees with.
_ADVERBIAL_PHRASE_JUST_BEFORE = regexes.compile(
    rf"\b{_ADVERBIAL_PHRASE}\s+(?:(?:bien|très|plutôt|assez|peu|mal)\s+)?$", regex.IGNORECASE
)
# « les factures seront en moyenne 18 % plus élevées »: the noun of an adverbial phrase is not
# what the adjective agrees with.
_ADVERBIAL_NOUN_BEFORE = regexes.compile(
    r"\ben\s+(?:moyenne|partie|général|majorité|revanche|outre|somme|réalité|pratique)\b(?:\s+\S+){0,4}\s+$",
    regex.IGNORECASE,
)
_PLURAL_DETERMINERS = "les|des|ces|aux|mes|tes|ses|nos|vos|leurs"
_PLURAL_DETERMINER = regexes.compile(rf"\b(?:{_PLURAL_DETERMINERS})\b", regex.IGNORECASE)
# « les céréales n'ont pas de prix fixe »: a noun after a negation and « de » is an object,
# not the subject of the word that follows it.
_NOUN_AFTER_NEGATION = regexes.compile(
    r"\b(?:pas|plus|jamais|guère|point)\s+(?:de|d['’])\s*\p{Ll}+\s+$", regex.IGNORECASE
)
# « un duel mano a mano », « a priori »: a Latin or Romance phrase, whose « a » takes no accent.
_FOREIGN_PHRASE_WITH_A = regexes.compile(
    r"\b(?:mano\s+a\s+mano|a\s+(?:priori|posteriori|fortiori|contrario|minima|maxima|cappella|capella|giorno))\b",
    regex.IGNORECASE,
)
# « les mesures que la direction n'a pas souhaité confirmer »: a participle before an infinitive
# has the infinitive as its object and stays invariable.
_INFINITIVE_NEXT = regexes.compile(
    r"\s+(?!(?:hier|soir|leur|cher|premier|dernier|entier|notre|votre|autre|contre|entre|père|mère|"
    r"frère|terre|heure|lettre|ordre|nombre|centre|titre|pouvoir|devoir|savoir|avenir|plaisir|désir|"
    r"loisir|espoir|mer|fer|hiver)\b)\p{Ll}+(?:er|ir|re|oir)\b",
    regex.IGNORECASE,
)
# « les ultras d'Anderlecht »: after a determiner, the word is a noun, not a prefix.
_PLURAL_DETERMINER_JUST_BEFORE = regexes.compile(
    rf"\b(?:{_PLURAL_DETERMINERS}|quelques|plusieurs)\s+$", regex.IGNORECASE
)
# « de démontrer quel fabuleux champion il est »: an exclamative or indirect question after
# « quel », whose subject follows without a comma.
_QUEL_NOUN_BEFORE = regexes.compile(
    r"\bquel(?:le)?s?\s+(?:[\p{L}'’-]+\s+){0,3}[\p{L}'’-]+$", regex.IGNORECASE
)
# « la France s'est contre toute attente taillé la part du lion »: a pronominal participle
# whose direct object follows it never agrees with the subject.
_PRONOMINAL_AUXILIARY_BEFORE = regexes.compile(
    r"(?:\b(?:se|me|te|nous|vous)\s+|\b[smt]['’])(?:est|sont|était|étaient|sera|seront|serait|seraient|"
    r"soit|soient|fut|furent)\s+(?:[\p{L}-]+\s+){0,4}$",
    regex.IGNORECASE,
)
# « battre n'importe qui à Bâle »: « qui » closes « n'importe qui », it is no relative subject.
_N_IMPORTE_BEFORE = regexes.compile(
    r"\bn['’]importe\s+(?:qui|quoi|où|quand|comment|lequel|laquelle|lesquels|lesquelles)\s+$",
    regex.IGNORECASE,
)
# « la seconde chance que vous offre la télévision », « les deux comédies que sont L'Heure
# espagnole et Gianni Schicchi »: after a relative pronoun (and « vous », « nous », objects),
# the verb's subject follows it (`_SUBJECT_AFTER`).
_RELATIVE_JUST_BEFORE = regexes.compile(
    r"\b(?:que|qu['’]|où|dont)\s*(?:(?:vous|nous)\s+)?$", regex.IGNORECASE
)
# « leur sort ne leur appartenait pas »: « leur » between « ne » and the verb is its object.
_NE_OBJECT_PRONOUN_BEFORE = regexes.compile(r"\b(?:ne|n['’])\s*(?:leur|lui)\s+$", regex.IGNORECASE)
# « très bressonien », « très kafkaïen »: an adjective made from a name, which the dictionary
# lacks, has an adjective's ending.
_ADJECTIVE_ENDING = regexes.compile(r"\p{L}+(?:ien|ienne|iens|iennes|esque|esques|iste|istes|ïen|ïenne|ïens)")
# « douze avions destinés à remplacer les anciens »: an adjectival participle before « à » and
# an infinitive agrees with its noun.
_ADJECTIVAL_PARTICIPLE_BEFORE_A = regexes.compile(
    r"(?:destiné|prévu|appelé|conçu|censé|amené|habitué|prêt|décidé|déterminé|résolu|disposé|autorisé|"
    r"contraint|obligé|forcé|invité|incité|encouragé|poussé|condamné|voué)e?s?"
)
_A_INFINITIVE_AFTER = regexes.compile(r"\s+à\s+(?:\p{Ll}+\s+)?\p{Ll}+(?:er|ir|re|oir)\b", regex.IGNORECASE)
# « le temps que le bébé ouvre les yeux et prenne des forces »: a conjunction that wants the
# subjunctive, earlier in the clause.
_SUBJUNCTIVE_CONJUNCTION = regexes.compile(
    r"\b(?:le\s+temps\s+qu|en\s+attendant\s+qu|avant\s+qu|pour\s+qu|afin\s+qu|bien\s+qu|quoiqu|sans\s+qu|"
    r"jusqu['’]à\s+ce\s+qu|à\s+condition\s+qu|pourvu\s+qu|à\s+moins\s+qu|de\s+crainte\s+qu|de\s+peur\s+qu)"
    r"(?:e\b|['’])",
    regex.IGNORECASE,
)
# « établi par la même SCHL »: « la même » before a name is the article and the adjective.
_MEME_THEN_NAME = regexes.compile(r"\s+même\s+(?-i:\p{Lu})", regex.IGNORECASE)
# « la célébration des 125 ans »: « des » before an age celebrated, after the celebration.
_CELEBRATION_BEFORE = regexes.compile(
    r"\b(?:fête|fêtes|célébration|jubilé|anniversaire|festivités|cérémonie|soirée|gala|commémoration|"
    r"concert|édition|spectacle|exposition)\s+$",
    regex.IGNORECASE,
)
_YEARS_AFTER = regexes.compile(r"\s+\d+\s+ans\b")
# « il pourrait ne rien se passer »: the negation belongs to the infinitive after the verb.
_NEGATED_INFINITIVE_AFTER = regexes.compile(
    r"\s+ne\s+(?:rien|pas|plus|jamais|guère)\s+(?:(?:se|s['’]|le|la|les|l['’]|y|en)\s*)?\p{Ll}+(?:er|ir|re|oir)\b",
    regex.IGNORECASE,
)
# « les policiers aperçoivent un suspect arriver »: a verb of perception, its object, then an
# infinitive.
_PERCEPTION_VERB_BEFORE = regexes.compile(
    r"\b(?:voi[rst]?|voient|voyai\p{Ll}*|vu|vue|vus|aperç\p{Ll}+|aperçu\p{Ll}*|entend\p{Ll}*|regard\p{Ll}+|"
    r"observ\p{Ll}+|écout\p{Ll}+|sent|sentent|sentait|senti)\s+(?:[\p{L}'’-]+\s+){1,3}$",
    regex.IGNORECASE,
)
# « deux spéciales, qu'il a remportées »: after « que » and the subject, « avoir » takes a
# participle agreeing with « que ».
_QUE_SUBJECT_AVOIR_BEFORE = regexes.compile(
    r"\bqu(?:e\s+|['’]\s*)(?:[\p{L}'’-]+\s+){1,3}(?:a|ont|avait|avaient|aura|auront|aurait|auraient)\s+"
    r"(?:(?:toutes?|tous|déjà|bien|aussi|finalement|ensuite|longtemps)\s+)?$",
    regex.IGNORECASE,
)
# « les pensionnées et pensionnés »: the feminine and the masculine of one word, side by side.
_DOUBLET = regexes.compile(r"(?P<a>\p{L}+)\s+(?:et|ou)\s+(?P<b>\p{L}+)", regex.IGNORECASE)
# « ses homologues chrétien et libéral », « les langues française et anglaise »: singular
# adjectives that each describe one of the things a plural noun names.
_ANOTHER_SINGULAR_AFTER = regexes.compile(
    r"(?:\s*,\s*\p{Ll}+(?<![sx]))*\s+(?:et|ou)\s+\p{Ll}+(?<![sx])\b", regex.IGNORECASE
)
_PLURAL_NOUN_JUST_BEFORE = regexes.compile(r"\p{L}{2,}[sx]\s+$")
# « 1647 équivalents temps plein »: « temps plein », « temps partiel » never agree.
_TEMPS_BEFORE = regexes.compile(r"\btemps\s+$", regex.IGNORECASE)
# « la tête de la liste vainqueur », « des mots clés », « des entreprises pilotes »: a noun set
# after another as its attribute, which keeps its own gender.
_APPOSED_NOUNS = _words(
    "vainqueur vainqueurs témoin témoins phare phares clé clés pilote pilotes record records modèle "
    "modèles choc chocs culte cultes limite limites éclair éclairs"
)
_A_COUP_BEFORE = regexes.compile(r"\bà\s+coup\s+$", regex.IGNORECASE)

Misread = Callable[[str, str, int, int], bool]


def _foreign_phrase(before: str, text: str, start: int, end: int) -> bool:
    window = max(0, start - 12)
    return any(
        phrase.start() <= start and end <= phrase.end()
        for phrase in _FOREIGN_PHRASE_WITH_A.finditer(text, window, end + 12)
    )


def _participle_before_an_infinitive(before: str, text: str, start: int, end: int) -> bool:
    return (
        _PLAIN_PARTICIPLE.fullmatch(text[start:end]) is not None
        and _INFINITIVE_NEXT.match(text, end) is not None
    )


def _noun_after_a_determiner(before: str, text: str, start: int, end: int) -> bool:
    return " " not in text[start:end] and _PLURAL_DETERMINER_JUST_BEFORE.search(before) is not None


def _subject_after_quel(before: str, text: str, start: int, end: int) -> bool:
    return _QUEL_NOUN_BEFORE.search(before) is not None


def _pronominal_with_object_after(before: str, text: str, start: int, end: int) -> bool:
    return _PRONOMINAL_AUXILIARY_BEFORE.search(before) is not None and _object_after_participle(
        before, text, start, end
    )


def _after_n_importe(before: str, text: str, start: int, end: int) -> bool:
    return _N_IMPORTE_BEFORE.search(before) is not None


def _subject_after_the_verb(before: str, text: str, start: int, end: int) -> bool:
    return _RELATIVE_JUST_BEFORE.search(before) is not None and _SUBJECT_AFTER.match(text, end) is not None


def _verb_after_an_object_pronoun(before: str, text: str, start: int, end: int) -> bool:
    return _NE_OBJECT_PRONOUN_BEFORE.search(before) is not None


def _adjective_from_a_name(before: str, text: str, start: int, end: int) -> bool:
    return _ADJECTIVE_ENDING.fullmatch(text[start:end]) is not None


def _adjectival_participle_before_a(before: str, text: str, start: int, end: int) -> bool:
    participle = _ADJECTIVAL_PARTICIPLE_BEFORE_A.fullmatch(text[start:end].lower()) is not None
    return participle and _A_INFINITIVE_AFTER.match(text, end) is not None


def _after_a_subjunctive_conjunction(before: str, text: str, start: int, end: int) -> bool:
    return _SUBJUNCTIVE_CONJUNCTION.search(before) is not None


def _la_meme_before_a_name(before: str, text: str, start: int, end: int) -> bool:
    return text[start:end].lower() == "la" and _MEME_THEN_NAME.match(text, end) is not None


def _after_an_adverbial_phrase(before: str, text: str, start: int, end: int) -> bool:
    return _ADVERBIAL_PHRASE_JUST_BEFORE.search(before) is not None


def _years_celebrated(before: str, text: str, start: int, end: int) -> bool:
    return (
        text[start:end].lower() == "des"
        and _CELEBRATION_BEFORE.search(before) is not None
        and _YEARS_AFTER.match(text, end) is not None
    )


def _negation_of_the_infinitive(before: str, text: str, start: int, end: int) -> bool:
    return _NEGATED_INFINITIVE_AFTER.match(text, end) is not None


def _infinitive_after_perception(before: str, text: str, start: int, end: int) -> bool:
    infinitive = _INFINITIVE.fullmatch(text[start:end]) is not None
    return infinitive and _PERCEPTION_VERB_BEFORE.search(before) is not None


def _participle_agreeing_with_que(before: str, text: str, start: int, end: int) -> bool:
    return _QUE_SUBJECT_AVOIR_BEFORE.search(before) is not None


def _gender_doublet(before: str, text: str, start: int, end: int) -> bool:
    doublet = _DOUBLET.fullmatch(text, start, end)
    if doublet is None:
        return False
    first, second = (doublet.group(name).lower().rstrip("sx") for name in ("a", "b"))
    return first != second and (first == second + "e" or second == first + "e")


def _distributive_adjectives(before: str, text: str, start: int, end: int) -> bool:
    """After a plural noun, singular adjectives joined by « et » (« ses homologues chrétien et
    libéral »); after a singular one, the next word is a noun (« chemise bleu et pantalon »)."""
    singular = text[start:end][-1:] not in ("s", "x")
    plural_noun = _PLURAL_NOUN_JUST_BEFORE.search(before) is not None
    return singular and plural_noun and _ANOTHER_SINGULAR_AFTER.match(text, end) is not None


def _temps_plein(before: str, text: str, start: int, end: int) -> bool:
    return text[start:end].lower() in ("plein", "partiel") and _TEMPS_BEFORE.search(before) is not None


def _apposed_noun(before: str, text: str, start: int, end: int) -> bool:
    return text[start:end].lower() in _APPOSED_NOUNS


def _a_coup_sur(before: str, text: str, start: int, end: int) -> bool:
    """« à coup sûr »: the locution, with its accent."""
    return text[start:end].lower() == "sûr" and _A_COUP_BEFORE.search(before) is not None


def _agreeing_with_a_collective(before: str, text: str, start: int, end: int) -> bool:
    """« une cinquantaine de producteurs seront prêts »: plural, agreeing with the complement."""
    return text[start:end][-1:] in ("s", "x") and _COLLECTIVE_WITH_PLURAL.search(before) is not None


def _cher_after_a_cost_verb(before: str, text: str, start: int, end: int) -> bool:
    return text[start:end].lower() == "cher" and _COST_VERB_BEFORE.search(before) is not None


def _closed_insert(before: str, text: str, start: int, end: int) -> bool:
    """« ils étaient, fin juillet, un peu plus »: the finding holds the insert's opening comma."""
    comma = text.find(",", start, end)
    return comma >= 0 and _CLOSED_INSERT_AFTER.match(text, comma + 1) is not None


def _alternative_clauses(before: str, text: str, start: int, end: int) -> bool:
    """« Tu veux vendre ou tu veux acheter ? »: the clause after « ou » repeats the subject and
    the verb of the one before."""
    after = _PRONOUN_VERB_AFTER.match(text, end)
    if text[start:end].lower() != "ou" or after is None:
        return False
    pair = (after.group(1).lower(), after.group(2).lower())
    return any((first.lower(), second.lower()) == pair for first, second in _WORD_PAIRS.findall(before))


def _participle_after_an_insert(before: str, text: str, start: int, end: int) -> bool:
    return _AUXILIARY_THEN_INSERT.search(before) is not None


def _after_an_adverbial_noun(before: str, text: str, start: int, end: int) -> bool:
    """« les factures seront en moyenne 18 % plus élevées »: plural, as the subject before the
    adverbial phrase is."""
    adverbial = _ADVERBIAL_NOUN_BEFORE.search(before)
    return (
        text[start:end][-1:] in ("s", "x")
        and adverbial is not None
        and _PLURAL_DETERMINER.search(before, 0, adverbial.start()) is not None
    )


def _adjective_after_an_object(before: str, text: str, start: int, end: int) -> bool:
    return _NOUN_AFTER_NEGATION.search(before) is not None


# What each LT rule misreads: (clause before the finding, text, start, end) -> misread.
_LOOKALIKES: dict[str, tuple[Misread, ...]] = {
    "QUE_AVOIR": (_invariable_participle, _object_after_participle, _participle_before_an_infinitive),
    "D_N_QUE_R_AVOIR_PPA": (_invariable_participle,),
    "V_QUI_EST": (_invariable_participle,),
    "OU": (_ou_joining_groups, _alternative_clauses),
    "DOUBLE_NEG": (_not_nothing,),
    "INFINITIFS_DE_SUITE": (_infinitive_after_motion,),
    "A_ACCENT": (_auxiliary_before_participle, _after_n_importe),
    "AGREEMENT_POSTPONED_ADJ": (
        _verb_before_number,
        _after_des_plus,
        _invariable_adjective,
        _afficher_complet,
        _participle_after_a_count,
        _present_verb,
        _gross_or_net,
        _rugby_position,
        _word_of_a_name,
        _slash_joined,
        _after_an_adverbial_noun,
        _pronominal_with_object_after,
        _participle_after_an_insert,
        _after_an_adverbial_phrase,
        _temps_plein,
        _distributive_adjectives,
        _apposed_noun,
    ),
    "D_A_J": (_after_des_plus,),
    "CONFUSION_FUTUR_CON": (_future_in_the_past,),
    "MOTS_INCOMP": (_amounts, _prepositions_french_pairs, _par_exemple, _avec_pour),
    "A_INFINITIF": (_summer,),
    "D_N": (_years_without_parole, _team_by_number, _epicene, _verb_noun_compound),
    "D_J": (_team_by_number,),
    "J_N": (_adjective_before_a_name, _count_then_limit),
    "J_N2": (_adjective_before_a_name,),
    "A_A_ACCENT2": (_avoir_after_its_subject, _foreign_phrase),
    "PRONSUJ_NONVERBE": (_season, _verb_after_an_object_pronoun),
    "LA_LA": (_front_page, _la_meme_before_a_name),
    "SA_CA_SE": (_front_page, _possessive_subject, _legal_form_sa),
    "A_ACCENT_A": (_preposition_before_a_noun_group, _foreign_phrase),
    "D_N_E_OU_E": (_epicene, _weekdays_each_dated),
    "AUX_AVOIR": (_compass_in_a_name, _acronym_as_auxiliary, _no_participle, _participle_agreeing_with_que),
    "AUX_AVOIR_VCONJ": (_acronym_as_auxiliary,),
    "AUX_ETRE_VCONJ": (_acronym_as_auxiliary, _compass_in_a_lower_case_name),
    "APOS_ESPACE": (_wrong_apostrophe, _unit_symbol_before_a),
    "ACCORD_CENTAINE_DE": (_mass_noun_after_an_amount,),
    "WRONG_ETRE_VPPA": (_first_group_with_avoir, _passive_of_vivre, _noun_attribute),
    "ETRE_VPPA_OU_ADJ": (
        _inverted_subject_after,
        _pronominal_without_object,
        _indirect_object_before_etre,
        _nominal_participle_subject,
        _agreeing_with_a_collective,
        _infinitive_after_saying,
    ),
    "ACCORD_SUJET_VERBE": (
        _collective_subject,
        _inverted_subject,
        _inverted_after_quel,
        _saying_verb_before_its_subject,
        _name_as_subject,
        _east_noun,
        _infinitive_after_saying,
        _voted_against,
        _firm_prison_term,
        _floor_or_ceiling,
        _adjective_after_an_object,
        _subject_after_the_verb,
    ),
    "DES_DES_ACCENT": (
        _article_after_a_preposition,
        _article_after_a_locution,
        _article_of_a_measure,
        _years_celebrated,
    ),
    "AGREEMENT_NUMERAL_PLURAL": (_rank, _date_after_a_number, _after_a_year),
    "CONTRE": (_noun_contre, _blocks_in_a_list),
    "PREP_VERBECONJUGUE": (_reste_a_charge,),
    "REMERCIER_POUR": (_se_feliciter,),
    "ELISION": (_end_of_hyphenated_name, _acronym_before_a_vowel, _english_loan_with_h),
    "GENTILE": (_language_name,),
    "AIT_AIE_AIES_EST": (_either_mood,),
    "TRES": (_participle_after_tres, _adjective_from_a_name),
    "PLACE_DE_LA_VIRGULE": (_also_incise, _mais_without_clause, _voire),
    "VIRG_NON_TROUVEE": (_complement_after_a_joint, _il_y_a_ago, _subject_after_quel),
    "ANNEE_AN": (_update, _day_of_the_year),
    "APOS_M": (_letter_as_a_name,),
    "FR_COMPOUNDS_PRESSE_PAPIER": (_print_press,),
    "NOMBRE_MONDIAL": (_number_after_numero,),
    "TRAIT_UNION": (_micro_noun,),
    "CONFUSION_MAIS_MAI": (_month_as_subject,),
    "CONFUSION_E_ER": (
        _infinitive_after_se_voir,
        _after_se_voir,
        _infinitive_after_denying,
        _adjective_participle_after_determiner,
        _infinitive_after_perception,
    ),
    "SUR_ACCENT": (_preposition_sur, _a_coup_sur),
    "VACANCE": (_vacancy,),
    "FR_COMPOUNDS_CONTRE_LA_MONTRE": (_race_against_time,),
    "RAPPELER_DE": (_recall_of_products,),
    "PUIS_APRES": (_then_after_a_noun,),
    "NUMBERS_IN_WORDS": (_name_with_digits,),
    "ESPACE_APRES_POINT": (_punctuation_inside_a_word,),
    "PAS_D_ELISION": (_eliding_ordinal,),
    "LA_VERBE_ADJ": (_cher_after_a_cost_verb,),
    "PAS_DE_VIRGULE_STYLE": (_closed_insert,),
    "CONFUSION_PPA_IND_2E_GROUPE": (_participle_after_an_insert,),
    "PREFIXES_ACCORD": (_noun_after_a_determiner,),
    "VOUS_NOUS_NON_VERBE": (_subject_after_the_verb,),
    "PPA_ACCORD_INFINITIF_IMPLICITE": (_adjectival_participle_before_a,),
    "V_SUB_V_IND": (_after_a_subjunctive_conjunction,),
    "PAS_DE_VERBE_APRES_POSSESSIF_DEMONSTRATIF": (_saying_verb_before_its_subject,),
    "ACCORD_R_PERS_VERBE": (_saying_verb_before_its_subject,),
    "NE_VERBE_RIEN": (_negation_of_the_infinitive,),
    "ADJ_ADJ_SENT_END": (_gender_doublet,),
    "ADJ_ADV_INV": (_noun_after_a_determiner,),
    "ACCORD_DET_ADJ_NEUTRE_NOM": (_distributive_adjectives,),
}


def _clause_start(text: str, offset: int) -> int:
    """Where the sentence (or quotation) holding `offset` starts."""
    window = max(0, offset - CLAUSE_WINDOW)
    return max((found.end() for found in _CLAUSE_START.finditer(text, window, offset)), default=window)
