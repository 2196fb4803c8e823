"""negation_mismatch: a negation of the German dropped in the English, or one added."""

from __future__ import annotations

import pytest

from service.checks.facts.negation import negation_findings


def flagged(source: str, target: str) -> list[str]:
    return [finding.message for finding in negation_findings(source, target)]


@pytest.mark.parametrize(
    ("source", "target"),
    [
        ("Er kommt nicht.", "He is not coming."),
        ("Er kommt nicht.", "He isn't coming."),
        ("Sie hat keine Zeit.", "She has no time."),
        ("Er war nie dort.", "He was never there."),
        ("Niemand wurde verletzt.", "Nobody was injured."),
        ("Niemand wurde verletzt.", "No one was injured."),
        ("Er wusste nichts.", "He knew nothing."),
        ("Weder der Kapitän noch der Trainer sprach.", "Neither the captain nor the coach spoke."),
        ("Sie kam ohne Mantel.", "She came without a coat."),
        (
            "Das betrifft nicht nur Kinder, sondern auch Eltern.",
            "This affects parents as well as children.",
        ),
        ("Ob er kommt, ist unklar.", "Whether or not he comes is unclear."),
        ("Er wohnt in Nr. 5.", "He lives at No. 5."),
        ("Egal, was passiert: Er bleibt.", "No matter what happens, he stays."),
    ],
)
def test_a_negation_kept_is_not_flagged(source: str, target: str) -> None:
    assert flagged(source, target) == []


@pytest.mark.parametrize(
    ("source", "target", "start"),
    [
        ("Er kommt nicht.", "He is coming.", "the negation 'nicht' of the German is missing"),
        ("Sie hat keine Zeit.", "She has time.", "the negation 'keine' of the German is missing"),
        ("Er war nie dort.", "He was always there.", "the negation 'nie' of the German is missing"),
        ("Niemand wurde verletzt.", "Somebody was injured.", "the negation 'Niemand'"),
        ("Er wusste nichts.", "He knew everything.", "the negation 'nichts'"),
        ("Sie kam ohne Mantel.", "She came with a coat.", "the negation 'ohne'"),
        ("Weder Peter noch Paul kam.", "Peter and Paul came.", "the negation 'Weder'"),
        ("Er kommt.", "He is not coming.", "the English negation 'not' is not in the German"),
        ("Er kommt.", "He won't come.", "the English negation 'n't' is not in the German"),
        ("Sie hat Zeit.", "She has no time.", "the English negation 'no' is not in the German"),
        # "nur" → "not only"; "schließt … nicht aus" → "ruled out"
        ("Sie kannte ihn nur aus dem Netz.", "She knew him not only from the web.", "the English"),
        ("Kündigungen schließt er nicht aus.", "He ruled out layoffs.", "the negation 'nicht'"),
        (  # "unbespielbar" is "unplayable": it says no added "not"
            "Der Rasen war unbespielbar, das Spiel wurde abgesagt.",
            "The pitch was unplayable and the match was not called off.",
            "the English negation 'not'",
        ),
    ],
)
def test_a_negation_dropped_or_added_is_flagged(source: str, target: str, start: str) -> None:
    (message,) = flagged(source, target)
    assert message.startswith(start)


@pytest.mark.parametrize(
    ("source", "target"),
    [
        ("Es ist ihm nicht gelungen, die Mehrheit zu gewinnen.", "He failed to win a majority."),
        ("Die Parteien erzielten keine Einigung.", "The parties failed to agree."),
        ("Er ist nicht mehr Vorsitzender.", "He is no longer chairman."),
        ("Die Bahn konnte keine Angaben machen.", "The railway was unable to give details."),
        ("Die Regierung hat noch nicht entschieden.", "The government has yet to decide."),
        ("Er wollte sich nicht äußern.", "He declined to comment."),
        ("Der Verdächtige ist weiterhin nicht gefasst.", "The suspect remains at large."),
        ("Die Ursache ist noch nicht klar.", "The cause is still unclear."),
        ("Die Ursache ist noch unklar.", "The cause is not yet clear."),
        ("Die Gespräche scheiterten.", "The talks did not succeed."),
        ("Kündigungen schließt er nicht aus.", "He did not rule out layoffs."),
        (
            "Sie bitten, nicht notwendige Reisen zu verschieben.",
            "They ask to delay nonessential trips.",
        ),
        (
            "Sie bitten, nicht notwendige Reisen zu verschieben.",
            "They ask to delay unnecessary trips.",
        ),
        ("Ich habe keine Lust mehr zu warten.", "I'm fed up with waiting."),
        ("Es war kein Saft mehr erhältlich.", "They had run out of syrup."),
        ("Der Wagen fuhr nahezu ungebremst auf.", "The car crashed almost without braking."),
        ("Die Füchse bleiben ohne Niederlage.", "Füchse remain unbeaten."),
        ("Sie schließen 4.000 sogenannte weiße Flecken.", "They close 4,000 so-called not-spots."),
        ("„Wir können nichts anderes tun, als zu warten“", "“All we can do is wait”"),
        (
            "Wer höchstens 10.000 Euro besitzt, zahlt.",
            "Anyone with no more than 10,000 euros pays.",
        ),
        (  # "fehlen" is "short of", so "unless" says the "nicht"
            "Bis 2030 könnten 3.000 Ärzte fehlen, wenn nicht rasch gegengesteuert werde.",
            "By 2030 the state could be short of 3,000 doctors unless swift action is taken.",
        ),
        (
            "Die Produktion läuft uneingeschränkt weiter.",
            "Production continues without restrictions.",
        ),
        (
            "Das dürfen sie nicht (Az. VIII ZR 45/24).",
            "They may not do so (case no. VIII ZR 45/24).",
        ),
    ],
)
def test_a_negation_said_in_words_of_the_opposite_meaning_is_kept(source: str, target: str) -> None:
    assert flagged(source, target) == []


@pytest.mark.parametrize(
    ("source", "target"),
    [
        # the English "refused" renders "lehnte ab": it cannot stand for "niemals" too
        (
            "Der Minister lehnte ab: „Wir werden niemals Gebiete abtreten.“",
            "The minister refused: 'We will cede territory.'",
        ),
        ("Die Ursache ist unklar, er kam nicht.", "The cause is unclear, he came."),
        ("Die Gespräche scheiterten.", "The talks failed, not by chance."),
    ],
)
def test_a_word_of_opposite_meaning_on_both_sides_excuses_no_negation(
    source: str, target: str
) -> None:
    assert len(flagged(source, target)) == 1


@pytest.mark.parametrize(
    ("source", "target", "expected"),
    [
        ("Es wurde so oft abgeregelt wie nie zuvor.", "It was curtailed more often than ever.", 0),
        ("Es gab so viele Gäste wie noch nie.", "We have never had so many guests.", 0),
        ("Sie wuchs so langsam wie seit einem Jahr nicht mehr.", "Its slowest pace in a year.", 0),
        ("Es regnete wie nie zuvor.", "It rained as never before.", 0),
        (
            "Noch nie seit 2015 meldeten so viele Firmen Insolvenz an wie 2024.",
            "More firms filed for insolvency in 2024 than at any time since 2015.",
            0,
        ),
        (
            "Ein Fehler, durch den die Kamera nicht anspringt.",
            "A fault that stops the camera from starting.",
            0,
        ),
        (
            "Ein Fehler, durch den die Kamera nicht anspringt.",
            "A fault that makes the camera start.",
            1,
        ),
        # "in keiner anderen Stadt … so hoch": a superlative, where the English says one
        (
            "In keiner anderen Stadt ist der Anteil so hoch.",
            "It is the highest share of any city.",
            0,
        ),
        (
            "In keiner anderen Stadt ist der Anteil so hoch.",
            "Every other city has as high a share.",
            1,
        ),
        ("Noch nie haben so viele Menschen gearbeitet.", "More people worked than ever before.", 0),
        # a "Nein-" compound says no "no": the vote's side
        (
            "Der Plan scheiterte an 52 Prozent Nein-Stimmen.",
            "The plan failed, 52 percent voting against.",
            0,
        ),
        ("Es gab einen Misstrauensantrag.", "There was a no-confidence motion.", 0),
        ("Kunden sollen das keinesfalls essen.", "Customers should on no account eat it.", 0),
        ("Es regnete wie nie zuvor, er kam nicht.", "It rained more than ever, he came.", 1),
        ("Sie will die Reform nicht stoppen.", "She wants to halt the reform.", 1),
    ],
)
def test_comparisons_compounds_and_opposite_verbs(source: str, target: str, expected: int) -> None:
    assert len(flagged(source, target)) == expected


@pytest.mark.parametrize(
    ("source", "target"),
    [
        (
            "Die Lage ist so angespannt wie seit Jahren nicht.",
            "The situation is tenser than in years.",
        ),
        ("Es regnete so stark wie lange nicht.", "It rained harder than it had for a long time."),
        (
            "Die Stadt will keine Parkgebühren mehr erheben.",
            "The city wants to stop charging parking fees.",
        ),
        ("Die Bahn bietet den Tarif nicht mehr an.", "Deutsche Bahn has scrapped the fare."),
        ("Das gilt für Nicht-EU-Bürger.", "This applies to non-EU citizens."),
        ("Das gilt für Nicht-EU-Bürger.", "This applies to citizens from outside the EU."),
        (
            "Dort brüten so viele Störche wie in keinem anderen Landkreis.",
            "More storks breed there than in any other district.",
        ),
    ],
)
def test_comparisons_endings_and_non_compounds_need_no_english_negation(
    source: str, target: str
) -> None:
    assert negation_findings(source, target) == []


@pytest.mark.parametrize(
    ("source", "target"),
    [
        (
            "Die Stadt will keine Parkgebühren mehr erheben.",
            "The city wants to charge parking fees.",
        ),
        ("Die Lage ist nicht ernst.", "The situation is serious."),
        ("Nicht-EU-Bürger zahlen nicht.", "Non-EU citizens pay."),
        # a verb of ending answers "kein … mehr", not a plain "nicht"
        ("Die Stadt hat die Gebühr nicht erhöht.", "The city ended the fee increase."),
    ],
)
def test_a_dropped_negation_is_still_flagged(source: str, target: str) -> None:
    assert [f.flag for f in negation_findings(source, target)] == ["negation_mismatch"]


def test_a_condition_with_nicht_said_as_unless_is_no_negation_lost() -> None:
    source = "Alle Versicherten erhalten die Akte, sofern sie nicht widersprechen."
    assert not negation_findings(source, "All policyholders get the record unless they object.")
    assert negation_findings(source, "All policyholders get the record if they object.")


def test_nie_zuvor_in_a_comparison_may_be_than_ever_before() -> None:
    source = "Nie zuvor haben so viele Menschen Blut gespendet wie in diesem Jahr."
    assert not negation_findings(source, "More people donated blood this year than ever before.")
    assert not negation_findings(source, "Never before have so many people donated blood.")


@pytest.mark.parametrize(
    ("source", "target"),
    [
        # a bound, no negation: "spätestens" = "no later than", "nicht mehr als" = "no more than"
        (
            "Man muss sich spätestens drei Tage danach melden.",
            "One must register no later than three days after.",
        ),
        ("Es kommen nicht mehr als 100 Menschen.", "No more than 100 people come."),
        ("Es kommen nicht mehr als 100 Menschen.", "Not more than 100 people come."),
        # a German "-los" or "unverzüglich" said with "without"
        (
            "Hertha trennt sich nach fünf sieglosen Spielen vom Trainer.",
            "Hertha parts ways with the coach after five games without a win.",
        ),
        (
            "Iran soll die Zusammenarbeit unverzüglich aufnehmen.",
            "Iran should resume co-operation without delay.",
        ),
        # "so viel wie an keinem Tag" = "the most on any day"
        (
            "Es fiel so viel Schnee wie an keinem Dezembertag seit 1981.",
            "The most snow fell of any December day since 1981.",
        ),
        # "nothing more than" says "merely"
        (
            "»Die Innenstadt darf nicht zum reinen Parkplatz werden«, sagte sie.",
            "“The city centre must not become nothing more than a car park,” she said.",
        ),
    ],
)
def test_bounds_and_words_of_without_are_no_negation_changed(source: str, target: str) -> None:
    assert flagged(source, target) == []


def test_a_without_word_excuses_only_an_english_without() -> None:
    # "kostenlos" is said "free": an added "not" stays a finding
    assert flagged(
        "Mieter, die eine Erhöhung erhalten haben, können sich kostenlos beraten lassen.",
        "Tenants who have not received an increase can get free advice.",
    )
    assert flagged("Die Nebenwirkungen sind harmlos.", "The side effects are not harmless.")


def test_a_negation_inside_a_quoted_title_counts_for_nothing() -> None:
    source = "Der Film „Das Lehrerzimmer“ ist der erste seit „Im Westen nichts Neues“."
    assert (
        flagged(source, "The Teachers' Lounge is the first since All Quiet on the Western Front.")
        == []
    )
    assert flagged(
        source, "The Teachers' Lounge is not the first since All Quiet on the Western Front."
    )


def test_nicht_erst_is_not_just() -> None:
    source = "„Die Kassen sind leer, und zwar nicht erst seit gestern“, sagte sie."
    assert flagged(source, '"The coffers are empty, and not just since yesterday," she said.') == []
    assert flagged(source, '"The coffers are empty, and just since yesterday," she said.')
    assert (
        flagged("Er kommt jetzt und nicht erst in zehn Jahren.", "He comes now, not in ten years.")
        == []
    )


def test_so_wie_nie_needs_its_ever_or_a_record() -> None:
    source = "Butter ist so teuer wie nie."
    assert flagged(source, "Butter has never been more expensive.") == []
    assert flagged(source, "Butter is more expensive than ever.") == []
    assert flagged(source, "Butter costs a record amount.") == []
    assert flagged(source, "Butter has been more expensive.")


@pytest.mark.parametrize(
    ("source", "target"),
    [
        (
            "„Wir wollen nicht nur dabei sein“, sagte er.",
            '"We don\'t just want to be there," he said.',
        ),
        (
            "„Wir sind noch lange nicht durch“, warnte er.",
            '"We are far from out of the woods," he warned.',
        ),
        ("Die Haie haben die Playoffs verpasst.", "The Haie did not make the playoffs."),
        ("Er schied im zweiten Durchgang aus.", "He did not finish the second run."),
        (
            "Sie können die Rente abschlagsfrei beziehen.",
            "They can draw the pension with no deductions.",
        ),
    ],
)
def test_failing_verbs_and_free_words_say_not_by_meaning(source: str, target: str) -> None:
    assert flagged(source, target) == []


def test_fruehestens_may_be_not_until_and_a_lack_in_a_compound_is_no_not() -> None:
    source = "Die Einwohner dürfen frühestens Ende Juni in ihre Häuser zurückkehren."
    assert flagged(source, "Residents will not be allowed home until the end of June.") == []
    # "Schneemangel" is the English "lack": the German "nicht" still needs a "not"
    source = "Wegen Schneemangels können die Skigebiete den Saisonstart nicht durchführen."
    assert flagged(source, "The resorts cannot open the season because of a lack of snow.") == []
    assert flagged(source, "The resorts can open the season because of a lack of snow.") != []


def test_ausschliessen_is_rule_out_so_its_nicht_needs_a_not() -> None:
    source = "„Wir können nicht ausschließen, dass es weitere Opfer gibt“, sagte sie."
    assert flagged(source, '"We cannot rule out further victims," she said.') == []
    assert flagged(source, '"We can rule out further victims," she said.') != []
    source = "Er schloss weitere Streiks nicht aus: „Wir werden nicht mehr warnen.“"
    assert flagged(source, 'He did not rule out more strikes: "We will no longer warn."') == []
    assert flagged(source, 'He ruled out more strikes: "We will no longer warn."') != []
    # the particle may stand far from its verb, at the end of the clause
    source = (
        "Der Vorsitzende schließe aber weitere Arbeitsniederlegungen im Güter- und "
        "Personenverkehr nicht aus, sagte er."
    )
    assert flagged(source, "The chairman did not rule out more walkouts, he said.") == []
    assert flagged(source, "The chairman ruled out more walkouts, he said.") != []


def test_english_words_of_not_the_german_lacks_excuse_no_english_not() -> None:
    # "rather than" renders "statt"; the "not until" is the "erst"'s
    source = "Der Tunnel wird erst 2031 statt wie geplant 2029 eröffnet."
    assert flagged(source, "The tunnel will not open until 2031 rather than in 2029.") == []
    assert flagged(source, "The tunnel will not open in 2031 rather than in 2029.") != []


def test_free_of_charge_renders_kostenlos_not_a_nicht() -> None:
    source = "Sie sind nicht zur Teilnahme verpflichtet, können aber kostenlos teilnehmen."
    assert flagged(source, "They are not required to attend but can join free of charge.") == []
    assert flagged(source, "They are required to attend but can join free of charge.") != []


def test_exempt_says_not_affected() -> None:
    source = "Härtefälle sollen davon nicht betroffen sein."
    assert flagged(source, "Hardship cases are to be exempt.") == []
    assert flagged(source, "Hardship cases are to be affected.") != []
    # "befreit" is the German's "exempt": an English "not" beside it is added
    assert flagged("Härtefälle sind befreit.", "Hardship cases are not exempt.") != []


def test_homeless_says_ohne_obdach_beyond_the_germans_own_los_words() -> None:
    source = "Wer einen Menschen ohne Obdach in Not sieht, kann anrufen."
    assert flagged(source, "Anyone who sees a homeless person in distress can call.") == []
    source = "Viele Obdachlose nutzen die Stellen nicht, weil es keine Einzelzimmer gibt."
    assert flagged(source, "Many homeless people do not use them because there are no rooms.") == []
    assert flagged(source, "Many homeless people do not use them because there are rooms.") != []


def test_a_no_vote_is_a_nein_parole_and_missing_is_not_being_there() -> None:
    source = "Die SVP hat die Nein-Parole zum Vertragspaket beschlossen."
    assert flagged(source, "The SVP voted to recommend a No vote on the treaty package.") == []
    source = "Musiala wird in der Rückrunde nicht zur Verfügung stehen."
    assert flagged(source, "Musiala will miss the second half of the season.") == []


def test_nicht_mehr_als_before_a_noun_is_no_longer() -> None:
    source = "Der Gletscher wird in zehn Jahren nicht mehr als Gletscher gelten."
    assert flagged(source, "The glacier will no longer qualify as a glacier in ten years.") == []
    assert flagged(source, "The glacier will still qualify as a glacier in ten years.")
    source = "Es kamen nicht mehr als 50 Gäste."  # a bound, no negation
    assert flagged(source, "No more than 50 guests came.") == []


def test_a_motion_of_no_confidence_says_no_not() -> None:
    source = "Höcke scheiterte mit einem Misstrauensantrag, der keine einzige Stimme erhielt."
    kept = "Höcke failed with a motion of no confidence that did not get a single vote."
    assert flagged(source, kept) == []
    assert flagged(source, kept.replace("did not get", "got"))


@pytest.mark.parametrize(
    ("source", "kept", "lost"),
    [
        (
            "Die Läuferin verzichtet auf einen Start beim Stadtmarathon.",
            "The runner will not race in the city marathon.",
            "The runner will race in the city marathon.",
        ),
        (
            "Der Fahrer des Lastwagens blieb unverletzt.",
            "The lorry driver escaped unhurt.",
            "The lorry driver was hurt.",
        ),
        (
            "Das Konzert am Samstag fällt wegen des Sturms aus.",
            "Saturday's concert has been cancelled because of the storm.",
            "Saturday's concert will go ahead despite the storm.",
        ),
    ],
)
def test_a_word_saying_not_by_meaning_needs_an_english_one(
    source: str, kept: str, lost: str
) -> None:
    assert flagged(source, kept) == []
    assert len(flagged(source, lost)) == 1


@pytest.mark.parametrize(
    "kept",
    [
        "The project is neither affordable nor necessary.",
        "The project is not affordable, nor is it necessary.",
        "The project is not affordable or necessary.",
        "The project is not affordable and not necessary.",
        "The project is not affordable, and it is not necessary either.",
    ],
)
def test_weder_noch_said_of_both_things_raises_nothing(kept: str) -> None:
    assert flagged("Das Projekt ist weder finanzierbar noch notwendig.", kept) == []


@pytest.mark.parametrize(
    "lost",
    [
        "The project is affordable but not necessary.",
        "The project is not affordable, though it is necessary.",
    ],
)
def test_weder_noch_said_of_one_thing_is_a_negation_lost(lost: str) -> None:
    findings = negation_findings("Das Projekt ist weder finanzierbar noch notwendig.", lost)
    assert len(findings) == 1
    assert "'weder … noch' says 'not' of two things" in findings[0].message


def test_ohne_weiteres_says_simply_and_an_in_word_must_negate_to_count() -> None:
    source = "Die Händler wollen die Preiserhöhungen nicht mehr ohne Weiteres hinnehmen."
    kept = "Retailers are no longer willing to simply accept price increases."
    assert flagged(source, kept) == []
    # "uneingeschränkt" said with "without"; "insolvency" and "increase" negate nothing
    source = "Die Klinik hat Insolvenz beantragt, der Betrieb läuft aber uneingeschränkt weiter."
    kept = "The clinic has filed for insolvency, but operations continue without restriction."
    assert flagged(source, kept) == []


def test_advised_against_says_the_german_not_to_avoid() -> None:
    source = "Die Polizei rät, nicht notwendige Fahrten zu vermeiden."
    assert flagged(source, "Police advised against unnecessary journeys.") == []
    assert flagged(source, "Police advised necessary journeys.") != []


def test_a_missed_shot_or_a_technical_failure_excuses_no_lost_not() -> None:
    source = "Sie kamen nicht gut ins Spiel und vergaben zu viele Chancen."
    assert flagged(source, "They did not start well and missed too many chances.") == []
    assert flagged(source, "They started well and missed too many chances.") != []
    source = "Die Bahn fährt noch nicht, nach einem Signalschaden am Morgen."
    assert flagged(source, "Trains are not yet running after a signal failure.") == []
    assert flagged(source, "Trains are running again after a signal failure.") != []


def test_lacking_and_a_litotes_say_no_plain_not() -> None:
    source = "Am letzten Anstieg hat mir die Kraft gefehlt, sagte er."
    assert flagged(source, "I didn't have the strength on the last climb, he said.") == []
    source = "Der Mann war für die Polizei kein Unbekannter."
    assert flagged(source, "The man was already known to the police.") == []
    assert flagged(source, "The man was no stranger to the police.") == []
    # "unter-" and a noun of "Un-" are no litotes
    source = "Die Regierung will den Plan nicht unterstützen."
    assert flagged(source, "The government will back the plan.") != []
    assert flagged("Es war kein Unfall.", "It was an accident.") != []


@pytest.mark.usefixtures("real_ding")
def test_an_in_word_whose_word_renders_the_german_says_its_nicht() -> None:
    source = "Das Gericht entschied, dass Kürzungen nicht mit dem Grundgesetz vereinbar sind."
    assert flagged(source, "The court ruled that cuts are incompatible with the Basic Law.") == []
    assert flagged(source, "The court ruled that cuts are compatible with the Basic Law.") != []
    # an un- word of another German word says no "nicht"
    assert flagged(source, "The court ruled that cuts are unusual under the Basic Law.") != []


def test_crashing_out_says_the_germans_failure() -> None:
    source = "Potye ist in der Qualifikation gescheitert, er kam nicht über 2,17 Meter hinaus."
    target = "Potye crashed out in qualifying, unable to clear more than 2.17 metres."
    assert flagged(source, target) == []
    assert flagged(source, "Potye crashed out in qualifying, clearing 2.17 metres.") != []


def test_a_cancellation_may_be_said_as_a_service_that_will_not_run() -> None:
    source = "Wegen des Sturms fällt die Fähre nach Helgoland am Sonntag aus."
    assert (
        flagged(source, "The ferry to Heligoland will not run on Sunday because of the storm.")
        == []
    )
    assert (
        flagged(
            "Am Donnerstag fallen alle U-Bahnen aus.", "No underground trains will run on Thursday."
        )
        == []
    )
    # where the English says "cancelled" for it, a "not" besides is one added
    source = "An der Universität fallen am Dienstag Vorlesungen aus; die Prüfungen finden statt."
    target = "Lectures at the university are cancelled on Tuesday, and exams will not go ahead."
    assert flagged(source, target) != []


def test_silence_agreed_is_a_price_not_disclosed() -> None:
    source = "Über den Kaufpreis wurde Stillschweigen vereinbart."
    assert flagged(source, "The parties agreed not to disclose the purchase price.") == []
    assert (
        flagged(
            "Über den Kaufpreis wurde verhandelt.",
            "The parties agreed not to disclose the purchase price.",
        )
        != []
    )


@pytest.mark.usefixtures("real_ding")
def test_a_los_word_may_be_said_as_no_of_what_it_lacks() -> None:
    source = "Die Landrätin Maria Kunz (parteilos) trat am Montag zurück."
    assert (
        flagged(
            source, "District chief Maria Kunz, who has no party affiliation, resigned on Monday."
        )
        == []
    )
    # "no" of anything else is a negation the German lacks
    assert (
        flagged(source, "District chief Maria Kunz, who has no support, resigned on Monday.") != []
    )


def test_so_good_as_never_before_is_a_record_said_with_ever() -> None:
    source = "Die Durchschnittsnote sank auf 2,1 – so gut war der Schnitt noch nie."
    assert flagged(source, "The average mark fell to 2.1, the best it has ever been.") == []
    assert flagged(source, "The average mark fell to 2.1, a good result.") != []
