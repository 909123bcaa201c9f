"""Site search: one search query, facets by page type counted from the same result set.

The number of queries stays the same however many pages match: the result ids and types come from
one search, and only the pages on the current result page are loaded as their specific type.
"""

from collections import Counter
from dataclasses import dataclass

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from wagtail.models import Page, get_page_models
from wagtail.search.query import And, Or, PlainText

from home.languages import locale_codes

MAX_RESULTS = 500


@dataclass
class TypeFacet:
    key: str
    label: str
    count: int


class LazySpecificPages:
    """A sliceable list of page ids that loads only the requested slice, as specific pages."""

    def __init__(self, ids):
        self.ids = ids

    def __len__(self):
        return len(self.ids)

    def count(self):
        return len(self.ids)

    def __getitem__(self, item):
        ids = self.ids[item]
        if isinstance(item, int):
            return Page.objects.get(id=ids).specific
        pages = Page.objects.filter(id__in=ids).specific().in_bulk()
        return [pages[i] for i in ids if i in pages]


def full_text(query):
    """The query as the full-text search takes it: without double quotes. The database search
    backend on SQLite puts every word between double quotes without escaping one inside it (an
    SQL error, a 500); full-text search ignores punctuation anyway, so nothing is lost."""
    return query.replace('"', " ")


def dutch_query(query, operator="and"):
    """The words of the query, each also matching its form without a plural -s.

    The Dutch stemmer handles "vrijstellingen" but leaves loanword plurals such as "stages"
    untouched, so "stages" would not find "stage". An extra alternative per word fixes that.
    """
    parts = []
    for word in full_text(query).split():
        variants = [word]
        if len(word) > 4 and word[-1] in "sS" and word[-2] not in "sS'":
            variants.append(word[:-1])
        parts.append(Or([PlainText(v) for v in variants]) if len(variants) > 1 else PlainText(word))
    if len(parts) == 1:
        return parts[0]
    return And(parts) if operator == "and" else Or(parts)


@dataclass
class Hit:
    id: int
    content_type_id: int


def exact_matches(query):
    """Pages whose exact-match field equals the query, e.g. a document number ("2019/500546"),
    which full-text parsers split up. Page types opt in with `search_exact_fields`; one query
    per such type, however many pages there are."""
    hits = []
    for model in get_page_models():
        fields = model.__dict__.get("search_exact_fields")
        if not fields:
            continue
        condition = Q()
        for field in fields:
            condition |= Q(**{f"{field}__iexact": query})
        hits += [
            Hit(*row)
            for row in model.objects.live()
            .public()
            .filter(condition, locale_id=site_locale_id())
            .values_list("id", "content_type_id")[:10]
        ]
    return hits


def site_locale_id():
    """The Dutch locale: the search page is Dutch, so it finds the Dutch pages (the English
    translations live under /en/ and would show up twice)."""
    codes = locale_codes()
    return next((pk for pk, code in codes.items() if code == settings.LANGUAGE_CODE), None)


def search_pages(query, selected_type=""):
    """Return (results, facets) for a query; results keep the search ranking."""
    if not full_text(query).strip():
        return LazySpecificPages([]), []
    hits = list(
        Page.objects.live()
        .public()
        .filter(locale_id=site_locale_id())
        .exclude(depth__lte=1)
        .only("id", "content_type_id")
        .search(dutch_query(query, "and"))[:MAX_RESULTS]
    )
    if not hits:
        hits = list(
            Page.objects.live()
            .public()
            .filter(locale_id=site_locale_id())
            .exclude(depth__lte=1)
            .only("id", "content_type_id")
            .search(dutch_query(query, "or"))[:MAX_RESULTS]
        )
    exact = exact_matches(query)
    if exact:
        exact_ids = {h.id for h in exact}
        hits = exact + [h for h in hits if h.id not in exact_ids]
    counts = Counter(h.content_type_id for h in hits)
    content_types = {ct_id: ContentType.objects.get_for_id(ct_id) for ct_id in counts}
    facets = sorted(
        (
            TypeFacet(
                ct.model, str(ct.model_class()._meta.verbose_name).capitalize(), counts[ct_id]
            )
            for ct_id, ct in content_types.items()
            if ct.model_class() is not None
        ),
        key=lambda f: (-f.count, f.label),
    )
    if selected_type:
        wanted = {ct_id for ct_id, ct in content_types.items() if ct.model == selected_type}
        hits = [h for h in hits if h.content_type_id in wanted]
    return LazySpecificPages([h.id for h in hits]), facets
