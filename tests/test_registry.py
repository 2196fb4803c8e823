from pathlib import Path

import pytest
from huggingface_hub import constants

from models.errors import ModelNotAvailable
from models.registry import DEFAULT_MODEL, TOY, TOY_DIR, known_models, resolve


@pytest.fixture(autouse=True)
def empty_hub_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(constants, "HF_HUB_CACHE", str(tmp_path / "hub"))


def test_toy_resolves_to_the_shipped_directory() -> None:
    assert resolve(TOY) == TOY_DIR
    assert (TOY_DIR / "config.json").is_file()


def test_a_local_directory_is_used_as_given(tmp_path: Path) -> None:
    (tmp_path / "config.json").write_text("{}")
    assert resolve(str(tmp_path)) == tmp_path


def test_a_directory_without_a_model_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ModelNotAvailable, match="no config.json"):
        resolve(str(tmp_path))


def test_an_uncached_hub_model_names_the_pull_command() -> None:
    with pytest.raises(ModelNotAvailable) as caught:
        resolve(DEFAULT_MODEL)
    assert f"mtdesk models pull {DEFAULT_MODEL}" in str(caught.value)


def test_known_models_say_what_is_present() -> None:
    infos = {info.name: info for info in known_models("toy")}
    assert infos[TOY].present and infos[TOY].source == "shipped"
    assert not infos[DEFAULT_MODEL].present
