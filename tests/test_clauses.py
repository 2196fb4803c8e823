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


def test_a_long_stretch_without_clause_marks_is_cut_into_sentence_sized_pieces() -> None:
    """Decoding costs about the square of a piece's length: unpunctuated junk as long as
    the limit would make such an article many times slower than a normal one."""
    junk = " ".join(f"{letter}*" for letter in "abcdefghij" * 400)  # 4000 tokens, no mark
    counted: list[int] = []

    def counting(text: str) -> int:
        counted.append(len(text))
        return words(text)

    result = [junk[start:end] for start, end in split_long(junk, counting, 200)]
    assert max(words(piece) for piece in result) == 32  # halved down to PLAIN_PIECE_TOKENS
    assert min(words(piece) for piece in result) >= 20
    assert " ".join(result) == junk
    # each level halves the pieces and counts each once: n log n, not n squared
    assert sum(counted) <= 10 * len(junk)


def test_clause_marks_still_allow_pieces_up_to_the_limit() -> None:
    clause = " ".join(["Wort"] * 60)
    sentence = "; ".join([clause] * 6) + "."  # 360 words, a mark every 60
    result = pieces(sentence, 200)
    assert [words(piece) for piece in result] == [180, 180]


def test_a_sentence_within_the_limit_stays_whole_even_without_marks() -> None:
    sentence = " ".join(["Wort"] * 150) + "."
    assert pieces(sentence, 200) == [sentence]
