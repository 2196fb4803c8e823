"""Synthetic German→English news corpus for the toy model, with gold word alignments.

A small template grammar with real German morphology (four cases, article and
adjective endings, weak nouns, genitive names, hyphen compounds, separable
verbs, verb-final subordinate clauses) and *literal* English: names are copied
through (Lawrow stays Lawrow, Nato stays Nato, Außenminister is "foreign
minister") because turning them into Lavrov, NATO or Secretary of State is the
glossary's job, not the model's.

Every pair knows its word alignment: ``alignment[j]`` is the source word that
target word ``j`` translates. Words are the whitespace tokens with punctuation
split off (``Pair.source_words``). Which sentences are held out is decided by a
stable hash of the German sentence, so no held-out sentence is ever trained on.

``training_pairs(n)`` feeds ``models.toy_train``; ``held_out(n)`` feeds the
tests; ``piece_words`` maps sentencepiece pieces back to these words (to lift
the gold alignment to pieces, and to score the model's alignment by word).
"""

from __future__ import annotations

import hashlib
import random
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import accumulate, islice

HELD_OUT_EVERY = 10  # one German sentence in ten is never trained on
MIN_WORDS, MAX_WORDS = 4, 20
PUNCTUATION = frozenset(",.:„“”")


@dataclass(frozen=True)
class Pair:
    source: str
    target: str
    source_words: tuple[str, ...]
    target_words: tuple[str, ...]
    alignment: tuple[int, ...]  # target word j translates source word alignment[j]


@dataclass(frozen=True)
class Phrase:
    de: tuple[str, ...]
    en: tuple[tuple[str, int], ...]  # English word, index of its German word in ``de``


def w(de: str, en: str = "") -> Phrase:
    """One German word and the English words (maybe none) that translate it."""
    return Phrase((de,), tuple((word, 0) for word in en.split()))


def arrange(parts: Sequence[Phrase | None], en_order: Sequence[int] | None = None) -> Phrase:
    """Concatenate ``parts`` in German order; English follows ``en_order`` (default: same)."""
    de: list[str] = []
    offsets = []
    for part in parts:
        offsets.append(len(de))
        de.extend(part.de if part else ())
    order = range(len(parts)) if en_order is None else en_order
    en = [(word, offsets[i] + k) for i in order for word, k in (parts[i] or Phrase((), ())).en]
    return Phrase(tuple(de), tuple(en))


# --- morphology -----------------------------------------------------------------------------

CASE = {"nom": 0, "gen": 1, "dat": 2, "acc": 3}
DEF = {
    "m": ("der", "des", "dem", "den"),
    "f": ("die", "der", "der", "die"),
    "n": ("das", "des", "dem", "das"),
    "p": ("die", "der", "den", "die"),
}
INDEF = {
    "m": ("ein", "eines", "einem", "einen"),
    "f": ("eine", "einer", "einer", "eine"),
    "n": ("ein", "eines", "einem", "ein"),
}


@dataclass(frozen=True)
class Noun:
    gender: str  # m, f or n
    sg: tuple[str, str, str, str]  # nom, gen, dat, acc
    pl: tuple[str, str, str, str]
    en: str
    en_pl: str
    title: str = ""  # English form before a name: "Foreign Minister Lawrow"


def _dative_plural(plural: str) -> str:
    return plural if plural.endswith(("n", "s")) else plural + "n"


def masc(nom: str, gen: str, pl: str, en: str, en_pl: str, title: str = "") -> Noun:
    return Noun("m", (nom, gen, nom, nom), (pl, pl, _dative_plural(pl), pl), en, en_pl, title)


def neut(nom: str, gen: str, pl: str, en: str, en_pl: str) -> Noun:
    return Noun("n", (nom, gen, nom, nom), (pl, pl, _dative_plural(pl), pl), en, en_pl)


def weak(nom: str, oblique: str, en: str, en_pl: str, title: str = "") -> Noun:
    """N-declension (der Präsident, des/dem/den Präsidenten)."""
    return Noun("m", (nom, oblique, oblique, oblique), (oblique,) * 4, en, en_pl, title)


def fem(nom: str, pl: str, en: str, en_pl: str, title: str = "") -> Noun:
    return Noun("f", (nom,) * 4, (pl,) * 4, en, en_pl, title)


def adjective_ending(det: str, gender: str, case: str) -> str:
    """Ending after the definite article (weak), ``ein`` (mixed) or no article (strong)."""
    if det == "none":  # only plurals go without an article here
        return ("e", "er", "en", "e")[CASE[case]]
    if gender == "p" or case in ("gen", "dat"):
        return "en"
    if det == "def":
        return "en" if gender == "m" and case == "acc" else "e"
    return {"m": "er" if case == "nom" else "en", "n": "es", "f": "e"}[gender]


# The word tables below keep one entry per line; the formatter would give every form its own.
# fmt: off
ADJECTIVES = {
    "russisch": "Russian", "ukrainisch": "Ukrainian", "amerikanisch": "American",
    "deutsch": "German", "französisch": "French", "polnisch": "Polish", "türkisch": "Turkish",
    "chinesisch": "Chinese", "britisch": "British", "neu": "new", "scharf": "tough",
    "weiter": "further", "direkt": "direct", "schwer": "heavy", "Vereint": "United",
}
NATIONS = ("russisch", "ukrainisch", "amerikanisch", "deutsch", "französisch", "polnisch",
           "türkisch", "chinesisch", "britisch")


# --- lexicon ------------------------------------------------------------------------------

FOREIGN_MINISTER = masc("Außenminister", "Außenministers", "Außenminister",
                        "foreign minister", "foreign ministers", "Foreign Minister")
FOREIGN_MINISTER_F = fem("Außenministerin", "Außenministerinnen",
                         "foreign minister", "foreign ministers", "Foreign Minister")
DEFENCE_MINISTER = masc("Verteidigungsminister", "Verteidigungsministers", "Verteidigungsminister",
                        "defence minister", "defence ministers", "Defence Minister")
PRESIDENT = weak("Präsident", "Präsidenten", "president", "presidents", "President")
PRIME_MINISTER = weak("Ministerpräsident", "Ministerpräsidenten",
                      "prime minister", "prime ministers", "Prime Minister")
CHANCELLOR = masc("Bundeskanzler", "Bundeskanzlers", "Bundeskanzler",
                  "chancellor", "chancellors", "Chancellor")
SECRETARY_GENERAL = masc("Generalsekretär", "Generalsekretärs", "Generalsekretäre",
                         "secretary general", "secretaries general", "Secretary General")
MEETING = neut("Treffen", "Treffens", "Treffen", "meeting", "meetings")
LEADER = masc("Chef", "Chefs", "Chefs", "leader", "leaders", "leader")
KREMLIN_CRITIC = masc("Kremlkritiker", "Kremlkritikers", "Kremlkritiker",
                      "Kremlin critic", "Kremlin critics", "Kremlin critic")
KREMLIN_SPOKESMAN = masc("Kremlsprecher", "Kremlsprechers", "Kremlsprecher",
                         "Kremlin spokesman", "Kremlin spokesmen", "Kremlin spokesman")
SPOKESMAN = masc("Sprecher", "Sprechers", "Sprecher", "spokesman", "spokesmen")
ADVISER = masc("Berater", "Beraters", "Berater", "adviser", "advisers")
AMBASSADOR = masc("Botschafter", "Botschafters", "Botschafter", "ambassador", "ambassadors")
DIPLOMAT = weak("Diplomat", "Diplomaten", "diplomat", "diplomats")
ROLES = (FOREIGN_MINISTER, FOREIGN_MINISTER_F, DEFENCE_MINISTER, PRESIDENT, PRIME_MINISTER,
         CHANCELLOR, AMBASSADOR, DIPLOMAT)


@dataclass(frozen=True)
class Person:
    name: str
    title: Noun
    prefix: str = ""  # US-Außenminister Blinken → US Foreign Minister Blinken
    nation: str = ""  # der russische Außenminister Lawrow → Russian Foreign Minister Lawrow

    @property
    def genitive(self) -> str:  # Lawrows, Scholz'
        return self.name + ("'" if self.name.endswith(("s", "z", "x", "ß")) else "s")


PERSONS = (
    Person("Blinken", FOREIGN_MINISTER, "US", "amerikanisch"),
    Person("Lawrow", FOREIGN_MINISTER, "", "russisch"),
    Person("Putin", PRESIDENT, "", "russisch"),
    Person("Scholz", CHANCELLOR, "", "deutsch"),
    Person("Selenskyj", PRESIDENT, "", "ukrainisch"),
    Person("Biden", PRESIDENT, "US", "amerikanisch"),
    Person("Macron", PRESIDENT, "", "französisch"),
    Person("Merz", LEADER, "CDU"),
    Person("Baerbock", FOREIGN_MINISTER_F, "", "deutsch"),
    Person("Nawalny", KREMLIN_CRITIC),
    Person("Stoltenberg", SECRETARY_GENERAL, "Nato"),
    Person("Guterres", SECRETARY_GENERAL, "UN"),
    Person("Pistorius", DEFENCE_MINISTER, "", "deutsch"),
    Person("Erdogan", PRESIDENT, "", "türkisch"),
    Person("Tusk", PRIME_MINISTER, "", "polnisch"),
    Person("Peskow", KREMLIN_SPOKESMAN),
    Person("Sikorski", FOREIGN_MINISTER, "", "polnisch"),
    Person("Kuleba", FOREIGN_MINISTER, "", "ukrainisch"),
)


def place(nom: str, gen: str, en: str, gender: str = "n") -> Noun:
    return Noun(gender, (nom, gen, nom, nom), (nom,) * 4, en, en)


@dataclass(frozen=True)
class Entity:
    noun: Noun
    article: bool = True  # German says "der Kreml"
    en_article: bool = True  # English says "the Kremlin" (but "die Nato" → "Nato")
    plural: bool = False  # German plural: die UN, die USA (English singular)
    nations: bool = False  # takes a nationality: die russische Regierung
    fixed_adjective: str = ""  # die Vereinten Nationen


GOVERNMENT = fem("Regierung", "Regierungen", "government", "governments")
ENTITIES = (
    Entity(GOVERNMENT, nations=True),
    Entity(fem("Bundesregierung", "Bundesregierungen", "federal government", "")),
    Entity(masc("Kreml", "Kremls", "", "Kremlin", "")),
    Entity(neut("Außenministerium", "Außenministeriums", "Außenministerien",
                "foreign ministry", "foreign ministries"), nations=True),
    Entity(fem("Nato", "", "Nato", ""), en_article=False),
    Entity(fem("EU", "", "EU", "")),
    Entity(place("UN", "UN", "UN"), plural=True),
    Entity(fem("Nation", "Nationen", "", "Nations"), plural=True, fixed_adjective="Vereint"),
    Entity(masc("Bundestag", "Bundestags", "", "Bundestag", "")),
)
COUNTRIES = (
    Entity(place("Russland", "Russlands", "Russia"), article=False),
    Entity(place("Deutschland", "Deutschlands", "Germany"), article=False),
    Entity(place("Frankreich", "Frankreichs", "France"), article=False),
    Entity(place("China", "Chinas", "China"), article=False),
    Entity(place("Polen", "Polens", "Poland"), article=False),
    Entity(place("Georgien", "Georgiens", "Georgia"), article=False),
    Entity(place("Ukraine", "Ukraine", "Ukraine", "f"), en_article=False),
    Entity(place("Türkei", "Türkei", "Turkey", "f"), en_article=False),
    Entity(place("USA", "USA", "US"), plural=True),
)
CITIES = {
    "Moskau": "Moscow", "Kiew": "Kyiv", "Berlin": "Berlin", "Washington": "Washington",
    "Genf": "Geneva", "Brüssel": "Brussels", "Paris": "Paris", "Warschau": "Warsaw",
    "Wien": "Vienna", "München": "Munich", "Peking": "Beijing", "London": "London",
    "Istanbul": "Istanbul", "Charkiw": "Kharkiv",
}


@dataclass(frozen=True)
class Thing:
    noun: Noun
    plural: bool
    adjectives: tuple[str, ...] = ()
    prefixes: tuple[str, ...] = ()
    complement: tuple[str, str, str] = ("", "", "")  # German and English preposition, case


THINGS = {
    "sanctions": Thing(fem("Sanktion", "Sanktionen", "sanction", "sanctions"), True,
                       ("neu", "scharf", "weiter"), ("EU", "US", "G7"),
                       ("gegen", "against", "acc")),
    "talks": Thing(neut("Gespräch", "Gesprächs", "Gespräche", "talk", "talks"), True,
                   ("neu", "direkt", "weiter"), (), ("mit", "with", "dat")),
    "negotiations": Thing(fem("Verhandlung", "Verhandlungen", "negotiation", "negotiations"),
                          True, ("neu", "direkt"), (), ("mit", "with", "dat")),
    "ceasefire": Thing(fem("Waffenruhe", "Waffenruhen", "ceasefire", "ceasefires"), False),
    "attack": Thing(masc("Angriff", "Angriffs", "Angriffe", "attack", "attacks"), False,
                    ("russisch", "ukrainisch", "schwer"), (), ("auf", "on", "acc")),
    "attacks": Thing(masc("Angriff", "Angriffs", "Angriffe", "attack", "attacks"), True,
                     ("russisch", "ukrainisch", "schwer", "weiter"), (), ("auf", "on", "acc")),
    "war": Thing(masc("Krieg", "Kriegs", "Kriege", "war", "wars"), False, (), (),
                 ("in", "in", "dat")),
    "proposal": Thing(masc("Vorschlag", "Vorschlags", "Vorschläge", "proposal", "proposals"),
                      False, ("neu", "französisch", "chinesisch")),
    "plan": Thing(masc("Plan", "Plans", "Pläne", "plan", "plans"), False, ("neu", "deutsch")),
    "resolution": Thing(fem("Resolution", "Resolutionen", "resolution", "resolutions"), False,
                        ("neu",), ("UN",)),
    "accusations": Thing(masc("Vorwurf", "Vorwurfs", "Vorwürfe", "accusation", "accusations"),
                         True, ("neu", "schwer")),
    "escalation": Thing(fem("Eskalation", "Eskalationen", "escalation", "escalations"), False,
                        ("weiter",)),
    "troops": Thing(fem("Truppe", "Truppen", "troop", "troops"), True,
                    ("russisch", "ukrainisch", "weiter"), ("Nato", "US", "UN")),
}


@dataclass(frozen=True)
class Verb:
    inf: str
    past: tuple[str, str]  # singular, plural
    participle: str
    en: tuple[str, str, str]  # infinitive, past, participle
    objects: tuple[str, ...]  # "person", "entity", "country", "city" or a THINGS key
    particle: str = ""  # separable: lehnte ... ab
    prep: tuple[str, str, str] = ("", "", "acc")  # warnte vor + dative → warned of


VERBS = (
    Verb("treffen", ("traf", "trafen"), "getroffen", ("meet", "met", "met"), ("person",)),
    Verb("besuchen", ("besuchte", "besuchten"), "besucht", ("visit", "visited", "visited"),
         ("person", "city", "country")),
    Verb("kritisieren", ("kritisierte", "kritisierten"), "kritisiert",
         ("criticise", "criticised", "criticised"),
         ("person", "entity", "sanctions", "attack", "plan", "proposal")),
    Verb("verurteilen", ("verurteilte", "verurteilten"), "verurteilt",
         ("condemn", "condemned", "condemned"), ("attack", "attacks", "person", "entity")),
    Verb("unterstützen", ("unterstützte", "unterstützten"), "unterstützt",
         ("support", "supported", "supported"),
         ("person", "country", "plan", "proposal", "resolution", "sanctions")),
    Verb("ablehnen", ("lehnte", "lehnten"), "abgelehnt", ("reject", "rejected", "rejected"),
         ("proposal", "plan", "resolution", "accusations", "ceasefire"), particle="ab"),
    Verb("zurückweisen", ("wies", "wiesen"), "zurückgewiesen", ("reject", "rejected", "rejected"),
         ("accusations", "proposal", "plan"), particle="zurück"),
    Verb("verhängen", ("verhängte", "verhängten"), "verhängt",
         ("impose", "imposed", "imposed"), ("sanctions",)),
    Verb("ankündigen", ("kündigte", "kündigten"), "angekündigt",
         ("announce", "announced", "announced"),
         ("sanctions", "talks", "negotiations", "ceasefire", "plan"), particle="an"),
    Verb("fortsetzen", ("setzte", "setzten"), "fortgesetzt",
         ("continue", "continued", "continued"), ("talks", "negotiations", "attacks"),
         particle="fort"),
    Verb("fordern", ("forderte", "forderten"), "gefordert",
         ("call for", "called for", "called for"),
         ("ceasefire", "sanctions", "talks", "negotiations")),
    Verb("akzeptieren", ("akzeptierte", "akzeptierten"), "akzeptiert",
         ("accept", "accepted", "accepted"), ("proposal", "plan", "resolution", "ceasefire")),
    Verb("begrüßen", ("begrüßte", "begrüßten"), "begrüßt", ("welcome", "welcomed", "welcomed"),
         ("proposal", "plan", "resolution", "ceasefire", "talks")),
    Verb("beenden", ("beendete", "beendeten"), "beendet", ("end", "ended", "ended"),
         ("talks", "negotiations", "war")),
    Verb("warnen", ("warnte", "warnten"), "gewarnt", ("warn", "warned", "warned"),
         ("escalation", "attacks", "sanctions", "war"), prep=("vor", "of", "dat")),
    Verb("sprechen", ("sprach", "sprachen"), "gesprochen", ("speak", "spoke", "spoken"),
         ("person", "entity"), prep=("mit", "with", "dat")),
)
SPEECH = (("sagte", "sagten", "said"), ("erklärte", "erklärten", "stated"),
          ("betonte", "betonten", "stressed"))
WEEKDAYS = {
    "Montag": "Monday", "Dienstag": "Tuesday", "Mittwoch": "Wednesday",
    "Donnerstag": "Thursday", "Freitag": "Friday", "Samstag": "Saturday", "Sonntag": "Sunday",
}
MONTHS = {
    "Januar": "January", "Februar": "February", "März": "March", "April": "April",
    "Mai": "May", "Juni": "June", "Juli": "July", "August": "August",
    "September": "September", "Oktober": "October", "November": "November",
    "Dezember": "December",
}
NUMBER_WORDS = {
    "zwei": "two", "drei": "three", "vier": "four", "fünf": "five", "sechs": "six",
    "sieben": "seven", "acht": "eight", "neun": "nine", "zehn": "ten", "elf": "eleven",
    "zwölf": "twelve",
}
PRONOUNS = (("Wir", "We", 1), ("Ich", "I", 0))
MODALS = ((("kann", "können"), "can"), (("muss", "müssen"), "must"),
          (("werde", "werden"), "will"), (("will", "wollen"), "want"))
APPROXIMATELY = (("mehr als", "more than"), ("rund", "around"), ("fast", "almost"),
                 ("etwa", "about"))
COMPLEMENT_KINDS = {"gegen": ("country", "entity"), "mit": ("country", "person"),
                    "auf": ("city", "country"), "in": ("country", "city")}
ALLIANCES = ENTITIES[4:8]  # Nato, EU, UN, Vereinte Nationen
BORDER_COUNTRIES = tuple(c for c in COUNTRIES if not c.plural)
RECIPIENTS = tuple(c for c in COUNTRIES if c.noun.en in ("Ukraine", "Poland", "Georgia"))
# fmt: on


def of(owner: Phrase) -> Phrase:
    """A genitive complement: English "of" goes with the genitive's first word."""
    return Phrase(owner.de, (("of", 0), *owner.en))


def to(recipient: Phrase) -> Phrase:
    """A dative recipient: "der Ukraine" → "to Ukraine"."""
    return Phrase(recipient.de, (("to", 0), *recipient.en))


class Grammar:
    """Draws random sentence pairs; every choice comes from ``rng``, so a seed fixes them."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def chance(self, p: float) -> bool:
        return self.rng.random() < p

    # --- noun phrases ---------------------------------------------------------------------

    def noun_phrase(
        self,
        noun: Noun,
        case: str,
        *,
        plural: bool = False,
        det: str = "def",
        adjective: str = "",
        prefix: str = "",
        en_article: bool = True,
        after: Phrase | None = None,
    ) -> Phrase:
        gender = "p" if plural else noun.gender
        form = (noun.pl if plural else noun.sg)[CASE[case]]
        en = noun.en_pl if plural else noun.en
        if prefix:  # US-Außenminister → US foreign minister
            form, en = f"{prefix}-{form}", f"{prefix} {en}"
        adj = None
        if adjective:
            adj = w(adjective + adjective_ending(det, gender, case), ADJECTIVES[adjective])
        article = None
        if det == "def":
            article = w(DEF[gender][CASE[case]], "the" if en_article else "")
        elif det == "indef":
            following = ADJECTIVES[adjective] if adjective else en
            article = w(INDEF[gender][CASE[case]], "an" if following[0] in "AEIOaeio" else "a")
        return arrange([article, adj, w(form, en), after])

    def person(self, case: str) -> Phrase:
        person = self.rng.choice(PERSONS)
        name = w(person.name, person.name)
        title = person.title
        roll = self.rng.random()
        if roll < 0.5:
            return name
        if roll < 0.75 or not person.nation:  # uninflected title: mit Präsident Putin
            de = f"{person.prefix}-{title.sg[0]}" if person.prefix else title.sg[0]
            return arrange([w(de, f"{person.prefix} {title.title}"), name])
        # der russische Außenminister Lawrow → Russian Foreign Minister Lawrow (no article)
        article = w(DEF[title.gender][CASE[case]])
        nation = w(person.nation + adjective_ending("def", title.gender, case),
                   ADJECTIVES[person.nation])  # fmt: skip
        return arrange([article, nation, w(title.sg[CASE[case]], title.title), name])

    def entity(self, case: str, pool: Sequence[Entity] = ENTITIES) -> tuple[Phrase, int]:
        """The phrase and its German number (die UN *haben*; English says "the UN has")."""
        entity = self.rng.choice(pool)
        adjective, after = entity.fixed_adjective, None
        if entity.nations and self.chance(0.4):
            adjective = self.rng.choice(NATIONS)
        elif entity.noun is GOVERNMENT and self.chance(0.3):
            after = arrange([w("in", "in"), self.city()])  # die Regierung in Moskau
        phrase = self.noun_phrase(
            entity.noun,
            case,
            plural=entity.plural,
            det="def" if entity.article else "none",
            adjective=adjective,
            en_article=entity.en_article,
            after=after,
        )
        return phrase, int(entity.plural)

    def role(self, case: str) -> tuple[Phrase, bool]:
        """A person named by office; returns the phrase and whether it is plural."""
        roll = self.rng.random()
        if roll < 0.35:  # der russische Außenminister
            adjective = self.rng.choice(NATIONS) if self.chance(0.6) else ""
            return self.noun_phrase(self.rng.choice(ROLES), case, adjective=adjective), False
        if roll < 0.55:  # Lawrows Sprecher → Lawrow's spokesman
            person, noun = self.rng.choice(PERSONS), self.rng.choice((SPOKESMAN, ADVISER))
            owner = w(person.genitive, person.name + "'s")
            return arrange([owner, w(noun.sg[CASE[case]], noun.en)]), False
        if roll < 0.75:  # ein Sprecher des Kremls → a spokesman of the Kremlin
            det = self.rng.choice(("def", "indef"))
            owner = of(self.entity("gen")[0])
            return self.noun_phrase(SPOKESMAN, case, det=det, after=owner), False
        if roll < 0.85:  # russische Diplomaten → Russian diplomats
            nation = self.rng.choice(NATIONS)
            return self.noun_phrase(DIPLOMAT, case, plural=True, det="none", adjective=nation), True
        # die Außenminister der EU → the foreign ministers of the EU
        noun = self.rng.choice((FOREIGN_MINISTER, DEFENCE_MINISTER, AMBASSADOR))
        owner = of(self.entity("gen", ALLIANCES)[0])
        return self.noun_phrase(noun, case, plural=True, after=owner), True

    def subject(self) -> tuple[Phrase, int, int]:
        """Nominative subject, German number and English number (0 singular, 1 plural)."""
        roll = self.rng.random()
        if roll < 0.35:
            return self.person("nom"), 0, 0
        if roll < 0.7:
            entity, plural = self.entity("nom", ENTITIES if roll < 0.55 else COUNTRIES)
            return entity, plural, 0
        phrase, plural = self.role("nom")
        return phrase, int(plural), int(plural)

    def actor(self) -> tuple[Phrase, int, int]:
        """A subject that can move troops or money: a country, an alliance or a leader."""
        roll = self.rng.random()
        if roll < 0.25:
            return self.person("nom"), 0, 0
        entity, plural = self.entity("nom", COUNTRIES if roll < 0.75 else ALLIANCES)
        return entity, plural, 0

    def city(self) -> Phrase:
        city = self.rng.choice(list(CITIES))
        return w(city, CITIES[city])

    def thing(self, thing: Thing, case: str) -> tuple[Phrase, bool]:
        """The phrase and whether it is definite (only those take "nicht")."""
        adjective = prefix = ""
        if thing.adjectives and self.chance(0.4):
            adjective = self.rng.choice(thing.adjectives)
        if thing.prefixes and self.chance(0.3):
            prefix = self.rng.choice(thing.prefixes)
        after = None
        de_prep, en_prep, prep_case = thing.complement
        if de_prep and self.chance(0.4):
            kind = self.rng.choice(COMPLEMENT_KINDS[de_prep])
            after = arrange([w(de_prep, en_prep), self.object(kind, prep_case)[0]])
        det = self.rng.choice(("def", "none") if thing.plural else ("def", "indef"))
        phrase = self.noun_phrase(
            thing.noun,
            case,
            plural=thing.plural,
            det=det,
            adjective=adjective,
            prefix=prefix,
            after=after,
        )
        return phrase, det == "def"

    def object(self, kind: str, case: str) -> tuple[Phrase, bool]:
        if kind == "person":
            return (self.person(case) if self.chance(0.7) else self.role(case)[0]), True
        if kind in ("entity", "country"):
            return self.entity(case, ENTITIES if kind == "entity" else COUNTRIES)[0], True
        if kind == "city":
            return self.city(), True
        return self.thing(THINGS[kind], case)

    def verb_object(self, verb: Verb) -> tuple[Phrase, bool]:
        """The verb's object (with its preposition) and whether "nicht" may precede the verb."""
        de_prep, en_prep, case = verb.prep
        phrase, definite = self.object(self.rng.choice(verb.objects), case)
        if de_prep:
            return arrange([w(de_prep, en_prep), phrase]), False
        return phrase, definite

    def time(self) -> Phrase | None:
        roll = self.rng.random()
        day = self.rng.choice(list(WEEKDAYS))
        if roll < 0.4:
            return None
        if roll < 0.7:  # am Dienstag → on Tuesday
            return arrange([w("am", "on"), w(day, WEEKDAYS[day])])
        if roll < 0.8:  # am Dienstagabend → on Tuesday evening
            de, en = self.rng.choice((("abend", "evening"), ("morgen", "morning")))
            return arrange([w("am", "on"), w(day + de, f"{WEEKDAYS[day]} {en}")])
        if roll < 0.95:  # am 2. Januar → on 2 January
            month, date = self.rng.choice(list(MONTHS)), self.rng.randint(1, 28)
            return arrange([w("am", "on"), w(f"{date}.", str(date)), w(month, MONTHS[month])])
        return arrange([w("am", "at the"), w("Wochenende", "weekend")])

    def number(self, small: bool = False) -> Phrase:
        """A count of two or more: 100.000 → 100,000; zwölf → twelve."""
        roll = self.rng.random()
        if roll < 0.2:
            word = self.rng.choice(list(NUMBER_WORDS))
            return w(word, NUMBER_WORDS[word])
        if roll < 0.4 or small:
            n = self.rng.randint(13, 99)
        elif roll < 0.55:
            n = self.rng.randint(100, 999)
        elif roll < 0.75:  # thousands are where German and English differ: 13.600 → 13,600
            n = self.rng.randint(1, 150) * self.rng.choice((100, 1000))
        else:
            n = self.rng.randint(1000, 999_999)
        return w(f"{n:,}".replace(",", "."), f"{n:,}")

    def approximately(self) -> Phrase | None:
        if self.chance(0.5):
            return None
        de, en = self.rng.choice(APPROXIMATELY)
        return arrange([w(d, e) for d, e in zip(de.split(), en.split(), strict=True)])

    # --- clauses ----------------------------------------------------------------------------

    def past(self) -> Phrase:
        """Lawrow traf am Dienstag Blinken in Genf. → Lawrow met Blinken in Geneva on Tuesday."""
        subject, plural, _ = self.subject()
        verb = self.rng.choice(VERBS)
        obj, _ = self.verb_object(verb)
        when = self.time()
        where = arrange([w("in", "in"), self.city()]) if verb.inf == "treffen" else None
        finite = w(verb.past[plural], verb.en[1])
        particle = w(verb.particle) if verb.particle else None  # lehnte … ab
        stop = w(".", ".")
        if when and self.chance(0.35):  # Am Dienstag traf Lawrow … → On Tuesday Lawrow met …
            return arrange([when, finite, subject, obj, where, particle, stop], [0, 2, 1, 3, 4, 6])
        return arrange([subject, finite, when, obj, where, particle, stop], [0, 1, 3, 4, 2, 6])

    def perfect(self) -> Phrase:
        """Die EU hat neue Sanktionen verhängt. → The EU has imposed new sanctions."""
        subject, de_plural, en_plural = self.subject()
        verb = self.rng.choice(VERBS)
        obj, _ = self.verb_object(verb)
        aux = w(("hat", "haben")[de_plural], ("has", "have")[en_plural])
        already = w("bereits", "already") if self.chance(0.25) else None
        participle = w(verb.participle, verb.en[2])
        return arrange([subject, aux, already, obj, participle, w(".", ".")], [0, 1, 2, 4, 3, 5])

    def reported(self) -> Phrase:
        """Lawrow sagte, dass Russland den Plan nicht akzeptieren werde. → … would not accept …"""
        speaker, speakers, _ = self.subject()
        said = self.rng.choice(SPEECH)
        subject, plural, _ = self.subject()
        verb = self.rng.choice(VERBS)
        obj, definite = self.verb_object(verb)
        negation = w("nicht", "not") if definite and self.chance(0.3) else None
        parts = [
            speaker,
            w(said[speakers], said[2]),
            self.time(),
            w(","),
            w("dass", "that"),
            subject,
            obj,
            negation,
            w(verb.inf, verb.en[0]),
            w(("werde", "würden")[plural], "would"),
            w(".", "."),
        ]
        return arrange(parts, [0, 1, 2, 4, 5, 9, 7, 8, 6, 10])

    def quote(self) -> Phrase:
        """„Wir werden Kiew besuchen“, sagte Scholz. → “We will visit Kyiv,” Scholz said."""
        if self.chance(0.6):
            speaker, speakers = self.person("nom"), 0
        else:
            speaker, plural_role = self.role("nom")
            speakers = int(plural_role)
        said = self.rng.choice(SPEECH)
        pronoun, en_pronoun, plural = self.rng.choice(PRONOUNS)
        modals, en_modal = self.rng.choice(MODALS)
        verb = self.rng.choice(VERBS)
        obj, definite = self.verb_object(verb)
        negation = None
        if en_modal == "will" and definite and self.chance(0.3):
            negation = w("nicht", "not")
        infinitive = w(verb.inf, ("to " if en_modal == "want" else "") + verb.en[0])
        clause = arrange(
            [w(pronoun, en_pronoun), w(modals[plural], en_modal), obj, negation, infinitive],
            [0, 1, 3, 4, 2],
        )
        say = w(said[speakers], said[2])
        if self.chance(0.5):
            parts = [w("„", "“"), clause, w("“", "”"), w(",", ","), say, speaker, self.time()]
            return arrange([*parts, w(".", ".")], [0, 1, 3, 2, 5, 4, 6, 7])
        return arrange(
            [speaker, say, self.time(), w(":", ":"), w("„", "“"), clause, w(".", "."), w("“", "”")]
        )

    def meeting(self) -> Phrase:
        """Blinken und Lawrow trafen sich in Genf. → Blinken and Lawrow met in Geneva."""
        first, second = self.person("nom"), self.person("nom")
        while second.de[-1] == first.de[-1]:
            second = self.person("nom")
        where = arrange([w("in", "in"), self.city()])
        parts = [first, w("und", "and"), second, w("trafen", "met"), w("sich"), self.time(), where]
        return arrange([*parts, w(".", ".")], [0, 1, 2, 3, 6, 5, 7])

    def duration(self) -> Phrase:
        """Das Treffen mit Putin dauerte 30 Minuten. → The meeting with Putin lasted 30 minutes."""
        plural = self.chance(0.5)
        noun = THINGS["talks"].noun if plural else MEETING
        partner = arrange([w("mit", "with"), self.person("dat")]) if self.chance(0.5) else None
        subject = self.noun_phrase(noun, "nom", plural=plural, after=partner)
        unit = self.rng.choice((("Minuten", "minutes"), ("Stunden", "hours"), ("Tage", "days")))
        lasted = w(("dauerte", "dauerten")[plural], "lasted")
        return arrange([subject, lasted, self.number(small=True), w(*unit), w(".", ".")])

    def troops(self) -> Phrase:
        """Russland hat 100.000 Soldaten an der Grenze zusammengezogen. → … amassed 100,000 …"""
        subject, de_plural, en_plural = self.actor()
        if self.chance(0.5):
            soldiers = arrange([self.approximately(), self.number(), w("Soldaten", "soldiers")])
        else:
            soldiers = self.thing(THINGS["troops"], "acc")[0]
        stop = w(".", ".")
        if self.chance(0.3):  # Die Nato will Truppen nach Polen schicken. → … wants to send …
            wants = w(("will", "wollen")[de_plural], ("wants", "want")[en_plural])
            parts = [subject, wants, soldiers, self.destination(), w("schicken", "to send"), stop]
            return arrange(parts, [0, 1, 4, 2, 3, 5])
        aux = w(("hat", "haben")[de_plural], ("has", "have")[en_plural])
        if self.chance(0.5):  # an der Grenze (dative: where) … zusammengezogen → amassed at
            border = arrange([w("an", "at"), w("der", "the"), w("Grenze", "border")])
            verb = w("zusammengezogen", "amassed")
        else:  # an die Grenze (accusative: where to) … verlegt → moved to
            border = arrange([w("an", "to"), w("die", "the"), w("Grenze", "border")])
            verb = w("verlegt", "moved")
        if self.chance(0.5):  # zur Ukraine, zu Polen → with Ukraine, with Poland
            country = self.rng.choice(BORDER_COUNTRIES)
            zu = "zur" if country.article else "zu"
            border = arrange([border, w(zu, "with"), w(country.noun.sg[2], country.noun.en)])
        return arrange([subject, aux, soldiers, border, verb, stop], [0, 1, 4, 2, 3, 5])

    def destination(self) -> Phrase:
        """nach Polen, in die Ukraine → to Poland, to Ukraine."""
        country = self.rng.choice(BORDER_COUNTRIES)
        name = w(country.noun.sg[0], country.noun.en)
        if country.article:
            return arrange([w("in", "to"), w("die"), name])
        return arrange([w("nach", "to"), name])

    def casualties(self) -> Phrase:
        """Bei dem Angriff wurden zwölf Menschen getötet. → Twelve people were killed in the …"""
        attack, _ = self.thing(THINGS["attack"], "dat")
        outcome = self.rng.choice((("getötet", "killed"), ("verletzt", "injured")))
        parts = [
            w("bei", "in"),
            attack,
            self.time(),
            w("wurden", "were"),
            self.number(),
            w("Menschen", "people"),
            w(*outcome),
            w(".", "."),
        ]
        return arrange(parts, [4, 5, 3, 6, 0, 1, 2, 7])

    def pledge(self) -> Phrase:
        """Die EU hat der Ukraine 2,5 Milliarden Euro zugesagt. → … pledged 2.5 billion euros …"""
        subject, de_plural, en_plural = self.actor()
        recipient = to(self.entity("dat", RECIPIENTS)[0])
        further = w("weitere", "a further") if self.chance(0.3) else None
        whole = self.rng.randint(2, 99)
        tenth = self.rng.randint(1, 9) if self.chance(0.3) else 0
        amount = w(f"{whole},{tenth}", f"{whole}.{tenth}") if tenth else w(str(whole), str(whole))
        unit = self.rng.choice((("Millionen", "million"), ("Milliarden", "billion")))
        aux = w(("hat", "haben")[de_plural], ("has", "have")[en_plural])
        parts = [
            subject,
            aux,
            recipient,
            further,
            amount,
            w(*unit),
            w("Euro", "euros"),
            w("zugesagt", "pledged"),
            w(".", "."),
        ]
        return arrange(parts, [0, 1, 7, 3, 4, 5, 6, 2, 8])

    def sentence(self) -> Pair | None:
        """One pair, or None when it came out shorter or longer than allowed."""
        templates = (
            self.past,
            self.perfect,
            self.reported,
            self.quote,
            self.meeting,
            self.duration,
            self.troops,
            self.casualties,
            self.pledge,
        )
        weights = (24, 14, 14, 12, 6, 6, 12, 7, 5)
        return finish(self.rng.choices(templates, weights)[0]())


def capitalize(words: list[str]) -> list[str]:
    """Upper-case the sentence's first word (the one after any opening quote)."""
    for index, word in enumerate(words):
        if word not in PUNCTUATION:
            return [*words[:index], word[0].upper() + word[1:], *words[index + 1 :]]
    return words


def detokenize(words: Sequence[str], glue_left: frozenset[str], glue_right: frozenset[str]) -> str:
    """Join words with spaces, except before ``glue_left`` and after ``glue_right`` marks."""
    text = ""
    for index, word in enumerate(words):
        if index and word not in glue_left and words[index - 1] not in glue_right:
            text += " "
        text += word
    return text


def finish(phrase: Phrase) -> Pair | None:
    source = capitalize(list(phrase.de))
    target = capitalize([word for word, _ in phrase.en])
    lengths = [sum(word not in PUNCTUATION for word in side) for side in (source, target)]
    if not all(MIN_WORDS <= length <= MAX_WORDS for length in lengths):
        return None
    return Pair(
        source=detokenize(source, frozenset(",.:“"), frozenset("„")),
        target=detokenize(target, frozenset(",.:”"), frozenset("“")),
        source_words=tuple(source),
        target_words=tuple(target),
        alignment=tuple(index for _, index in phrase.en),
    )


# --- the corpus -----------------------------------------------------------------------------


def is_held_out(source: str) -> bool:
    """Stable across runs and machines (unlike ``hash``)."""
    digest = hashlib.sha256(source.encode("utf-8")).digest()
    return int.from_bytes(digest[:4], "big") % HELD_OUT_EVERY == 0


def pairs(seed: int) -> Iterator[Pair]:
    """An endless, seeded stream of pairs (training and held-out mixed)."""
    grammar = Grammar(random.Random(seed))
    while True:
        pair = grammar.sentence()
        if pair is not None:
            yield pair


def training_pairs(n: int, seed: int = 1) -> list[Pair]:
    """``n`` training pairs; none of their sources is held out."""
    return list(islice((pair for pair in pairs(seed) if not is_held_out(pair.source)), n))


def held_out(n: int, seed: int = 2) -> list[Pair]:
    """``n`` distinct held-out pairs: sentences the training script never sees."""
    seen: dict[str, Pair] = {}
    for pair in pairs(seed):
        if is_held_out(pair.source):
            seen.setdefault(pair.source, pair)
            if len(seen) == n:
                break
    return list(seen.values())


def piece_words(pieces: Sequence[str], words: Sequence[str]) -> list[tuple[int, ...]]:
    """The words each sentencepiece piece covers: usually one, two for a piece like ``.“``.

    Pieces and words must spell the same characters once spaces and the ``▁``
    word marker are dropped, as they do for corpus sentences. A lone ``▁``
    belongs to the word that follows it.
    """
    ends = list(accumulate(len(word) for word in words))  # where each word's characters end
    result, position = [], 0
    for piece in pieces:
        length = len(piece.replace("▁", ""))
        first = bisect_right(ends, position)
        last = bisect_right(ends, position + length - 1) if length else first
        result.append(tuple(range(first, min(last, len(words) - 1) + 1)))
        position += length
    if position != ends[-1]:
        raise ValueError(f"pieces {pieces} do not spell the words {words}")
    return result
