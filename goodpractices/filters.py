"""Filtering by taxonomy slugs in GET parameters, shared by the good-practice and scheme lists.

Every filter value is a plain link (works without JavaScript), with the number of results that
clicking it gives. Each facet costs one query, however many pages or terms there are.
"""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db.models import Count, Q

PAGE_SIZE = 12


def paginate(request, queryset, per_page=PAGE_SIZE):
    paginator = Paginator(queryset, per_page)
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


def page_terms(page_model, field_name, page_ids):
    """{page id: [(slug, name, sort order), ...]} for one many-to-many taxonomy field, in one
    query on the link table."""
    field = page_model._meta.get_field(field_name)
    source, target = field.m2m_field_name(), field.m2m_reverse_field_name()
    result = {page_id: [] for page_id in page_ids}
    rows = (
        field.remote_field.through.objects.filter(**{f"{source}_id__in": page_ids})
        .order_by(f"{target}__sort_order", f"{target}__name")
        .values_list(f"{source}_id", f"{target}__slug", f"{target}__name", f"{target}__sort_order")
    )
    for page_id, slug, name, order in rows:
        result[page_id].append((slug, name, order))
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
