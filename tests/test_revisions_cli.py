"""``mtdesk translate NEW --previous OLD.json``: a story's new version offline."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import run_cli
from tests.test_revisions_carry import FIRST, SECOND


def test_a_new_version_carries_the_reviewed_sentences_over(tmp_path: Path) -> None:
    (tmp_path / "first.txt").write_text(FIRST, "utf-8")
    (tmp_path / "second.txt").write_text(SECOND, "utf-8")
    first = run_cli(
        "translate", str(tmp_path / "first.txt"), "-m", "toy", "--no-glossary", "-f", "json"
    )
    assert first.returncode == 0, first.stderr.decode()
    document = json.loads(first.stdout)
    # reviewed offline: the third sentence edited and approved
    third = document["blocks"][1]["segments"][1]
    third.update(target="The fire broke out on Tuesday.", status="approved", origin="approved")
    (tmp_path / "first.json").write_text(json.dumps(document), "utf-8")

    second = run_cli(
        "translate",
        str(tmp_path / "second.txt"),
        "-m",
        "toy",
        "--no-glossary",
        "-f",
        "json",
        "--previous",
        str(tmp_path / "first.json"),
    )

    assert second.returncode == 0, second.stderr.decode()
    assert "4 sentences kept, 2 changed, 1 new, 1 removed; 3 translated" in second.stderr.decode()
    updated = json.loads(second.stdout)
    assert updated["revision"] == 2
    new = [segment for block in updated["blocks"] for segment in block["segments"]]
    assert [segment["revised"] for segment in new] == [
        "kept",
        "changed",
        "kept",
        "changed",
        "kept",
        "new",
        "kept",
    ]
    assert (new[2]["target"], new[2]["status"]) == ("The fire broke out on Tuesday.", "approved")
    assert "The fire broke out on Tuesday." in updated["target_text"]
    for segment in new:
        start, end = segment["source_span"]
        assert SECOND[start:end] == segment["source"]


def test_a_previous_file_that_is_not_a_document_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "second.txt").write_text(SECOND, "utf-8")
    (tmp_path / "old.json").write_text('{"blocks": "no"}', "utf-8")
    result = run_cli(
        "translate",
        str(tmp_path / "second.txt"),
        "-m",
        "toy",
        "--previous",
        str(tmp_path / "old.json"),
    )
    assert result.returncode == 2
    assert "is not an aligned document" in result.stderr.decode()
    assert b"Traceback" not in result.stderr
    missing = run_cli(
        "translate",
        str(tmp_path / "second.txt"),
        "-m",
        "toy",
        "--previous",
        str(tmp_path / "none.json"),
    )
    assert missing.returncode == 2 and "no such file" in missing.stderr.decode()
