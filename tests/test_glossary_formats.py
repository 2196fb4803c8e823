"""Glossary entries, versions and the TSV/CSV/TBX readers and writers."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from translate.storage import tbx

from glossary import (
    Entry,
    Glossary,
    GlossaryFormatError,
    GlossaryValidationError,
    default_glossary,
    dump_glossary,
    load_glossary,
    parse_glossary,
)

TSV = (
    "note\ttarget\tsource\tkind\tcontext\tcase_sensitive\n"
    "Russian foreign minister\tLavrov\tLawrow\tname\t\t\n"
    "US only\tSecretary of State\tAußenminister\t\tUS|Blinken\tno\n"
    "party\tAfD\tAfD\tkeep\t\ttrue\n"
)


def test_tsv_fields_in_any_order_with_defaults() -> None:
    g = parse_glossary(TSV, "tsv", "t")
    lawrow, minister, afd = g.entries
    assert lawrow == Entry("Lawrow", "Lavrov", "name", note="Russian foreign minister")
    assert minister.kind == "term"  # empty kind defaults to term
    assert minister.context == ("US", "Blinken")
    assert minister.case_sensitive is False
    assert afd.case_sensitive is True and afd.kind == "keep"


def test_only_source_and_target_are_required() -> None:
    g = parse_glossary("source,target\nNato,NATO\n", "csv", "t")
    assert g.entries == (Entry("Nato", "NATO"),)


def test_csv_quoting_comments_and_blank_lines() -> None:
    text = (
        "# a comment line\n"
        "source,target,note\n"
        "\n"
        'Kreml,Kremlin,"seat of power, Moscow"\n'
        "# another comment\n"
        'Vereinte Nationen,United Nations,"says ""UN"""\n'
    )
    g = parse_glossary(text, "csv", "t")
    assert [e.note for e in g.entries] == ["seat of power, Moscow", 'says "UN"']


def test_keep_entry_may_leave_target_empty() -> None:
    g = parse_glossary("source\ttarget\tkind\nBundestag\t\tkeep\n", "tsv", "t")
    assert g.entries[0].target == "Bundestag"


def test_bytes_with_bom_are_read() -> None:
    g = parse_glossary("\ufeffsource\ttarget\nKiew\tKyiv\n".encode(), "tsv", "t")
    assert g.entries[0].source == "Kiew"


@pytest.mark.parametrize(
    ("text", "line", "problem"),
    [
        ("source\tkind\nA\tterm\n", 1, "lacks the required column 'target'"),
        ("source\ttarget\tcolour\nA\tB\tred\n", 1, "unknown column 'colour'"),
        ("source\ttarget\tsource\nA\tB\tC\n", 1, "column 'source' appears twice"),
        ("source\ttarget\n\n# c\nA\tB\nC\tD\tE\n", 5, "expected 2 fields, found 3"),
        ("source\ttarget\tkind\nA\tB\tperson\n", 2, "unknown kind 'person'"),
        ("source\ttarget\tcase_sensitive\nA\tB\tmaybe\n", 2, "case_sensitive must be true"),
        ("source\ttarget\n\tB\n", 2, "source is empty"),
        ("source\ttarget\nA\t\n", 2, "target is empty"),
        ("source\ttarget\nLawrow\tLavrov\nX\tY\nlawrow\tLavrow\n", 4, "conflicting targets"),
        ("", 1, "no header row"),
    ],
)
def test_bad_tsv_names_file_line_and_problem(text: str, line: int, problem: str) -> None:
    with pytest.raises(GlossaryFormatError) as info:
        parse_glossary(text, "tsv", "t", "team.tsv")
    err = info.value
    assert (err.path, err.line) == ("team.tsv", line)
    assert problem in err.problem
    assert str(err).startswith(f"team.tsv:{line}: ")


def test_conflict_names_the_first_line_too() -> None:
    with pytest.raises(GlossaryFormatError, match=r"first given on line 2"):
        parse_glossary("source\ttarget\nNato\tNATO\nNato\tNato\n", "tsv", "t", "g.tsv")


def test_identical_duplicates_are_merged() -> None:
    g = parse_glossary("source\ttarget\nNato\tNATO\nNato\tNATO\n", "tsv", "t")
    assert len(g) == 1


def test_same_source_with_different_context_is_allowed() -> None:
    text = (
        "source\ttarget\tcontext\n"
        "Außenminister\tForeign Minister\t\n"
        "Außenminister\tSecretary of State\tUS|Blinken\n"
    )
    assert len(parse_glossary(text, "tsv", "t")) == 2


def test_not_utf8_reports_the_line() -> None:
    data = b"source\ttarget\nKiew\tKyiv\n" + "Köln\tCologne\n".encode("latin-1")
    with pytest.raises(GlossaryFormatError) as info:
        parse_glossary(data, "tsv", "t", "latin.tsv")
    assert info.value.line == 3 and "UTF-8" in info.value.problem


def test_malformed_csv_reports_the_line() -> None:
    with pytest.raises(GlossaryFormatError) as info:
        parse_glossary('source,target\nA,B\n"C,D\n', "csv", "t", "q.csv")
    assert info.value.line == 3


def test_bad_file_changes_nothing(tmp_path: Path) -> None:
    good = tmp_path / "team.tsv"
    good.write_text("source\ttarget\nKiew\tKyiv\n", encoding="utf-8")
    before = load_glossary(good)
    good.write_text("source\ttarget\nKiew\tKyiv\nOdessa\n", encoding="utf-8")
    with pytest.raises(GlossaryFormatError, match=r"team.tsv:3: expected 2 fields"):
        load_glossary(good)
    assert before.entries == (Entry("Kiew", "Kyiv"),)


def test_load_by_extension_and_name_from_stem(tmp_path: Path) -> None:
    path = tmp_path / "team-names.csv"
    path.write_text("source,target,kind\nLawrow,Lavrov,name\n", encoding="utf-8")
    g = load_glossary(path)
    assert g.name == "team-names" and g.entries[0].kind == "name"
    assert load_glossary(path, name="other").name == "other"


def test_load_rejects_unknown_extension_and_missing_file(tmp_path: Path) -> None:
    with pytest.raises(GlossaryFormatError, match="unknown glossary format 'xlsx'"):
        load_glossary(tmp_path / "g.xlsx")
    with pytest.raises(GlossaryFormatError, match="cannot read file") as info:
        load_glossary(tmp_path / "absent.tsv")
    assert info.value.line == 0


# -- entries and versions -------------------------------------------------------------


def test_entry_validation() -> None:
    with pytest.raises(GlossaryValidationError, match="unknown kind"):
        Entry("A", "B", kind="person")  # type: ignore[arg-type]
    with pytest.raises(GlossaryValidationError, match="source is empty"):
        Entry("  ", "B")
    with pytest.raises(GlossaryValidationError, match="tab or line break"):
        Entry("A\tB", "C")
    with pytest.raises(GlossaryValidationError, match="contains '|'"):
        Entry("A", "B", context=("US|UK",))
    assert Entry(" Vereinte  Nationen ", "United Nations").source == "Vereinte Nationen"


def test_glossary_rejects_conflicting_entries() -> None:
    with pytest.raises(GlossaryValidationError, match="conflicting targets"):
        Glossary("g", (Entry("Nato", "NATO"), Entry("NATO", "Nato")))
    with pytest.raises(GlossaryValidationError, match="needs a name"):
        Glossary(" ", ())


def test_version_is_order_independent_and_tracks_entries() -> None:
    a, b = Entry("Kiew", "Kyiv", "name"), Entry("Nato", "NATO", "name")
    v1 = Glossary("one", (a, b)).version
    assert v1 == Glossary("two", (b, a)).version  # name and order do not matter
    assert len(v1) == 64 and int(v1, 16) >= 0
    assert v1 != Glossary("one", (a, Entry("Nato", "Nato", "name"))).version
    assert v1 != Glossary("one", (a, Entry("Nato", "NATO", "keep"))).version
    c1 = Entry("A", "B", context=("US", "Blinken"))
    c2 = Entry("A", "B", context=("Blinken", "US"))
    assert Glossary("g", (c1,)).version == Glossary("g", (c2,)).version
    assert Glossary("g", (a,)).describe() == {"name": "g", "version": Glossary("x", (a,)).version}


# -- TBX -------------------------------------------------------------------------------


def test_tbx_round_trip_keeps_every_field() -> None:
    g = parse_glossary(TSV, "tsv", "t")
    data = dump_glossary(g, "tbx")
    assert isinstance(data, bytes)
    back = parse_glossary(data, "tbx", "t")
    assert back.entries == g.entries
    assert back.version == g.version


def test_tbx_written_is_read_by_translate_toolkit() -> None:
    g = Glossary("t", (Entry("Außenminister", "Secretary of State", context=("US",), note="n"),))
    store = tbx.tbxfile.parsestring(dump_glossary(g, "tbx"), "de", "en")
    (unit,) = store.units
    assert unit.source == "Außenminister"
    assert unit.target == "Secretary of State"
    assert unit.getnotes("mtdesk:context") == "US"
    assert unit.getnotes("mtdesk:kind") == "term"


def test_tbx_from_another_tool() -> None:
    data = """<?xml version="1.0" encoding="UTF-8"?>
<martif type="TBX" xml:lang="de-DE"><text><body>
<termEntry id="c1">
  <descrip type="definition">Ukrainian president</descrip>
  <langSet xml:lang="de-DE">
    <tig><term>Selenskyj</term><termNote type="partOfSpeech">properNoun</termNote></tig>
    <tig><term>Selenski</term></tig>
  </langSet>
  <langSet xml:lang="en-US">
    <tig><term>Zelenskyy</term>
      <termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></tig>
    <tig><term>Zelensky</term></tig>
  </langSet>
</termEntry>
</body></text></martif>"""
    g = parse_glossary(data, "tbx", "vendor")
    assert [(e.source, e.target, e.kind, e.note) for e in g.entries] == [
        ("Selenskyj", "Zelensky", "name", "Ukrainian president"),
        ("Selenski", "Zelensky", "name", "Ukrainian president"),
    ]


@pytest.mark.parametrize(
    ("data", "line", "problem"),
    [
        (
            '<?xml version="1.0"?>\n<martif><text><body>\n<termEntry>\n</body></text></martif>',
            4,
            "not well-formed XML",
        ),
        ('<?xml version="1.0"?>\n<glossary/>', 1, "not a TBX file"),
        (
            '<?xml version="1.0"?>\n<martif><text><body>\n\n'
            '<termEntry><langSet xml:lang="de"><tig><term>Kiew</term></tig></langSet>'
            "</termEntry>\n</body></text></martif>",
            4,
            "has no 'en' term",
        ),
        (
            '<?xml version="1.0"?>\n<martif><text><body>\n'
            '<termEntry><langSet xml:lang="de"><tig><term>Kiew</term></tig></langSet>'
            '<langSet xml:lang="en"><tig><term>Kyiv</term></tig></langSet>'
            '<note from="mtdesk:kind">city</note></termEntry>\n</body></text></martif>',
            3,
            "unknown kind 'city'",
        ),
    ],
)
def test_bad_tbx_names_line(data: str, line: int, problem: str) -> None:
    with pytest.raises(GlossaryFormatError) as info:
        parse_glossary(data.encode(), "tbx", "t", "vendor.tbx")
    assert info.value.line == line
    assert problem in info.value.problem


@pytest.mark.parametrize("fmt", ["tsv", "csv", "tbx"])
def test_dump_then_parse_gives_the_same_version(fmt: str) -> None:
    g = default_glossary()
    assert parse_glossary(dump_glossary(g, fmt), fmt, g.name).version == g.version  # type: ignore[arg-type]


# -- the default glossary ----------------------------------------------------------------


def test_default_glossary_size_names_and_notes() -> None:
    g = default_glossary()
    assert g.name == "news-de-en"
    assert len(g) >= 150
    assert all(e.note for e in g.entries)
    targets = {e.source: (e.target, e.kind) for e in g.entries}
    assert targets["Lawrow"] == ("Lavrov", "name")
    assert targets["Selenskyj"] == ("Zelensky", "name")
    assert targets["Nawalny"] == ("Navalny", "name")
    assert targets["Kreml"] == ("Kremlin", "name")
    assert targets["Nato"] == ("NATO", "name")
    assert targets["Bundestag"] == ("Bundestag", "keep")
    assert targets["Tagesschau"] == ("Tagesschau", "keep")
    for party in ("SPD", "CDU", "CSU", "FDP", "AfD"):
        assert targets[party] == (party, "keep")
    assert {"EU", "UN", "UNO", "Bundesrat"} <= targets.keys()
    assert default_glossary() is g  # parsed once


def test_glossary_room_imports_nothing_of_ours() -> None:
    """glossary/ is a standalone room: no service, no models (DESIGN.md)."""
    import ast

    root = Path(__file__).resolve().parent.parent / "glossary"
    for path in root.glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names: list[str] = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            for name in names:
                assert name.split(".")[0] not in ("service", "models"), f"{path.name}: {name}"


FORMULA_ENTRIES = (
    Entry('=HYPERLINK("http://evil.example")', "=1+1"),
    Entry("+49 Vorwahl", "+49 dialling code", note="-2 notes"),
    Entry("-Gipfel", "@SUM(A1:A9)", context=("=cmd", "Treffen")),
    Entry("'=schon markiert", "''+twice"),
    Entry("'s-Hertogenbosch", "'s-Hertogenbosch", kind="name"),
)


@pytest.mark.parametrize("fmt", ["tsv", "csv"])
def test_export_neutralises_formulas_and_import_restores_them(fmt: str) -> None:
    g = Glossary("formulas", FORMULA_ENTRIES)
    text = dump_glossary(g, fmt)  # type: ignore[arg-type]
    rows = text.splitlines()[1:]
    if fmt == "tsv":
        cells = [cell for row in rows for cell in row.split("\t")]
    else:
        cells = [cell for row in csv.reader(rows) for cell in row]
    # no cell a spreadsheet would run: each starts with something other than = + - @
    assert [cell for cell in cells if cell and cell[0] in "=+-@"] == []
    assert cells[:2] == ['\'=HYPERLINK("http://evil.example")', "'=1+1"]
    assert "'''+twice" in cells and "'s-Hertogenbosch" in cells
    back = parse_glossary(text, fmt, "formulas")  # type: ignore[arg-type]
    assert back.entries == g.entries
    assert back.version == g.version
