"""The README says what the product does: its JSON sample has every field a document has."""

from __future__ import annotations

import json
import re

from service.document import AlignedDocument, Segment
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_the_json_sample_shows_every_field_of_a_document_and_a_segment() -> None:
    sample = json.loads(re.search(r"```json\n(.*?)```", README, re.DOTALL).group(1))  # type: ignore[union-attr]
    assert set(sample) == set(AlignedDocument.model_fields) | {"target_text", "target_document"}
    segment = sample["blocks"][0]["segments"][0]
    assert set(segment) == set(Segment.model_fields)
    Segment.model_validate(segment)  # and each value has the field's shape


def test_the_readme_says_flagged_output_stays_out_of_the_memory() -> None:
    assert "Flagged output is kept out of\nthe memory" in README
