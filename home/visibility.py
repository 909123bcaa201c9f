"""Which pages anonymous visitors may see, checked inside the list's own query.

Wagtail's `PageQuerySet.public()` first loads every view restriction of the site in a query of
its own; lists use `public()` from here instead, which puts the same check in the list query as a
NOT EXISTS over the restrictions on the page or any page above it. Routing (BasePage.route) reads
the same check along with the pages on the path (`restricted`).
"""

from django.db.models import Exists, F, OuterRef
from django.db.models.functions import Length, Substr
from wagtail.models import PageViewRestriction


def restricted():
    """True for a page that a view restriction (on it or a page above it) covers."""
    covering = PageViewRestriction.objects.annotate(prefix_length=Length("page__path")).filter(
        page__path=Substr(OuterRef("path"), 1, F("prefix_length"))
    )
    return Exists(covering)


def public(queryset):
    """The pages of queryset that no view restriction (on them or an ancestor) covers."""
    return queryset.exclude(restricted())
