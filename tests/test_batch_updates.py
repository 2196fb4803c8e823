"""`mtdesk batch` run again on an archive whose articles changed: only the changed
sentences of the changed articles are translated, and each is said."""

from __future__ import annotations

import json
from pathlib import Path

from service.batch.outputs import article_file
from tests.conftest import run_cli
from tests.test_revisions_carry import FIRST, SECOND

ENV = {"OMP_NUM_THREADS": "1", "MTDESK_THREADS": "1", "MTDESK_GLOSSARY": "", "MTDESK_DB": ""}
OTHER = "Die Bahn streikt am Montag.\n\nViele Züge fallen aus."


def test_a_changed_archive_updates_only_what_changed(tmp_path: Path) -> None:
    source, out = tmp_path / "in", tmp_path / "out"
    source.mkdir()
    (source / "fire.txt").write_text(FIRST, "utf-8")
    (source / "strike.txt").write_text(OTHER, "utf-8")
    command = ["batch", str(source), "--out", str(out), "--model", "toy", "--workers", "2"]
    first = run_cli(*command, env=ENV, timeout=300)
    assert first.returncode == 0, first.stderr.decode()
    before = json.loads((out / article_file("fire.txt")).read_text("utf-8"))

    (source / "fire.txt").write_text(SECOND, "utf-8")
    (source / "new.txt").write_text("Ein neuer Artikel.", "utf-8")
    again = run_cli(*command, env=ENV, timeout=300)

    assert again.returncode == 0, again.stderr.decode()
    said = again.stderr.decode()
    assert "2 changed articles to update" in said
    assert 'article "fire.txt": 4 kept, 2 changed, 1 new, 1 removed; 3 translated' in said
    assert "3 articles done, 0 failed" in again.stdout.decode()
    after = json.loads((out / article_file("fire.txt")).read_text("utf-8"))
    revised = [s["revised"] for block in after["blocks"] for s in block["segments"]]
    assert revised == ["kept", "changed", "kept", "changed", "kept", "new", "kept"]
    kept = {s["source"]: s for block in before["blocks"] for s in block["segments"]}
    for block in after["blocks"]:
        for segment in block["segments"]:
            if segment["revised"] == "kept":
                assert segment["target"] == kept[segment["source"]]["target"]
    report = json.loads((out / "report.json").read_text("utf-8"))
    assert report["run"]["sentences"] == 3 + 1  # fire's changed and new, and new.txt's one
    results = (out / "results.jsonl").read_text("utf-8").splitlines()
    assert [json.loads(line)["id"] for line in results] == [
        "fire.txt",
        "strike.txt",
        "new.txt",
    ]

    unchanged = run_cli(*command, env=ENV, timeout=300)
    assert "all 3 articles already done" in unchanged.stderr.decode()
