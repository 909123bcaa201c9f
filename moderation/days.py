"""Day counts shown in the queue lists and the exports."""

from django.utils import timezone


def waiting_days(obj, now=None):
    end = obj.closed_at or now or timezone.now()
    return max((end - obj.received_at).days, 0)


def age_on(birth_date, day):
    if not birth_date:
        return None
    return day.year - birth_date.year - ((day.month, day.day) < (birth_date.month, birth_date.day))
