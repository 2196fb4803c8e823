from service.segment.clauses import split_long


def words(text: str) -> int:
    return len(text.split())


def pieces(text: str, limit: int) -> list[str]:
    return [text[start:end] for start, end in split_long(text, words, limit)]


def test_short_sentence_stays_whole() -> None:
    assert pieces("Der Beamte sagte nichts.", 10) == ["Der Beamte sagte nichts."]


def test_cuts_prefer_clause_marks_and_keep_every_character() -> None:
    sentence = (
        "Russland hat Truppen an die Grenze verlegt; die Regierung in Kiew warnt, "
        "dass ein Angriff bevorstehe, und bittet um Hilfe."
    )
    result = pieces(sentence, 8)
    assert result == [
        "Russland hat Truppen an die Grenze verlegt;",
        "die Regierung in Kiew warnt,",
        "dass ein Angriff bevorstehe, und bittet um Hilfe.",
    ]
    assert all(words(piece) <= 8 for piece in result)
    assert "".join(result).replace(" ", "") == sentence.replace(" ", "")


def test_without_marks_cuts_at_spaces_and_keeps_an_endless_word_whole() -> None:
    assert all(words(p) <= 3 for p in pieces("eins zwei drei vier fünf sechs sieben", 3))
    sentence = "Er schrieb " + "x" * 40 + " und ging."
    cuts = [sentence[start:end] for start, end in split_long(sentence, len, 10)]
    assert "x" * 40 in cuts
    assert all(len(cut) <= 10 for cut in cuts if cut != "x" * 40)
