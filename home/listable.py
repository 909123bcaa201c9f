"""What a listing block (`home.blocks.ListingBlock`) can show, and the queries behind it.

A page type joins the listing by declaring one attribute on its class:

    listing_card = "myapp/includes/my_card.html"

the template of its card, the same include its index page renders. The card gets `card`
({"pk", "page", and per taxonomy field of the page type the names of its terms, e.g.
`card.target_groups`}) and `heading` ("h2" or "h3"). The type is then offered to editors at
once: the choices are read from Wagtail's page models when the form is shown, never frozen in a
migration. Optionally `listing_date_field` names the (date or date-time) field that "newest
first" sorts on; without it the first publication counts.

A type is filtered on a taxonomy (target group, theme, region) only when it has a field that
points at that taxonomy, and on tags only when it has `tags`; this module finds those fields by
the taxonomy's model label, so it imports no app that defines them.
"""

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist
from django.db.models import DateField, DateTimeField, F, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce, TruncDate
from taggit.managers import TaggableManager
from taggit.utils import parse_tags
from wagtail.models import Page, get_page_models

from .listing import page_terms
from .visibility import public

# (block field, model label) of the taxonomies a listing filters on.
TAXONOMIES = (
    ("target_groups", "goodpractices.Doelgroep"),
    ("themes", "goodpractices.Thema"),
    ("regions", "goodpractices.Regio"),
)
NUMBER_DEFAULT, NUMBER_MAX = 6, 24
SORT_NEWEST, SORT_OLDEST, SORT_TITLE, SORT_MENU = "newest", "oldest", "title", "menu"


def listable_models():
    """Every concrete page model that declares a card, in a stable order."""
    found = [
        model
        for model in get_page_models()
        if not model._meta.abstract and getattr(model, "listing_card", None)
    ]
    return sorted(found, key=lambda model: model._meta.label_lower)


def listing_type_choices():
    """The page types editors can pick (called when the form is shown)."""
    choices = [
        (model._meta.label_lower, str(model._meta.verbose_name_plural).capitalize())
        for model in listable_models()
    ]
    return sorted(choices, key=lambda choice: choice[1])


def term_choices(model_label):
    """The terms of one taxonomy as (pk, name); none when the app that holds it is absent."""
    try:
        model = apps.get_model(model_label)
    except LookupError:
        return []
    return list(model.objects.values_list("pk", "name"))


def taxonomy_field(model, model_label):
    """The page type's field that points at the taxonomy, or None."""
    for field in model._meta.get_fields():
        if (
            (field.many_to_many or field.many_to_one)
            and field.concrete
            and field.related_model is not None
            and field.related_model._meta.label == model_label
        ):
            return field
    return None


def has_tags(model):
    try:
        return isinstance(model._meta.get_field("tags"), TaggableManager)
    except FieldDoesNotExist:
        return False


def term_ids(values):
    """Term ids from a stored block value, whatever arrived: anything not a number is dropped."""
    ids = []
    for value in values or ():
        try:
            ids.append(int(value))
        except (TypeError, ValueError):
            continue
    return ids


def number_of(value):
    try:
        number = int(value.get("number") or NUMBER_DEFAULT)
    except (TypeError, ValueError):
        number = NUMBER_DEFAULT
    return max(1, min(NUMBER_MAX, number))


def chosen_models(value):
    chosen = set(value.get("page_types") or ())
    return [model for model in listable_models() if model._meta.label_lower in chosen]


def type_condition(model, value):
    """Pages of this exact type that carry a chosen term of every taxonomy (and tag) the type
    has; a filter the type has no field for leaves it alone."""
    condition = Q(content_type=ContentType.objects.get_for_model(model))
    narrowed = model.objects.all()
    filtered = False
    for name, label in TAXONOMIES:
        chosen = value.get(name)
        field = taxonomy_field(model, label)
        if not chosen or field is None:
            continue
        # A term chosen and deleted since matches nothing (no page carries it any more).
        narrowed = narrowed.filter(**{f"{field.name}__in": term_ids(chosen)})
        filtered = True
    tags = parse_tags(value.get("tags") or "")
    if tags and has_tags(model):
        any_tag = Q()
        for tag in tags:
            any_tag |= Q(tags__name__iexact=tag)
        narrowed = narrowed.filter(any_tag)
        filtered = True
    if filtered:
        condition &= Q(pk__in=narrowed.values("pk"))
    return condition


def listing_date(models):
    """The date "newest first" sorts on: the type's own date field, else the first publication."""
    dates = []
    for model in models:
        name = getattr(model, "listing_date_field", None)
        if not name:
            continue
        own = model.objects.filter(pk=OuterRef("pk"))
        if isinstance(model._meta.get_field(name), DateTimeField):
            own = own.annotate(listing_day=TruncDate(name)).values("listing_day")
        else:
            own = own.values(name)
        dates.append(Subquery(own[:1], output_field=DateField()))
    published = TruncDate("first_published_at")
    return Coalesce(*dates, published, output_field=DateField()) if dates else published


def ordered(queryset, sort, models):
    if sort == SORT_TITLE:
        return queryset.order_by("title", "pk")
    if sort == SORT_MENU:
        return queryset.order_by("path")
    # A page without a date (never published through Wagtail, e.g. imported) comes last.
    queryset = queryset.annotate(listing_sort_date=listing_date(models))
    if sort == SORT_OLDEST:
        return queryset.order_by(F("listing_sort_date").asc(nulls_last=True), "pk")
    return queryset.order_by(F("listing_sort_date").desc(nulls_last=True), "-pk")


def listed_rows(value):
    """[(page id, content type id)] of the live, public pages the listing shows, in order: one
    query, however many types, terms or pages."""
    models = chosen_models(value)
    if not models:
        return []
    condition = Q()
    for model in models:
        condition |= type_condition(model, value)
    queryset = public(Page.objects.live().filter(condition))
    queryset = ordered(queryset, value.get("sort"), models)
    return list(queryset.values_list("pk", "content_type_id")[: number_of(value)])


def cards(value):
    """The cards of a listing: per page type one query for the pages and one for the names of
    their terms, whatever the number of cards."""
    rows = listed_rows(value)
    by_type = {}
    for page_id, content_type_id in rows:
        by_type.setdefault(content_type_id, []).append(page_id)
    found = {}
    for content_type_id, ids in by_type.items():
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        pages = model.objects.filter(pk__in=ids).defer_streamfields().in_bulk(ids)
        fields = [
            field.name
            for _name, label in TAXONOMIES
            if (field := taxonomy_field(model, label)) is not None and field.many_to_many
        ]
        terms = page_terms(model, fields, ids) if fields else {}
        for page_id, page in pages.items():
            found[page_id] = {
                "pk": page_id,
                "page": page,
                "template": model.listing_card,
                **{field: [term[1] for term in terms[field][page_id]] for field in fields},
            }
    return [found[page_id] for page_id, _type in rows if page_id in found]
