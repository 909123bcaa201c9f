"""Filtering by taxonomy slugs in GET parameters, shared by the good-practice and scheme lists.

Every filter value is a plain link (works without JavaScript), with the number of results that
clicking it gives. Each facet costs one query, however many pages or terms there are.
"""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db.models import Count, Q, Value

PAGE_SIZE = 12


class _CountedPaginator(Paginator):
    """A paginator told the number of results, when the page already counted them."""

    def __init__(self, object_list, per_page, count):
        super().__init__(object_list, per_page)
        self.__dict__["count"] = count  # fills Paginator.count (a cached_property)


def paginate(request, queryset, per_page=PAGE_SIZE, count=None):
    """The requested page of results; an invalid page number gives the first or last page."""
    if count is None:
        paginator = Paginator(queryset, per_page)
    else:
        paginator = _CountedPaginator(queryset, per_page, count)
    try:
        return paginator.page(request.GET.get("page", 1))
    except PageNotAnInteger:
        return paginator.page(1)
    except EmptyPage:
        return paginator.page(paginator.num_pages)


def term_counts(term_model, relation, base_queryset):
    """(slug, name, count) of the terms carried by pages in base_queryset, in the term order."""
    return [
        (t.slug, t.name, t.count)
        for t in term_model.objects.annotate(
            count=Count(relation, filter=Q(**{f"{relation}__in": base_queryset}), distinct=True)
        )
        .filter(count__gt=0)
        .order_by("sort_order", "name")
    ]


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
