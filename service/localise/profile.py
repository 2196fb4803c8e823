"""Localisation profiles: a locale's conventions, read from a TOML file a newsroom can copy.

The built-in profiles ship in ``profiles/`` beside this module; a folder given as
``MTDESK_PROFILE_DIR`` (or a file given to ``mtdesk localise --profile``) replaces them.
A file that cannot be read, or lacks or mistypes a key, is a ``ProfileInvalid`` naming
the file and the key: a desk never gets half its conventions silently.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any, Literal

from babel import Locale, UnknownLocaleError
from babel.dates import format_date

from service.errors import ProfileInvalid, UnknownLocale

TARGETS = ("en", "en-GB", "en-US")  # "en": the model's English as it is
BUILT_IN = Path(__file__).with_name("profiles")
SCALES = ("thousand", "million", "billion", "trillion")


@dataclass(frozen=True)
class Spelling:
    variant: Literal["british", "american"]
    keep: frozenset[str]
    nouns_only: frozenset[str]
    unless_near: dict[str, frozenset[str]]


@dataclass(frozen=True)
class Dates:
    date: str  # CLDR pattern with the year
    day_month: str  # CLDR pattern without it
    weekday: str  # "{weekday} {date}"


@dataclass(frozen=True)
class Times:
    minutes: str  # "{hour}.{minute}{half}"
    hour: str  # "{hour}{half}"
    am: str
    pm: str
    noon: str
    midnight: str


@dataclass(frozen=True)
class Money:
    symbol: frozenset[str]  # ISO codes written with their symbol
    scales: dict[str, str]  # thousand/million/billion/trillion → what follows a symbol amount
    names: dict[str, str]  # ISO code → plural name, where CLDR's is not the desk's


@dataclass(frozen=True)
class Units:
    system: Literal["metric", "metric_imperial"]
    names: dict[str, str]


@dataclass(frozen=True)
class Profile:
    locale: str
    babel_locale: str
    description: str
    path: str
    spelling: Spelling
    dates: Dates
    times: Times
    money: Money
    units: Units
    double_quotes: tuple[str, str]
    single_quotes: tuple[str, str]
    headline_case: Literal["sentence", "title"]


def check_target(target: str) -> str:
    if target not in TARGETS:
        raise UnknownLocale(target, TARGETS)
    return target


def profile_for(target: str, folder: Path | None = None) -> Profile | None:
    """The profile of a target locale (None for plain ``en``), from ``folder`` if given."""
    if check_target(target) == "en":
        return None
    path = (folder or BUILT_IN) / f"{target}.toml"
    if folder is not None and not path.is_file():
        raise ProfileInvalid(str(path), f"the folder holds no {target}.toml")
    return load_profile(path)


@cache
def load_profile(path: Path) -> Profile:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise ProfileInvalid(str(path), str(error)) from None
    reader = Reader(str(path), data)
    profile = reader.profile()
    reader.check_patterns(profile)
    return profile


class Reader:
    """Reads one profile's table, naming the first key that is missing or mistyped."""

    def __init__(self, path: str, data: dict[str, Any]) -> None:
        self.path = path
        self.data = data

    def fail(self, key: str, problem: str) -> ProfileInvalid:
        return ProfileInvalid(self.path, f"{key}: {problem}")

    def get(self, key: str, kind: type | tuple[type, ...]) -> Any:
        table: Any = self.data
        for part in key.split("."):
            if not isinstance(table, dict) or part not in table:
                raise self.fail(key, "missing")
            table = table[part]
        if not isinstance(table, kind):
            names = kind.__name__ if isinstance(kind, type) else "/".join(k.__name__ for k in kind)
            raise self.fail(key, f"must be a {names}, not {type(table).__name__}")
        return table

    def choice(self, key: str, choices: tuple[str, ...]) -> Any:
        value = self.get(key, str)
        if value not in choices:
            raise self.fail(key, f"must be one of {', '.join(choices)}, not {value!r}")
        return value

    def words(self, key: str) -> frozenset[str]:
        value = self.get(key, list)
        if not all(isinstance(word, str) for word in value):
            raise self.fail(key, "must be a list of strings")
        return frozenset(word.lower() for word in value)

    def strings(self, key: str) -> dict[str, str]:
        value = self.get(key, dict)
        if not all(isinstance(v, str) for v in value.values()):
            raise self.fail(key, "must map names to strings")
        return dict(value)

    def pair(self, key: str) -> tuple[str, str]:
        value = self.get(key, list)
        if len(value) != 2 or not all(isinstance(mark, str) and mark for mark in value):
            raise self.fail(key, "must be an opening and a closing mark")
        return value[0], value[1]

    def profile(self) -> Profile:
        near = self.get("spelling.unless_near", dict)
        unless_near = {word.lower(): self.words(f"spelling.unless_near.{word}") for word in near}
        scales = self.strings("money.scales")
        if missing := [scale for scale in SCALES if scale not in scales]:
            raise self.fail("money.scales", f"needs {', '.join(missing)}")
        return Profile(
            locale=self.get("locale", str),
            babel_locale=self.get("babel_locale", str),
            description=self.get("description", str),
            path=self.path,
            spelling=Spelling(
                variant=self.choice("spelling.variant", ("british", "american")),
                keep=self.words("spelling.keep"),
                nouns_only=self.words("spelling.nouns_only"),
                unless_near=unless_near,
            ),
            dates=Dates(
                date=self.get("dates.date", str),
                day_month=self.get("dates.day_month", str),
                weekday=self.get("dates.weekday", str),
            ),
            times=Times(
                minutes=self.get("times.minutes", str),
                hour=self.get("times.hour", str),
                am=self.get("times.am", str),
                pm=self.get("times.pm", str),
                noon=self.get("times.noon", str),
                midnight=self.get("times.midnight", str),
            ),
            money=Money(
                symbol=frozenset(code.upper() for code in self.words("money.symbol")),
                scales=scales,
                names={code.upper(): name for code, name in self.strings("money.names").items()},
            ),
            units=Units(
                system=self.choice("units.system", ("metric", "metric_imperial")),
                names=self.strings("units.names"),
            ),
            double_quotes=self.pair("quotes.double"),
            single_quotes=self.pair("quotes.single"),
            headline_case=self.choice("headlines.case", ("sentence", "title")),
        )

    def check_patterns(self, profile: Profile) -> None:
        """Formats every pattern once, so a typo fails at load and not mid-article."""
        try:
            Locale.parse(profile.babel_locale)
        except (ValueError, UnknownLocaleError) as error:
            raise self.fail("babel_locale", str(error)) from None
        sample = date(2022, 10, 3)
        for key in ("date", "day_month"):
            try:
                format_date(sample, getattr(profile.dates, key), locale=profile.babel_locale)
            except (ValueError, KeyError) as error:
                raise self.fail(f"dates.{key}", f"not a CLDR date pattern ({error})") from None
        templates = {
            "dates.weekday": (profile.dates.weekday, {"weekday", "date"}),
            "times.minutes": (profile.times.minutes, {"hour", "minute", "half"}),
            "times.hour": (profile.times.hour, {"hour", "half"}),
        }
        for key, (template, fields) in templates.items():
            try:
                template.format(**dict.fromkeys(fields, ""))
            except (KeyError, IndexError, ValueError) as error:
                fields_text = ", ".join(sorted(fields))
                raise self.fail(key, f"takes only {{{fields_text}}} ({error})") from None
