"""Legal timing rules (aanmelden/rules.py): computed from the date of birth and today."""

import datetime

from aanmelden import rules

D = datetime.date


def test_leerplicht_starts_first_of_the_month_after_the_fifth_birthday():
    assert rules.leerplicht_start(D(2015, 3, 4)) == D(2020, 4, 1)
    assert rules.leerplicht_start(D(2015, 12, 31)) == D(2021, 1, 1)
    assert rules.leerplicht_start(D(2016, 2, 29)) == D(2021, 4, 1)
    assert rules.first_notice_deadline(D(2015, 3, 4)) == D(2020, 3, 1)


def test_first_notice_on_time_and_late():
    on_time = rules.vrijstelling_explanation("5a", D(2021, 6, 10), "nee", D(2026, 5, 1))
    assert not on_time.late and "U bent op tijd" in on_time.text
    late = rules.vrijstelling_explanation("5b", D(2015, 3, 4), "nee", D(2026, 11, 23))
    assert late.late
    assert "kan niet meer als uw kind al leerplichtig is" in late.text


def test_renewal_before_first_of_july():
    assert rules.renewal_deadline(D(2026, 3, 1)) == D(2026, 7, 1)
    assert rules.renewal_deadline(D(2026, 8, 15)) == D(2027, 7, 1)
    july = rules.vrijstelling_explanation("5c", D(2015, 1, 1), "ja", D(2026, 7, 10))
    assert july.late


NEVER_SCHOOL = "nooit naar school zal kunnen"


def test_renewal_for_5a_explains_the_never_able_to_attend_exception():
    """Art. 6/7: a 5a exemption need not be renewed when the statement says the child will
    never be able to attend school. Explained, not enforced: the text says both."""
    for today in (D(2026, 3, 1), D(2026, 7, 10)):
        explanation = rules.vrijstelling_explanation("5a", D(2015, 1, 1), "ja", today)
        assert "elk jaar vóór" in explanation.text
        assert NEVER_SCHOOL in explanation.text
        assert "hoeft u de vrijstelling niet elk jaar opnieuw te melden" in explanation.text
    # Other grounds are renewed every year without exception.
    for ground in ("5b", "5c"):
        text = rules.vrijstelling_explanation(ground, D(2015, 1, 1), "ja", D(2026, 3, 1)).text
        assert "elk jaar vóór" in text and NEVER_SCHOOL not in text


def test_decisions_are_explained_as_requests_with_age_rules():
    text = rules.vrijstelling_explanation("15", D(2014, 1, 1), "nee", D(2026, 11, 23)).text
    assert "Dit is een aanvraag" in text and "12 jaar" in text
    text = rules.vrijstelling_explanation("3a3b", D(2010, 1, 1), "nee", D(2026, 11, 23)).text
    assert "vanaf 14 jaar" not in text


def test_leerwerkmakelaar_age_rule_is_explained_not_enforced():
    today = D(2026, 11, 23)
    assert "kwalificatieplicht" in rules.leerwerkmakelaar_explanation(D(2009, 5, 12), today).text
    assert "15 jaar" in rules.leerwerkmakelaar_explanation(D(2011, 1, 1), today).text
    assert "30 jaar" in rules.leerwerkmakelaar_explanation(D(1996, 1, 1), today).text
