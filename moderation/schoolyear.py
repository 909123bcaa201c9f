"""School years run from 1 August to 31 July; the leerplicht annual report counts per year."""

import datetime
from dataclasses import dataclass

from django.utils import timezone

FIRST_MONTH = 8  # August


@dataclass(frozen=True)
class SchoolYear:
    start_year: int

    @property
    def start(self) -> datetime.date:
        return datetime.date(self.start_year, FIRST_MONTH, 1)

    @property
    def end(self) -> datetime.date:
        """Last day (inclusive): 31 July of the next calendar year."""
        return datetime.date(self.start_year + 1, FIRST_MONTH, 1) - datetime.timedelta(days=1)

    @property
    def label(self) -> str:
        return f"{self.start_year}-{self.start_year + 1}"

    def datetime_range(self):
        """[start, end) as aware datetimes in the current time zone, for received_at filters."""
        tz = timezone.get_current_timezone()
        start = datetime.datetime.combine(self.start, datetime.time.min, tzinfo=tz)
        end = datetime.datetime.combine(
            datetime.date(self.start_year + 1, FIRST_MONTH, 1), datetime.time.min, tzinfo=tz
        )
        return start, end

    def __str__(self):
        return self.label

    @classmethod
    def of(cls, day) -> "SchoolYear":
        if isinstance(day, datetime.datetime):
            day = timezone.localtime(day).date() if timezone.is_aware(day) else day.date()
        return cls(day.year if day.month >= FIRST_MONTH else day.year - 1)

    @classmethod
    def parse(cls, label):
        """'2025-2026' -> SchoolYear(2025); None when the label is not a school year."""
        try:
            first, second = (int(part) for part in str(label).split("-"))
        except (TypeError, ValueError):
            return None
        if second != first + 1 or not 1900 < first < 2200:
            return None
        return cls(first)


def current_school_year(now=None) -> SchoolYear:
    return SchoolYear.of(now or timezone.now())
