"""Day counts shown in the queue lists and the exports."""

from django.utils import timezone

from aanmelden import rules


def waiting_days(obj, now=None):
    end = obj.closed_at or now or timezone.now()
    return max((end - obj.received_at).days, 0)


def age_on(birth_date, day):
    """Completed years on ``day`` by the forms' own rule, or None without a birth date."""
    return rules.age_on(birth_date, day) if birth_date else None
