"""The default glossary for German news, shipped as package data.

``data/news-de-en.tsv`` lists names of people, places, institutions, parties
and media whose English form differs from the German one or that the model
tends to translate literally (Lawrow → Lavrov, Kiew → Kyiv, Nato → NATO,
Bundestag kept). It is used unless a request names another glossary.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

from .entry import Glossary
from .formats import parse_glossary

DEFAULT_NAME = "news-de-en"
_FILE = "news-de-en.tsv"


@lru_cache(maxsize=1)
def default_glossary() -> Glossary:
    """The "news-de-en" glossary (parsed once; Glossary is immutable)."""
    data = resources.files(__package__).joinpath("data", _FILE).read_bytes()
    return parse_glossary(data, "tsv", DEFAULT_NAME, f"glossary/data/{_FILE}")
