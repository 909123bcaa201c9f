"""The staff queue in the Wagtail admin: the ONE module that registers it (wagtail-modeladmin),
so it can move to Wagtail's ModelViewSet later without hunting through the app.

Menu group "Aanmeldingen" (with the number of open items) holding a queue per submission type and
the yearly figures; home panels; audit log action types; admin URLs of the queue views.
"""

import re

from django.http import HttpResponsePermanentRedirect
from django.urls import path, re_path, reverse_lazy
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail_modeladmin.helpers import AdminURLHelper, PermissionHelper
from wagtail_modeladmin.menus import GroupMenuItem, ModelAdminMenuItem
from wagtail_modeladmin.options import ModelAdmin, ModelAdminGroup, modeladmin_register
from wagtail_modeladmin.views import IndexView, InspectView

from aanmelden.models import LeerwerkmakelaarAanmelding, Stageaanbod, VrijstellingMelding

from . import admin_urls, audit, dashboard, detail, export, permissions, views
from .days import age_on, waiting_days
from .filters import (
    AssignedFilter,
    GroundFilter,
    MunicipalityFilter,
    PeriodFilter,
    PlaceTypeFilter,
    SituationFilter,
    StatusFilter,
)
from .workflow import open_statuses

REFERENCE_RE = re.compile(r"^[A-Z]{3}-[2-9A-Z]{6}$")


def admin_column(label, order=None):
    def decorate(func):
        func.short_description = label
        if order:
            func.admin_order_field = order
        return func

    return decorate


# --- permissions ------------------------------------------------------------------------------


class QueuePermissionHelper(PermissionHelper):
    """Listing and inspecting follow permissions.py; nothing is created, edited through a generic
    form or deleted here: changes go through the workflow views, erasure through a data-subject
    request."""

    def user_can_list(self, user):
        return permissions.can_view_queue(user, self.model)

    def user_can_inspect_obj(self, user, obj):
        return permissions.can_view_queue(user, self.model)

    def user_can_create(self, user):
        return False

    def user_can_edit_obj(self, user, obj):
        return False

    def user_can_delete_obj(self, user, obj):
        return False


class QueueURLHelper(AdminURLHelper):
    """A submission's addresses take its number only (at most 18 digits, within a bigint):
    modeladmin's default also takes letters and hyphens, which the database then cannot
    compare with the integer key (a 500 instead of a 404)."""

    def get_action_url_pattern(self, action):
        if action in ("create", "choose_parent", "index"):
            return super().get_action_url_pattern(action)
        return rf"^{self.base_url_path}/{action}/(?P<instance_pk>[0-9]{{1,18}})/$"


# --- views ------------------------------------------------------------------------------------


class QueueIndexView(IndexView):
    """The queue list; ``?export=csv|xlsx`` exports the filtered list (logged)."""

    def as_spreadsheet(self, queryset, spreadsheet_format):
        return export.export_queue(self.request, self.model, queryset, spreadsheet_format)

    def get_search_results(self, request, queryset, search_term):
        """A complete reference is an exact match on its unique index; anything else searches
        reference and names (icontains)."""
        term = search_term.strip().upper()
        if REFERENCE_RE.match(term):
            return queryset.filter(reference=term)
        return super().get_search_results(request, queryset, search_term)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        columns = [self.model_admin.column(name) for name in self.list_display]
        context["queue_headers"] = [label for label, _getter in columns]
        context["queue_rows"] = [
            (
                self.url_helper.get_action_url("inspect", obj.pk),
                obj.reference,
                [getter(obj) for _label, getter in columns[1:]],
            )
            for obj in context["object_list"]
        ]
        return context


class QueueInspectView(InspectView):
    """The detail view: answers by wizard section, uploads, workflow, notes, timeline."""

    def get(self, request, *args, **kwargs):
        audit.log_view(self.instance, request.user)
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(detail.detail_context(self.request, self.instance))
        return context


# --- the queues -------------------------------------------------------------------------------


class QueueMenuItem(ModelAdminMenuItem):
    def render_component(self, request):
        component = super().render_component(request)
        count = open_counts(request).get(self.model_admin.model, 0)
        component.label = f"{self.label} ({count})"
        return component


class SubmissionAdmin(ModelAdmin):
    permission_helper_class = QueuePermissionHelper
    url_helper_class = QueueURLHelper
    index_view_class = QueueIndexView
    inspect_view_class = QueueInspectView
    inspect_view_enabled = True
    # The detail template renders answer_sections() filtered by permission, not modeladmin's
    # field list (which would read every field, special categories included).
    inspect_view_fields = ["reference"]
    history_view_enabled = False  # the timeline on the detail view shows the log
    index_template_name = "moderation/index.html"
    inspect_template_name = "moderation/inspect.html"
    list_per_page = 50
    list_select_related = ("assigned_to",)
    ordering = ["received_at"]  # oldest first; the status filter shows open items by default
    list_display_add_buttons = "reference"
    list_export = ("reference",)  # shows the export buttons; the columns come from export.py
    menu_icon = "form"

    def get_menu_item(self, order=None):
        return QueueMenuItem(self, order or self.get_menu_order())

    def column(self, name):
        """(label, value getter) of a list column: a method here, else a model field."""
        method = getattr(self, name, None)
        if callable(method):
            return method.short_description, method
        model_field = self.model._meta.get_field(name)
        if model_field.choices:
            return model_field.verbose_name, lambda obj: getattr(obj, f"get_{name}_display")()
        return model_field.verbose_name, lambda obj: getattr(obj, name)

    def get_list_filter(self, request):
        return (StatusFilter, *self.type_filters, MunicipalityFilter, AssignedFilter, PeriodFilter)

    type_filters = ()

    # Columns shared by every queue.
    @admin_column(_("kenmerk"), order="reference")
    def reference(self, obj):
        return obj.reference

    @admin_column(_("ontvangen"), order="received_at")
    def received(self, obj):
        return timezone.localtime(obj.received_at).strftime("%d-%m-%Y %H:%M")

    @admin_column(_("dagen wachtend"))
    def waiting_days(self, obj):
        return waiting_days(obj)

    @admin_column(_("status"), order="status")
    def status_label(self, obj):
        outcome = obj.outcome_label()
        label = obj.get_status_display()
        return f"{label}: {outcome}" if outcome else label

    @admin_column(_("behandelaar"))
    def assigned(self, obj):
        user = obj.assigned_to
        return (user.get_full_name() or user.get_username()) if user else "—"

    def get_admin_urls_for_registration(self):
        urls = super().get_admin_urls_for_registration()
        helper = self.url_helper
        extra = []
        for action, view in (
            ("transition", views.transition_view),
            ("assign", views.assign_view),
            ("note", views.note_view),
            ("download", views.download_view),
            ("subject_export", views.subject_export_view),
            ("erase", views.erase_view),
        ):
            extra.append(
                re_path(
                    helper.get_action_url_pattern(action),
                    _bind(view, self.model),
                    name=helper.get_action_url_name(action),
                )
            )
        return _forbidden_as_403(urls + tuple(extra))


def _forbidden_as_403(urls):
    """Staff without the permission get the Dutch 403 page on every queue address, modeladmin's
    own views included (views.forbidden_as_403)."""
    for url in urls:
        url.callback = views.forbidden_as_403(url.callback)
    return urls


def _bind(view, model):
    def bound(request, instance_pk):
        return view(request, model, instance_pk)

    bound.__name__ = view.__name__
    return bound


class VrijstellingAdmin(SubmissionAdmin):
    model = VrijstellingMelding
    base_url_path = admin_urls.base_url_path(VrijstellingMelding)
    menu_label = _("Vrijstellingen")
    menu_icon = "doc-full"
    type_filters = (GroundFilter,)
    search_fields = ("reference", "child_last_name", "child_first_name", "submitter_name")
    list_display = (
        "reference",
        "received",
        "waiting_days",
        "status_label",
        "assigned",
        "ground_short",
        "age",
        "municipality",
    )

    @admin_column(_("grond"), order="ground")
    def ground_short(self, obj):
        return obj.ground

    @admin_column(_("leeftijd kind"))
    def age(self, obj):
        return age_on(obj.child_birth_date, timezone.localtime(obj.received_at).date())


class StageaanbodAdmin(SubmissionAdmin):
    model = Stageaanbod
    base_url_path = admin_urls.base_url_path(Stageaanbod)
    menu_label = _("Stageaanbod")
    menu_icon = "group"
    type_filters = (PlaceTypeFilter,)
    search_fields = ("reference", "organisation_name", "contact_last_name", "submitter_name")
    list_display = (
        "reference",
        "received",
        "waiting_days",
        "status_label",
        "assigned",
        "organisation_name",
        "sector",
        "municipality",
    )


class LeerwerkmakelaarAdmin(SubmissionAdmin):
    model = LeerwerkmakelaarAanmelding
    base_url_path = admin_urls.base_url_path(LeerwerkmakelaarAanmelding)
    menu_label = _("Leerwerkmakelaar")
    menu_icon = "user"
    type_filters = (SituationFilter,)
    search_fields = ("reference", "last_name", "first_name", "submitter_name")
    list_display = (
        "reference",
        "received",
        "waiting_days",
        "status_label",
        "assigned",
        "age_at_submission",
        "situation",
        "municipality",
    )


ADMIN_BY_MODEL = {}


class ReportMenuItem(MenuItem):
    def is_shown(self, request):
        return permissions.can_view_report(request.user)


class QueueGroupMenuItem(GroupMenuItem):
    def render_component(self, request):
        component = super().render_component(request)
        total = sum(open_counts(request).values())
        component.label = f"{self.label} ({total})"
        return component


class AanmeldingenGroup(ModelAdminGroup):
    menu_label = _("Aanmeldingen")
    menu_icon = "form"
    menu_order = 150
    items = (VrijstellingAdmin, StageaanbodAdmin, LeerwerkmakelaarAdmin)

    def __init__(self):
        super().__init__()
        for model_admin in self.modeladmin_instances:
            ADMIN_BY_MODEL[model_admin.model] = model_admin

    def get_menu_item(self):
        from wagtail.admin.menu import Menu

        if self.modeladmin_instances:
            submenu = Menu(items=self.get_submenu_items())
            return QueueGroupMenuItem(self, self.get_menu_order(), submenu)

    def get_submenu_items(self):
        items = super().get_submenu_items()
        items.append(
            ReportMenuItem(
                _("Jaarcijfers"),
                reverse_lazy(admin_urls.REPORT_URL_NAME),
                name="jaarcijfers",
                icon_name="table",
                order=900,
            )
        )
        return items

    def get_admin_urls_for_registration(self):
        urls = super().get_admin_urls_for_registration()
        report = path(
            "aanmeldingen/jaarcijfers/", views.report_view, name=admin_urls.REPORT_URL_NAME
        )
        return urls + _forbidden_as_403((report,))


def open_counts(request):
    """Open items per queue the user may see; counted once per request (menu and panels)."""
    cached = getattr(request, "queue_open_counts", None)
    if cached is None:
        cached = {
            model: model.objects.filter(status__in=open_statuses(model)).count()
            for model in permissions.visible_queue_models(request.user)
        }
        request.queue_open_counts = cached
    return cached


modeladmin_register(AanmeldingenGroup)


@hooks.register("register_log_actions")
def register_queue_log_actions(actions):
    audit.register_actions(actions)


@hooks.register("construct_homepage_panels")
def add_queue_panels(request, panels):
    for model in permissions.visible_queue_models(request.user):
        panels.append(dashboard.QueuePanel(model, ADMIN_BY_MODEL[model].get_menu_label()))


@hooks.register("register_admin_urls", order=-1)
def old_retention_settings_urls():
    """The retention settings were edited at settings/aanmelden/... before they moved to this
    app; the old addresses (bookmarks, the docs of earlier releases) forward to the new ones.
    Registered before the settings app's own URLs, which would answer them with a 404."""
    return [
        path("settings/aanmelden/retentionsettings/", _retention_settings_redirect),
        path("settings/aanmelden/retentionsettings/<int:pk>/", _retention_settings_redirect),
    ]


def _retention_settings_redirect(request, pk=None):
    return HttpResponsePermanentRedirect(admin_urls.retention_settings_url(pk))


@hooks.register("insert_global_admin_css")
def queue_admin_css():
    from django.templatetags.static import static

    return format_html('<link rel="stylesheet" href="{}">', static("aanmelden/queue.css"))
