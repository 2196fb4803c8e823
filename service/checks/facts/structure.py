"""Phrases left out or added, told from the closed word classes both languages mark:
coordination, prepositions and manner adverbs: evidence that needs no dictionary,
beside the word coverage by Ding's German-English dictionary (``coverage.py``).

* **coordination**: each „und", „oder", „sowie", „bzw." of the German is an "and",
  "or" or "as well as" in the English, and the other way round. A list item or a
  clause dropped takes its conjunction with it ("für Schulen und Kliniken" →
  "for schools"); one added brings its own ("… and low wages").
* **prepositional phrases**: German prepositions (separable verb particles, "zu"
  before an infinitive, and those before a number, a link, a pronoun or a time
  idiom left out) are paired with English ones they can render ("zu" → to, for,
  at, …), a largest pairing. A German phrase left without one whose noun the
  English does not hold (its first four letters, folded) is taken as dropped
  ("zu Gesprächen" in "… reist zu Gesprächen nach Warschau" → "… travel to
  Warsaw"); an English "with", "by", "at", … phrase left without one whose words
  the German does not hold, as added ("with the Polish president").
* **manner adverbs**: English "-ly" adverbs ("sharply", "immediately") beyond
  the German's adverbial adjectives and adverbs (HanTa's ADJ(D), ADV) and
  adverbial phrases ("vor allem", "in der Regel", the reporting "soll"), and
  with no German word of the same stem: an addition.

``omission.py`` counts each only where the length leans the same way (see there).
Misses: an adjective or noun added or dropped inside a phrase ("the veteran
goalkeeper", "die frühere Managerin"), a single adverb dropped ("weltweit"), a
genitive dropped ("der Leiter der Mordkommission" → "the head"), and a phrase
whose preposition the English keeps for another. False flags: idioms that lose
their preposition in English ("auf der Flucht" = "displaced") when the English
also runs short, and phrases the English says with words of other stems.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

import regex

from service.checks.facts.names import TIME_PART_DE, fold

_WORD = regex.compile(r"[\p{L}\p{M}]+(?:['’-][\p{L}\p{M}]+)*")

# German coordinators, and English ones: "as well as" counts once.
_AND_DE = regex.compile(
    r"\b(?i:und|oder|sowie|als\s+auch|bzw|beziehungsweise|respektive)\b|\bplus\b|&",
)  # "plus" in lower case: "ein Plus von 3,8 Prozent" is a rise
_AND_EN = regex.compile(
    r"\b(?:and|or|as\s+well\s+as|plus)\b"
    r"(?!\s+(?:a\s+(?:half|quarter)|so\s+on|so\s+forth|over|older|above|under|younger"
    r"|more|less|fewer|later|earlier|higher|lower)\b|\s+\d)|&",  # "aged 75 and over" = "ab 75"
    regex.IGNORECASE,
)
# Clauses German joins without a coordinator, that English often joins with "and":
# a semicolon, a relative or "wobei" clause, "nun"/"jetzt"/"zudem" ("…; ihm droht nun
# …" = "… and now faces …").
_JOIN_DE = regex.compile(
    r";|,\s*(?:der|die|das|dem|den|deren|dessen|denen|wobei|womit|wodurch|sodass|was)\b"
    r"|\b(?:nun|jetzt|zudem|außerdem|ebenfalls|auch)\b"
    r"|\bvon\b[^,.;]{1,40}?\bbis\b"  # "von Januar bis September" = "between January and September"
    r"|(?<=\p{L})/(?=\p{L})"  # "Friedrichstraße/Leipziger Straße"
    r"|,\s*Tendenz\s+(?:steigend|fallend|sinkend)",  # = ", and the figure is rising"
    regex.IGNORECASE,
)
# "weder … noch" is "neither … nor": both sides count their second part.
_NOR_DE = regex.compile(r"\bnoch\b", regex.IGNORECASE)

# The English prepositions each German one may become (a reporter's usual choices).
_RENDERS = {
    "an": "at on in to by near over of", "am": "on at in by", "ans": "to at on",
    "auf": "on at in onto for to into upon of", "aus": "from out of in",
    "bei": "at near with during in by from for among", "beim": "at during in with by",
    "durch": "through by across throughout", "für": "for to of on",
    "gegen": "against at around about towards toward with versus of",
    "in": "in into at on to within inside over", "im": "in at on within during inside over",
    "ins": "into to in", "mit": "with by of at on", "nach": "to after for towards toward",
    "seit": "since for in", "über": "over about above across on via through",
    "um": "by around at about for", "unter": "under at among below beneath on",
    "vor": "before in of from outside at against", "vom": "from of by off",
    "von": "from of by off about", "zu": "to for at on into in of",
    "zum": "to for at on into of", "zur": "to for at on into of", "zwischen": "between",
    "wegen": "because due over for", "während": "during while", "trotz": "despite spite",
    "ohne": "without", "ab": "from as", "bis": "until till by to through up",
    "innerhalb": "within in inside", "außerhalb": "outside",
}  # fmt: skip
_PREPOSITIONS = {german: tuple(english.split()) for german, english in _RENDERS.items()}
_ENGLISH_PREPOSITIONS = frozenset().union(*_PREPOSITIONS.values())
_ENGLISH_PREPOSITION = regex.compile(r"[\p{L}]+|['’]s\b")
_LINK_PATTERN = r"https?:|www\.|\S+@|@|\S+\.(?:de|com|org|net|eu)\b"
_LINK = regex.compile(_LINK_PATTERN, regex.IGNORECASE)
# A qualifier and a number word after a preposition: "ein Plus von knapp sieben Prozent"
# is a figure, which the number checks account for.
_ROUGHLY_DE = r"knapp|rund|etwa|fast|gut|über|unter|mehr\s+als|weniger\s+als|bis\s+zu"
_NUMBER_WORD_DE = (
    r"(?:zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|elf|zwölf)\w*"
    r"|(?:zwanzig|dreißig|vierzig|fünfzig|sechzig|siebzig|achtzig|neunzig|hundert|tausend)\w*"
)
_NOT_A_PHRASE = regex.compile(
    rf"(?:(?:{_ROUGHLY_DE})\s+)?(?:\d|{_NUMBER_WORD_DE}\b)|{_LINK_PATTERN}"
    r"|(?:sich|mir|dir|ihm|ihr|ihnen|uns|euch|ihn)\b",
    regex.IGNORECASE,
)
# "im vergangenen Jahr", "am kommenden Montag", "im Monat", "in der Nacht": English
# says "last year", "next Monday", "a month", "overnight" with no preposition.
_TIME_IDIOM = regex.compile(
    r"(?:(?:der|dem|den)\s+)?(?:(?:vergangen|letzt|nächst|kommend|dies|laufend|selb)\w*\s+)?"
    r"(?:Jahr|Monat|Woche|Wochenende|Tag|Nacht|Abend|Morgen|Vormittag|Nachmittag|Mittag"
    r"|Sommer|Winter|Frühjahr|Herbst|Montag|Dienstag"
    r"|Mittwoch|Donnerstag|Freitag|Samstag|Sonntag)\w*\b"
    r"|(?:vergangen|letzt|nächst|kommend|dies)\w*\s",
)
# English prepositions that open a phrase of their own.
_ADDED_PREPOSITIONS = frozenset(
    "at on in into from with for against through over under after since until "
    "without within during between near across by".split()
)
# An English preposition before a number, a date or a day: the number and day
# checks account for those phrases ("on 12 March", "at 8 p.m.", "on Monday").
_WHEN = regex.compile(
    r"(?:\d|(?:the\s+)?(?:least|most|all|more|less|about|around|almost|nearly)\b"
    r"|(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March"
    r"|April|May|June|July|August|September|October|November|December)\b)"
)
# A German preposition right before a clause's end is a separable verb's particle
# ("teilte … mit", "kündigte … an").
_PARTICLE_END = regex.compile(r"\s*(?:[,.;:!?»«„“\"”)]|$)")

_LY_NOT_ADVERBS = frozenset(
    "only early family july italy likely daily nearly reportedly supply reply rally "
    "belly holy hourly weekly monthly yearly quarterly elderly friendly lonely lovely ugly "
    "silly costly deadly assembly anomaly".split()
)


def coordination(source: str, target: str) -> tuple[str, tuple[int, int]] | None:
    """("omission", German span) or ("addition", English span) when the number of
    coordinators differs, else None."""
    german = list(_AND_DE.finditer(source))
    english = [
        match
        for match in _AND_EN.finditer(target)
        if not _repeated(target, match) and not _OR_ACRONYM.match(target, match.start())
    ]
    if "weder" in source.casefold():
        german += list(_NOR_DE.finditer(source))
        english += list(regex.finditer(r"\bnor\b", target, regex.IGNORECASE))
    if len(german) > len(english):
        match = german[len(english)] if english else german[-1]
        return "omission", phrase(source, match.start())
    joins = len(_JOIN_DE.findall(source)) + _comma_clauses(source)
    if _INSTEAD_EN.search(target):  # "nicht verschoben, sondern erfolgt" = "and will instead"
        joins += len(_INSTEAD_DE.findall(source))
    joins += sum(_in_a_name(target, match) for match in english)  # "Nature and Biodiversity"
    if len(english) > len(german) + joins:
        match = english[len(german)] if german else english[-1]
        return "addition", phrase(target, match.start())
    return None


_INSTEAD_DE = regex.compile(r"\bsondern\b")
_INSTEAD_EN = regex.compile(r"\band\s+(?:\w+\s+){0,2}instead\b", regex.IGNORECASE)
_AROUND = regex.compile(r"(\w+)\s+$")
# "Bavarian Broadcasting, or BR, said": an acronym the English gives a name, no item.
_OR_ACRONYM = regex.compile(r"or\s+\p{Lu}{2,}\b\s*[,)]")


def _repeated(target: str, match: regex.Match[str]) -> bool:
    """An "and" between a word and itself: "fewer and fewer" (immer weniger)."""
    before = _AROUND.search(target[: match.start()])
    after = _WORD.match(target[match.end() :].lstrip())
    return bool(before and after) and before.group(1).casefold() == after.group().casefold()


# The head word of an English organisation's name: an "and" between capitalised words
# beside one is the name's ("the Nature and Biodiversity Conservation Union").
_BODY_EN = frozenset(
    """Union Association Federation Society Institute Office Ministry Agency Council Party
    Foundation Committee Organisation Organization Authority Department Centre Center Court
    Bank Fund Alliance League Chamber Commission Service Board Network Trust Group""".split()
)
_NAME_LINK_EN = frozenset({"of", "for", "the", "and", "&"})


def _in_a_name(target: str, match: regex.Match[str]) -> bool:
    """An "and" inside an organisation's name: capitalised words either side, and the
    run of capitalised words it is in holds a body's head word or ends in "(ACRONYM)"."""
    before = _WORD.findall(target[: match.start()])
    after_text = target[match.end() :]
    after = _WORD.findall(after_text)
    if not before or not after or not before[-1][0].isupper() or not after[0][0].isupper():
        return False
    run = []
    for word in reversed(before):
        if not (word[0].isupper() or word in _NAME_LINK_EN):
            break
        run.append(word)
    for word in after:
        if not (word[0].isupper() or word in _NAME_LINK_EN):
            break
        run.append(word)
    return any(word in _BODY_EN for word in run) or bool(_ACRONYM_AFTER.search(after_text))


_ACRONYM_AFTER = regex.compile(r"^(?:\s+\p{Lu}[\p{L}-]*){1,4}\s+\(\p{Lu}{2,}\)")


# Words that open a German clause which is not a main one (subordinators, relatives,
# "zu" infinitives): a comma before them joins no two main clauses.
_SUBORDINATE = frozenset(
    """dass daß weil wenn ob als da nachdem obwohl während um wie bis sodass damit falls
    seit seitdem bevor ehe indem sofern soweit wo wobei womit der die das dem den deren
    dessen denen was wer und oder aber sondern denn""".split()
)
_CLAUSE = regex.compile(r"[^,;.:!?„“\"»«]+")
_ORDINAL_DOT = regex.compile(r"(?<=\d)\.|(?<=\d),(?=\d)")  # "31. Januar", "3,6 Prozent"


def _finite(word: str) -> bool:
    from service.checks.facts.names import _tags

    # any reading: "finden" is an infinitive first, but second in a clause it is finite
    return any(tag.endswith("(FIN)") for tag, _ in _tags(word))


def _comma_clauses(source: str) -> int:
    """Commas between two German main clauses (", auf der A8 bildeten sich lange
    Staus"): English often joins them with "and". The clause after the comma has its
    finite verb second, after a first phrase of one to three words, or none, where it
    opens with a preposition and leaves out the verb of the clause before."""
    text = _ORDINAL_DOT.sub(" ", source)  # "bis zum 31. Januar", "3,6" end no clause
    clauses = [(m.group(), m.start()) for m in _CLAUSE.finditer(text)]
    count = 0
    for (before, _), (after, start) in zip(clauses, clauses[1:], strict=False):
        if source[start - 1 : start] != "," and source[start - 2 : start] != ", ":
            continue
        words = _WORD.findall(after)
        if len(words) < 3 or words[0].casefold() in _SUBORDINATE:
            continue
        if not any(_finite(word) for word in _WORD.findall(before)):
            continue
        if any(_finite(word) for word in words[1:4]):
            count += 1
        elif words[0].casefold() in _GAPPED_START and not any(_finite(w) for w in words):
            count += 1  # its verb left out: ", im Süden sogar auf minus 22 Grad"
    return count


# Prepositions that open a German clause whose verb is the one before, left out
# (", in Hessen um drei Prozent" = "and in Hesse by three percent").
_GAPPED_START = frozenset("in im am an auf bei beim vor nach für".split())


def unmatched_prepositions(source: str, target: str) -> list[tuple[int, int]]:
    """Spans of German prepositional phrases no English preposition is left for
    (a largest pairing of German prepositions with English ones they may become)."""
    german, _, paired, held, spans = _pairing(source, target)
    unmatched = set(range(len(german))) - set(paired.values())
    return sorted(spans[german[i].start()] for i in unmatched if german[i].start() not in held)


# A part of a time span (the German's: ``TIME_PART_DE``): "Anfang der Woche" = "at
# the beginning of the week".
_PART_OF_EN = regex.compile(r"the\s+(?:end|beginning|start|middle|turn)\s+of\b", regex.IGNORECASE)


# A person's role, whose body English names with "for" where German has a genitive.
_ROLE_EN = regex.compile(
    r"\b(?:spokes\w+|chief|head|minister|secretary|director|commissioner|officer"
    r"|representative|ambassador|envoy|coordinator)\s+$",
    regex.IGNORECASE,
)


def added_prepositions(source: str, target: str) -> list[tuple[int, int]]:
    """Spans of English prepositional phrases ("with the Polish president") no German
    preposition is paired with and whose words the German does not hold (their
    first four letters, folded); "of", "to" and "'s" are left out, as they also
    render German genitives, compounds and infinitives."""
    _, english, paired, _, _ = _pairing(source, target)
    stems = {fold(word)[:4] for word in _WORD.findall(source)}
    added = []
    for slot, match in enumerate(english):
        word = match.group().casefold()
        after = target[match.end() :].lstrip()
        if slot in paired or word not in _ADDED_PREPOSITIONS or _WHEN.match(after):
            continue
        if _PART_OF_EN.match(after) and TIME_PART_DE.search(source):
            continue  # "Ende März" = "at the end of March"
        if word == "for" and _ROLE_EN.search(target[: match.start()]):
            continue  # "ein Sprecher der Grünen" = "a spokesman for the Greens"
        span = phrase(target, match.start())
        words = [w for w in _WORD.findall(target[match.end() : span[1]]) if len(w) > 3]
        if words and not any(fold(w)[:4] in stems for w in words):
            rest = target[: span[0]] + " " + target[span[1] :]
            if not _translated(source, words, _WORD.findall(rest)):
                added.append(span)
    return added


def _translated(source: str, words: list[str], rest: list[str]) -> bool:
    """A word of an English phrase that a German word's lexicon entry gives
    ("künftig" = "in future"), where no English word outside the phrase (``rest``)
    renders that German word already: the phrase renders it."""
    from service.checks.facts.lexicon import lexicon, stem

    known = lexicon()
    if known is None:
        return False
    english = {stem(word.casefold()) for word in words}
    elsewhere = {stem(word.casefold()) for word in rest if len(word) > 3}
    for word in _WORD.findall(source):
        gives = known.lookup(word)
        if not english.isdisjoint(gives) and elsewhere.isdisjoint(gives):
            return True
    return False


def _pairing(
    source: str, target: str
) -> tuple[
    list[regex.Match[str]],
    list[regex.Match[str]],
    dict[int, int],
    set[int],
    dict[int, tuple[int, int]],
]:
    """German prepositions, English ones, a largest pairing of the two (English
    index → German index), the German phrases the English holds, and each German
    phrase's span by its start."""
    english = [
        match
        for match in _ENGLISH_PREPOSITION.finditer(target)
        if (match.group().casefold() in _ENGLISH_PREPOSITIONS or match.group() in {"'s", "’s"})
        and not _LINK.match(target[match.end() :].lstrip())
    ]
    heard = {fold(word)[:4] for word in _WORD.findall(target)}
    german = [match for match in _WORD.finditer(source) if _is_preposition(source, match)]
    # Phrases whose noun the English holds (its first four letters, folded) are
    # paired first: "nach Warschau" = "to Warsaw" keeps the "to" when "zu
    # Gesprächen" is the phrase gone. One held and left unpaired is there, said
    # another way ("Preise für Butter" = "butter prices").
    spans = {match.start(): _noun_phrase(source, match.start()) for match in german}
    held = {
        match.start()
        for match in german
        if _heard(source[spans[match.start()][0] : spans[match.start()][1]], heard)
    }
    german.sort(key=lambda match: match.start() not in held)
    words = [match.group().casefold() for match in english]
    words = ["of" if word[-1] == "s" and word[0] in "'’" else word for word in words]
    # Each preposition's likeliest renderings first: "gegen" takes "against" before "of".
    choices = [
        [slot for english_word in _PREPOSITIONS[match.group().casefold()]
         for slot in range(len(words)) if words[slot] == english_word]
        for match in german
    ]  # fmt: skip
    return german, english, largest_pairing(choices), held, spans


def largest_pairing(choices: Sequence[Sequence[int]]) -> dict[int, int]:
    """A largest one-to-one pairing of items with the slots each may take (its
    ``choices``, likeliest first), earlier items first: slot → item."""
    paired: dict[int, int] = {}

    def place(item: int, seen: set[int]) -> bool:
        for slot in choices[item]:
            if slot in seen:
                continue
            seen.add(slot)
            if slot not in paired or place(paired[slot], seen):
                paired[slot] = item
                return True
        return False

    for item in range(len(choices)):
        place(item, set())
    return paired


def _heard(phrase: str, heard: set[str]) -> bool:
    words = [word for word in _WORD.findall(phrase)[1:] if word[0].isupper()]
    return any(fold(word)[:4] in heard for word in words)


def _is_preposition(source: str, match: regex.Match[str]) -> bool:
    word = match.group().casefold()
    if word not in _PREPOSITIONS or _PARTICLE_END.match(source, match.end()):
        return False
    after = source[match.end() :].lstrip()
    before = source[: match.start()].rstrip().casefold()
    if word == "zu" and (after[:1].islower() or before.endswith("bis")):
        return False  # "zu gehen" (an infinitive), "bis zu" (up to)
    if word == "von" and before.endswith(("innerhalb", "außerhalb")):
        return False  # "innerhalb von" is one preposition
    # A number, link or pronoun after it: the number and link checks account for
    # "von 1,2 Prozent" and "an bauamt@…"; "bei sich" has no English preposition.
    if _NOT_A_PHRASE.match(after):
        return False
    return not _TIME_IDIOM.match(after) or word not in {"im", "in", "am", "an"}


def added_adverb(source: str, target: str) -> tuple[int, int] | None:
    """The span of an English "-ly" adverb beyond what the German's adverbial
    adjectives account for, or None."""
    stems = {fold(word)[:4] for word in _WORD.findall(source)}
    adverbs = [
        match
        for match in _WORD.finditer(target)
        if _is_adverb(match.group().casefold())
        and fold(match.group())[:4] not in stems
        and not _adjective_rendered(match.group().casefold(), source)
    ]
    if not adverbs:
        return None
    adverbial = sum(
        1
        for word in _WORD.findall(source)
        if word[0].islower() and len(word) > 3 and _adverbial(word)
    )
    adverbial += len(_ADVERBIAL_PHRASE.findall(source))
    if len(adverbs) <= adverbial:
        return None
    return adverbs[-1].span()


def _adjective_rendered(adverb: str, source: str) -> bool:
    """An "-ly" adverb whose adjective a German word renders (Ding): "derzeitigem" =
    "current" → "currently", "noch im Mai" → "as recently as May" ("neu")."""
    from service.checks.facts.lexicon import lexicon, stem

    known = lexicon()
    if known is None:
        return False
    adjective = stem(adverb.removesuffix("ly"))
    return any(adjective in known.lookup(word) for word in _WORD.findall(source) if len(word) > 3)


def _is_adverb(word: str) -> bool:
    if len(word) <= 5 or not word.endswith("ly") or word in _LY_NOT_ADVERBS:
        return False
    if word.endswith(("ally", "ably", "ibly")):
        return True
    stem = word[:-3] + "y" if word.endswith("ily") else word[:-2]
    counts = _english_counts()
    return stem in counts or stem + "e" in counts


@cache
def _english_counts() -> dict[str, int]:
    from service.checks.quotations import word_counts

    counts, _ = word_counts("en")
    return counts


def _adverbial(word: str) -> bool:
    from service.checks.facts.names import _KNOWN, _tags

    tags = _tags(word)
    return (
        bool(tags)
        and tags[0][0] in {"ADJ(D)", "ADV"}
        and tags[0][1] >= _KNOWN
        and word.casefold() not in _COMMON_ADV
    )


# German phrases an English "-ly" adverb often renders: "vor allem" (mainly), "vor
# kurzem" (recently), "in der Regel" (usually), "zum Teil" (partly), "vor Ort"
# (locally), "ca." (approximately), the reporting "soll" (allegedly, reportedly).
# German words an English "simply" renders ("gar nicht" = "simply not", "ohne Weiteres
# hinnehmen" = "simply accept", "nur weil" = "simply because"); coverage.py reads it too.
SIMPLY_DE = r"gar|überhaupt|ohne\s+Weiteres|nur\s+weil"
_ADVERBIAL_PHRASE = regex.compile(
    r"\b(?:vor\s+(?:allem|kurzem|Kurzem|Ort)|in\s+der\s+(?:Regel|Tat|Folge)"
    r"|im\s+(?:Wesentlichen|Allgemeinen|Grunde|Vorfeld)|zum\s+(?:Teil|Glück|Beispiel)"
    r"|in\s+erster\s+Linie|auf\s+jeden\s+Fall|ca\.|circa"
    rf"|soll(?:en|te|ten)?|schlicht|einfach|{SIMPLY_DE})\b",
    regex.IGNORECASE,
)
# Function adverbs that no English "-ly" word renders.
_COMMON_ADV = frozenset(
    "auch noch schon nur sehr bereits dort hier so mehr gut jedoch aber nie nicht heute "
    "gestern morgen".split()
)


def _noun_phrase(text: str, start: int) -> tuple[int, int]:
    """From a German preposition at ``start`` through the noun that ends its phrase
    (the first capitalised word after it, and a genitive after that)."""
    end = start
    words = list(_WORD.finditer(text, start))
    for index, match in enumerate(words[:8]):
        end = match.end()
        if text[start:end].count(",") or regex.search(r"[.;:!?]", text[start : match.start()]):
            break
        if index and match.group()[0].isupper():
            following = words[index + 1 : index + 3]
            if (
                len(following) == 2
                and following[0].group() in {"der", "des"}
                and following[1].group()[0].isupper()
            ):
                end = following[1].end()
            break
    return start, end


def phrase(text: str, start: int) -> tuple[int, int]:
    """From ``start`` through at most five words, stopping at punctuation."""
    words = list(_WORD.finditer(text, start))[:5]
    end = start
    for match in words:
        if regex.search(r"[,.;:!?()]", text[end : match.start()]) and end > start:
            break
        end = match.end()
    return start, end
