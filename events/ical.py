"""iCalendar (RFC 5545) for events, written with the icalendar library: it folds lines, escapes
text and writes the VTIMEZONE that calendar programs need for Europe/Amsterdam, which we would
otherwise have to get right by hand."""

import datetime

import icalendar
from django.http import HttpResponse
from django.utils import timezone

PRODID = "-//Leerwerkportaal//Agenda//NL"
CONTENT_TYPE = "text/calendar; charset=utf-8"


def event_component(page, request):
    """The VEVENT of one event page. Its UID is the page's translation key, which never changes,
    so a calendar that imported the event before updates it instead of adding it twice."""
    event = icalendar.Event()
    event.add("uid", f"{page.translation_key}@leerwerkportaal")
    stamp = page.last_published_at or page.latest_revision_created_at or timezone.now()
    event.add("dtstamp", stamp.astimezone(datetime.UTC))
    event.add("last-modified", stamp.astimezone(datetime.UTC))
    event.add("summary", page.title)
    if page.all_day:
        # DATE values; DTEND is the day after the last day (exclusive, RFC 5545 3.6.1).
        event.add("dtstart", page.start_date)
        event.add("dtend", page.end_date + datetime.timedelta(days=1))
    else:
        event.add("dtstart", page.local_start)
        if page.end:
            event.add("dtend", page.local_end)
    if page.location:
        event.add("location", page.location)
    if page.organiser:
        event.add("contact", page.organiser)
    description = [page.summary] if page.summary else []
    if page.registration_url:
        description.append(f"Aanmelden: {page.registration_url}")
    if description:
        event.add("description", "\n\n".join(description))
    event.add("url", page.get_full_url(request))
    return event


def calendar(events, request, name):
    """A VCALENDAR with these events and the time zone they use."""
    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", str(timezone.get_default_timezone()))
    days = []
    for page in events:
        cal.add_component(event_component(page, request))
        days += [page.start_date, page.end_date]
    if days:
        # The time zone's rules for the years the events fall in, not for 1970-2038.
        first, last = min(days), max(days)
        cal.add_missing_timezones(
            first_date=first.replace(month=1, day=1), last_date=last.replace(year=last.year + 1)
        )
    return cal


def ical_response(cal, filename=None):
    response = HttpResponse(cal.to_ical(), content_type=CONTENT_TYPE)
    if filename:
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
