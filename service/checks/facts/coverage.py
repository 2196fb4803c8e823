"""Content words each side accounts for, by the German-English lexicon (``lexicon``).

A German content word (not a function word, number, month, unit, name or
separable particle) is covered when the English holds one of its translations
(compared by stem, an irregular verb's forms and simplemma's lemma; a
translation's six-letter head stands for its derivations; one may begin or end
an English compound: "Nacht" in "overnight"), a cognate (the same first four
letters, folded), or a glossary target; a German word the lexicon does not know
is UNKNOWN: it may render any English word. An English content word is covered
when some German word of the sentence translates to it, by the same
comparisons, or when it is a cognate or an exonym of one; capitalised words
inside the sentence are names (the name checks'), acronyms may render a word,
number words ("thirty-one") are the number check's, and a noun that says what
kind of thing a name beside it is ("broadcasters RTL and n-tv", "the Münchner
Merkur newspaper") is no addition, nor is a note set after a name on what that German
institution is ("the DLRG, Germany's lifesaving society,"), unless it ranks
("Frankfurt airport, Germany's busiest,": a fact of its own).

``lexical_findings`` weighs the two sides' uncovered words. A paraphrase leaves
uncovered words on both sides, so an omission needs the German's to outnumber
the English's where the English runs short (a verb counts half; an adjective or
adverb needs no shortness; an adverb outnumbers by itself), or an attributive
adjective whose noun the English leaves bare ("die anhaltende Trockenheit" →
"the drought"), and an addition needs uncommon English words
(wordfreq) beyond the German's, an uncommon "-ly" adverb, or an uncommon modifier
where every German word is accounted for. Misses: a word dropped or added where
the other side says another in other terms, common words added ("at home", "once
again"), senses neither Ding nor the lexicon's news senses give ("traf" =
"scored"), a noun dropped where the English runs at the German's length.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import NamedTuple

import regex
import simplemma

from service.checks.facts.lexicon import (
    ENGLISH_FUNCTION,
    PARTICLES,
    Lexicon,
    entry,
    masculine,
    stem,
)
from service.checks.facts.names import (
    LINK_NOUN_DE,
    RANKING_EN,
    english_forms,
    english_tags,
    fold,
    place_adjective,
    place_said,
)
from service.checks.facts.structure import SIMPLY_DE, largest_pairing
from service.document import Finding

_WORD = regex.compile(r"[\p{L}\p{M}]+(?:-[\p{L}\p{M}]+)*")
_NUMBER_WORDS_EN = frozenset(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy "
    "eighty ninety hundred hundreds thousand thousands million millions billion billions "
    "dozen dozens half quarter third first second percent cent noon midnight".split()
)
GERMAN_FUNCTION = frozenset(
    """der die das den dem des ein eine einen einem einer eines kein keine keinen keinem
    keiner keines und oder aber sondern denn doch als wie wenn weil dass daß ob obwohl
    damit während bevor nachdem sowie bzw sowohl weder noch entweder
    in im ins an am ans auf aus bei beim mit nach von vom zu zum zur für über unter vor
    hinter neben zwischen durch gegen ohne um seit bis ab trotz wegen laut gemäß
    innerhalb außerhalb per pro via samt
    ich du er sie es wir ihr man mich dich sich uns euch mir dir ihm ihn ihnen
    mein meine meinen meinem meiner dein sein seine seinen seinem seiner seines ihre
    ihren ihrem ihrer ihres unser unsere unseren unserem unserer euer eure
    dies diese dieser diesem diesen dieses jener jene jenem jenen jeder jede jedes jeden
    jedem welche welcher welches welchen welchem was wer wen wem wessen wo wann warum
    wieso weshalb wohin woher da dort hier dann so nun jetzt also auch noch schon nur
    sehr ja nein nicht nie niemals nichts niemand etwa rund fast knapp gut mehr weniger
    ist sind war waren bin bist seid sei seien wäre wären gewesen sein
    hat haben habe hast hatte hatten hätte hätten gehabt
    wird werden wurde wurden würde würden worden geworden werde
    kann können konnte konnten könnte könnten könne muss müssen musste mussten müsse
    dürfe solle wolle möge
    soll sollen sollte sollten will wollen wollte wollten darf dürfen durfte mag möchte
    möchten lassen lässt ließ gibt gab geben es selbst selber alle allen aller alles
    viele vielen einige einigen mehrere andere anderen anderer weitere weiteren
    immer wieder bereits zudem jedoch allerdings daher deshalb darum dabei dazu davon
    damit dafür darauf daran darüber hierzu somit zwar eben einmal mal sogar
    beim seit etwa ca sagte sagten sagt sagen teilte teilten mitteilte mitgeteilt
    mit erklärte erklärten mitteilten berichtete berichteten meldete meldeten
    heißt hieß bislang bisher zuvor viel anderes etwas wohl bald kaum eigentlich
    angaben gebe deren dessen denen derer
    dorthin dahin daher dorther hierher hierhin dabei daran darin darunter dadurch dagegen
    danach davor daneben dazwischen dahinter hieran hierauf hierbei hierfür hiermit
    hiervon hierzu hierüber worauf woran wobei womit wofür wovon wozu worüber""".split()
    # Pronominal adverbs ("dorthin gehen, wo" = "go where") point at a phrase the
    # sentence says anyway: they count for nothing.
    # "nach Angaben" is "according to": the attribution check's
)
_COGNATE = 4  # letters two words share at the start to count as one word (as names.py)
# Links, e-mail addresses and handles: the link check's.
_LINK = regex.compile(
    r"https?://\S+|www\.\S+|\S+@\S+|@\w+|\b[\w.-]+\.(?:de|com|org|net|eu|io|int)\b\S*",
    regex.IGNORECASE,
)
# Numbers, and what counts them: the number check's ("drei", "dritten", "Prozent";
# "Stunden" after a number).
_NUMBER_DE = regex.compile(
    r"(?:zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|elf|zwölf|\w*zehn|\w+zig|\w+ßig"
    r"|\w*hundert|\w*tausend|dutzend|hälfte|drittel|viertel|million|milliard|halb"
    r"|prozent|promille|euro|cent|dollar|franken|pfund|uhr|grad|minus|plus|\w*meter"
    r"|\w*gramm|tonne|liter|erst|januar|jänner|februar|märz|april|mai|juni|juli|august"
    r"|september|oktober|november|dezember)(?:e|en|er|es|em|n|s|mal|fach)?"
    r"|(?:zweit|dritt|viert|fünft|sechst|siebt|siebent|neunt|zehnt|elft|zwölft)\w*",
    regex.IGNORECASE,
)
_UNIT_DE = regex.compile(
    r"(?:stunde|minute|sekunde|jahr|monat|woche|tag|punkt|mal|person|mensch)\w*",
    regex.IGNORECASE,
)
_DIGITS = regex.compile(r"\d")
_WEEKDAY_DE = regex.compile(
    r"(?:montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonnabend|sonntag)s?",
    regex.IGNORECASE,
)
_MAYBE_LINK = regex.compile(r"[@/]|www\.|\w\.\w")
# Verbs German uses in idioms an English verb of another stem renders: "in den
# Wahlkampf ziehen" = "go into the campaign", "bleibt geschlossen" = "remains closed".
_LIGHT_DE = frozenset(
    """gehen geht ging gingen gegangen stehen steht stand standen gestanden liegen liegt
    lag lagen gelegen kommen kommt kam kamen gekommen treten tritt trat traten getreten
    ziehen zieht zog zogen gezogen stellen stellt stellte stellten gestellt setzen setzt
    setzte gesetzt halten hält hielt hielten gehalten bringen bringt brachte gebracht
    machen macht machte machten gemacht bleiben bleibt blieb blieben geblieben führen
    führt führte führten geführt nehmen nimmt nahm nahmen genommen finden findet fand
    fanden gefunden sehen sieht sah sahen gesehen heißen""".split()
)


# "neither … nor" is the negation check's ("weder … noch").
_EITHER = frozenset({"neither", "either"})

SKIP, COVERED, GAP, UNKNOWN, LIGHT = "skip", "covered", "gap", "unknown", "light"
# Words of a closed class (articles, prepositions, pronouns, conjunctions,
# auxiliaries): they render no content word of the other side. Any other word not
# covered (a light verb, a modal, an adverb: "soll" = "allegedly", "will" =
# "plans") may render one.
_CLOSED_DE = frozenset(
    """der die das den dem des ein eine einen einem einer eines und oder aber sondern
    denn als wie dass ob in im ins an am ans auf aus bei beim mit nach von vom zu zum zur
    für über unter vor hinter neben zwischen durch ich du er sie es wir ihr man mich dich
    sich uns euch mir dir ihm ihn ihnen sein seine seinen seinem seiner seines ihre ihren
    ihrem ihrer ihres ist sind war waren sei wäre hat haben hatte hatten habe wird werden
    wurde wurden worden deren dessen denen derer""".split()
)
_CLOSED_EN = frozenset(
    """a an the and or but of in on at to from by with for into onto as that it he she
    they we you i him her them us his its their our is are was were be been being am
    has have had do does did this these those which who whom whose over under up down
    out off about above across after against along among around before behind below
    beneath beside between beyond during except inside near outside per since than
    through throughout till toward towards until upon via within without""".split()
)


@dataclass
class Token:
    """A word of one side: ``kind`` is SKIP (a function word, number, link or
    name), COVERED (the other side renders it; ``links``: the other side's
    content words that do, by index), GAP (a content word the lexicon knows with
    nothing of it on the other side) or UNKNOWN (a content word the lexicon does
    not know: it may render anything)."""

    span: tuple[int, int]
    word: str
    kind: str = SKIP
    links: list[int] = field(default_factory=list)


@dataclass
class Pair:
    german: list[Token]
    english: list[Token]


Glossed = Sequence[tuple[tuple[int, int], str]]  # a glossary term's German span, its English


def link(source: str, target: str, lexicon: Lexicon, terms: Glossed = ()) -> Pair:
    """The words of both sides, each linked to the other side's words that render
    it. ``terms``: the glossary's matches, whose German words their English renders."""
    source_words = _LINK.sub(_blank, source) if _MAYBE_LINK.search(source) else source
    target_words = _LINK.sub(_blank, target) if _MAYBE_LINK.search(target) else target
    german = [Token(m.span(), m.group()) for m in _WORD.finditer(source_words)]
    english = [Token(m.span(), m.group()) for m in _WORD.finditer(target_words)]
    english_content = []
    names = set()  # capitalised English words inside the sentence: anchors, never gaps
    for index, token in enumerate(english):
        lower = token.word.lower()
        if lower not in _CLOSED_EN:
            token.kind = LIGHT
        acronym = len(lower) == 2 and token.word.isupper()  # "MP", "EU"
        content = len(lower) >= 3 and lower not in ENGLISH_FUNCTION and lower not in _EITHER
        number = all(part in _NUMBER_WORDS_EN for part in lower.split("-"))  # "thirty-one"
        if (content or acronym) and not number:
            english_content.append(index)
            token.kind = GAP
            if token.word[0].isupper() and _starts_inside(target, token.span[0]):
                names.add(index)
    # English stems, each with the indices of the content words it stems from (-1
    # for a function word, which covers a German word but anchors nothing).
    stems: dict[str, list[int]] = {}
    for index, token in enumerate(english):
        lower = token.word.lower()
        if lower in _CLOSED_EN:
            continue  # "around" renders no "weltweit" (around the world)
        slot = index if token.kind == GAP else -1
        for part in [lower, *lower.split("-")] if "-" in lower else [lower]:
            for found in _english_stems(lexicon, part):
                stems.setdefault(found, []).append(slot)
    heads: dict[str, list[int]] = {}
    for found, slots in stems.items():
        if len(found) >= _DERIVED:
            heads.setdefault(found[:_DERIVED], []).extend(slots)
    prefixes: dict[str, list[int]] = {}
    for index, token in enumerate(english):
        if len(token.word) >= 4:
            slot = index if token.kind == GAP else -1
            prefixes.setdefault(fold(token.word)[:_COGNATE], []).append(slot)
    target_folded = fold(target_words)
    as_written = {token.word for token in english}
    english_words = [token.word.lower() for token in english if len(token.word) >= 7]
    english_short = [
        stem(token.word.lower()) for token in english if token.kind == GAP and len(token.word) >= 5
    ]
    glossed = " ".join(fold(english) for _, english in terms)
    exonyms = english_forms(source)
    renders: dict[int, frozenset[str]] = {}
    linked = source_words != source and target_words != target
    for index, token in enumerate(german):
        word = token.word
        lower = word.lower()
        before = source_words[max(0, token.span[0] - 2) : token.span[0]]
        if before[-1:].isdigit() or (before[-1:] == "-" and before[:1].isdigit()):
            continue  # "er-Jahre" of "90er-Jahre", "jährigen" of "79-jährigen": the number's
        translations = _german(lexicon, word)
        particle = _particle(source, token.span[1])
        if particle:
            translations = translations | _german(lexicon, particle + lower)
        renders[index] = translations
        if lower in PARTICLES and _AT_CLAUSE_END.match(source, token.span[1]):
            continue  # a separable verb's particle ("wies … zurück"): read with its verb
        if lower in GERMAN_FUNCTION or word in _LIGHT_DE or len(word) < 3:
            if lower not in _CLOSED_DE and translations.isdisjoint(stems):
                token.kind = LIGHT  # "will", "soll", "gibt": may be an English content word
            continue
        number = _NUMBER_DE.match(word)
        if _NUMBER_DE.fullmatch(word) or (number and number.end() > 4):
            continue  # "fünfte": the ordinal, not "fünf" and a rest
        if _UNIT_DE.fullmatch(word) and _after_number(source, token.span[0], german, index):
            continue
        if not translations.isdisjoint(_NUMBER_STEMS):
            continue  # number words: the number check's
        if _WEEKDAY_DE.fullmatch(word):
            continue  # weekdays: the day check's (omission.py), which knows "Nacht zu Sonntag"
        folded = fold(word)
        links = {slot for found in translations for slot in stems.get(found, ())}
        links.update(slot for head in _heads(translations) for slot in heads.get(head, ()))
        links.update(prefixes.get(folded[:_COGNATE], ()))
        token.links = sorted(slot for slot in links if slot >= 0)
        if links or (len(folded) >= 4 and folded in target_folded):
            token.kind = COVERED
        elif word[0].isupper() and word in as_written:
            token.kind = COVERED  # a short name as written: "Aldi Süd"
        elif lower.startswith("bundesweit") and _NATIONWIDE_EN.search(target):
            token.kind = COVERED  # "bundesweit" = "across Germany"
        elif _in_compound(translations, english_words):
            token.kind = COVERED  # "Nacht" in "overnight", "Wald" in "woodland"
        elif _inside(translations, english_short):
            token.kind = COVERED  # "Haft": "imprisonment" holds the English "prison"
        elif any(start <= token.span[0] < end for (start, end), _ in terms):
            token.kind = COVERED
        elif word[0].isupper() and _name(word, exonyms, source, token.span[0]):
            continue
        elif place_adjective(word) and place_said(word, target):
            token.kind = COVERED  # "sächsische" = "in Saxony"
        elif linked and LINK_NOUN_DE.fullmatch(word):
            token.kind = COVERED  # "unter der E-Mail-Adresse x@y.de" = "at x@y.de"
        else:
            token.kind = GAP if translations else UNKNOWN
    german_prefixes: dict[str, list[int]] = {}
    for index, token in enumerate(german):
        if len(token.word) >= 4:
            german_prefixes.setdefault(fold(token.word)[:_COGNATE], []).append(index)
    folded_source = fold(source_words)
    german_folded = {fold(token.word) for token in german}
    # The parts of German compounds: "ESA" of "ESA-Astronaut", "US" of "US-Zölle".
    german_folded |= {fold(part) for token in german for part in token.word.split("-")[:-1]}
    # Each stem (and each six-letter head) a German word renders → those words.
    rendered_by: dict[str, list[int]] = {}
    for g, rendered in renders.items():
        for key in rendered | _heads(rendered):
            rendered_by.setdefault(key, []).append(g)
    for index in english_content:
        token = english[index]
        lower = token.word.lower()
        parts = [lower, *lower.split("-")] if "-" in lower else [lower]
        part_stems = {found for part in parts for found in _english_stems(lexicon, part)}
        part_stems |= {found[:_DERIVED] for found in part_stems if len(found) >= _DERIVED}
        links = {g for found in part_stems for g in rendered_by.get(found, ())}
        folded = fold(token.word)
        links.update(german_prefixes.get(folded[:_COGNATE], ()))
        for g in links:
            if index not in german[g].links:
                german[g].links.append(index)
        token.links = sorted(links)
        if links or (len(folded) >= 4 and folded in folded_source) or folded in german_folded:
            token.kind = COVERED
        elif glossed and folded in glossed:
            token.kind = COVERED  # a glossary term's English
        elif lower in _EMPHASIS_EN and _EMPHASIS_DE.search(source):
            token.kind = COVERED  # "vor allem" = "notably", "particularly"
        elif lower.startswith("temperature") and _DEGREES_DE.search(source):
            token.kind = COVERED  # "minus 15 Grad" = "temperatures of minus 15 degrees"
        elif folded in exonyms or any(fold(part) in exonyms for part in parts):
            token.kind = COVERED
        elif index in names and not token.word.rstrip("s").isupper():
            token.kind = SKIP
        elif index in names:
            token.kind = UNKNOWN  # an acronym ("MP" for "Abgeordnete") may render a word
        elif _compound(lower, rendered_by):
            token.kind = COVERED  # "overnight" for "Nacht", "woodland" for "Wäldern"
        elif len(lower) >= 5 and _inside(frozenset(rendered_by), [stem(lower)]):
            token.kind = COVERED  # "prison" for "Haft" (imprisonment)
        elif index and _acronym_of(english[index - 1].word, source):
            token.kind = UNKNOWN  # "the IG BCE union": what the German's acronym names
        elif not part_stems & lexicon.english.keys():
            token.kind = UNKNOWN
    for token in english:
        if token.kind == LIGHT and any(
            found in rendered_by for found in _english_stems(lexicon, token.word.lower())
        ):
            token.kind = COVERED
    _share_out(german)
    return Pair(german, english)


def _acronym_of(word: str, source: str) -> bool:
    """An acronym the German has too (a word of two capitals or more)."""
    return (
        len(word) > 1
        and word.isupper()
        and regex.search(rf"\b{regex.escape(word)}\b", source) is not None
    )


def _share_out(german: list[Token]) -> None:
    """Each English word renders one German word: a German word covered only by English
    words that other German words need is a gap ("Fichten und Buchen" → "spruce
    trees": "trees" is "Bäume"'s). Words of one stem may share ("Ärztinnen und
    Ärzte" = "doctors")."""
    covered = [g for g, token in enumerate(german) if token.kind == COVERED and token.links]
    paired = largest_pairing([german[g].links for g in covered])  # English index → item
    owner = {e: covered[item] for e, item in paired.items()}
    placed = set(owner.values())
    for g in covered:
        if g in placed:
            continue
        key = fold(german[g].word)[:_COGNATE]
        if not any(fold(german[owner[e]].word)[:_COGNATE] == key for e in german[g].links):
            german[g].kind = GAP


def _in_compound(translations: frozenset[str], words: list[str]) -> bool:
    """One of a German word's translations (four letters or more) starts or ends an
    English compound."""
    return any(
        len(found) >= 4
        and len(word) - len(found) >= 3
        and (word.startswith(found) or word.endswith(found))
        for word in words
        for found in translations
    )


def _inside(translations: frozenset[str], words: list[str]) -> bool:
    """An English word (five letters or more) inside a longer translation: the
    word a derivation is made from ("prison" in "imprisonment")."""
    return any(
        len(found) - len(word) >= 3 and word in found for word in words for found in translations
    )


def _compound(word: str, rendered: dict[str, list[int]]) -> bool:
    """An English compound one of whose parts (four letters or more, three or more
    left over) a German word renders."""
    return any(word[:cut] in rendered or word[-cut:] in rendered for cut in range(4, len(word) - 2))


def _name(word: str, exonyms: set[str], source: str, start: int) -> bool:
    from service.checks.facts.names import _is_name

    return fold(word) in exonyms or _is_name(word, source, start)


def _starts_inside(text: str, start: int) -> bool:
    """A capitalised word inside a sentence: a name (the name checks' to judge)."""
    before = text[:start].rstrip()
    return bool(before) and not before.endswith((".", ":", "!", "?", '"', "“", "‘", "«", "»"))


_NUMBER_STEMS = frozenset(stem(word) for word in _NUMBER_WORDS_EN)


@lru_cache(maxsize=1 << 16)
def _german(lexicon: Lexicon, word: str) -> frozenset[str]:
    """The English stems of a German word: its own entry's, and its lemma's
    (simplemma: "stieg" → "steigen", "Gesprächen" → "Gespräch")."""
    found = lexicon.lookup(word)
    lemma = simplemma.lemmatize(word, lang="de")
    if lemma.lower() != word.lower():
        found = found | lexicon.lookup(lemma)
    derived = _DERIVED_ADJECTIVE.fullmatch(word)
    if derived:  # "städtischen" = "the city's", "jährlich" = "a year"
        noun = derived.group(1).translate(_PLAIN_VOWELS).capitalize()
        found = found | lexicon.lookup(noun)
    return found


# An adjective made of a noun ("städt-isch", "jähr-lich", "wirtschaft-lich"): English
# may say the noun ("the city's", "a year", "the economy").
_DERIVED_ADJECTIVE = regex.compile(r"(\p{Ll}{3,}?)(?:isch|lich)(?:e[mnrs]?)?")
_PLAIN_VOWELS = str.maketrans("äöü", "aou")


@lru_cache(maxsize=1 << 16)
def _english_stems(lexicon: Lexicon, word: str) -> tuple[str, ...]:
    """The stems of an English word (lower-case): its own, its lemma's (simplemma:
    "fell" → "fall", "met" → "meet") and an irregular verb's other forms."""
    found = dict.fromkeys(lexicon.stems(word))
    lemma = simplemma.lemmatize(word, lang="en")
    if lemma != word:
        found.update(dict.fromkeys(lexicon.stems(lemma)))
    return tuple(found)


# Stems sharing their first six letters are one word's derivations (announc-ement,
# municipal-ity): a German word's translation stands for both.
_DERIVED = 6


@lru_cache(maxsize=1 << 14)
def _heads(translations: frozenset[str]) -> frozenset[str]:
    return frozenset(found[:_DERIVED] for found in translations if len(found) >= _DERIVED)


# A separable verb's particle: the clause's last word ("kündigte … an,").
_CLAUSE_END = regex.compile(r"[^,.;:!?„“\"»«]*?\b(\p{Ll}+)\s*(?:[,.;:!?“\"»«]|$)")


# after a separable verb's particle: the clause's end, or "und" and the next clause
# ("kam … zusammen und tagte")
_AT_CLAUSE_END = regex.compile(r"\s*(?:[,.;:!?“\"»«]|$)|\s+(?:und|oder|aber|sondern)\b")


def _particle(source: str, end: int) -> str:
    match = _CLAUSE_END.match(source, end)
    if match and match.group(1) in PARTICLES and match.start(1) > end:
        return match.group(1)
    return ""


def _after_number(source: str, start: int, words: list[Token], index: int) -> bool:
    before = source[:start].rstrip()
    if before[-1:].isdigit() or before.endswith("."):
        return bool(_DIGITS.search(before[-3:]))
    if index > 0 and _NUMBER_DE.fullmatch(words[index - 1].word):
        return True
    return bool(_YEAR_AFTER.match(source, start))  # "im Jahr 2008" = "in 2008"


_EMPHASIS_EN = frozenset(
    "notably especially particularly mainly mostly chiefly primarily principally largely "
    "essentially broadly".split()
)
_EMPHASIS_DE = regex.compile(
    r"\bvor\s+allem\b|\binsbesondere\b|\bbesonders\b|\bvornehmlich\b|\bhauptsächlich\b"
    r"|\bvorwiegend\b|\bgerade\b|\bim\s+Wesentlichen\b|\bweitgehend\w*|\bgrößtenteils\b"
    r"|\büberwiegend\w*",
    regex.IGNORECASE,
)
_NATIONWIDE_EN = regex.compile(r"\b(?:Germany|national\w*|countrywide)\b", regex.IGNORECASE)
_DEGREES_DE = regex.compile(r"\bGrad\b|°")
_YEAR_AFTER = regex.compile(r"Jahr(?:e|es)?\s+\d{4}\b")


def _blank(match: regex.Match[str]) -> str:
    return " " * len(match.group())


# Evidence enough for a finding (on the dev set's tuning half, see README):
# German words the lexicon knows and the English renders nowhere (a full verb
# counting VERB_WEIGHT) outnumber the English words no German word renders by
# OMITTED_BY, with the English shorter than the German's letters times
# OMITTED_SHORT. On the ten sets of 45 sentences written last (groups fi-fr,
# 572 clean targets), 1 and 0.95 found 102 of 228 omissions and flagged 29 clean
# targets (5 %); 1.5 and 0.9 (with OMITTED_SEVERAL 2.5) find 75 and flag 9: a
# paraphrase leaves one German word unrendered more often than an omission does.
OMITTED_BY = 1.5
OMITTED_SHORT = 0.90
# or shorter than OMITTED_MODIFIER_LONG where one of those German words is a
# lower-case word not a verb (an adjective or adverb): on the tuning half this
# found 4 more omissions and no more clean references at any limit up to 1.3 and
# beyond, so the limit only keeps a much longer English (a paraphrase) out;
OMITTED_MODIFIER_LONG = 1.3
OMITTED_MODIFIER_BY = 1.5
# or, where they weigh OMITTED_SEVERAL or more, outnumber the English's by a verb's
# weight alone (two German words unrendered against one English word is less
# likely a paraphrase than one against none): on the tuning half 6 more omissions
# (3 on each half of its groups), no more clean references, for limits of 2-2.5
# and a length of 0.85-0.95 (2.5 with the stricter OMITTED_BY above);
OMITTED_SEVERAL = 2.5
# or by one word where a German adverb is among them ("erneut", "vorerst"), or an
# adverbial adjective is the only one and every English word is rendered
# ("dauerhaft"): on the tuning half (29 sets) 31 more omissions for 7 more clean
# references; every adverbial adjective at one word found 41 for 13;
OMITTED_ADVERB_BY = 1.0
# or one German word not a verb, rarer than RARE_DE (wordfreq's German Zipf), where
# no English word is left unrendered and the English runs shorter than ALONE_SHORT:
# on the tuning half 36 more omissions for 12 more clean references (3.5 and 0.9:
# 58 for 23; every word at 0.9, however common: 155 for 122);
RARE_DE = 3.0
ALONE_SHORT = 0.9
# a full verb counts this much: verbs are what paraphrase changes most (on the
# tuning half, a lone verb unrendered was a clean reference's as often as not)
VERB_WEIGHT = 0.5
# uncommon English words (Zipf frequency below RARE) no German word renders
# outnumber the German's by ADDED_BY, with the English longer than the German
# times ADDED_LONG (RARE from 4.5 to 4.8 found 5 more additions on the tuning half,
# no more clean references; 5.0 flagged 2 more; on the sixteen sets written last,
# 918 clean targets, ADDED_LONG 1.1 rather than 1.0 found 8 of 329 additions fewer
# and flagged 11 clean targets fewer);
ADDED_BY = 2
RARE = 4.8
ADDED_LONG = 1.1
# or an uncommon English "-ly" adverb (below RARE_ADVERB; not after a determiner,
# where "-ly" makes a noun or an adjective: "the friendly") no German word renders,
# where no German adverb or predicative adjective is left unrendered either
# (HanTa: "schlicht" may be "simply"; an attributive adjective or a noun says no
# "how"). On the tuning half, raising RARE_ADVERB from 4.5 and blocking only on
# such German words found 6 more additions for 2 more clean references (on both
# halves of its groups); or an uncommon English modifier (below RARE) between a
# determiner, a preposition or a number and a word the German renders, where every
# German content word but a verb is accounted for ("the veteran goalkeeper"): a
# German verb said with another English verb leaves no adjective or adverb
# unexplained (after a preposition or a number as well as a determiner: 7 more
# additions on the tuning half, 4 more clean references, each a German compound
# said in two English words, "Scheinfirmen" = "shell companies"). Where German nouns
# are left unrendered as well (no adjective, no adverb), the modifier must be an
# English adjective (HanTa's English model): the nouns may be what an English noun
# paraphrases ("Jungtier" = "calf"), seldom what an adjective says. On the tuning
# half 29 more additions for 11 more clean references (any word: 43 for 39).
RARE_ADVERB = 5.3


class Weighed(NamedTuple):
    """``lexical_findings``: an omission and an addition or None, and how many
    words the lexicon knows each side leaves unrendered."""

    omitted: Finding | None
    added: Finding | None
    german_unrendered: int
    english_unrendered: int
    # one of two listed items dropped or added: weaker than the structure's evidence,
    # which names the whole phrase
    item_dropped: Finding | None = None
    item_added: Finding | None = None


def lexical_findings(
    source: str, target: str, lexicon: Lexicon, ratio: float, terms: Glossed = ()
) -> Weighed:
    """An omission and an addition by the lexicon's word coverage, or None;
    ``ratio``: the English's letters over the German's."""
    pair = link(source, target, lexicon, terms)
    german_gaps = [token for token in pair.german if token.kind == GAP]
    german_open = german_gaps + [token for token in pair.german if token.kind == UNKNOWN]
    english_gaps = [token for token in pair.english if token.kind == GAP]
    english_open = english_gaps + [token for token in pair.english if token.kind == UNKNOWN]
    omitted = added = None
    idioms = [match.span() for match in IDIOM_DE.finditer(source)]
    for said_in_english, german in _SAID_OTHERWISE:
        if said_in_english(target):
            idioms += [match.span() for match in german.finditer(source)]
    german_gaps = [
        token
        for token in german_gaps
        if not any(start <= token.span[0] < end for start, end in idioms)
    ]
    german_gaps = [token for token in german_gaps if _weight(token.word) > 0]
    german_gaps = _one_of_each_pair(german_gaps)
    weight = sum(_weight(token.word) for token in german_gaps)
    # A lower-case German word not a verb (an adjective or adverb: "erneut", "geplanten")
    # leaves the English at its usual length when dropped: no shortness needed.
    modifier_gap = any(token.word[0].islower() and not _verb(token.word) for token in german_gaps)
    short = OMITTED_MODIFIER_LONG if modifier_gap else OMITTED_SHORT
    needed = OMITTED_MODIFIER_BY if modifier_gap else OMITTED_BY
    if _adverb_gap(german_gaps, english_open) or _lone_item(source, german_gaps, english_open):
        needed = OMITTED_ADVERB_BY
    beyond = weight - len(english_open)
    several = weight >= OMITTED_SEVERAL and beyond >= VERB_WEIGHT and ratio < OMITTED_SHORT
    # or a rare German word unrendered, where no English word is left to say it: a
    # paraphrase absorbs common words ("Informationen", "Unternehmen"), seldom a
    # specific one ("Sonderkonferenz", "Krankenhausreform")
    specific = (
        not english_open
        and ratio < ALONE_SHORT
        and any(
            _weight(token.word) >= 1 and _zipf(token.word.lower(), "de") < RARE_DE
            for token in german_gaps
        )
    )
    if (beyond >= needed and ratio < short) or several or specific:
        named = ", ".join(f"'{t.word}' ({lexicon.gloss(t.word)})" for t in german_gaps[:3])
        omitted = Finding(
            flag="omission",
            source_span=german_gaps[0].span,
            target_span=None,
            message=f"{named} of the German {_have(german_gaps)} nothing in the English "
            "(no translation the lexicon gives, no word of the same stem)",
        )
    if omitted is None and ratio < OMITTED_MODIFIER_LONG:
        omitted = _bare_noun(source, target, pair, german_gaps, lexicon)
    glosses = _glosses_of_names(target)
    rare = [
        token
        for token in english_gaps
        if _zipf(token.word.lower()) < RARE
        and not _describes_a_name(target, token)
        and not any(start <= token.span[0] < end for start, end in glosses)
    ]
    if _INTENT_DE.search(source):  # "will … versorgen" = "aims to connect"
        rare = [token for token in rare if not _INTENT_EN.fullmatch(token.word)]
    adverbs = [
        token
        for index, token in enumerate(pair.english)
        if token.kind == GAP
        and _adverb(token.word.lower())
        and _zipf(token.word.lower()) < RARE_ADVERB
        and not (index and pair.english[index - 1].word.lower() in _DETERMINERS)
        and not (HEDGE_EN.fullmatch(token.word) and _hedged(source))
        and not _adverb_said(token.word.lower(), source)
        and not _QUALIFIES_A_BOUND.match(target, token.span[1])  # "slightly more than 41"
    ]
    if len(rare) - len(german_open) >= ADDED_BY and ratio > ADDED_LONG:
        named = ", ".join(f"'{token.word}'" for token in rare[:3])
        added = Finding(
            flag="addition",
            source_span=None,
            target_span=rare[0].span,
            message=f"{named} of the English {_have(rare)} nothing in the German "
            "(no German word of the sentence translates to it)",
        )
    elif (
        adverbs
        and not any(_says_how(token) for token in pair.german)
        and not _ADVERBIAL_DE.search(source)
    ):
        added = Finding(
            flag="addition",
            source_span=None,
            target_span=adverbs[0].span,
            message=f"'{adverbs[0].word}' of the English has nothing in the German "
            "(no German word of the sentence says how)",
        )
    elif all(_verb(token.word) for token in german_open):
        added = _added_item(target, pair) or _added_modifier(target, pair, lexicon)
    elif not any(token.word[0].islower() and not _verb(token.word) for token in german_open):
        # German nouns left unrendered may be what an English noun paraphrases, seldom
        # what an English adjective says ("the sensitive data", "a notorious group")
        added = _added_modifier(target, pair, lexicon, adjective=True)
    return Weighed(
        omitted,
        added,
        len(german_gaps),
        len(english_gaps),
        None
        if omitted
        else _dropped_item(source, target, pair, german_gaps, lexicon)
        or _list_item_changed(source, target, pair, german_gaps, lexicon, omission=True),
        None
        if added
        else _added_pair_item(source, target, pair)
        or _list_item_changed(source, target, pair, english_gaps, lexicon, omission=False),
    )


def _added_item(target: str, pair: Pair) -> Finding | None:
    item = _list_item(target, pair.english)
    if item is None:
        return None
    why = "an item of a list no German word renders"
    return _added(item, f"'{item.word}' of the English has nothing in the German ({why})")


def _added_modifier(
    target: str, pair: Pair, lexicon: Lexicon, *, adjective: bool = False
) -> Finding | None:
    modifier = _modifier(target, pair.english, pair.german, lexicon, adjective=adjective)
    if modifier is None:
        return None
    why = f"no German word of the sentence renders it, nor its '{_next_word(target, modifier)}'"
    return _added(modifier, f"'{modifier.word}' of the English has nothing in the German ({why})")


def _added(token: Token, message: str) -> Finding:
    return Finding(flag="addition", source_span=None, target_span=token.span, message=message)


_DETERMINERS = frozenset("a an the its his her their our this that these those".split())
# A bound an adverb makes more or less exact: the qualifiers' check's ("gut 41" =
# "slightly more than 41").
_QUALIFIES_A_BOUND = regex.compile(
    r"\s+(?:more|less|fewer|over|under|above|below)\b", regex.IGNORECASE
)
# Words after which an English noun stands bare, with no modifier of its own (not a
# demonstrative: "im laufenden Jahr" = "this year").
_BEFORE_BARE = frozenset(
    "a an the its his her their our my your some any no every each all both several many "
    "few most other various numerous multiple of for in on at by "
    "with from to into as".split()
)
_NUMBER = regex.compile(r"[\d.,]+")
# What an adjective follows where it plainly modifies the noun after it: an article,
# a preposition, a possessive, a quantifier, a number or a verb (HanTa: "stoppte
# illegale Rennen"), or nothing; not an adverb ("noch unbekannten Termin" = "a date
# yet to be set"), a comparison ("so hohem Tempo wie erlaubt") or a noun (where the
# "adjective" may be a verb).
_BEFORE_ATTRIBUTIVE = (
    *("ART", "APPR", "APPO", "PPOSAT", "PIAT", "PIDAT", "PDAT", "CARD"),
    *("VV", "VA", "VM"),
)


def _plainly_attributive(source: str, token: Token) -> bool:
    from service.checks.facts.names import _tags

    before = regex.findall(r"[\w.]+", source[: token.span[0]])
    if not before or _NUMBER.fullmatch(before[-1]):
        return True
    tags = _tags(before[-1])
    return bool(tags) and tags[0][0].startswith(_BEFORE_ATTRIBUTIVE)


_DAY_PART = regex.compile(r"(?:morgen|abend|nacht|mittag)s?$", regex.IGNORECASE)


_NEW_DE = regex.compile(r"neu(?:e[nmrs]?)?$", regex.IGNORECASE)
_RECORD = regex.compile(r"rekord|höchst|tiefst|bestwert", regex.IGNORECASE)


def _bare_noun(
    source: str, target: str, pair: Pair, german_gaps: list[Token], lexicon: Lexicon
) -> Finding | None:
    """A German attributive adjective no English word renders, whose noun the English
    renders bare: after a determiner, a preposition, a number or nothing ("die
    anhaltende Trockenheit" → "the drought"). A paraphrase of the adjective leaves
    the English noun a modifier of its own ("vergangene Woche" = "last week"); an
    adjective of a place is the name checks'."""
    gaps = {token.span for token in german_gaps}
    english = pair.english
    for index, token in enumerate(pair.german[:-1]):
        noun_at = index + 1
        # another adjective the English renders may stand between ("bezahlbaren grünen
        # Wasserstoff" → "green hydrogen")
        while (
            noun_at < len(pair.german) - 1
            and pair.german[noun_at].kind == COVERED
            and _attributive(pair.german[noun_at].word)
        ):
            noun_at += 1
        noun = pair.german[noun_at]
        if token.span not in gaps or not _open_modifier(token) or place_adjective(token.word):
            continue
        if token.word.lower().startswith("sogenannt"):
            continue  # "im sogenannten Schumacher Quartier" = "in the Schumacher Quartier"
        if noun.kind != COVERED or not noun.word[:1].isupper() or not noun.links:
            continue
        if _DAY_PART.search(noun.word):
            continue  # "am frühen Freitagmorgen" = "at 4 a.m. on Friday": the day check's
        if _NEW_DE.match(token.word) and _RECORD.search(noun.word):
            continue  # "einen neuen Höchststand" = "a record": a record is always new
        if not _plainly_attributive(source, token):
            continue
        first = min(noun.links)
        phrase = range(index + 1, noun_at + 1)
        while first > 0 and any(g in phrase for g in english[first - 1].links):
            first -= 1  # the other adjective's English, a compound's parts ("energy advice")
        before = regex.findall(r"[\w'’-]+", target[: english[first].span[0]])
        previous = before[-1].lower() if before else ""
        # or a verb the German's verb renders ("legten Pläne vor" = "presented plans")
        verb = first > 0 and any(_verb(pair.german[g].word) for g in english[first - 1].links)
        if previous and previous not in _BEFORE_BARE and not _NUMBER.fullmatch(previous):
            if not verb:
                continue
        head = english[min(noun.links)]
        return Finding(
            flag="omission",
            source_span=token.span,
            target_span=(english[first].span[0], head.span[1]),
            message=f"'{token.word}' ({lexicon.gloss(token.word)}) of the German "
            f"'{noun.word}' has nothing in the English, whose '{head.word}' "
            "stands without it",
        )
    return None


_PAIRED_BY = frozenset({"und", "oder", "sowie", "noch"})
_BETWEEN_ITEMS = frozenset({"der", "die", "das", "den", "dem", "des", "ein", "eine", "einen"})
_ITEMS_JOINED_EN = regex.compile(
    r",|&|/|\b(?:and|or|nor|plus|both|either|neither|as\s+well\s+as)\b"
)
_NEAR = 3  # English words either side of an item where its partner would stand


def _one_of_each_pair(gaps: list[Token]) -> list[Token]:
    """A woman's and a man's form of one noun ("Bürgerinnen und Bürger", "Schülerinnen
    und Schüler") are one word unrendered, not two: English says them with one."""
    words = {token.word for token in gaps}
    kept = []
    for token in gaps:
        others = words - {token.word}
        if any(word.startswith(man) for man in masculine(token.word) for word in others):
            continue
        kept.append(token)
    return kept


def _dropped_item(
    source: str, target: str, pair: Pair, german_gaps: list[Token], lexicon: Lexicon
) -> Finding | None:
    """One of two German nouns or adjectives joined by "und", "oder", "sowie" or
    "noch" ("Heizöl und Erdgas") that no English word renders, where the English
    renders the other with no "and", "or" or comma near it ("for natural gas"): an
    item dropped. Two nouns of one meaning ("Art und Weise", "Hilfe und
    Unterstützung") are one item, and so are the parts of a shortened compound
    ("Luft- und Raumfahrt" = "aerospace")."""
    gaps = {token.span for token in german_gaps}
    german, english = pair.german, pair.english
    for index, token in enumerate(german):
        if token.span not in gaps or _verb(token.word):
            continue
        if source[token.span[1] : token.span[1] + 1] == "-":
            continue
        for partner in _paired_words(german, index):
            if partner.kind != COVERED or not partner.links:
                continue
            if partner.word[:1].isupper() != token.word[:1].isupper():
                continue
            if lexicon.lookup(token.word) & lexicon.lookup(partner.word):
                continue  # a doublet of one meaning
            if any(_items_near(target, english, link) for link in partner.links):
                continue
            return Finding(
                flag="omission",
                source_span=token.span,
                target_span=None,
                message=f"'{token.word}' ({lexicon.gloss(token.word)}) of the German, "
                f"listed with '{partner.word}', has nothing in the English",
            )
    return None


def _list_item_changed(
    source: str, target: str, pair: Pair, gaps: list[Token], lexicon: Lexicon, *, omission: bool
) -> Finding | None:
    """A noun of a list of three or more on one side ("Butter, Kaffee und Olivenöl")
    that no word of the other side renders, where the other side's list of the rest
    holds fewer items ("butter and olive oil"): an item dropped (``omission``, the
    German's ``gaps``) or added (the English's)."""
    if omission:
        found = _unmatched_item(source, target, pair.german, pair.english, gaps, _GERMAN_LIST)
    else:
        found = _unmatched_item(target, source, pair.english, pair.german, gaps, _ENGLISH_LIST)
    if found is None:
        return None
    token, items, other_items = found
    if omission:
        return Finding(
            flag="omission",
            source_span=token.span,
            target_span=None,
            message=f"'{token.word}' ({lexicon.gloss(token.word)}) of the German list of "
            f"{items} has nothing in the English, whose list has {other_items}",
        )
    return Finding(
        flag="addition",
        source_span=None,
        target_span=token.span,
        message=f"'{token.word}' of the English list of {items} has nothing in the German, "
        f"whose list has {other_items}",
    )


@dataclass(frozen=True)
class _Lists:
    """How one language writes a list: its joining words and its separators."""

    joiners: tuple[str, ...]
    separator: regex.Pattern[str]
    capitalised: bool  # German nouns are; English ones are not


_GERMAN_LIST = _Lists(
    ("und", "oder", "sowie"), regex.compile(r",|\b(?:und|oder|sowie)\b"), capitalised=True
)
_ENGLISH_LIST = _Lists(("and", "or"), regex.compile(r",|\b(?:and|or)\b"), capitalised=False)


def _unmatched_item(
    text: str,
    other: str,
    tokens: list[Token],
    other_tokens: list[Token],
    gaps: list[Token],
    lists: _Lists,
) -> tuple[Token, int, int] | None:
    """An unrendered word of a list of three or more one-word items on one side,
    where the other side's list of the items rendered is shorter: (the word, its
    list's length, the other list's). An item of several words ("underground
    trains", "chronisch Kranken") is none: its other word may render it."""
    other_lists = _ENGLISH_LIST if lists is _GERMAN_LIST else _GERMAN_LIST
    spans = {token.span for token in gaps}
    positions = [at for at, token in enumerate(tokens) if token.word.lower() not in lists.joiners]
    words = [tokens[at] for at in positions]
    for index, token in enumerate(words):
        if token.span not in spans or _VERB_OR_ADVERB_EN.search(token.word):
            continue
        if lists.capitalised and not token.word[:1].isupper():
            continue
        if _in_a_longer_item(text, tokens, positions[index], lists):
            continue
        items = _list_around(text, words, index, lists)
        rendered = [item for item in items if item.kind == COVERED and item.links]
        if len(items) < 3 or len(rendered) < 2:
            continue
        if len({item.word[:1].isupper() for item in items}) > 1:
            continue  # "rounds of talks, Verdi and Brandenburg's": no list
        links = [link for item in rendered for link in item.links]
        if other_lists.capitalised and not all(
            other_tokens[link].word[:1].isupper() for link in links
        ):
            continue  # "regulate, limit and manage" = "ordnen, begrenzen und steuern": verbs
        start = other_tokens[min(links)].span[0]
        end = other_tokens[max(links)].span[1]
        other_items = 1 + len(other_lists.separator.findall(other, start, end))
        if other_items < len(items):
            return token, len(items), other_items
    return None


def _in_a_longer_item(text: str, tokens: list[Token], index: int, lists: _Lists) -> bool:
    """Whether a content word stands right before ``tokens[index]`` (or, in English,
    after it: "people doing voluntary service"), with nothing but a space between; a
    German list's last noun may stand before its verb."""
    for at in (index - 1,) if lists.capitalised else (index - 1, index + 1):
        if not 0 <= at < len(tokens) or tokens[at].kind == SKIP:
            continue
        first, second = sorted((tokens[at].span, tokens[index].span))
        if not text[first[1] : second[0]].strip():
            return True
    return False


def _list_around(text: str, words: list[Token], index: int, lists: _Lists) -> list[Token]:
    """The one-word items listed with ``words[index]``, joined by commas and a last
    joining word ("Butter, Kaffee und Olivenöl"); none where there is no such list."""
    start = end = index
    while start > 0 and _listed(text, words[start - 1], words[start], lists):
        start -= 1
    while end + 1 < len(words) and _listed(text, words[end], words[end + 1], lists):
        end += 1
    items = words[start : end + 1]
    joined = [text[a.span[1] : b.span[0]].strip() for a, b in zip(items, items[1:], strict=False)]
    return items if joined and joined[-1] in lists.joiners else []


def _listed(text: str, first: Token, second: Token, lists: _Lists) -> bool:
    between = text[first.span[1] : second.span[0]].strip()
    if between not in (",", *lists.joiners):
        return False
    return not lists.capitalised or (first.word[:1].isupper() and second.word[:1].isupper())


_PAIRED_BY_EN = frozenset({"and", "or", "nor"})
_VERB_OR_ADVERB_EN = regex.compile(r"(?:ed|ing|ly)$")
_CLAUSE_JOINED_EN = regex.compile(r",\s*(?:and|or|nor)\b")
_OBJECT_AFTER_EN = regex.compile(
    r"\s+(?:the|a|an|its|their|his|her|our|this|that|on|to|in|at|with|from|by|up|out|into)\b"
)


def _between(text: str, one: Token, other: Token) -> str:
    start, end = sorted((one.span, other.span))
    return text[start[0] : end[1]]


_BETWEEN_ITEMS_EN = frozenset({"the", "a", "an"})
_ITEMS_JOINED_DE = regex.compile(r",|&|/|\b(?:und|oder|sowie|noch|bzw)\b")


def _added_pair_item(source: str, target: str, pair: Pair) -> Finding | None:
    """The mirror of ``_dropped_item``: one of two English nouns or adjectives joined
    by "and" or "or" ("fertiliser and diesel") that no German word renders, where the
    German renders the other with no "und", "oder" or comma near it."""
    german, english = pair.german, pair.english
    for index, token in enumerate(english):
        if (
            token.kind != GAP
            or not token.word[:1].islower()
            or _VERB_OR_ADVERB_EN.search(token.word)
        ):
            continue
        for partner in _paired_words(english, index, _PAIRED_BY_EN, _BETWEEN_ITEMS_EN):
            if partner.kind != COVERED or not partner.links or not partner.word[:1].islower():
                continue
            if any(_verb(german[link].word) for link in partner.links):
                continue  # two clauses' verbs, not a list's items
            if _CLAUSE_JOINED_EN.search(_between(target, token, partner)):
                continue  # ", and police searched": a clause
            if _OBJECT_AFTER_EN.match(target, token.span[1]):
                continue  # "and remains the league's top scorer", "relies on": a verb
            if any(_items_near(source, german, link, _ITEMS_JOINED_DE) for link in partner.links):
                continue
            return Finding(
                flag="addition",
                source_span=None,
                target_span=token.span,
                message=f"'{token.word}' of the English, listed with '{partner.word}', has "
                "nothing in the German",
            )
    return None


def _paired_words(
    words: list[Token],
    index: int,
    joining: frozenset[str] = _PAIRED_BY,
    between: frozenset[str] = _BETWEEN_ITEMS,
) -> list[Token]:
    """The words joined to ``words[index]`` by one joining word, an article between."""
    found = []
    for step in (1, -1):
        at = index + step
        if not 0 <= at < len(words) or words[at].word.lower() not in joining:
            continue
        at += step
        if 0 <= at < len(words) and words[at].word.lower() in between and step == 1:
            at += step
        if 0 <= at < len(words):
            found.append(words[at])
    return found


def _items_near(
    text: str, words: list[Token], link: int, joined: regex.Pattern[str] = _ITEMS_JOINED_EN
) -> bool:
    """Whether a list's joining word or comma stands within a few words of
    ``words[link]``."""
    start = words[max(link - _NEAR, 0)].span[0]
    end = words[min(link + _NEAR, len(words) - 1)].span[1]
    return joined.search(text, start, end) is not None


def _hedged(source: str) -> bool:
    """The German says a claim is not established: a hedge word or "sollen"."""
    return bool(HEDGE_DE.search(source) or _HEDGE_SOLLEN_DE.search(source))


# Letters from which a German word is taken for a compound whose first part an
# English modifier may render, where its own entry (if any) lacks the English head.
_COMPOUND = 10


def _read_by_parts(lexicon: Lexicon, word: str, english: str) -> bool:
    """A long German compound the ``english`` word renders by a part, not as a whole
    (no entry of its own gives it): another English word may render the rest."""
    if len(word) < _COMPOUND:
        return False
    whole = entry(lexicon, word)
    return whole is None or set(_english_stems(lexicon, english.lower())).isdisjoint(whole)


def _part_renders(lexicon: Lexicon, word: str, english: str) -> bool:
    """A German compound noun one of whose parts before its last (a word of its own
    in the lexicon, four letters or more) has ``english`` (or a part of it,
    hyphenated) among its translations: "Sturm|böen" = "storm gusts",
    "Bundes|arbeits|minister" = "Labour Minister"."""
    if not word[:1].isupper():
        return False
    wanted = {
        found for part in english.lower().split("-") for found in _english_stems(lexicon, part)
    }
    lower = word.lower()
    for start in range(len(lower) - 6):
        for end in range(start + 4, len(lower) - 2):
            part = entry(lexicon, lower[start:end])
            if part is not None and not wanted.isdisjoint(part):
                return True
    return False


def _modifier(
    target: str, english: list[Token], german: list[Token], lexicon: Lexicon, *, adjective: bool
) -> Token | None:
    """An uncommon English word no German word renders, between a determiner, a
    preposition or a number and a word the German does render ("the veteran
    goalkeeper", "an empty warehouse", "in dilapidated schools"): a modifier the
    German lacks, where every German word is accounted for."""
    for index in range(1, len(english) - 1):
        token, after = english[index], english[index + 1]
        before = english[index - 1].word.lower()
        # a hyphenated modifier ("far-right", "hard-won") whatever its parts' frequency
        hyphenated = "-" in token.word and token.word.islower()
        if token.kind != GAP or (_zipf(token.word.lower()) >= RARE and not hyphenated):
            continue
        if adjective and not _adjective_en(token.word.lower(), after.word):
            continue
        next_to = not target[token.span[1] : after.span[0]].strip()
        possessive = before == "s" and target[token.span[0] - 3 : token.span[0] - 2] in "'’"
        # A German compound the next word renders part of ("Ehrenpreis" = "honorary
        # award", "Bergarbeiterfamilie" = "mining family"): the modifier renders the rest.
        compound = any(_read_by_parts(lexicon, german[g].word, after.word) for g in after.links)
        # or one of whose parts the modifier renders ("Sturmböen" = "storm gusts",
        # "Bundesarbeitsminister" = "Labour Minister")
        compound = compound or any(
            _part_renders(lexicon, german[g].word, token.word) for g in after.links
        )
        # The German's own modifier of that noun left unrendered ("einer ersten
        # Schätzung" = "a flash estimate"): the two modifiers render each other.
        paired = any(g and _open_modifier(german[g - 1]) for g in after.links)
        # not after "to" or "that", nor an "-ing" word after a preposition: verbs ("to
        # declare victory", "that allows", "of laundering more")
        gerund = token.word.endswith("ing") and before not in _DETERMINERS
        opens = before in (_DETERMINERS | _BEFORE_BARE) - {"to", "that"} or possessive
        opens = opens or _NUMBER.fullmatch(before) is not None
        opens = opens and not gerund
        noun_after = _noun_like(after.word) or token.word.endswith("ly")  # "richly decorated"
        if after.kind == COVERED and next_to and opens and noun_after:
            if not compound and not paired and not _describes_a_name(target, token):
                return token
    return None


# English news says what kind of thing a name is, beside it, where German readers know
# it: "broadcasters RTL and n-tv", "the Münchner Merkur newspaper", "carmaker BMW".
_KIND_OF_NAME = regex.compile(
    r"(?:\w*maker|broadcaster|insurer|retailer|publisher|operator|manufacturer|supplier"
    r"|provider|lender|carrier|developer|producer|distributor|discounter|grocer|regulator"
    r"|group|firm|company|paper|newspaper|daily|weekly|tabloid|magazine|club"
    r"|side|team|agency|brand|chain|giant|platform|party|union|network|channel|airline"
    r"|bank|utility|app|service|label|outlet|station|festival|fair|show|event"
    r"|airport|region|town|city|village|district|state|province|institute|federation"
    r"|motorway|autobahn|highway|road"
    r"|association|confederation|organi[sz]ation|body|society|foundation|charity|watchdog)s?",
    regex.IGNORECASE,
)
_NAME_NEXT = regex.compile(r"\s+(?:and\s+)?\p{Lu}")
_KIND_THEN_NAME = regex.compile(r"\s+(\p{Ll}+)\s+\p{Lu}")
_NAME_BEFORE = regex.compile(r"\p{Lu}[\p{L}\p{M}-]*\s+$")


# A translator's note on what a German institution is, set after its name: "the DLRG,
# Germany's lifesaving society,", "THW (Germany's Federal Agency for Technical Relief)",
# "the Bürgergeld, the German basic income".
_GLOSS_OF_A_NAME = regex.compile(
    r"(?<=\p{Lu}[\p{L}\p{M}-]*(?:,\s+|\s+\())"
    r"(?:(?:Germany|Austria|Switzerland)['’]s|the\s+(?:German|Austrian|Swiss))\s+[^,;:()–—]{3,60}"
    r"(?=[,;:)–—]|\.?$)"
)


def _glosses_of_names(target: str) -> list[tuple[int, int]]:
    return [
        match.span()
        for match in _GLOSS_OF_A_NAME.finditer(target)
        if not RANKING_EN.search(match.group())
    ]


def _describes_a_name(target: str, token: Token) -> bool:
    """A lower-case noun of kind (``_KIND_OF_NAME``) right before or after a
    capitalised word not the sentence's first, or a word telling that kind's kind
    right before it ("motoring club ADAC", "Swiss drugmaker Roche")."""
    start, end = token.span
    if not token.word.islower():
        return False
    if not _KIND_OF_NAME.fullmatch(token.word):
        kind = _KIND_THEN_NAME.match(target, end)
        return kind is not None and _KIND_OF_NAME.fullmatch(kind.group(1)) is not None
    name_before = _NAME_BEFORE.search(target, 0, start)
    after_a_name = name_before is not None and name_before.start() > 0
    return _NAME_NEXT.match(target, end) is not None or after_a_name


def _noun_like(word: str) -> bool:
    """A word a modifier may stand before: no modal verb nor participle ("150,000
    policyholders must", "a ruling published"), whose word before is their subject."""
    lower = word.lower()
    return lower not in _MODALS_EN and not (len(lower) > 4 and lower.endswith("ed"))


_MODALS_EN = frozenset("must can cannot could will would shall should may might".split())


def _open_modifier(token: Token) -> bool:
    """An attributive German adjective (HanTa) that no English word renders."""
    return token.kind != COVERED and _attributive(token.word)


def _attributive(word: str) -> bool:
    """A lower-case word HanTa reads first as an attributive adjective."""
    if not word[:1].islower():
        return False
    from service.checks.facts.names import _tags

    tags = _tags(word)
    return bool(tags) and tags[0][0] == "ADJ(A)"


def _next_word(target: str, token: Token) -> str:
    match = _WORD.search(target, token.span[1])
    return match.group() if match else ""


def _verb(word: str) -> bool:
    """A German full verb (HanTa's first tag): the words a paraphrase most often
    says with another verb ("sprang" = "flew", "belegt" = "finished")."""
    if word[0].isupper():
        return False
    from service.checks.facts.names import _tags

    tags = _tags(word)
    return bool(tags) and tags[0][0].startswith("VV")


# "bis heute" = "still", "to date"; "schon heute" = "already", "even now": no day.
NOT_TODAY_DE = regex.compile(r"\b(?i:bis|schon|bereits)\s+heute\b")
# German fixed phrases whose words a good English renders as one idea, or not
# word by word: "ab sofort" = "now", "die Zahl der Arbeitslosen" = "unemployment",
# "mit Blick auf" = "referring to", "nach eigenen Angaben" = "says", "in Not" = "in
# need", "erst gar nicht" = "at first just not", "schon heute" = "already".
IDIOM_DE = regex.compile(
    r"\bab\s+sofort\b|\b(?i:die|der|den)\s+Zahl\s+(?:der|des|von)\b|\bmit\s+Blick\s+auf\b"
    r"|\bnach\s+(?:eigenen|jüngsten|ersten|offiziellen|vorläufigen)\s+\p{Lu}\w*"
    r"|\bin\s+Not\b|\bgar\s+nicht\b|\bgar\s+kein\w*|\bvor\s+allem\b|\bzum\s+Tode\b"
    r"|\bim\s+Blick\b|\bin\s+Sachen\b"
    r"|\bunter\s+der\s+(?:Telefonnummer|Rufnummer|Nummer|Adresse|Internetadresse)\b"
    r"|\bzu\s+melden\b|\bzum\s+Tode\s+verurteilt\w*|\bdotiert\w*"
    r"|\bim\s+Einsatz\b|\bsprach\s+von\b|\bweitere\s+Informationen\b|\bin\s+Höhe\s+von\b"
    r"|\baus\s+dem\s+Handel\b|\bam\s+Rande\b|\beins\s+zu\s+eins\b"
    r"|\b(?:Jahre|Monate|Wochen|Tage|Stunden|Jahrzehnte)\s+lang\b"  # = "for 45 years"
    r"|\bpro\s+Kopf\b"  # = "per capita"
    r"|\bschr(?:ei|ie)b\w*\s+(?:\w+\s+){0,3}?rote\s+Zahlen\b|\brote[nr]?\s+Zahlen\b"  # "in the red"
    r"|\b(?:aus|in|durch)\s+ganz(?:em|en|er)?\b"  # "aus ganz Europa" = "from across Europe"
    r"|\bso\s+lange\b(?=[^.;]{1,80}\bbis\b)"  # "so lange …, bis" = "until"
    r"|\b(?:Platz|Rang)\s+(?:eins|zwei|drei|\d+)\b|\bletzten\s+(?:Platz|Rang)\b"  # "first"
    r"|" + NOT_TODAY_DE.pattern
)
# A German "wollen" of intent: the English says it with a verb of its own.
_INTENT_DE = regex.compile(r"\b(?:will|wollen|wolle|wollte|wollten|wollt)\b", regex.I)
_INTENT_EN = regex.compile(
    r"(?:aim|plan|want|intend|seek|hope)(?:s|ed|ing|ning|ned)?|sought", regex.I
)
# "Again" said by a verb's "re-" ("erneut verhandeln" = "rehear", "wieder öffnen" =
# "reopen"): a word of "re" and a verb more common than it, not "report" or "return".
_AGAIN_DE = regex.compile(r"\b(?:erneut\w*|wieder|abermals|nochmals|neuerlich\w*)\b", regex.I)
_AGAIN_EN = regex.compile(r"\b(?:again|renewed|once\s+more|afresh)\b", regex.I)
_RE_VERB = regex.compile(r"\bre-?([a-z]{3,})\b")
# "möglich" said by a modal verb: "ist online möglich" = "can be done online".
# Only predicative: "mögliche Splitter" are "possible splinters".
_POSSIBLE_DE = regex.compile(r"\b(?:un)?möglich\b", regex.I)
# "einzelne" as a quantity: "some", "a few", "certain".
_SOME_DE = regex.compile(r"\beinzeln(?:e[mnrs]?)?\b", regex.I)
_SOME_EN = regex.compile(r"\b(?:some|a\s+few|certain|isolated|individual)\b", regex.I)
_MODAL_EN = regex.compile(r"\b(?:can|could|cannot|may|might|able|unable)\b|n[’']t\b", regex.I)


def _again_en(target: str) -> bool:
    if _AGAIN_EN.search(target):
        return True
    return any(
        _zipf(root) >= 4.0 and _zipf(root) > _zipf(word.replace("-", ""))
        for word, root in ((m.group(), m.group(1)) for m in _RE_VERB.finditer(target.lower()))
    )


_CURRENCY_EN = regex.compile(r"[$€£]")
_CURRENCY_DE = regex.compile(r"\b(?:US-)?(?:Dollar|Euro|Pfund)\b")
# Words that say a claim is not established: any one of the English renders any
# one of the German (the lexicon lists "alleged" for "mutmaßlich", news says
# "suspected"); the German's hedge dropped is still an omission.
HEDGE_DE = regex.compile(r"\b(?:mutmaßlich|angeblich|vermeintlich|vermutlich)\w*", regex.I)
# The reporting "sollen" hedges too ("die … gesprengt haben sollen" = "who allegedly
# blew up", "soll … liegen" = "is reported to be"): evidence for an English hedge.
_HEDGE_SOLLEN_DE = regex.compile(r"\bsoll(?:en|te|ten|e)?\b", regex.I)
HEDGE_EN = regex.compile(
    r"\b(?:suspected|alleged(?:ly)?|presumed|presumably|purported(?:ly)?|supposed(?:ly)?"
    r"|reportedly|apparently|believed|probabl[ey]|likely|suspects?|claim(?:s|ed|ing)?"
    r"|purport(?:s|ed|ing)?|pos(?:e[sd]?|ing)\s+as|self-styled|so-called|would-be"
    r"|apparent(?:ly)?|ostensib\w+|seeming(?:ly)?)\b",
    regex.IGNORECASE,
)
# German words the English may say in words of another kind: where the English has
# the one, the German's other counts as rendered.
_GOES_ON_DE = regex.compile(
    r"\b(?:weiterhin|nach\s+wie\s+vor|noch\s+immer|immer\s+noch)\b", regex.I
)
_GOES_ON_EN = regex.compile(r"\b(?:continu\w*|remain\w*|still|keeps?|kept)\b", regex.I)
_SAID_OTHERWISE: tuple[tuple[Callable[[str], object], regex.Pattern[str]], ...] = (
    (_CURRENCY_EN.search, _CURRENCY_DE),  # "47 Milliarden US-Dollar" = "$47bn"
    (HEDGE_EN.search, HEDGE_DE),  # "mutmaßliche Schleuser" = "suspected smugglers"
    (_again_en, _AGAIN_DE),  # "nicht erneut verhandeln" = "not rehear"
    (_MODAL_EN.search, _POSSIBLE_DE),  # "Anmeldungen sind möglich" = "… can be made"
    (_SOME_EN.search, _SOME_DE),  # "in einzelnen Packungen" = "in some packs"
    (_GOES_ON_EN.search, _GOES_ON_DE),  # "habe weiterhin Vorrang" = "continue to take"
)
# What a German word unrendered weighs as evidence of an omission: a noun, an
# adjective or an adverb one, a full verb VERB_WEIGHT, a separable verb's particle
# or a pronoun nothing ("nahm … entgegen" = "accepted"; negation has a check of its
# own). Adjectives and adverbs at half weight lost a third of the tuning half's
# omissions for 4 clean references.
_MODIFIER_WEIGHT = 1.0
_WEIGHTLESS = ("PTK", "PI", "PP", "PR", "PD", "PW", "PP", "KO", "KOU", "APP")


def _weight(word: str) -> float:
    if word[0].isupper():
        return 1.0
    from service.checks.facts.names import _tags

    tags = _tags(word)
    if not tags:
        return 1.0
    tag = tags[0][0]
    if tag.startswith(_WEIGHTLESS):
        return 0.0
    if tag.startswith("VV"):
        return VERB_WEIGHT
    return _MODIFIER_WEIGHT


def _have(tokens: list[Token]) -> str:
    return "has" if len(tokens) == 1 else "have"


def _says_how(token: Token) -> bool:
    """A German word no English word renders that may be what an English "-ly"
    adverb says: an adverb, a predicative adjective or a pronominal adverb (HanTa:
    "schlicht" = "simply", "bislang" = "previously"); an attributive adjective or a
    noun is not."""
    if token.kind not in (GAP, UNKNOWN) or not token.word[0].islower():
        return False
    from service.checks.facts.names import _tags

    tags = _tags(token.word)
    return bool(tags) and tags[0][0] in _SAYS_HOW


_SAYS_HOW = frozenset({"ADV", "ADJ(D)", "PROAV"})


def _adverb_gap(german_gaps: list[Token], english_open: list[Token]) -> bool:
    """A German adverb unrendered (HanTa: "erneut", "erstmals", "vorerst"), or an
    adverbial adjective ("dringend", "regelmäßig") where it is the only German word
    unrendered and every English word is rendered."""
    from service.checks.facts.names import _tags

    tags = [_tags(token.word) for token in german_gaps if token.word[:1].islower()]
    if any(found and found[0][0] == "ADV" for found in tags):
        return True
    lone = len(german_gaps) == 1 and not english_open
    return lone and any(found and found[0][0] == "ADJ(D)" for found in tags)


_JOINED = regex.compile(r"(?:,|\s(?:and|or|und|oder|sowie))\s*$", regex.IGNORECASE)
_JOINS = regex.compile(r"^\s*(?:,|(?:and|or|und|oder|sowie)\s)", regex.IGNORECASE)


def _in_a_list(text: str, span: tuple[int, int]) -> bool:
    """Whether a word stands in a list: after a comma or "and"/"or", or before one."""
    return bool(_JOINED.search(text[: span[0]]) or _JOINS.match(text[span[1] :]))


_AND_BEFORE = regex.compile(r"\s(?:and|or)\s*$", regex.IGNORECASE)
_ENDS = regex.compile(r"^\s*[.;:!?]")


def _list_middle(text: str, span: tuple[int, int]) -> bool:
    """Whether an English word is an item of a list, not a clause after a comma: a
    comma before it and a comma or "and"/"or" after ("wheat, barley and rye"), or
    "and"/"or" before it and the sentence's end after ("rye and barley.")."""
    before, after = text[: span[0]], text[span[1] :]
    middle = before.rstrip().endswith(",") and bool(_JOINS.match(after))
    return middle or bool(_AND_BEFORE.search(before) and _ENDS.match(after))


def _lone_item(source: str, german_gaps: list[Token], english_open: list[Token]) -> bool:
    """The one German word unrendered is a noun in a list ("Weizen und Roggen" →
    "wheat"), where every English word is rendered (on the tuning half: 3 more
    omissions, 1 more clean reference)."""
    if len(german_gaps) != 1 or english_open:
        return False
    token = german_gaps[0]
    return token.word[:1].isupper() and _in_a_list(source, token.span)


def _list_item(target: str, english: list[Token]) -> Token | None:
    """An uncommon English word no German word renders, in a list whose other items
    are rendered ("wheat, barley and rye"), where every German word but a verb is.
    Any word after a comma or "and" found 19 more additions for 23 more clean
    references (participle clauses: ", citing"); a list's middle or last item, 2
    for none."""
    for index, token in enumerate(english):
        if token.kind != GAP or _zipf(token.word.lower()) >= RARE:
            continue
        if not token.word[:1].islower() or not _list_middle(target, token.span):
            continue
        neighbours = english[max(index - 1, 0) : index] + english[index + 1 : index + 2]
        if any(other.kind == COVERED for other in neighbours):
            return token
    return None


# German adverbial phrases an English "-ly" adverb renders ("vor allem" = "mainly",
# "especially"; "in erster Linie" = "primarily"; "bislang" = "previously").
_ADVERBIAL_DE = regex.compile(
    r"\b(?:vor\s+allem|in\s+erster\s+Linie|insbesondere|zum\s+Teil|größtenteils"
    r"|überwiegend|hauptsächlich|vor\s+kurzem|bis\s+dahin|bislang|bisher"
    r"|zunächst|vorerst|anfangs|vorläufig|in\s+(?:der|aller)\s+Regel|normalerweise"
    rf"|{SIMPLY_DE})\b",
    regex.IGNORECASE,
)


# "-ly" adverbs German says in a phrase or a comparative: "pro Jahr" = "annually",
# "stärker knüpfen" = "tie more closely".
_ADVERBS_SAID_DE = {
    "annually": r"jährlich|(?:pro|im|je|jedes)\s+Jahr",
    "yearly": r"jährlich|(?:pro|im|je|jedes)\s+Jahr",
    "monthly": r"monatlich|(?:pro|im|je|jeden)\s+Monat",
    "weekly": r"wöchentlich|(?:pro|in\s+der|je|jede)\s+Woche",
    "daily": r"täglich|(?:pro|am|je|jeden)\s+Tag",
    "closely": r"stärker|enger|\beng\w*|genau\w*|aufmerksam\w*",
}


def _adverb_said(word: str, source: str) -> bool:
    pattern = _ADVERBS_SAID_DE.get(word)
    return pattern is not None and regex.search(pattern, source, regex.IGNORECASE) is not None


def _adverb(word: str) -> bool:
    return len(word) > 5 and word.endswith("ly")


def _adjective_en(word: str, after: str) -> bool:
    """An English adjective, adverb or participle first, never a noun first (HanTa),
    that is no age ("17-year-old": the number check's) and tells no acronym's kind
    ("the liberal FDP": a note for readers abroad)."""
    if word.endswith("-old") or (len(after) > 1 and after.isupper()):
        return False
    tags = english_tags(word)
    return bool(tags) and tags[0].startswith(("AJ", "AV", "VVN"))


@lru_cache(maxsize=1 << 14)
def _zipf(word: str, lang: str = "en") -> float:
    from wordfreq import zipf_frequency  # its word lists load when first needed

    return float(zipf_frequency(word, lang))
