"""Localisation profiles: a locale's conventions, read from a TOML file a newsroom can copy.

The built-in profiles ship in ``profiles/`` beside this module; a folder given as
``MTDESK_PROFILE_DIR`` (or a file given to ``mtdesk localise --profile``) replaces them.
House styles (``profiles/styles/ap.toml`` ...) are written on top of their locale's
profile: each names its locale and changes only the keys the style guide decides.
A file that cannot be read, lacks or mistypes a key, has a key no profile knows, or
names a locale its file name does not, is a ``ProfileInvalid`` naming the file and the
key: a desk never gets half its conventions silently.
"""

from __future__ import annotations

import hashlib
import json
import tomllib
from dataclasses import dataclass, replace
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any, Literal

from babel import Locale, UnknownLocaleError
from babel.dates import format_date

from service.errors import ProfileInvalid, UnknownLocale

TARGETS = ("en", "en-GB", "en-US")  # "en": the model's English as it is
BUILT_IN = Path(__file__).with_name("profiles")
STYLES = BUILT_IN / "styles"
SCALES = ("thousand", "million", "billion", "trillion")
# Keys a profile may leave out, and what a neutral locale does without them. Every other
# key of the built-in profiles is required; a key in neither is refused (a typo).
OPTIONAL: dict[str, Any] = {
    "style": "",
    "source": "",
    "dates": {"month_names": [], "year_comma": False, "relative": "keep"},
    "times": {"clock": "12"},
    "numbers": {"words": False, "percent": "keep"},
    "units": {"keep": [], "temperature": ""},
    "quotes": {"punctuation_inside": False},
}


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
    month_names: tuple[str, ...] = ()  # the style's own (AP: "Oct."), else CLDR's
    year_comma: bool = False  # "Oct. 3, 2025, in Washington": a comma after the year
    relative: Literal["keep", "weekday"] = "keep"  # "yesterday" → "on Thursday" (BBC)


@dataclass(frozen=True)
class Times:
    minutes: str  # "{hour}.{minute}{half}"
    hour: str  # "{hour}{half}"
    am: str
    pm: str
    noon: str
    midnight: str
    clock: Literal["12", "24"] = "12"  # 24: "14:30" (hour and minute zero-padded)


@dataclass(frozen=True)
class Money:
    symbol: frozenset[str]  # ISO codes written with their symbol
    scales: dict[str, str]  # thousand/million/billion/trillion → what follows a symbol amount
    names: dict[str, str]  # ISO code → plural name, where CLDR's is not the desk's


@dataclass(frozen=True)
class Units:
    system: Literal["metric", "metric_imperial"]
    names: dict[str, str]
    keep: frozenset[str] = frozenset()  # imperial units left as they are ("mile")
    temperature: str = ""  # "C": temperatures as "40C" (the style's short form)


@dataclass(frozen=True)
class Numbers:
    words: bool = False  # one to nine in words ("three people")
    percent: Literal["keep", "%"] = "keep"  # "%": "5 percent" → "5%"


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
    numbers: Numbers = Numbers()
    punctuation_inside: bool = False  # periods and commas inside closing quotes (AP)
    style: str = ""  # the house style's name ("ap"); "" for a locale's neutral profile
    source: str = ""  # the public style guide the profile follows
    digest: str = ""  # content hash: translation memory keeps each profile's English apart

    @property
    def name(self) -> str:
        return self.style or self.locale


def check_target(target: str) -> str:
    if target not in TARGETS:
        raise UnknownLocale(target, TARGETS)
    return target


def styles() -> tuple[str, ...]:
    return tuple(sorted(path.stem for path in STYLES.glob("*.toml")))


def style_locale(style: str) -> str | None:
    """The locale a house style is written for (None: no such style)."""
    if style not in styles():
        return None
    locale = read_toml(STYLES / f"{style}.toml").get("locale")
    return locale if isinstance(locale, str) else None


def profile_for(
    target: str, folder: Path | None = None, style: str | None = None
) -> Profile | None:
    """The profile of a target locale (None for plain ``en``), from ``folder`` if given,
    with the house ``style`` on top of it."""
    if check_target(target) == "en":
        if style:
            raise ProfileInvalid(f"style {style!r}", "a house style needs en-GB or en-US")
        return None
    path = (folder or BUILT_IN) / f"{target}.toml"
    if folder is not None and not path.is_file():
        raise ProfileInvalid(str(path), f"the folder holds no {target}.toml")
    if not style:
        return load_profile(path)
    return load_style(style, path, target)


@cache
def load_style(style: str, base: Path, target: str) -> Profile:
    path = STYLES / f"{style}.toml"
    if style not in styles():
        known = ", ".join(styles())
        raise ProfileInvalid(f"style {style!r}", f"no such house style; use one of: {known}")
    overlay = read_toml(path)
    if overlay.get("locale") != target:
        raise ProfileInvalid(
            str(path), f"the {style} style is written for {overlay.get('locale')}, not {target}"
        )
    data = merged(read_toml(base), overlay)
    return build(str(path), data)


@cache
def load_profile(path: Path) -> Profile:
    """A profile file: named after its locale (``en-GB.toml``, or ``desk.en-GB.toml``)."""
    data = read_toml(path)
    locale = data.get("locale")
    if isinstance(locale, str) and path.stem != locale and not path.stem.endswith(f".{locale}"):
        raise ProfileInvalid(
            str(path),
            f"locale is {locale!r} but the file name says otherwise: name it {locale}.toml "
            f"or NAME.{locale}.toml",
        )
    return build(str(path), data)


def read_toml(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise ProfileInvalid(str(path), str(error)) from None


def build(path: str, data: dict[str, Any]) -> Profile:
    reader = Reader(path, data)
    reader.check_keys()
    profile = reader.profile()
    reader.check_patterns(profile)
    digest = hashlib.sha256(json.dumps(data, sort_keys=True).encode()).hexdigest()[:16]
    return replace(profile, digest=digest)


def merged(base: dict[str, Any], overlay: dict[str, Any]) -> dict[str, Any]:
    """``base`` with ``overlay``'s keys written over it, table by table."""
    result = dict(base)
    for key, value in overlay.items():
        if isinstance(value, dict) and isinstance(result.get(key), dict):
            result[key] = merged(result[key], value)
        else:
            result[key] = value
    return result


@cache
def known_keys() -> frozenset[str]:
    """Every dotted key a profile may have: the built-in en-GB's and the optional ones."""
    template = merged(tomllib.loads((BUILT_IN / "en-GB.toml").read_text("utf-8")), OPTIONAL)
    return frozenset(dotted(template, free=("spelling.unless_near", "money.names")))


def dotted(table: dict[str, Any], prefix: str = "", free: tuple[str, ...] = ()) -> list[str]:
    keys = []
    for key, value in table.items():
        name = f"{prefix}{key}"
        keys.append(name)
        if isinstance(value, dict) and name not in free and not name.endswith("scales"):
            keys += dotted(value, f"{name}.", free)
    return keys


class Reader:
    """Reads one profile's table, naming the first key that is missing or mistyped."""

    def __init__(self, path: str, data: dict[str, Any]) -> None:
        self.path = path
        self.data = data

    def fail(self, key: str, problem: str) -> ProfileInvalid:
        return ProfileInvalid(self.path, f"{key}: {problem}")

    def check_keys(self) -> None:
        known = known_keys()
        free = ("spelling.unless_near", "money.names", "money.scales", "units.names")
        for key in dotted(self.data, free=free):
            if key not in known:
                raise self.fail(key, "unknown key (a typo? see the built-in profiles)")

    def optional(self, key: str, kind: type | tuple[type, ...]) -> Any:
        section, _, name = key.rpartition(".")
        table = self.data.get(section, {}) if section else self.data
        if not isinstance(table, dict) or name not in table:
            default = OPTIONAL[section][name] if section else OPTIONAL[name]
            return default
        return self.get(key, kind)

    def optional_choice(self, key: str, choices: tuple[str, ...]) -> Any:
        value = self.optional(key, str)
        if value not in choices:
            raise self.fail(key, f"must be one of {', '.join(choices)}, not {value!r}")
        return value

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
                month_names=self.month_names(),
                year_comma=self.optional("dates.year_comma", bool),
                relative=self.optional_choice("dates.relative", ("keep", "weekday")),
            ),
            times=Times(
                minutes=self.get("times.minutes", str),
                hour=self.get("times.hour", str),
                am=self.get("times.am", str),
                pm=self.get("times.pm", str),
                noon=self.get("times.noon", str),
                midnight=self.get("times.midnight", str),
                clock=self.optional_choice("times.clock", ("12", "24")),
            ),
            money=Money(
                symbol=frozenset(code.upper() for code in self.words("money.symbol")),
                scales=scales,
                names={code.upper(): name for code, name in self.strings("money.names").items()},
            ),
            units=Units(
                system=self.choice("units.system", ("metric", "metric_imperial")),
                names=self.strings("units.names"),
                keep=frozenset(self.optional("units.keep", list)),
                temperature=self.optional("units.temperature", str),
            ),
            double_quotes=self.pair("quotes.double"),
            single_quotes=self.pair("quotes.single"),
            headline_case=self.choice("headlines.case", ("sentence", "title")),
            numbers=Numbers(
                words=self.optional("numbers.words", bool),
                percent=self.optional_choice("numbers.percent", ("keep", "%")),
            ),
            punctuation_inside=self.optional("quotes.punctuation_inside", bool),
            style=self.optional("style", str),
            source=self.optional("source", str),
        )

    def month_names(self) -> tuple[str, ...]:
        names = self.optional("dates.month_names", list)
        if names and (len(names) != 12 or not all(isinstance(n, str) and n for n in names)):
            raise self.fail("dates.month_names", "must be the twelve months' names, January first")
        return tuple(names)

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
