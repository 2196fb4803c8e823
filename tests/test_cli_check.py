"""`mtdesk check FILE`: findings of TSV, JSON and XLIFF pairs; exit 1 on a fact finding,
2 on bad input; no model loaded."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from service import compose
from service.checks.quality import segment_checks
from service.cli.main import app
from service.document import AlignedDocument, Block, Segment
from service.pipeline import review
from service.testing import run_cli

WRONG = ("Die Firma zahlte 812.397 Euro.", "The company paid 81,237 euros.")
RIGHT = ("Die Firma zahlte 812.397 Euro.", "The company paid 812,397 euros.")
LINK = ("Mehr unter https://example.de/bericht heute.", "More today.")

XLIFF12 = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
 <file original="story" source-language="de" target-language="en" datatype="plaintext">
  <body>
   <trans-unit id="b0s0"><source>{0}</source><target>{1}</target></trans-unit>
   <trans-unit id="b0s1"><source>{2}</source><target>{3}</target></trans-unit>
  </body>
 </file>
</xliff>
"""
XLIFF20 = """<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="de" trgLang="en">
 <file id="f1"><unit id="u7"><segment><source>{0}</source><target>{1}</target></segment></unit>
 </file>
</xliff>
"""


class NoModel:
    def __call__(self, *_: object) -> None:
        raise AssertionError("mtdesk check must not load a model")


@pytest.fixture(autouse=True)
def no_model(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(compose.engines, "load_engine", NoModel())
    monkeypatch.setenv("MTDESK_GLOSSARY", "")


def check(path: Path, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, ["check", str(path), *args])
    return result.exit_code, result.stdout


def test_a_tsv_with_a_wrong_number_and_a_lost_link_exits_1(tmp_path: Path) -> None:
    path = tmp_path / "pairs.tsv"
    path.write_text("\n".join("\t".join(pair) for pair in (WRONG, RIGHT, LINK)) + "\n")
    code, out = check(path)
    assert code == 1
    lines = out.splitlines()
    assert any(line.startswith("line 1\tnumber_mismatch\t") for line in lines), out
    assert any(line.startswith("line 3\tprotected_lost\t") for line in lines), out
    assert not any(line.startswith("line 2\t") for line in lines), out


def test_clean_pairs_exit_0(tmp_path: Path) -> None:
    path = tmp_path / "pairs.tsv"
    path.write_text("\t".join(RIGHT) + "\n\n")
    assert check(path) == (0, "")


def test_a_pair_whose_checks_fail_is_not_vouched_for_exit_1(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Checks that crash on one pair leave it unchecked: flagged stage_failed, exit 1."""

    def crashing(source: str, *args: object, **kwargs: object) -> object:
        if "Firma" in source:
            raise ArithmeticError("a rule broke")
        return segment_checks(source, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(review, "segment_checks", crashing)
    path = tmp_path / "pairs.tsv"
    path.write_text("\t".join(RIGHT) + "\nDas ist gut.\tThat is good.\n")
    code, out = check(path)
    assert code == 1
    assert out.splitlines()[0].startswith("line 1\tstage_failed\tthe quality and fact checks")
    assert not any(line.startswith("line 2\t") for line in out.splitlines()), out


def test_json_results_keep_the_order_and_ids(tmp_path: Path) -> None:
    path = tmp_path / "pairs.tsv"
    path.write_text("\n".join("\t".join(pair) for pair in (RIGHT, WRONG)))
    code, out = check(path, "--format", "json")
    results = json.loads(out)["results"]
    assert code == 1 and [r["id"] for r in results] == ["line 1", "line 2"]
    assert results[0]["flags"] == [] and "number_mismatch" in results[1]["flags"]
    assert results[1]["findings"][0]["message"]


def test_an_aligned_document_is_checked_segment_by_segment(tmp_path: Path) -> None:
    segments = [
        Segment(id=f"b0s{i}", source=s, target=t, source_span=(0, len(s)), score=None)
        for i, (s, t) in enumerate((RIGHT, WRONG))
    ]
    document = AlignedDocument(
        id="a",
        model="toy",
        target_lang="en-GB",
        blocks=[Block(index=0, kind="paragraph", segments=segments)],
        target_text="",
        target_document="",
    )
    path = tmp_path / "article.json"
    path.write_text(document.model_dump_json())
    code, out = check(path)
    assert code == 1 and out.startswith("b0s1\tnumber_mismatch\t")


@pytest.mark.parametrize(
    ("template", "pairs", "first_id"),
    [(XLIFF12, (*RIGHT, *WRONG), "b0s1"), (XLIFF20, WRONG, "u7")],
)
def test_an_xliff_file_is_read_with_its_unit_ids(
    tmp_path: Path, template: str, pairs: tuple[str, ...], first_id: str
) -> None:
    path = tmp_path / "story.xlf"
    path.write_text(template.format(*pairs))
    code, out = check(path)
    assert code == 1 and out.startswith(f"{first_id}\tnumber_mismatch\t"), out


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("pairs.tsv", "Nur Deutsch ohne Tab.\n", "line 1: expected source<TAB>target"),
        ("pairs.tsv", "", "empty"),
        ("pairs.tsv", "\tThe English only.\n", "has no German"),
        ("doc.json", "{broken", "not JSON"),
        ("doc.json", '{"blocks": 3}', "not an aligned document"),
        ("story.xlf", "<xliff><file>", "not an XLIFF file"),
    ],
)
def test_bad_input_exits_2_with_a_message(
    tmp_path: Path, name: str, content: str, message: str
) -> None:
    path = tmp_path / name
    path.write_text(content)
    result = run_cli("check", str(path), env={"MTDESK_GLOSSARY": ""})
    assert result.returncode == 2, result.stderr
    assert message in result.stderr.decode()
    assert "Traceback" not in result.stderr.decode()


def test_more_than_max_chars_exits_2(tmp_path: Path) -> None:
    path = tmp_path / "pairs.tsv"
    path.write_text("\t".join(RIGHT) + "\n")
    result = run_cli("check", str(path), env={"MTDESK_GLOSSARY": "", "MTDESK_MAX_CHARS": "20"})
    assert result.returncode == 2 and "MTDESK_MAX_CHARS" in result.stderr.decode()


def test_the_real_command_reads_stdin_and_exits_1() -> None:
    result = run_cli("check", "-", stdin="\t".join(WRONG).encode(), env={"MTDESK_GLOSSARY": ""})
    assert result.returncode == 1, result.stderr
    assert b"number_mismatch" in result.stdout
