from pathlib import Path

import pytest
from pydantic import ValidationError

from service.settings import Settings

README = Path(__file__).resolve().parent.parent / "README.md"


@pytest.mark.parametrize("name", sorted(Settings.model_fields))
def test_every_setting_is_documented_in_the_readme(name: str) -> None:
    assert f"`MTDESK_{name.upper()}`" in README.read_text(encoding="utf-8")


def test_settings_come_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MTDESK_MODEL", "toy")
    monkeypatch.setenv("MTDESK_BEAM_SIZE", "2")
    settings = Settings()
    assert (settings.model, settings.beam_size) == ("toy", 2)


def test_nonsense_values_fail_fast(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MTDESK_BEAM_SIZE", "0")
    with pytest.raises(ValidationError, match="beam_size"):
        Settings()
