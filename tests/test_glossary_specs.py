"""Which glossary a spec names, and a clear error for one that names none."""

from __future__ import annotations

from pathlib import Path

import pytest

from service.errors import NotFound
from service.pipeline.glossaries import DEFAULT_NAME, resolve_glossary

NO_SUCH_USER = "~mtdesk-no-such-user/glossary.tsv"


@pytest.mark.parametrize("files", [True, False])
def test_a_home_directory_of_no_known_user_names_no_glossary(files: bool) -> None:
    with pytest.raises(NotFound, match="no glossary"):
        resolve_glossary(NO_SUCH_USER, files=files)


def test_a_spec_from_the_network_never_names_a_file(tmp_path: Path) -> None:
    glossary = tmp_path / "house.tsv"
    glossary.write_text("source\ttarget\nLawrow\tLavrov\n")
    assert resolve_glossary(str(glossary)).entries[0].target == "Lavrov"
    with pytest.raises(NotFound):
        resolve_glossary(str(glossary), files=False)
    assert resolve_glossary(DEFAULT_NAME, files=False).entries
