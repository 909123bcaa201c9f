"""Shared fields: normalise, then validate, with Dutch messages."""

import unicodedata

import pytest
from django.core.exceptions import ValidationError

from aanmelden.forms import fields as f


@pytest.mark.parametrize(
    "name", ["'t Hart", "Özütok", "van den Berg", "Jean-Luc", "J.P. de Vries", "Nguyễn", "O’Brien"]
)
def test_names_accept_real_names(name):
    assert f.NameField().clean(name) == name


@pytest.mark.parametrize(
    "name",
    [
        "अनिल",  # Hindi: a vowel sign (combining mark, Mc) after a letter
        "ทักษิณ",  # Thai: vowel and tone marks (Mn) after letters
        "Zoë",
        "Nguyễn",
        "Nguyễn Thị Minh Khai",
    ],
)
@pytest.mark.parametrize("form", ["NFC", "NFD"])
def test_names_accept_combining_marks_and_decomposed_input(name, form):
    """Typed composed or decomposed (NFD, as macOS and some keyboards send it), the name is
    accepted and stored composed (NFC)."""
    typed = unicodedata.normalize(form, name)
    assert f.NameField().clean(typed) == unicodedata.normalize("NFC", name)


@pytest.mark.parametrize(
    "name",
    [
        "R2D2",
        "<script>",
        "--",
        "Jan!",
        "अनिल२",  # a Devanagari digit
        "\u0301Anna",  # a combining mark that follows no letter
        "Anna \u0301",
        "Anna€",
    ],
)
def test_names_refuse_other_characters(name):
    with pytest.raises(ValidationError, match="Gebruik alleen letters"):
        f.NameField().clean(name)


@pytest.mark.parametrize(("value", "stored"), [("1234ab", "1234 AB"), (" 1234 AB ", "1234 AB")])
def test_postcode_is_normalised(value, stored):
    assert f.PostcodeField().clean(value) == stored


@pytest.mark.parametrize("value", ["0123 AB", "1234 SA", "1234 SS", "12345", "ABCD 12"])
def test_postcode_refuses_invalid(value):
    with pytest.raises(ValidationError, match="1234 AB"):
        f.PostcodeField().clean(value)


def test_bsn_eleven_test_and_padding():
    assert f.normalise_person_number("11122233") == "011122233"
    f.validate_bsn("111222333")
    for bad in ("123456789", "000000000", "12345678A"):
        with pytest.raises(ValidationError, match="burgerservicenummer"):
            f.validate_bsn(bad)


def test_onderwijsnummer_starts_with_10_and_has_remainder_5():
    f.validate_onderwijsnummer("101222331")
    for bad in ("111222333", "101222332"):
        with pytest.raises(ValidationError, match="onderwijsnummer"):
            f.validate_onderwijsnummer(bad)


@pytest.mark.parametrize(
    ("value", "stored"),
    [
        ("06-12345678", "+31612345678"),
        ("0031 6 1234 5678", "+31612345678"),
        ("023 123 4567", "+31231234567"),
        ("+32 470 12 34 56", "+32470123456"),
    ],
)
def test_phone_numbers_dutch_and_international(value, stored):
    assert f.PhoneField().clean(value) == stored


@pytest.mark.parametrize("value", ["12", "06-1234", "hallo", "+99 1234567"])
def test_phone_refuses_invalid(value):
    with pytest.raises(ValidationError, match="telefoonnummer"):
        f.PhoneField().clean(value)


def test_kvk_keeps_leading_zeros():
    assert f.KvkField().clean("0123 4567") == "01234567"
    with pytest.raises(ValidationError, match="8 cijfers"):
        f.KvkField().clean("1234567")


@pytest.mark.parametrize(
    ("parts", "message"),
    [
        (["31", "2", "2015"], "bestaat niet"),
        (["", "2", "2015"], "Vul ook de dag in"),
        (["1", "", ""], "Vul ook de maand en jaar in"),
        (["a", "2", "2015"], "alleen cijfers"),
        (["1", "2", "15"], "4 cijfers"),
        (["1", "1", "2999"], "verleden"),
    ],
)
def test_birth_date_says_what_is_wrong(parts, message):
    with pytest.raises(ValidationError, match=message):
        f.BirthDateField().clean(parts)


def test_birth_date_from_three_parts():
    import datetime

    assert f.BirthDateField().clean(["4", "3", "2015"]) == datetime.date(2015, 3, 4)
