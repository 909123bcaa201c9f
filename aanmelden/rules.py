"""Legal rules the forms explain (never enforce). Keep every rule here, with its source.

Sources:
- Leerplichtwet 1969 art. 2 (start of leerplicht), art. 5, 6, 7, 15, 3a/3b
  (https://wetten.overheid.nl/BWBR0002628).
- Leerwerkmakelaar age range: the Doorstroompunt serves young people up to 23, in this region up
  to 27; under 18 they are still kwalificatieplichtig.
"""

import datetime
from dataclasses import dataclass

from dateutil.relativedelta import relativedelta
from django.utils.formats import date_format
from django.utils.translation import gettext as _

# Art. 6: the first notification must be made at least one month before leerplicht starts.
FIRST_NOTICE_MONTHS_BEFORE = 1
# Art. 6/7: renew every year before 1 July (for the school year that starts on 1 August), except
# for 5a when the statement says the child will never be able to attend school.
RENEWAL_MONTH, RENEWAL_DAY = 7, 1
LEERPLICHT_AGE = 5
KWALIFICATIEPLICHT_AGES = (16, 17)
ART_3A_MIN_AGE = 14
LEERWERKMAKELAAR_AGES = (16, 27)


@dataclass
class Explanation:
    paragraphs: list
    late: bool = False

    @property
    def text(self):
        return "\n\n".join(self.paragraphs)


def month_start(day, months=0):
    """The first day of the month ``months`` after (negative: before) the month of ``day``."""
    return day + relativedelta(months=months, day=1)


def birthday(birth_date, years):
    """The day a child turns ``years``. Born on 29 February: 1 March in a common year, as the
    child has not had its birthday yet on 28 February."""
    day = birth_date + relativedelta(years=years)
    return day + relativedelta(days=1) if day.day != birth_date.day else day


def age_on(birth_date, day):
    """Completed years on ``day``."""
    years = relativedelta(day, birth_date).years
    return years - 1 if birthday(birth_date, years) > day else years


def leerplicht_start(birth_date):
    """Art. 2: leerplichtig from the first school day of the month after the 5th birthday.
    We use the first day of that month; the school calendar may shift it by a few days."""
    return month_start(birthday(birth_date, LEERPLICHT_AGE), 1)


def first_notice_deadline(birth_date):
    return month_start(leerplicht_start(birth_date), -FIRST_NOTICE_MONTHS_BEFORE)


def renewal_deadline(today):
    """The next 1 July; in July the deadline for the coming school year has just passed."""
    deadline = datetime.date(today.year, RENEWAL_MONTH, RENEWAL_DAY)
    if today.month == 7:
        return deadline
    return deadline if today < deadline else deadline.replace(year=today.year + 1)


def _d(day):
    return date_format(day, "j F Y")


def vrijstelling_explanation(ground, birth_date, previous_exemption, today):
    """What the law says about timing for this child, in plain Dutch, for the check page."""
    paragraphs = []
    late = False
    age = age_on(birth_date, today)
    start = leerplicht_start(birth_date)
    if ground in ("5a", "5b", "5c"):
        paragraphs.append(
            _(
                "Dit is een kennisgeving. De vrijstelling geldt als u op tijd een volledige "
                "melding doet. De leerplichtambtenaar controleert of alles klopt."
            )
        )
        if previous_exemption == "ja":
            deadline = renewal_deadline(today)
            if today.month == 7:
                late = True
                paragraphs.append(
                    _(
                        "U moet de vrijstelling elk jaar vóór 1 juli opnieuw melden. De termijn "
                        "voor het nieuwe schooljaar was %(deadline)s. U kunt de melding toch doen; "
                        "de leerplichtambtenaar neemt contact met u op."
                    )
                    % {"deadline": _d(deadline)}
                )
            else:
                paragraphs.append(
                    _("U moet de vrijstelling elk jaar vóór %(deadline)s opnieuw melden.")
                    % {"deadline": _d(deadline)}
                )
            if ground == "5a":
                # Art. 6/7: no yearly renewal when the statement says the child will never be
                # able to attend school (art. 7). We cannot tell from the form, so
                # we explain it; the leerplichtambtenaar checks the statement.
                paragraphs.append(
                    _(
                        "Staat in de verklaring van de arts, psycholoog of pedagoog dat uw kind "
                        "nooit naar school zal kunnen? Dan hoeft u de vrijstelling niet elk jaar "
                        "opnieuw te melden."
                    )
                )
        else:
            deadline = first_notice_deadline(birth_date)
            if today <= deadline:
                paragraphs.append(
                    _(
                        "Uw kind wordt leerplichtig op %(start)s. Een eerste melding moet "
                        "uiterlijk %(deadline)s binnen zijn. U bent op tijd."
                    )
                    % {"start": _d(start), "deadline": _d(deadline)}
                )
            else:
                late = True
                paragraphs.append(
                    _(
                        "Uw kind is leerplichtig vanaf %(start)s. Een eerste melding moest "
                        "uiterlijk %(deadline)s binnen zijn. U kunt de melding toch doen; de "
                        "leerplichtambtenaar beoordeelt of de vrijstelling nog kan gelden."
                    )
                    % {"start": _d(start), "deadline": _d(deadline)}
                )
                if ground == "5b":
                    paragraphs.append(
                        _(
                            "Let op: een vrijstelling vanwege bezwaar tegen de richting van de "
                            "scholen kan niet meer als uw kind al leerplichtig is."
                        )
                    )
        if ground == "5b":
            paragraphs.append(
                _(
                    "De vrijstelling vervalt als uw kind het afgelopen jaar naar een school van "
                    "deze richting ging. Thuisonderwijs willen geven is geen reden voor deze "
                    "vrijstelling."
                )
            )
    else:
        paragraphs.append(
            _(
                "Dit is een aanvraag. De gemeente neemt een besluit en stuurt u een brief. "
                "Bent u het niet eens met het besluit, dan kunt u bezwaar maken."
            )
        )
        if ground == "15" and age not in KWALIFICATIEPLICHT_AGES:
            paragraphs.append(
                _(
                    "Deze regeling is voor jongeren van 16 of 17 jaar zonder startkwalificatie. "
                    "Uw kind is nu %(age)s jaar. De leerplichtambtenaar bespreekt met u wat wel "
                    "kan."
                )
                % {"age": age}
            )
        if ground == "3a3b" and age < ART_3A_MIN_AGE:
            paragraphs.append(
                _(
                    "Vervangende leerplicht kan vanaf 14 jaar. Uw kind is nu %(age)s jaar. De "
                    "leerplichtambtenaar bespreekt met u wat wel kan."
                )
                % {"age": age}
            )
    return Explanation(paragraphs, late)


def leerwerkmakelaar_explanation(birth_date, today):
    """The 16-27 rule, explained (never a reason to refuse the registration)."""
    age = age_on(birth_date, today)
    low, high = LEERWERKMAKELAAR_AGES
    if age < low:
        text = _(
            "De leerwerkmakelaar helpt jongeren van 16 tot 27 jaar. Je bent nu %(age)s jaar. "
            "We bekijken je aanmelding toch en verwijzen je zo nodig naar je school of de "
            "leerplichtambtenaar."
        )
    elif age < 18:
        text = _(
            "Je bent %(age)s jaar. Tot je 18e heb je kwalificatieplicht. Daarom kijkt ook de "
            "leerplichtambtenaar mee."
        )
    elif age <= high:
        text = _("Je bent %(age)s jaar. De leerwerkmakelaar helpt jongeren van 16 tot 27 jaar.")
    else:
        text = _(
            "De leerwerkmakelaar helpt jongeren van 16 tot 27 jaar. Je bent nu %(age)s jaar. We "
            "bekijken je aanmelding toch en verwijzen je zo nodig door."
        )
    return Explanation([text % {"age": age}], late=False)
