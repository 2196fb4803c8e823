"""protected_lost on any English: links, e-mail addresses, handles the target lost."""

from __future__ import annotations

import pytest

from service.checks.facts.lost import lost_findings


@pytest.mark.parametrize(
    ("target", "lost"),
    [
        ("Details at www.wahlen.bayern.de/briefwahl.", []),
        ("Details at www.wahlen.bayern.de.", ["www.wahlen.bayern.de/briefwahl"]),
        ("Details online.", ["www.wahlen.bayern.de/briefwahl"]),
    ],
)
def test_a_link_changed_or_dropped_is_flagged(target: str, lost: list[str]) -> None:
    source = "Details unter www.wahlen.bayern.de/briefwahl."
    findings = lost_findings(source, target)
    assert [source[slice(*f.source_span)] for f in findings] == lost
    assert all(f.flag == "protected_lost" and "link" in f.message for f in findings)


def test_an_email_and_a_handle() -> None:
    source = "Fragen an presse@bundesbank.de oder @bundesbank."
    assert lost_findings(source, "Questions to presse@bundesbank.de or @bundesbank.") == []
    messages = [
        f.message for f in lost_findings(source, "Questions to press@bundesbank.de or Bundesbank.")
    ]
    tail = "of the German is missing or changed in the English"
    assert messages == [
        f"the e-mail address presse@bundesbank.de {tail}",
        f"the handle @bundesbank {tail}",
    ]
