"""The parsed lexicon is kept on disk and read back instead of parsing Ding again,
only from a file this user alone may write, and never for another dictionary."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from service.checks.facts import lexicon, lexicon_cache

DING = (
    "Brücke {f} | Brücken {pl} :: bridge | bridges\nalt {adj} :: old\n"
    "Bundesrat {m} :: Federal Council\n"
)


@pytest.fixture
def ding(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    path = tmp_path / "de-en"
    path.write_text(DING, encoding="utf-8")
    return path


def fresh_load(path: Path) -> lexicon.Lexicon | None:
    lexicon._loaded.pop(path, None)  # a new process
    return lexicon.load(path)


def no_parse(monkeypatch: pytest.MonkeyPatch) -> None:
    def parse(lines: object) -> lexicon.Lexicon:
        raise AssertionError("Ding was parsed again")

    monkeypatch.setattr(lexicon, "parse", parse)


def test_a_second_process_reads_the_kept_lexicon(
    ding: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = fresh_load(ding)
    # Ding's "bridges", beside what the shipped renderings add ("jetty")
    assert first is not None and "bridg" in first.translations["brücken"]
    (kept,) = lexicon_cache.cache_dir().glob("*.json")
    assert kept.stat().st_mode & 0o777 == 0o600
    no_parse(monkeypatch)
    second = fresh_load(ding)
    assert second is not None and second.translations == first.translations
    assert second.english == first.english and second.forms == first.forms
    assert second.names == first.names == {"bundesrat": ("Federal Council",)}


def test_a_changed_dictionary_is_parsed_afresh(ding: Path) -> None:
    fresh_load(ding)
    ding.write_text(DING + "neu {adj} :: new\n", encoding="utf-8")
    reloaded = fresh_load(ding)
    assert reloaded is not None and "neu" in reloaded.translations


def test_a_file_others_may_write_or_a_broken_one_is_not_read(
    ding: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fresh_load(ding)
    (kept,) = lexicon_cache.cache_dir().glob("*.json")
    os.chmod(kept, 0o666)
    assert lexicon_cache.load(ding) is None
    os.chmod(kept, 0o600)
    kept.write_text('{"key": "another dictionary"}', encoding="utf-8")
    assert lexicon_cache.load(ding) is None
    kept.write_text("{not json", encoding="utf-8")
    reloaded = fresh_load(ding)  # parsed again, and kept again
    assert reloaded is not None and "alt" in reloaded.translations
    assert lexicon_cache.load(ding) is not None
