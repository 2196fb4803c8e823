"""German word lists behind the segmentation rules (all lower case)."""

from __future__ import annotations

# Words that are written in lower case inside a sentence, so a capitalised one
# after an ambiguous full stop ("bei 5. Die …", "Benedikt XVI. Er …") or at the
# start of a new line ("… ohne Punkt\nDie Regierung …") opens a sentence.
SENTENCE_STARTERS = frozenset(
    """
    der die das den dem des ein eine einer eines einem einen
    er sie es wir ich ihr man dies diese dieser dieses diesem diesen
    dabei dadurch dafür dagegen daher damit danach daneben dann darauf darum
    das dass denn deshalb doch dort dazu
    aber allerdings also auch außerdem bereits schon noch nun nur so jetzt
    zudem zugleich zuvor später heute gestern morgen trotzdem jedoch zwar
    wie was wer wo warum wann weshalb als wenn weil obwohl ob während
    nach vor seit bei mit von für in im am an auf aus unter über zum zur beim
    vom ins laut wegen trotz gegen durch ohne um bis
    kein keine keiner jeder jede jedes alle viele einige mehrere
    sein seine ihre unser unsere mein meine
    hier da immer nie nicht
    """.split()
)

# Abbreviations that often close a sentence ("… rund 5 Mio. Die Regierung …").
# SoMaJo never ends a sentence on an abbreviation; these may end one when a
# sentence starter follows.
SENTENCE_FINAL_ABBREVIATIONS = frozenset(
    """
    mio. mrd. tsd. jh. jhd. jahrh. chr. ff. f. ä. inc. ltd. co. corp. std. min. sek.
    jan. feb. mär. apr. jun. jul. aug. sep. sept. okt. nov. dez.
    mo. di. mi. do. fr. sa.
    """.split()
)

# Abbreviations that number what follows them ("Nr. 4", "Abs. 2", "S. 12"): the
# number after one is a cardinal, so a full stop right after it ends the
# sentence when a capitalised word follows ("… im Saal Nr. 4. Kiew meldet …").
NUMBERING_ABBREVIATIONS = frozenset(
    """
    nr. abs. art. s. bd. kap. ziff. lit. nrn. bde. tz. rn. rz. anm. abschn. teil. fn.
    no. vol. pkt. az. tel.
    """.split()
)

# Abbreviations missing from SoMaJo's German list (it splits after them).
EXTRA_ABBREVIATIONS = frozenset(
    "abt beil corp geschl jahrg phil pol städt tab übers verw vorj wdh wirtsch zit ztg".split()
)

# The last word of a line that cannot end a headline: the line goes on below.
CONTINUING_WORDS = frozenset(
    """
    der die das den dem des ein eine einer eines einem einen
    und oder sowie sondern aber dass weil wenn ob als
    von für im am zum zur beim vom ins ans in bei gegen ohne
    seine seinen seinem seiner ihre ihren ihrem ihrer
    """.split()
)

# Parentheses after a name at a paragraph start that hold a party, not a news
# agency: "Markus Söder (CSU) – …" is no dateline.
PARTIES = frozenset("cdu csu spd fdp afd grüne grünen linke bsw övp spö fpö neos svp".split())

MONTHS = "Januar|Jänner|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember"
