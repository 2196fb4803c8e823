"""A segment's flags name each kind of problem once, however many findings it has:
the review page draws one badge a flag with its findings beside it."""

from __future__ import annotations

from service.checks.quality import segment_checks


def test_many_findings_of_one_kind_raise_its_flag_once() -> None:
    source = " ".join(f"Posten {n} kostet {n * 7} Euro." for n in range(1, 40))
    target = " ".join(f"Item {n} costs {n * 7 + 1} euros." for n in range(1, 40))

    flags, findings = segment_checks(source, target, None)

    assert len([f for f in findings if f.flag == "number_mismatch"]) > 30
    assert len(flags) == len(set(flags))
    assert "number_mismatch" in flags
