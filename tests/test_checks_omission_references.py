"""Omission and addition on natural references: paired modifiers, the hedging
"sollen", study attributions, comma-joined clauses, adverbs the lexicon renders with
a phrase, separable "sagen" and pronominal adverbs (real lexicon)."""

from __future__ import annotations

import pytest

from service.checks.facts.structure import (
    added_adverb,
    added_prepositions,
    coordination,
    unmatched_prepositions,
)
from tests.conftest import omission_flags

pytestmark = pytest.mark.usefixtures("real_ding")


def test_a_german_adjective_accounts_for_another_english_modifier_of_its_noun() -> None:
    source = "Die Arbeitslosigkeit in Spanien ist nach einer ersten Schätzung leicht gesunken."
    target = "Unemployment in Spain fell slightly, according to a flash estimate."
    assert "addition" not in omission_flags(source, target)
    source = "Die Arbeitslosigkeit in Spanien ist nach einer Schätzung leicht gesunken."
    assert "addition" in omission_flags(source, target)


def test_the_reporting_sollen_accounts_for_an_english_hedge() -> None:
    source = (
        "Die Polizei hat in Hamburg einen Mann festgenommen, der drei Autos angezündet haben soll."
    )
    target = "Police in Hamburg have arrested a man who allegedly set fire to three cars."
    assert "addition" not in omission_flags(source, target)
    source = "Die Polizei hat in Hamburg einen Mann festgenommen, der drei Autos angezündet hat."
    assert "addition" in omission_flags(source, target)


@pytest.mark.parametrize("noun", ["Studie", "Umfrage", "Analyse", "Erhebung", "Statistik"])
def test_nach_with_a_study_or_survey_is_an_attribution(noun: str) -> None:
    source = f"In Sachsen fehlen nach einer {noun} des Verbands derzeit viele Lehrer."
    target = "According to the association, Saxony is currently short of many teachers."
    assert "addition" not in omission_flags(source, target)


def test_an_attribution_with_more_words_the_german_lacks_is_an_addition() -> None:
    # the English runs half as long again (an English "according to" alone is no finding)
    source = "In Sachsen fehlen derzeit viele Lehrer an den Schulen."
    target = "According to the association, Saxony's schools are currently short of many teachers."
    assert "addition" in omission_flags(source, target)


def test_a_comma_between_two_main_clauses_accounts_for_an_english_and() -> None:
    source = "Im Harz hat es nachts heftig geschneit, auf der Bundesstraße bildeten sich Staus."
    target = "It snowed heavily in the Harz overnight, and tailbacks formed on the main road."
    assert coordination(source, target) is None
    source = "Im Harz hat es in der Nacht heftig geschneit, weil ein Tief kam."
    target = "It snowed heavily in the Harz overnight, and roads closed because a low came."
    assert coordination(source, target) is not None


@pytest.mark.parametrize(
    ("source", "target", "added"),
    [
        (  # a verb second in its clause is finite, though "finden" reads first as an infinitive
            "Viele Gemeinden haben keinen Pfarrer, Gottesdienste finden nur noch selten statt.",
            "Many parishes have no priest, and services are now held only rarely.",
            "Many parishes and chapels have no priest, and services are held rarely.",
        ),
        (  # the ordinal's dot in "31. Januar" ends no clause
            "Bewerbungen sind bis zum 31. Januar möglich, Fragen beantwortet das Team per Mail.",
            "Applications are open until 31 January, and the team answers questions by email.",
            "Applications are open until 31 January, and the team answers questions and calls.",
        ),
        (  # ", Tendenz steigend" = ", and the figure is rising"
            "In Niedersachsen fehlen derzeit 8500 Pflegekräfte, Tendenz steigend.",
            "Lower Saxony is short of 8,500 nurses, and the figure is rising.",
            "Lower Saxony and Bremen are short of 8,500 nurses, and the figure is rising.",
        ),
        (  # a slash joins two names
            "Die Kreuzung Friedrichstraße/Leipziger Straße bleibt gesperrt.",
            "The junction of Friedrichstrasse and Leipziger Strasse remains closed.",
            "The junction of Friedrichstrasse and Leipziger Strasse and the bridge remain closed.",
        ),
    ],
)
def test_more_german_joins_account_for_an_english_and(source: str, target: str, added: str) -> None:
    assert coordination(source, target) is None
    assert coordination(source, added) is not None


def test_an_english_phrase_the_lexicon_gives_for_a_german_adverb_is_no_addition() -> None:
    source = "Die Stadt erhebt künftig eine Gebühr für das Parken am Hafen."
    target = "In future, the city will charge a fee for parking at the harbour."
    assert added_prepositions(source, target) == []
    source = "Die Stadt erhebt eine Gebühr für das Parken am Hafen."
    assert added_prepositions(source, target) != []


def test_a_separable_sagen_is_no_attribution_but_a_spoken_one_is() -> None:
    source = "Der Verein sagt das Spiel gegen Bochum ab, weil der Platz gefroren ist."
    target = "The club has cancelled the match against Bochum because the pitch is frozen."
    assert "omission" not in omission_flags(source, target)
    source = "Das Theater sagt alle Vorstellungen bis 15. März ab; Karten gibt es zurück."
    target = "The theater is canceling all shows through March 15; tickets are being returned."
    assert "omission" not in omission_flags(source, target)  # a date's dot ends no clause
    source = "Der Verein sagt, das Spiel gegen Bochum finde statt, weil der Platz frei ist."
    target = "The match against Bochum will take place because the pitch is clear."
    assert "omission" in omission_flags(source, target)


def test_a_pronominal_adverb_counts_for_nothing() -> None:
    source = "„Wir müssen dorthin gehen, wo die Kunden sind“, sagte der Händler am Montag."
    target = '"We have to go where the customers are," the retailer said on Monday.'
    assert "omission" not in omission_flags(source, target)
    source = "„Wir müssen dorthin gehen, wo die zufriedenen Kunden sind“, sagte der Händler."
    target = '"We have to go where the people are," the retailer said.'
    assert "omission" in omission_flags(source, target)


def test_a_german_wollen_accounts_for_an_english_verb_of_intent() -> None:
    source = (
        "Vodafone will bis Ende 2028 rund fünf Millionen Haushalte mit Glasfaser versorgen, "
        "wie der Vorstandschef in Düsseldorf sagte."
    )
    target = (
        "Vodafone aims to connect around five million households to fibre-optic broadband "
        "by the end of 2028, its chief executive said in Düsseldorf."
    )
    assert "addition" not in omission_flags(source, target)
    source = source.replace("will", "hat").replace("versorgen", "versorgt")
    assert "addition" in omission_flags(source, target)


def test_bislang_accounts_for_an_english_previously() -> None:
    source = "Archäologen haben in Trier bislang unbekannte römische Mauern entdeckt."
    target = "Archaeologists in Trier have discovered previously unknown Roman walls."
    assert "addition" not in omission_flags(source, target)
    source = "Archäologen haben in Trier unbekannte römische Mauern entdeckt."
    assert "addition" in omission_flags(source, target)


@pytest.mark.parametrize(
    ("source", "target"),
    [
        (  # "gar nicht" may be "simply not"
            "Er verschreibt Medikamente, die es gar nicht gibt.",
            "He prescribes medicines that simply aren't available.",
        ),
        (  # "45 Jahre lang" = "for 45 years"
            "Wer 45 Jahre lang gearbeitet hat, darf im Alter nicht arm sein.",
            "Anyone who has worked for 45 years must not be poor in old age.",
        ),
    ],
)
def test_adverbs_and_durations_need_no_more_words(source: str, target: str) -> None:
    assert omission_flags(source, target) == set()


def test_a_spokesman_for_a_body_is_the_german_genitive() -> None:
    source = (
        "Weder die Grünen noch die Linke wollen dem Kompromiss zustimmen, wie ein Sprecher "
        "der Grünen-Fraktion am Abend bestätigte."
    )
    target = (
        "Neither the Greens nor the Left Party are willing to back the compromise, a spokesman "
        "for the Greens' parliamentary group confirmed in the evening."
    )
    assert added_prepositions(source, target) == []
    assert added_prepositions(source, target.replace("spokesman", "man")) != []


def test_a_preposition_before_a_qualified_number_word_opens_no_phrase() -> None:
    target = "The Berlinale was up almost seven percent."
    source = "Die Berlinale verzeichnete ein Plus von knapp sieben Prozent."
    assert unmatched_prepositions(source, target) == []
    source = "Die Berlinale verzeichnete ein Plus von knapp sieben Prozent bei Gästen."
    assert unmatched_prepositions(source, target) != []


@pytest.mark.parametrize(
    ("source", "target"),
    [
        (  # a day inside a German compound: "Wochenendticket" = "weekend ticket"
            "Der Vorverkauf startet am Donnerstag; ein Wochenendticket kostet 249 Euro.",
            "Advance sales start on Thursday; a weekend ticket costs €249.",
        ),
        (  # "nur weil" = "simply because"
            "Ein Vermieter darf die Kaution nicht einbehalten, nur weil die Abrechnung aussteht.",
            "A landlord may not withhold the deposit simply because the statement is outstanding.",
        ),
        (  # "in der Nacht zu Sonntag" = "overnight Saturday into Sunday"
            "Ein Autofahrer ist in der Nacht zu Sonntag über eine rote Ampel gefahren.",
            "A driver ran a red light overnight Saturday into Sunday.",
        ),
        (  # "in aller Regel" = "generally"
            "Die Nebenwirkungen sind in aller Regel harmlos, sagte die Ärztin.",
            "The side effects are generally harmless, the doctor said.",
        ),
        (  # "ohne Weiteres" = "simply"
            "Die Händler wollen die Preiserhöhungen nicht mehr ohne Weiteres hinnehmen.",
            "Retailers are no longer willing to simply accept the price increases.",
        ),
        (  # "warten auf" = "wait for", "beim" = "with"
            "Versicherte warten im Schnitt 42 Tage auf einen Termin beim Facharzt, hieß es.",
            "Patients wait an average of 42 days for an appointment with a specialist, it said.",
        ),
        (  # an "and" inside an English body's name
            "Die Zahl der Störche ist gestiegen, wie der Naturschutzbund (NABU) mitteilte.",
            "The number of storks has risen, the Nature and Biodiversity Conservation Union "
            "(NABU) said.",
        ),
    ],
)
def test_days_in_compounds_roles_and_names_add_nothing(source: str, target: str) -> None:
    assert "addition" not in omission_flags(source, target)


@pytest.mark.parametrize(
    ("source", "target"),
    [
        (  # "auf Platz eins" = "comes first", "auf dem letzten Rang" = "comes last"
            "Bremen liegt erneut auf Platz eins, Wiesbaden landet auf dem letzten Rang.",
            "Bremen again comes first, while Wiesbaden comes last.",
        ),
    ],
)
def test_german_said_by_other_english_words_is_no_omission(source: str, target: str) -> None:
    assert "omission" not in omission_flags(source, target)


def test_fewer_and_fewer_joins_no_item() -> None:
    source = "Immer weniger Hausärzte wollen sich auf dem Land niederlassen."
    assert coordination(source, "Fewer and fewer GPs want to set up practices there.") is None
    assert coordination(source, "Fewer GPs and nurses want to set up practices there.")


def test_weiterhin_said_by_continue_is_rendered() -> None:
    from service.checks.facts.coverage import lexical_findings
    from service.checks.facts.lexicon import lexicon

    words = lexicon()
    if words is None:
        pytest.skip("the Ding lexicon is not installed")
    source = "Die Kliniken behandeln weiterhin Notfälle."
    said = lexical_findings(source, "The clinics continue to treat emergencies.", words, 1.0)
    unsaid = lexical_findings(source, "The clinics treat emergencies.", words, 1.0)
    assert said.german_unrendered < unsaid.german_unrendered


def test_aged_75_and_over_joins_no_item() -> None:
    source = "Sie empfiehlt die Impfung allen ab 75 Jahren sowie Risikopatienten ab 60 Jahren."
    target = (
        "It recommends the jab for everyone aged 75 and over and for patients aged 60 and over."
    )
    assert coordination(source, target) is None
    assert coordination(source, target.replace("for everyone", "for women and men"))


def test_a_passive_mitgeteilt_is_no_attribution() -> None:
    source = "Die Preiserhöhung sei den Kunden nicht rechtzeitig mitgeteilt worden, hieß es."
    target = "Customers were not informed of the price rise in time, it said."
    assert "omission" not in omission_flags(source, target)
    source = "Die Preiserhöhung sei den Kunden nicht rechtzeitig mitgeteilt worden."
    target = "Customers were not informed of the price rise in time, the company said."
    assert coordination(source, target) is None


def test_a_gapped_clause_after_fuer_joins_an_english_and() -> None:
    source = "Der Beitrag steigt auf 3,6 Prozent, für Kinderlose auf 4,2 Prozent."
    assert coordination(source, "The rate rises to 3.6%, and to 4.2% for the childless.") is None


def test_an_adverb_whose_adjective_a_german_word_renders_is_no_addition() -> None:
    from service.checks.facts.lexicon import lexicon

    if lexicon() is None:
        pytest.skip("the Ding lexicon is not installed")
    source = "Nach derzeitigem Kenntnisstand besteht keine Gefahr."
    assert added_adverb(source, "Based on what we currently know, there is no danger.") is None
    assert added_adverb(source, "Based on what we apparently know, there is no danger.") is not None


def test_what_a_german_acronym_names_is_no_addition() -> None:
    source = (
        "Die IG BCE und die Arbeitgeber der Chemiebranche haben sich nach 14-stündigen "
        "Verhandlungen in Hannover auf einen Tarifvertrag geeinigt."
    )
    target = (
        "The IG BCE union and chemical industry employers agreed a wage deal after 14 hours "
        "of talks in Hanover."
    )
    assert omission_flags(source, target) == set()


def test_a_record_is_new_without_the_word() -> None:
    source = "Die Zahl der Erwerbstätigen erreichte im Oktober einen neuen Höchststand."
    assert omission_flags(source, "The number of people in work hit a record in October.") == set()


def test_a_bound_after_a_year_is_no_added_item() -> None:
    source = (
        "Versicherte ab dem Jahrgang 1964 können erst mit 67 Jahren ohne Abschläge in Rente gehen."
    )
    target = "Insured persons born in 1964 or later can only retire without deductions at 67."
    assert "addition" not in omission_flags(source, target)


def test_a_news_sense_ding_lacks_renders_its_word() -> None:
    source = "Der Juni war in Hamburg der wärmste seit 2003, aber auch deutlich zu nass."
    assert (
        omission_flags(source, "June in Hamburg was the warmest since 2003, but also much too wet.")
        == set()
    )
    assert "omission" in omission_flags(
        source, "June in Hamburg was the warmest since 2003, but also wet."
    )


def test_a_separable_particle_before_und_is_read_with_its_verb() -> None:
    source = (
        "Der Koalitionsausschuss kam am Sonntagabend im Kanzleramt zusammen und tagte bis "
        "kurz nach drei Uhr am Montagmorgen."
    )
    target = (
        "The coalition committee met at the Chancellery on Sunday evening and sat until "
        "shortly after three on Monday morning."
    )
    assert omission_flags(source, target) == set()


def test_an_english_modifier_that_renders_a_part_of_a_compound() -> None:
    source = "Der Wetterdienst warnt für Sonntag vor Sturmböen an der Nordseeküste."
    target = "The weather service has warned of storm gusts on the North Sea coast on Sunday."
    assert omission_flags(source, target) == set()
    source = "Das sagte Bundesarbeitsminister Hubertus Heil am Mittwoch in Berlin."
    target = "Labour Minister Hubertus Heil said this in Berlin on Wednesday."
    assert omission_flags(source, target) == set()
