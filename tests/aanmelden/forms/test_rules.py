"""Legal timing rules (aanmelden/rules.py): computed from the date of birth and today."""

import datetime

from hypothesis import given
from hypothesis import strategies as st

from aanmelden import rules

D = datetime.date


def test_leerplicht_starts_first_of_the_month_after_the_fifth_birthday():
    assert rules.leerplicht_start(D(2015, 3, 4)) == D(2020, 4, 1)
    assert rules.leerplicht_start(D(2015, 12, 31)) == D(2021, 1, 1)
    assert rules.leerplicht_start(D(2016, 2, 29)) == D(2021, 4, 1)
    assert rules.first_notice_deadline(D(2015, 3, 4)) == D(2020, 3, 1)


def test_month_ends_and_year_boundaries():
    assert rules.leerplicht_start(D(2015, 1, 31)) == D(2020, 2, 1)
    assert rules.first_notice_deadline(D(2015, 1, 31)) == D(2020, 1, 1)
    assert rules.leerplicht_start(D(2015, 11, 30)) == D(2020, 12, 1)
    assert rules.first_notice_deadline(D(2015, 12, 15)) == D(2020, 12, 1)  # back over New Year
    assert rules.month_start(D(2024, 1, 31), 1) == D(2024, 2, 1)
    assert rules.month_start(D(2024, 3, 31), -1) == D(2024, 2, 1)


def test_a_child_born_on_29_february_turns_a_year_older_on_1_march_in_a_common_year():
    born = D(2008, 2, 29)
    assert rules.age_on(born, D(2026, 2, 28)) == 17
    assert rules.age_on(born, D(2026, 3, 1)) == 18
    assert rules.age_on(born, D(2028, 2, 28)) == 19
    assert rules.age_on(born, D(2028, 2, 29)) == 20
    assert rules.birthday(born, 5) == D(2013, 3, 1)
    assert rules.birthday(born, 4) == D(2012, 2, 29)
    # Born on 1 March: on 29 February of a leap year the birthday has not come yet.
    assert rules.age_on(D(2007, 3, 1), D(2028, 2, 29)) == 20
    assert rules.age_on(D(2007, 3, 1), D(2028, 3, 1)) == 21


@given(
    born=st.dates(min_value=D(1900, 1, 1), max_value=D(2030, 12, 31)),
    day=st.dates(min_value=D(1900, 1, 1), max_value=D(2060, 12, 31)),
)
def test_age_counts_whole_years_by_calendar_day(born, day):
    """Completed years: the difference in years, one less while the day and month of birth
    have not come yet this year."""
    expected = day.year - born.year - ((day.month, day.day) < (born.month, born.day))
    assert rules.age_on(born, day) == expected


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
