"""Compiled glossaries are kept on disk: a later start loads them instead of compiling."""

from __future__ import annotations

from pathlib import Path

import pytest

from glossary import Entry, Glossary, compile_glossary, match
from glossary.compiled import cache_file

GLOSSARY = Glossary("house", (Entry("Lawrow", "Lavrov", "name"), Entry("Nato", "NATO", "name")))
SENTENCE = "Lawrows Sprecher traf die Nato-Botschafter."


@pytest.fixture(autouse=True)
def fresh_start(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A cache directory of the test's own, and nothing compiled in this process yet."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setattr(match, "_CACHE", type(match._CACHE)())


def compiles(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Record every real compilation from here on."""
    built: list[str] = []
    original = match.Matcher.__init__

    def counting(self: match.Matcher, glossary: Glossary) -> None:
        built.append(glossary.version)
        original(self, glossary)

    monkeypatch.setattr(match.Matcher, "__init__", counting)
    return built


def test_a_later_start_loads_the_compiled_glossary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = compile_glossary(GLOSSARY).find(SENTENCE)
    assert cache_file(GLOSSARY).is_file() and cache_file(GLOSSARY).is_relative_to(tmp_path)

    monkeypatch.setattr(match, "_CACHE", type(match._CACHE)())  # a new process
    built = compiles(monkeypatch)
    again = compile_glossary(GLOSSARY).find(SENTENCE)
    assert built == []  # a hit: loaded, not compiled
    assert again == first and [hit.entry.source for hit in again] == ["Lawrow", "Nato"]


def test_an_edited_glossary_is_a_miss_and_compiles_afresh(monkeypatch: pytest.MonkeyPatch) -> None:
    compile_glossary(GLOSSARY)
    edited = Glossary("house", (*GLOSSARY.entries, Entry("Kreml", "Kremlin", "name")))
    monkeypatch.setattr(match, "_CACHE", type(match._CACHE)())
    built = compiles(monkeypatch)
    found = compile_glossary(edited).find("Der Kreml schweigt.")
    assert built == [edited.version]
    assert [hit.entry.target for hit in found] == ["Kremlin"]
    assert cache_file(edited) != cache_file(GLOSSARY) and cache_file(edited).is_file()


def test_an_unreadable_file_compiles_instead(monkeypatch: pytest.MonkeyPatch) -> None:
    path = cache_file(GLOSSARY)
    path.parent.mkdir(parents=True)
    path.write_bytes(b"not a pickle")
    built = compiles(monkeypatch)
    assert [hit.entry.source for hit in compile_glossary(GLOSSARY).find(SENTENCE)] == [
        "Lawrow",
        "Nato",
    ]
    assert built == [GLOSSARY.version]
