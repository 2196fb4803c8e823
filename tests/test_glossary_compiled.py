"""Compiled glossaries are kept on disk: a later start loads them instead of compiling."""

from __future__ import annotations

import os
import pickle
import stat
from pathlib import Path
from typing import Any

import pytest

from glossary import Entry, Glossary, compile_glossary, compiled, match
from glossary.compiled import cache_dir, cache_file

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

    def counting(self: match.Matcher, glossary: Glossary, forms: Any = None) -> None:
        if forms is None:  # not loaded: the lemmatiser runs
            built.append(glossary.version)
        original(self, glossary, forms)

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


class Payload:
    """What a planted pickle would run on load: it leaves a file behind."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[Any, ...]:
        return (Path.touch, (self.marker,))


def test_a_planted_file_never_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    marker = tmp_path / "ran"
    cache_dir().mkdir(parents=True)
    payload = pickle.dumps(Payload(marker))
    for path in (cache_file(GLOSSARY), cache_file(GLOSSARY).with_suffix(".pickle")):
        path.write_bytes(payload)
        path.chmod(0o600)
    found = compile_glossary(GLOSSARY).find(SENTENCE)
    assert [hit.entry.source for hit in found] == ["Lawrow", "Nato"]
    assert not marker.exists()
    stored = cache_file(GLOSSARY).read_text()  # replaced by plain data
    assert stored.startswith("{") and "Lawrows" in stored


def test_a_file_others_may_write_is_not_trusted(monkeypatch: pytest.MonkeyPatch) -> None:
    compile_glossary(GLOSSARY)
    path = cache_file(GLOSSARY)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    wrong = path.read_text().replace('"Lawrows"', '"Sprecher"')  # someone edits the forms
    path.write_text(wrong)
    path.chmod(0o666)
    monkeypatch.setattr(match, "_CACHE", type(match._CACHE)())
    built = compiles(monkeypatch)
    found = compile_glossary(GLOSSARY).find(SENTENCE)
    assert built == [GLOSSARY.version]  # compiled afresh
    assert [hit.surface for hit in found] == ["Lawrows", "Nato"]


def test_a_requests_own_glossary_is_never_written(tmp_path: Path) -> None:
    inline = Glossary("inline", GLOSSARY.entries, cached=False)
    assert [hit.entry.source for hit in compile_glossary(inline).find(SENTENCE)] == [
        "Lawrow",
        "Nato",
    ]
    assert not cache_dir().exists() or list(cache_dir().iterdir()) == []


def test_the_cache_directory_is_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(compiled, "MAX_FILES", 3)
    glossaries = [Glossary(f"g{n}", (Entry(f"Wort{n}", f"word{n}"),)) for n in range(6)]
    for number, glossary in enumerate(glossaries):
        compile_glossary(glossary)
        os.utime(cache_file(glossary), (number, number))  # in the order they were used
    left = sorted(path.name for path in cache_dir().iterdir())
    assert left == sorted(cache_file(glossary).name for glossary in glossaries[-3:])
