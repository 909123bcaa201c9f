"""Plone types that become a page type of their own, with their fields: a News Item becomes a
news item (nieuwsbericht) dated as it was published, an Event an event (evenement) with its
times, place, contact and link. Everything else becomes a content page."""

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils import timezone

from events.models import EventPage
from home.models import ContentPage
from news.models import NewsPage

from .dates import parse_date

PAGE_MODELS = {"News Item": NewsPage, "Event": EventPage}


def page_model(portal_type):
    return PAGE_MODELS.get(portal_type, ContentPage)


def set_typed_fields(page, item):
    """The fields of a news item or an event from the Plone item; nothing for other pages."""
    created = parse_date(item.get("created")) or timezone.now()
    if isinstance(page, NewsPage):
        page.date = timezone.localdate(parse_date(item.get("effective")) or created)
    elif isinstance(page, EventPage):
        page.start = parse_date(item.get("start")) or created
        end = None if item.get("open_end") else parse_date(item.get("end"))
        page.end = end if end and end >= page.start else None
        page.all_day = bool(item.get("whole_day"))
        page.location = _text(item.get("location"), 255)
        keys = ("contact_name", "contact_email", "contact_phone")
        contact = [_text(item.get(k), 255) for k in keys]
        page.organiser = ", ".join(filter(None, contact))[:255]
        page.registration_url = _url(item.get("event_url"), 500)


def _text(value, length):
    return value.strip()[:length] if isinstance(value, str) else ""


def _url(value, length):
    """A web address the page can link to; anything else is left out."""
    value = _text(value, length + 1)
    if not value or len(value) > length:
        return ""
    try:
        URLValidator(schemes=["http", "https"])(value)
    except ValidationError:
        return ""
    return value
