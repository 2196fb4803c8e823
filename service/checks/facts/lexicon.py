"""A German-English word lexicon read from Ding's dictionary (``trans-de-en``).

Ding (https://dict.tu-chemnitz.de/, Frank Richter, GPL-2.0-or-later) is read from
the system at run time, never shipped with mtdesk: its path is the ``MTDESK_LEXICON``
setting (default ``/usr/share/trans/de-en``, where Debian's ``trans-de-en``
installs it). A line of it reads ``German forms | more :: English forms | more``:
``|`` parts pair up (a word, its plural, its verb forms …), ``;`` separates
alternatives, and ``{}``, ``[]``, ``()``, ``<>``, ``/…/`` hold annotations.

Loaded once, when first needed (a few seconds; under a second from the copy
``lexicon_cache`` keeps of it), into plain data: each German word
form, lower-cased, maps to the stems (``stem``) of the English content words its
translations hold. Only entries whose German is one content word are kept (``sich
äußern`` is ``äußern``; ``ein Gespräch führen`` is left out). A German word the
lexicon lacks is looked up without an adjective's ending, then by its longest
known tail (``Krisengespräch`` → ``gespräch``) and its head (``krise``).

Beside Ding's own, each loaded lexicon holds the senses of common German news words
that English desks use and Ding lacks (``data/news_senses_de_en.tsv``, shipped with
mtdesk: "rechnet mit" = "expects", "deutlich" = "considerably"), and the renderings
of the most frequent German words Ding lacks (``data/common_senses_de_en.tsv``:
"stellt" = "poses", "inzwischen" = "already"), added to what Ding gives the word,
its base or its parts.
"""

from __future__ import annotations

import logging
import re
import sys
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

log = logging.getLogger(__name__)

_ANNOTATION = re.compile(r"\{[^}]*\}|\[[^\]]*\]|\([^)]*\)|<[^>]*>|(?<!\w)/[^/\s][^/]*/(?!\w)")
# Words of a Ding entry that are not the word itself: placeholders ("jdm.", "etw.",
# "sb.", "sth."), pronouns and auxiliaries of its verb forms ("er/sie hat/hatte
# beschlossen", "he/she has/had decided").
_GERMAN_FILLER = frozenset(
    "jd jdm jdn jds etw sich er sie es ich du wir ihr man hat hatte haben ist war sein "
    "wird wurde werden der die das den dem des ein eine einen einem einer eines zu".split()
)
ENGLISH_FUNCTION = frozenset(
    """a an the and or but nor of in on at to from by with for into onto over under up
    down out off about above across after against along among around as before behind
    below beneath beside between beyond during except inside near outside per since
    than through throughout till toward towards until upon via within without
    sb sth sb's one one's oneself someone something somebody anything anyone
    i me my mine you your yours he him his she her hers it its we us our ours they them
    their theirs myself yourself himself herself itself ourselves themselves
    this that these those there here which who whom whose what where when why how
    whether if because so such not no yes too also very just only even still yet
    be is are was were been being am have has had having do does did done doing
    will would shall should can could may might must ought let lets
    get gets got getting gotten make makes made making take takes took taken
    give gives gave given go goes went gone going come came comes coming
    say says said saying put puts
    all any both each either every few many more most much other another own same
    some several lot lots well then now ever never again already almost
    thing things way ways kind sort part roughly approximately nearly""".split()
)
_IRREGULAR = re.compile(r"\bto ([a-z]+) \{([a-z]+(?:; [a-z]+)*)\}")
# English words of an entry that translate nothing ("to decide sth.").
_ENTRY_FILLER = frozenset(
    "a an the to of sb sth sb's one one's oneself someone something somebody".split()
)
# Separable verb particles: a verb form with one after it ("kündigte an") is keyed
# as one word, the particle first ("ankündigte").
PARTICLES = frozenset(
    "ab an auf aus bei ein fest fort her hin los mit nach vor weg zu zurück zusammen "
    "statt teil vorbei weiter heraus hinaus herein hinein heran voran entgegen hervor "
    "herum dar bereit frei hoch nieder wieder empor voraus zurecht überein kund".split()
)
_ENGLISH_WORD = re.compile(r"[a-z]+(?:'[a-z]+)?")


def stem(word: str) -> str:
    """A light English stem, the same for a word's inflections and its adverb:
    passes, passed, passing → pass; policies → polici; clearly → clear. Lower-case
    ``word`` expected."""
    if word.endswith(("'s", "’s")):
        word = word[:-2]
    if len(word) <= 3:
        return word
    if word.endswith("ies") and len(word) > 4:
        word = word[:-3] + "i"
    elif word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    for suffix in ("ing", "ed", "ly"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            if suffix != "ly" and len(word) > 3 and word[-1] == word[-2] and word[-1] not in "ls":
                word = word[:-1]  # stopped, running
            break
    if word.endswith("e") and len(word) > 3:
        word = word[:-1]
    if word.endswith("y") and len(word) > 3:
        word = word[:-1] + "i"
    return word


@dataclass(frozen=True, eq=False)
class Lexicon:
    """German word form (lower-cased) → the English stems it may be rendered by;
    ``english``: every English stem the lexicon holds, with a word it stems from;
    ``forms``: an irregular verb's stems, each → all of them (rose → rise, rose,
    risen), from Ding's "to rise {rose; risen}"; ``names``: German word → the
    English names of several words Ding gives it, as written ("Bundesrat" →
    "Federal Council", "Milchstraße" → "Milky Way"; "Neustadt" → "new town" is none)."""

    def stems(self, word: str) -> tuple[str, ...]:
        """The stems of an English ``word`` (lower-case): its own, and an irregular
        verb's other forms."""
        found = stem(word)
        return self.forms.get(found, (found,))

    def gloss(self, word: str) -> str:
        """The first English word Ding gives for a German ``word`` ("" if none)."""
        for found in _ordered(self, word.lower()):
            return self.english.get(found, found)
        return ""

    translations: dict[str, tuple[str, ...]]
    english: dict[str, str]
    forms: dict[str, tuple[str, ...]]
    names: dict[str, tuple[str, ...]]

    def names_of(self, word: str) -> tuple[str, ...]:
        """The English names Ding gives a German ``word`` or its base."""
        for base in _bases(word.lower()):
            if base in self.names:
                return self.names[base]
        return ()

    def lookup(self, word: str) -> frozenset[str]:
        """The English stems of a German ``word``: as it is, without an adjective's
        or a noun's ending, or else its longest known tail with its head (a
        compound). Empty when none is known."""
        return _lookup(self, word.lower())


@lru_cache(maxsize=1 << 16)
def _lookup(lexicon: Lexicon, word: str) -> frozenset[str]:
    return frozenset(_ordered(lexicon, word))


@lru_cache(maxsize=1 << 12)
def _ordered(lexicon: Lexicon, word: str) -> tuple[str, ...]:
    found = _form(lexicon, word)
    if found is not None and len(word) < _LONG:
        return found
    if "-" in word:  # "Brombeer-Koalition": each part
        parts = [_ordered(lexicon, part) for part in word.split("-") if len(part) >= 3]
        joined = tuple(dict.fromkeys(stem for part in parts for stem in part))
        return (found or ()) + joined
    # A compound: split where both parts are known (a linking -s-, -n- or -en-
    # dropped from the head, or a head's -e: "Brombeer-"), the longest tail first;
    # else its longest known tail. A long word Ding knows gains its parts' English.
    for cut in range(3, len(word) - 3):
        tail = _form(lexicon, word[cut:])
        if tail is None:
            continue
        head = word[:cut]
        # a verb's stem ("Trink|brunnen": trinken) as well
        for candidate in (head, head[:-1], head[:-2], head + "e", head + "en"):
            known = _form(lexicon, candidate) if len(candidate) >= 3 else None
            linked = candidate in (head, head + "e", head + "en") or head.endswith(("s", "n", "en"))
            if known is not None and linked:
                return tuple(dict.fromkeys((found or ()) + tail + known))
    if found is not None:
        return found
    for cut in range(3, len(word) - 4):
        tail = _form(lexicon, word[cut:])
        if tail is not None:  # an unknown head may be a compound itself: "Krankenhausreform-"
            front = _ordered(lexicon, word[:cut]) if cut >= 6 else ()
            return tuple(dict.fromkeys(tail + front))
    return ()


# A word this long that Ding knows is read by its parts too ("Güllegrube": its
# entry says "liquid manure pit", the English may say "slurry pit").
_LONG = 10


def entry(lexicon: Lexicon, word: str) -> tuple[str, ...] | None:
    """The English stems of a German ``word``'s own entry (by its form, an ending
    dropped), not of its parts; None where the lexicon has no entry for it."""
    return _form(lexicon, word.lower())


def _form(lexicon: Lexicon, word: str) -> tuple[str, ...] | None:
    """The English of ``word`` as it is and of every base an ending dropped gives:
    "ehemaliger" is Ding's noun "Ehemaliger" (alumnus) and the adjective "ehemalig"
    (former), "dichten" the verb and "dicht" (dense, thick)."""
    translations = lexicon.translations
    found = [translations[base] for base in _bases(word) if base in translations]
    if not found:  # a woman's form Ding lacks: "Bürgerinnen", "Innenministerin"
        found = [translations[base] for base in masculine(word) if base in translations]
    return tuple(dict.fromkeys(stem for stems in found for stem in stems)) if found else None


def masculine(word: str) -> tuple[str, ...]:
    """The man's form of a noun for a woman ("bürgerinnen", "ministerin"): the form
    Ding gives a job or a role under."""
    for ending in ("innen", "in"):
        if word.endswith(ending) and len(word) - len(ending) >= 5:
            return (word[: -len(ending)],)
    return ()


# A comparative or superlative with its ending: "leichteren", "stärkste", "größten".
_DEGREE = re.compile(r"(?:er|e?st)(?:en|em|er|es|e)?$")
_UMLAUT = str.maketrans("äöü", "aou")


@lru_cache(maxsize=1 << 16)
def _bases(word: str) -> tuple[str, ...]:
    """``word`` and the bases it may be an inflected form of, the word itself first."""
    bases = [word]
    for ending in ("en", "em", "er", "es", "e", "s", "n"):
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            bases.append(word[: -len(ending)])
    degree = _DEGREE.search(word)
    if degree and degree.start() >= 4 and not word.startswith("ge"):
        base = word[: degree.start()]
        bases += [base, base.translate(_UMLAUT)]
    return tuple(dict.fromkeys(bases))


def parse(lines: Iterable[str]) -> Lexicon:
    """A ``Lexicon`` of Ding-format ``lines``."""
    translations: dict[str, dict[str, None]] = {}  # ordered sets: Ding's first first
    # English token → its stem ("" for a function word), one string object per
    # stem shared by every entry
    stems: dict[str, str] = {}
    words: dict[str, str] = {}  # stem → the first word seen with it
    # an irregular verb's stems, each → all of them (rise, rose, risen)
    families: dict[str, dict[str, None]] = {}
    names: dict[str, dict[str, None]] = {}
    for line in lines:
        if line.startswith("#") or " :: " not in line:
            continue
        german_side, english_side = line.rstrip("\n").split(" :: ", 1)
        for german, english in zip(
            german_side.split(" | "), english_side.split(" | "), strict=False
        ):
            german_words = _german_words(german)
            if not german_words:
                continue
            if "{" in english:  # a verb's irregular forms: "to rise {rose; risen}"
                for irregular in _IRREGULAR.finditer(english):
                    base = stem(irregular.group(1))
                    family = families.setdefault(base, {base: None})
                    for form in irregular.group(2).split("; "):
                        family[stem(form)] = None
                        families.setdefault(stem(form), family)
            if "(" in english or "[" in english or "{" in english or "<" in english:
                english = _ANNOTATION.sub(" ", english)
            for name in _english_names(english):
                for word in german_words:
                    names.setdefault(word, {})[name] = None
            english_stems: dict[str, None] = {}
            for token in _ENGLISH_WORD.findall(english.lower()):
                stemmed = stems.get(token)
                if stemmed is None:
                    stemmed = "" if token in _ENTRY_FILLER else stem(token)
                    stemmed = stems[token] = sys.intern(stemmed)
                    words.setdefault(stemmed, token)
                if stemmed:
                    english_stems[stemmed] = None
            if not english_stems:
                continue
            for word in german_words:
                translations.setdefault(word, {}).update(english_stems)
    # Tuples, each distinct one held once: a third of the memory of sets.
    distinct: dict[tuple[str, ...], tuple[str, ...]] = {}
    table = {}
    for word, found in translations.items():
        key = tuple(found)
        table[word] = distinct.setdefault(key, key)
    words.pop("", None)
    forms = {form: tuple(family) for form, family in families.items()}
    return Lexicon(table, words, forms, {word: tuple(found) for word, found in names.items()})


# "Federal Council", "Milky Way", "Court of Justice": capitalised words, linked by
# lower-case ones at most.
_ENGLISH_NAME = re.compile(r"[A-Z][\w'-]*(?:\s+(?:(?:of|the|and|for|on)\s+)*[A-Z][\w'-]*)+")


def _english_names(english: str) -> list[str]:
    """The alternatives of one ``|`` part of Ding's English that are names of several
    words."""
    alternatives = (part.strip().removeprefix("the ") for part in english.split(";"))
    return [alternative for alternative in alternatives if _ENGLISH_NAME.fullmatch(alternative)]


def _german_words(part: str) -> list[str]:
    """The German words of one ``|`` part each naming a single content word."""
    if "(" in part or "[" in part or "{" in part or "<" in part or "/" in part:
        part = _ANNOTATION.sub(" ", part)
    words = []
    for alternative in part.lower().split(";"):
        content = [
            token
            for token in alternative.split()
            if "/" not in token and token.rstrip(".,!?") not in _GERMAN_FILLER
        ]
        if len(content) == 2 and content[1] in PARTICLES:
            content = [content[1] + content[0]]  # "kündigte an" is kept as "ankündigte"
        if len(content) == 1 and content[0].replace("-", "").isalpha() and len(content[0]) >= 2:
            words.append(content[0])
    return words


_lock = threading.Lock()
_loaded: dict[Path, Lexicon | None] = {}


def load(path: Path | None) -> Lexicon | None:
    """The lexicon at ``path``, parsed once (thread-safe); None, logged once, where
    there is no file there."""
    if path is None:
        return None
    if path in _loaded:
        return _loaded[path]
    with _lock:
        if path not in _loaded:
            from service.checks.facts import lexicon_cache

            kept = lexicon_cache.load(path)
            lexicon = Lexicon(*kept) if kept is not None else None
            try:
                if lexicon is None:
                    with path.open(encoding="utf-8") as lines:
                        lexicon = parse(lines)
                    lexicon_cache.save(
                        path,
                        (lexicon.translations, lexicon.english, lexicon.forms, lexicon.names),
                    )
            except OSError as error:
                log.warning(
                    "no German-English lexicon at %s (%s): omission and addition "
                    "checks use their rules without it",
                    path,
                    error.strerror or error,
                )
            _loaded[path] = _with_news_senses(lexicon) if lexicon is not None else None
    return _loaded[path]


_DATA = Path(__file__).parent / "data"
# Senses of news words the dev set's references showed, and the renderings of the most
# frequent German words, each where Ding lacks them.
NEWS_SENSES = (_DATA / "news_senses_de_en.tsv", _DATA / "common_senses_de_en.tsv")


def _with_news_senses(lexicon: Lexicon) -> Lexicon:
    """``lexicon`` with the senses of common news words Ding lacks (``NEWS_SENSES``)
    added to those it gives."""
    translations = dict(lexicon.translations)
    english = dict(lexicon.english)
    lines = [line for path in NEWS_SENSES for line in path.read_text(encoding="utf-8").splitlines()]
    for line in lines:
        if not line or line.startswith("#"):
            continue
        forms, words = line.split("\t")
        stems = {stem(word): word for word in words.split("|")}
        for stemmed, word in stems.items():
            english.setdefault(stemmed, word)
        for form in forms.split("|"):
            # what Ding gives the form, by its base or its parts where it has no entry
            known = translations.get(form) or tuple(_ordered(lexicon, form))
            translations[form] = tuple(dict.fromkeys((*known, *stems)))
    return Lexicon(translations, english, lexicon.forms, lexicon.names)


def lexicon() -> Lexicon | None:
    """The lexicon the ``MTDESK_LEXICON`` setting names, or None without one."""
    return load(_configured())


@cache
def _configured() -> Path | None:
    from service.settings import Settings

    return Settings().lexicon
