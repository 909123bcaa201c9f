"""Dates as Plone exports them."""

from django.utils import timezone
from django.utils.dateparse import parse_datetime


def parse_date(value):
    """Plone dates, with or without offset (naive ones are in the site's time zone)."""
    if not isinstance(value, str) or not value or value.startswith("1000-") or value[:4] > "2499":
        return None
    try:
        parsed = parse_datetime(value.replace(" ", "T"))
    except ValueError:
        return None
    if parsed is None:
        return None
    if timezone.is_naive(parsed):
        parsed = timezone.make_aware(parsed)
    return parsed
