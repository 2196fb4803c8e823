"""Localisation to en-GB and en-US: each convention, both directions, spans, idempotence."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from hypothesis import given, settings
from hypothesis import strategies as st

from service.errors import ProfileInvalid, UnknownLocale
from service.localise import load_profile, localise, profile_for
from service.localise.profile import BUILT_IN
from service.pipeline.localising import english_protected
from tests.conftest import run_cli

GB = profile_for("en-GB")
US = profile_for("en-US")
assert GB is not None and US is not None
PROFILES = {"en-GB": GB, "en-US": US}

# (locale, English in, English out): both directions and German conventions carried over
CASES = [
    # spelling
    ("en-GB", "The color of the harbor center", "The colour of the harbour centre"),
    ("en-US", "The colour of the harbour centre", "The color of the harbor center"),
    ("en-GB", "They organized, analyzed and traveled.", "They organised, analysed and travelled."),
    ("en-US", "Flights were cancelled over defence.", "Flights were canceled over defense."),
    ("en-GB", "a gray sky and a TV program", "a grey sky and a TV programme"),
    ("en-GB", "a computer program crashed", "a computer program crashed"),
    ("en-GB", "He lost his license.", "He lost his licence."),
    ("en-GB", "They license the software.", "They license the software."),
    ("en-US", "the licence and the programme", "the license and the program"),
    (
        "en-GB",
        "Pearl Harbor and the World Health Organization",
        "Pearl Harbor and the World Health Organization",
    ),
    # dates
    ("en-GB", "on October 3, 2022,", "on 3 October 2022,"),
    ("en-US", "on 3 October 2022.", "on October 3, 2022."),
    ("en-GB", "from Tuesday, March 1", "from Tuesday 1 March"),
    ("en-US", "from Tuesday 1 March", "from Tuesday, March 1"),
    ("en-US", "on 3. October 2022", "on October 3, 2022"),
    ("en-GB", "on 3. Oktober 2022", "on 3 October 2022"),
    ("en-US", "dated 03.10.2022", "dated October 3, 2022"),
    ("en-GB", "the 3rd of October", "3 October"),
    ("en-GB", "Oct. 3, 2022", "3 October 2022"),
    ("en-GB", "between 3 and 5 October", "between 3 and 5 October"),
    ("en-GB", "the 02/01/2022 report", "the 02/01/2022 report"),
    ("en-US", "the 13/01/2022 report", "the January 13, 2022 report"),
    # times
    ("en-GB", "at 2:30 p.m. on Friday", "at 2.30pm on Friday"),
    ("en-GB", "It starts at 3 p.m. Police said", "It starts at 3pm. Police said"),
    ("en-US", "at 2.30pm", "at 2:30 p.m."),
    ("en-GB", "at 14.30 Uhr", "at 2.30pm"),
    ("en-US", "at 14:30 hrs", "at 2:30 p.m."),
    ("en-US", "at 9am and 12 p.m. today", "at 9 a.m. and noon today"),
    ("en-GB", "at 9:30 and 3 hours", "at 9:30 and 3 hours"),
    # money
    ("en-GB", "5 million euros and 2.5 billion euros", "€5m and €2.5bn"),
    ("en-US", "€5m and €2.5bn", "5 million euros and 2.5 billion euros"),
    ("en-GB", "1.99 euros, $3 million", "€1.99, $3m"),
    ("en-US", "€1.99, £3m", "1.99 euros, 3 million pounds"),
    ("en-GB", "1,5 million euros", "€1.5m"),
    ("en-US", "1,5 Millionen Euro", "1.5 million euros"),
    ("en-GB", "lost 20 pounds", "lost 20 pounds"),
    ("en-GB", "10 million Canadian dollars", "10 million Canadian dollars"),
    # units
    ("en-US", "30 kilometres", "30 kilometers (19 miles)"),
    ("en-GB", "30 kilometers (19 miles)", "30 kilometres"),
    ("en-US", "35 degrees Celsius", "35 degrees Celsius (95 degrees Fahrenheit)"),
    ("en-US", "12 tonnes", "12 metric tons"),
    ("en-GB", "12 metric tons", "12 tonnes"),
    ("en-GB", "19 miles away", "31 kilometres away"),
    ("en-US", "a 30-kilometre stretch", "a 30-kilometer (19-mile) stretch"),
    ("en-US", "at 35°C", "at 35°C (95°F)"),
    ("en-US", "30 million litres", "30 million liters (7.9 million gallons)"),
    ("en-GB", "2 million gallons", "7.6 million litres"),
    ("en-US", "200 millimetres of rain", "200 millimeters (7.9 inches) of rain"),
    ("en-GB", "spans 3 kilometers", "spans 3 kilometres"),
    # more spelling, dates and times
    ("en-GB", "the program's cost", "the programme's cost"),
    ("en-US", "The talks began on 3 October.", "The talks began on October 3."),
    ("en-GB", "published at 10:00 GMT", "published at 10am GMT"),
    # quotation marks
    ("en-GB", "He said „no“ and »never«.", "He said “no” and “never”."),
    ("en-US", "She said ‚maybe‘.", "She said ‘maybe’."),
]


@pytest.mark.parametrize(("locale", "before", "after"), CASES)
def test_each_convention(locale: str, before: str, after: str) -> None:
    result = localise(before, PROFILES[locale])
    assert result.text == after
    for change in result.changes:
        start, end = change.target_span
        assert result.text[start:end] == change.after


@pytest.mark.parametrize(
    ("locale", "headline", "after"),
    [
        ("en-GB", "Chancellor to Visit Paris for Talks on Energy Crisis",
         "Chancellor to visit Paris for talks on energy crisis"),
        ("en-US", "Scholz Meets Biden in Berlin as Ukraine War Rages On",
         "Scholz meets Biden in Berlin as Ukraine war rages on"),
        ("en-GB", "Scholz meets Biden in Berlin", "Scholz meets Biden in Berlin"),
    ],
)  # fmt: skip
def test_headlines_in_sentence_case(locale: str, headline: str, after: str) -> None:
    result = localise(headline, PROFILES[locale], headline=True, names=["Scholz", "Biden"])
    assert result.text == after


def test_changes_record_rule_before_after_and_spans() -> None:
    result = localise("The colour on 3 October 2022.", US, source="Die Farbe am 3. Oktober 2022.")
    assert [c.model_dump() for c in result.changes] == [
        {"rule": "spelling", "before": "colour", "after": "color", "target_span": (4, 9),
         "source_span": None},
        {"rule": "date", "before": "3 October 2022", "after": "October 3, 2022",
         "target_span": (13, 28), "source_span": (13, 28)},
    ]  # fmt: skip


def test_source_spans_of_german_values() -> None:
    source = "Um 14.30 Uhr kostete es 1,5 Millionen Euro."
    result = localise("At 14.30 hrs it cost 1.5 million euros.", GB, source=source)
    assert result.text == "At 2.30pm it cost €1.5m."
    assert [(c.rule, c.source_span) for c in result.changes] == [
        ("time", (3, 12)),
        ("money", (24, 42)),
    ]
    assert [source[slice(*c.source_span)] for c in result.changes if c.source_span] == [
        "14.30 Uhr",
        "1,5 Millionen Euro",
    ]


def test_ambiguous_dates_are_flagged_never_guessed() -> None:
    result = localise("Filed on 02/01/2022.", GB)
    assert result.text == "Filed on 02/01/2022."
    assert result.changes == []
    assert result.flags == ["ambiguous_date"]


@pytest.mark.parametrize(
    "text",
    [
        "See https://example.com/color-center or write to color@center.org.",
        "Run `colorize --center` at www.analyze.org/programs today.",
        "Follow @colorcenter and #colorful.",
    ],
)
def test_urls_addresses_and_code_are_never_touched(text: str) -> None:
    assert localise(text, GB, protected=english_protected(text)).text == text


def test_protected_spans_stay_and_shift() -> None:
    text = "The color of Harbor Center on October 3, 2022 and the harbor."
    term = (13, 26)  # "Harbor Center", a glossary name
    result = localise(text, GB, protected=[term])
    assert result.text == "The colour of Harbor Center on 3 October 2022 and the harbour."
    start, end = result.shift(term)
    assert result.text[start:end] == "Harbor Center"


def test_a_kept_quote_inside_is_not_touched() -> None:
    text = "„The color“, he said on October 3."
    result = localise(text, GB, protected=[(1, 10)])
    assert result.text == "“The color”, he said on 3 October."


FRAGMENTS = [
    "colour", "color", "center", "organize", "October 3, 2022", "3 October 2022",
    "Tuesday, March 1", "Tuesday 1 March", "2:30 p.m.", "2.30pm", "14.30 Uhr", "14:30",
    "€5m", "5 million euros", "$3 million", "£3m", "1.99 euros", "€2.5bn", "30 kilometres",
    "30 kilometers (19 miles)", "12 tonnes", "12 metric tons", "35 degrees Celsius",
    "19 miles", "„Ja“", "»nein«", "02/01/2022", "03.10.2022", "the", "and", "on", "at", ",",
    ".", "travelled", "program", "licence", "defense", "grey", "3", "May", "km", "(",
]  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.sampled_from(FRAGMENTS), max_size=14),
    st.sampled_from(["en-GB", "en-US"]),
)
def test_localising_is_idempotent(fragments: list[str], locale: str) -> None:
    text = ", ".join(fragments)  # two dates side by side with no mark between: no reading
    once = localise(text, PROFILES[locale])
    for change in once.changes:
        assert once.text[slice(*change.target_span)] == change.after
        assert text.count(change.before)
    twice = localise(once.text, PROFILES[locale])
    assert twice.text == once.text
    assert twice.changes == []


def test_unknown_locale() -> None:
    with pytest.raises(UnknownLocale):
        profile_for("en-AU")


def test_a_broken_profile_names_file_and_key(tmp_path: Path) -> None:
    broken = tmp_path / "en-GB.toml"
    broken.write_text(
        (BUILT_IN / "en-GB.toml").read_text().replace('date = "d MMMM y"', "date = 3")
    )
    with pytest.raises(ProfileInvalid, match=r"en-GB.toml cannot be used: dates.date: must be"):
        load_profile(broken)
    (tmp_path / "bad.toml").write_text("locale = [")
    with pytest.raises(ProfileInvalid, match="bad.toml"):
        load_profile(tmp_path / "bad.toml")


def test_a_copied_profile_changes_the_conventions(tmp_path: Path) -> None:
    copied = (BUILT_IN / "en-US.toml").read_text().replace('am = "a.m."', 'am = "AM"')
    (tmp_path / "en-US.toml").write_text(copied)
    desk = profile_for("en-US", tmp_path)
    assert desk is not None
    assert localise("at 9.30am", desk).text == "at 9:30 AM"


def test_cli_localise_text_and_json() -> None:
    text = "The color on October 3, 2022 at 2:30 p.m. cost 5 million euros.\n"
    result = run_cli("localise", "-", "--target", "en-GB", stdin=text.encode())
    assert result.returncode == 0, result.stderr.decode()
    assert result.stdout.decode() == "The colour on 3 October 2022 at 2.30pm cost €5m.\n"
    result = run_cli("localise", "-", "--target", "en-US", "--format", "json",
                     stdin=b"The colour on 02/01/2022.")  # fmt: skip
    body = json.loads(result.stdout)
    assert body == {
        "target_lang": "en-US",
        "text": "The color on 02/01/2022.",
        "changes": [{"rule": "spelling", "before": "colour", "after": "color",
                     "target_span": [4, 9], "source_span": None}],
        "flags": ["ambiguous_date"],
        "style": None,
        "notes": [],
    }  # fmt: skip


@pytest.mark.parametrize(
    ("args", "message"),
    [
        # one wording for every bad option value (click's), for en as for en-AU
        (["--target", "en"], "Invalid value for '--target' / '-t': 'en' is not one of 'en-GB'"),
        (["--target", "en-AU"], "'--target' / '-t': 'en-AU' is not one of 'en-GB', 'en-US'."),
        (["--target", "en-GB", "--profile", "/no.toml"], "/no.toml cannot be used"),
    ],
)
def test_cli_localise_bad_input(args: list[str], message: str) -> None:
    result = run_cli("localise", "-", *args, stdin=b"colour")
    assert result.returncode == 2
    assert message in result.stderr.decode()
    assert result.stdout == b""


def test_cli_localise_too_large() -> None:
    result = run_cli("localise", "-", "--target", "en-GB", stdin=b"colour " * 200,
                     env={"MTDESK_MAX_CHARS": "1000"})  # fmt: skip
    assert result.returncode == 2
    assert "more than the limit of 1000" in result.stderr.decode()


def test_api_localise(client: TestClient) -> None:
    response = client.post(
        "/v1/localise", json={"text": "The color at 2:30 p.m.", "target_lang": "en-GB"}
    )
    assert response.status_code == 200
    assert response.json() == {
        "target_lang": "en-GB",
        "text": "The colour at 2.30pm.",  # the last dot of "p.m." ended the sentence too
        "changes": [
            {"rule": "spelling", "before": "color", "after": "colour", "target_span": [4, 10],
             "source_span": None},
            {"rule": "time", "before": "2:30 p.m", "after": "2.30pm", "target_span": [14, 20],
             "source_span": None},
        ],
        "flags": [],
        "style": None,
        "notes": [],
    }  # fmt: skip


@pytest.mark.parametrize(
    ("body", "status", "code"),
    [
        ({"text": "colour", "target_lang": "fr-FR"}, 422, "unknown_locale"),
        ({"text": "colour", "target_lang": "en"}, 422, "unknown_locale"),
        ({"text": "colour " * 20_000, "target_lang": "en-US"}, 413, "input_too_large"),
    ],
)
def test_api_localise_bad_input(client: TestClient, body: dict, status: int, code: str) -> None:
    response = client.post("/v1/localise", json=body)
    assert response.status_code == status
    assert response.json()["error"]["code"] == code
