"""The agenda: events with start, end, place, organiser and registration link, listed upcoming
first (past ones on a page of their own), each downloadable as .ics and all of them as a feed."""

import datetime
import operator
from functools import partial

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index

from home.blocks import BaseStreamBlock
from home.cache import cached_data
from home.listing import PAGE_SIZE
from home.models import BasePage
from home.visibility import public

from . import ical

PAST = "afgelopen"
# How long a past event stays in the calendar feed, so subscribers still see last week's.
FEED_KEEPS_PAST = datetime.timedelta(days=90)


def finishes_at(start, end, all_day):
    """When an event is over: its end (or start), for a whole-day event the end of that day."""
    last = end or start
    if all_day:
        day = timezone.localdate(last) + datetime.timedelta(days=1)
        return datetime.datetime.combine(day, datetime.time(), timezone.get_default_timezone())
    return last


class EventIndexPage(RoutablePageMixin, BasePage):
    """/agenda/: upcoming events first, soonest first; ?periode=afgelopen the past ones, latest
    first; ics/ the feed calendar programs subscribe to."""

    intro = RichTextField(_("introductie"), blank=True, features=["bold", "italic", "link", "ul"])

    subpage_types = ["events.EventPage"]
    parent_page_types = ["home.HomePage"]
    max_count = 1
    template = "events/event_index_page.html"
    content_panels = [*BasePage.content_panels, FieldPanel("intro")]
    search_fields = [*BasePage.search_fields, index.SearchField("intro")]
    api_fields = [*BasePage.api_fields, APIField("intro")]

    class Meta:
        verbose_name = _("agenda")
        verbose_name_plural = _("agenda's")

    def live_events(self):
        return public(EventPage.objects.child_of(self).live())

    def listed_data(self):
        """[(page id, when it finishes)] in start order: kept under the publish version."""
        rows = (
            self.live_events()
            .order_by("start", "title")
            .values_list("pk", "start", "end", "all_day")
        )
        return [(pk, finishes_at(start, end, all_day)) for pk, start, end, all_day in rows]

    def get_context(self, request, *args, **kwargs):
        """Which events are past follows from the clock, not from a publish: split per request
        from the cached list. The cards' pages are read only when their HTML is not cached."""
        context = super().get_context(request, *args, **kwargs)
        now = timezone.now()
        rows = cached_data(f"agenda:{self.cache_key}", self.listed_data)
        past = request.GET.get("periode") == PAST
        if past:
            ids = [pk for pk, finish in reversed(rows) if finish < now]
        else:
            ids = [pk for pk, finish in rows if finish >= now]
        page_obj = Paginator(ids, PAGE_SIZE).get_page(request.GET.get("page"))
        shown = page_obj.object_list
        pages = SimpleLazyObject(lambda: EventPage.objects.defer_streamfields().in_bulk(shown))
        context.update(
            events=[
                SimpleLazyObject(partial(operator.getitem, pages, page_id)) for page_id in shown
            ],
            cards_key=",".join(map(str, shown)),
            page_obj=page_obj,
            show_past=past,
            past_param=PAST,
        )
        return context

    def get_cached_paths(self):
        """A proxy in front purges the feed with the agenda."""
        return ["/", "/ics/"]

    @path("ics/", name="feed")
    def feed(self, request):
        """The agenda as an iCalendar feed: live public events, upcoming and recently past."""
        cutoff = timezone.now() - FEED_KEEPS_PAST
        events = (
            self.live_events()
            .filter(models.Q(end__gte=cutoff) | models.Q(end__isnull=True, start__gte=cutoff))
            .defer_streamfields()
            .order_by("start", "pk")
        )
        cal = ical.calendar(events, request, self.title)
        return ical.ical_response(cal)


class EventPageTag(TaggedItemBase):
    """Subjects of an event (the `subjects` of events imported from Plone)."""

    content_object = ParentalKey(
        "events.EventPage", related_name="tagged_items", on_delete=models.CASCADE
    )


class EventPage(RoutablePageMixin, BasePage):
    """An event: when, where, who organises it and where to sign up; ics/ adds it to a calendar."""

    start = models.DateTimeField(_("begin"))
    end = models.DateTimeField(
        _("einde"), null=True, blank=True, help_text=_("Leeg laten als er geen vaste eindtijd is.")
    )
    all_day = models.BooleanField(
        _("hele dag"),
        default=False,
        help_text=_("Alleen de datums tellen; de tijden worden niet getoond."),
    )
    location = models.CharField(_("locatie"), max_length=255, blank=True)
    organiser = models.CharField(_("organisator"), max_length=255, blank=True)
    registration_url = models.URLField(_("aanmeldlink"), max_length=500, blank=True)
    body = StreamField(BaseStreamBlock(), verbose_name=_("inhoud"), blank=True)
    tags = ClusterTaggableManager(through=EventPageTag, blank=True, verbose_name=_("onderwerpen"))

    parent_page_types = ["events.EventIndexPage"]
    subpage_types = []
    template = "events/event_page.html"
    # Joins the listing block (home/listable.py): its card, and the date "newest first" sorts on.
    listing_card = "events/includes/event_card.html"
    listing_date_field = "start"

    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
                FieldPanel("all_day"),
                FieldPanel("location"),
                FieldPanel("organiser"),
                FieldPanel("registration_url"),
            ],
            heading=_("Wanneer en waar"),
        ),
        FieldPanel("body"),
    ]
    promote_panels = [*BasePage.promote_panels, FieldPanel("tags")]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("location"),
        index.SearchField("organiser"),
        index.SearchField("body"),
        index.FilterField("start"),
    ]
    api_fields = [
        *BasePage.api_fields,
        APIField("start"),
        APIField("end"),
        APIField("all_day"),
        APIField("location"),
        APIField("organiser"),
        APIField("registration_url"),
        APIField("body"),
    ]

    class Meta:
        verbose_name = _("evenement")
        verbose_name_plural = _("evenementen")

    def clean(self):
        super().clean()
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": _("Het einde ligt voor het begin.")})

    @property
    def local_start(self):
        return timezone.localtime(self.start)

    @property
    def local_end(self):
        return timezone.localtime(self.end) if self.end else None

    @property
    def start_date(self):
        return self.local_start.date()

    @property
    def end_date(self):
        """The last day (inclusive)."""
        return self.local_end.date() if self.end else self.start_date

    @property
    def is_past(self):
        return finishes_at(self.start, self.end, self.all_day) < timezone.now()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["structured_data"] = SimpleLazyObject(partial(self.structured_data, request))
        return context

    def get_cached_paths(self):
        """A proxy in front purges the .ics download with the page."""
        return ["/", "/ics/"]

    @path("ics/", name="ics")
    def ics(self, request):
        """This event as an .ics file, to add it to one's own calendar."""
        cal = ical.calendar([self], request, self.title)
        filename = f"{slugify(self.slug) or 'evenement'}.ics"
        return ical.ical_response(cal, filename=filename)

    def structured_data(self, request):
        """schema.org Event: search engines show the date and place with the page."""
        if self.all_day:
            start, end = self.start_date.isoformat(), self.end_date.isoformat()
        else:
            start = self.local_start.isoformat()
            end = self.local_end.isoformat() if self.end else None
        event = {
            "@context": "https://schema.org",
            "@type": "Event",
            "name": self.title,
            "description": self.summary,
            "url": self.get_full_url(request),
            "startDate": start,
            "eventStatus": "https://schema.org/EventScheduled",
            "inLanguage": "nl",
        }
        if end:
            event["endDate"] = end
        if self.location:
            event["location"] = {"@type": "Place", "name": self.location}
            event["eventAttendanceMode"] = "https://schema.org/OfflineEventAttendanceMode"
        if self.organiser:
            event["organizer"] = {"@type": "Organization", "name": self.organiser}
        return [event]
