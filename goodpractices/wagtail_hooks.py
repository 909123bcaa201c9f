"""Staff edit the taxonomy as snippets, grouped under one menu item."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Doelgroep, Organisatie, Regio, Thema


class TermViewSet(SnippetViewSet):
    list_display = ["name", "slug", "sort_order"]
    search_fields = ["name"]
    ordering = ["sort_order", "name"]


class RegioViewSet(TermViewSet):
    model = Regio
    icon = "site"


class DoelgroepViewSet(TermViewSet):
    model = Doelgroep
    icon = "group"


class ThemaViewSet(TermViewSet):
    model = Thema
    icon = "tag"


class OrganisatieViewSet(SnippetViewSet):
    model = Organisatie
    icon = "globe"
    list_display = ["name", "website"]
    search_fields = ["name"]


class TaxonomyGroup(SnippetViewSetGroup):
    menu_label = _("Indeling")
    menu_icon = "tag"
    menu_order = 250
    items = (RegioViewSet, DoelgroepViewSet, ThemaViewSet, OrganisatieViewSet)


register_snippet(TaxonomyGroup)
