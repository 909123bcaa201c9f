"""The admin report "Linkcontrole": broken links on published pages with the page, the link
text, what went wrong and who last edited the page. It reads what ``check_links`` stored and
checks nothing itself."""

import datetime

import django_filters
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn, UserColumn
from wagtail.admin.views.reports import ReportView
from wagtail.permission_policies import ModelPermissionPolicy

from .models import CheckedLink

permission_policy = ModelPermissionPolicy(CheckedLink)


class CheckedLinkFilterSet(WagtailFilterSet):
    kind = django_filters.ChoiceFilter(
        label=_("Soort link"), choices=CheckedLink.Kind.choices, empty_label=_("Alle")
    )
    state = django_filters.ChoiceFilter(
        label=_("Toon"),
        choices=[("redirected", _("Doorverwijzingen (niet kapot, ter info)"))],
        empty_label=_("Kapotte links"),
        method="filter_state",
    )

    class Meta:
        model = CheckedLink
        fields = ["kind", "state"]

    def filter_state(self, queryset, name, value):
        # Only called with a value: the report starts from the broken links otherwise.
        return queryset.filter(broken=False).exclude(final_url="")


def status_text(link):
    if link.error:
        return link.error
    if link.final_url:
        return _("Doorverwezen (%(status)s)") % {"status": link.status_code or "-"}
    return str(link.status_code or "")


def last_editor(link):
    revision = link.page.latest_revision
    return revision.user if revision else None


class BrokenLinksReportView(ReportView):
    page_title = _("Linkcontrole")
    header_icon = "link"
    index_url_name = "linkchecker_report"
    index_results_url_name = "linkchecker_report_results"
    filterset_class = CheckedLinkFilterSet
    permission_policy = permission_policy
    permission_required = "view"
    default_ordering = "-first_broken_at"
    verbose_name_plural = _("kapotte links")
    columns = [
        TitleColumn(
            "page",
            label=_("Pagina"),
            accessor=lambda link: link.page.get_admin_display_title(),
            get_url=lambda link: reverse("wagtailadmin_pages:edit", args=[link.page_id]),
            sort_key="page__title",
        ),
        Column("text", label=_("Linktekst"), sort_key="text"),
        Column("url", label=_("Adres"), sort_key="url"),
        Column("kind", label=_("Soort"), accessor="get_kind_display", sort_key="kind"),
        Column("status", label=_("Status of fout"), accessor=status_text),
        Column("final_url", label=_("Eindadres na doorverwijzing")),
        DateColumn("last_checked_at", label=_("Laatst gecontroleerd"), sort_key="last_checked_at"),
        DateColumn("first_broken_at", label=_("Kapot sinds"), sort_key="first_broken_at"),
        UserColumn("last_editor", label=_("Laatst bewerkt door"), accessor=last_editor),
    ]
    list_export = [
        "page.title",
        "text",
        "url",
        "kind",
        "status_code",
        "error",
        "final_url",
        "last_checked_at",
        "first_broken_at",
        "page.latest_revision.user",
    ]
    export_headings = {
        "page.title": _("Pagina"),
        "text": _("Linktekst"),
        "url": _("Adres"),
        "kind": _("Soort"),
        "status_code": _("HTTP-status"),
        "error": _("Fout"),
        "final_url": _("Eindadres"),
        "last_checked_at": _("Laatst gecontroleerd"),
        "first_broken_at": _("Kapot sinds"),
        "page.latest_revision.user": _("Laatst bewerkt door"),
    }

    def get_filename(self):
        return f"kapotte-links-{datetime.date.today():%Y-%m-%d}"

    def get_queryset(self):
        self.queryset = CheckedLink.objects.select_related(
            "page", "page__latest_revision__user__wagtail_userprofile"
        )
        queryset = super().get_queryset()
        state = self.filters.form.cleaned_data.get("state") if self.filters.is_valid() else ""
        if not state:
            queryset = queryset.filter(broken=True)
        return queryset.order_by(*queryset.query.order_by, "page_id", "pk")
