"""The list pages (schemes, policy documents, good practices): one context for all three.

Filtering by taxonomy slugs in GET parameters: every filter value is a plain link (works without
JavaScript), with the number of results that clicking it gives. A list keeps its page ids and
each page's terms in the cache under the publish version (`cached_data`; one query for all
taxonomies, `page_terms`) and filters and counts in Python (`matching`, `value_counts`), however
many pages or terms there are. Facets and cards are rendered in cached fragments; the pages of
the cards are only fetched when those are rendered.
"""

import operator
from functools import partial

from django.core.paginator import Paginator
from django.db.models import Value
from django.utils.functional import SimpleLazyObject

from .cache import cached_data
from .visibility import public

PAGE_SIZE = 12


def matching(ids, terms, selected, skip=None):
    """The ids (in their order) whose terms include the selected slug of every facet but `skip`.

    terms: {param: {page id: [(slug, name, order), ...]}}; selected: {param: slug or ""}."""
    wanted = [(param, slug) for param, slug in selected.items() if slug and param != skip]
    return [
        page_id
        for page_id in ids
        if all(any(t[0] == slug for t in terms[param][page_id]) for param, slug in wanted)
    ]


def value_counts(ids, terms, selected, param):
    """(slug, name, count) of one facet's values, in term order: each count is the number of
    results clicking the value gives, within the list as the other facets narrow it."""
    counts = {}
    for page_id in matching(ids, terms, selected, skip=param):
        for term in terms[param][page_id]:
            counts[term] = counts.get(term, 0) + 1
    ordered = sorted(counts.items(), key=lambda item: (item[0][2], item[0][1]))
    return [(slug, name, count) for (slug, name, _order), count in ordered]


def known_slugs(terms):
    """{param: the slugs its pages carry}, for `facets_cache_key`."""
    return {
        param: {term[0] for carried in by_page.values() for term in carried}
        for param, by_page in terms.items()
    }


def facets_cache_key(request, allowed):
    """The query string without the page number, when it holds nothing but known values (one
    per parameter): the facets then follow from it alone, so their HTML can be kept per key and
    the keys stay few. None for anything else, which is rendered afresh.

    allowed: {param: set of the values it may have}; an empty value is always allowed."""
    parts = []
    for param, values in request.GET.lists():
        if len(values) != 1:
            return None
        if param == "page":
            continue
        if param not in allowed or (values[0] and values[0] not in allowed[param]):
            return None
        parts.append(f"{param}={values[0]}")
    return "&".join(parts) or "-"


def page_terms(page_model, fields, page_ids):
    """{field: {page id: [(slug, name, sort order), ...]}} for many-to-many taxonomy fields, in
    one query: the link tables of all fields, joined to their terms, in a UNION ALL."""
    parts = []
    for position, field_name in enumerate(fields):
        field = page_model._meta.get_field(field_name)
        source, target = field.m2m_field_name(), field.m2m_reverse_field_name()
        parts.append(
            field.remote_field.through.objects.filter(**{f"{source}_id__in": page_ids})
            .annotate(field_position=Value(position))
            .values_list(
                "field_position",
                f"{source}_id",
                f"{target}__slug",
                f"{target}__name",
                f"{target}__sort_order",
            )
        )
    result = {field_name: {page_id: [] for page_id in page_ids} for field_name in fields}
    if not parts:
        return result
    rows = parts[0].union(*parts[1:], all=True) if len(parts) > 1 else parts[0]
    for position, page_id, slug, name, order in sorted(rows, key=lambda r: (r[0], r[4], r[3])):
        result[fields[position]][page_id].append((slug, name, order))
    return result


def facet(request, param, label, values):
    """A facet for the template: links that set (or clear) one GET parameter, page reset."""
    selected = request.GET.get(param, "")

    def link(value):
        params = request.GET.copy()
        params.pop("page", None)
        if value:
            params[param] = value
        else:
            params.pop(param, None)
        return f"?{params.urlencode()}" if params else request.path

    return {
        "param": param,
        "label": label,
        "selected": selected,
        "all_url": link(""),
        "terms": [
            {
                "slug": slug,
                "name": name,
                "count": count,
                "selected": slug == selected,
                "url": link(slug),
            }
            for slug, name, count in values
        ],
    }


class FilteredIndexMixin:
    """The context of a list page: its live, public children of `listed_model` in
    `listed_order`, filtered on the taxonomy `filters` ((GET parameter, label, page field)
    each), counted per facet and paginated with Paginator.get_page, under
    `listed_context_name` as cards ({"pk", "page", ...what `card` adds}).

    `listed_data` may add to what is cached; `extra_terms` adds facets that are not stored (a
    status derived from today's date)."""

    listed_model = None
    listed_order = ()
    listed_context_name = "items"
    filters = ()

    def listed_data(self):
        """{"ids": in list order, "terms": {field: {page id: [(slug, name, order), ...]}}}."""
        queryset = public(self.listed_model.objects.child_of(self).live())
        ids = list(queryset.order_by(*self.listed_order).values_list("pk", flat=True))
        fields = [field for _param, _label, field in self.filters]
        return {"ids": ids, "terms": page_terms(self.listed_model, fields, ids)}

    def extra_terms(self, data, request):
        """{param: (label, {page id: [(slug, name, order)]}, allowed values)}: none here."""
        return {}

    def card(self, page_id, terms):
        return {}

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        data = cached_data(f"listing:{self.cache_key}", self.listed_data)
        ids = data["ids"]
        terms = {param: data["terms"][field] for param, _label, field in self.filters}
        labels = {param: label for param, label, _field in self.filters}
        # A taxonomy value nobody carries finds nothing; an unknown derived value is ignored.
        selected = {param: request.GET.get(param, "").strip() for param in terms}
        allowed = known_slugs(terms)
        for param, (label, extra, values) in self.extra_terms(data, request).items():
            terms[param], labels[param], allowed[param] = extra, label, values
            value = request.GET.get(param, "").strip()
            selected[param] = value if value in values else ""

        def facets():
            return [
                facet(request, param, labels[param], value_counts(ids, terms, selected, param))
                for param in terms
            ]

        page_obj = Paginator(matching(ids, terms, selected), PAGE_SIZE).get_page(
            request.GET.get("page")
        )
        shown = page_obj.object_list
        pages = SimpleLazyObject(
            lambda: self.listed_model.objects.defer_streamfields().in_bulk(shown)
        )
        cards = [
            {
                "pk": page_id,
                "page": SimpleLazyObject(partial(operator.getitem, pages, page_id)),
                **self.card(page_id, terms),
            }
            for page_id in shown
        ]
        context.update(
            {self.listed_context_name: cards},
            page_obj=page_obj,
            # A card that shows more than its page (a status) names it in the key.
            cards_key=",".join(f"{card['pk']}{card.get('card_key', '')}" for card in cards),
            facets=SimpleLazyObject(facets),
            facets_key=facets_cache_key(request, allowed),
            has_filters=any(selected.values()),
        )
        return context
