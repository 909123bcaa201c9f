from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets.button import Button

from . import views


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path("tweestapsverificatie/instellen/", views.enrol, name="staffauth_enrol"),
        path("tweestapsverificatie/controleren/", views.verify, name="staffauth_verify"),
        path("tweestapsverificatie/herstelcodes/", views.new_codes, name="staffauth_new_codes"),
        path(
            "tweestapsverificatie/herstellen/<int:user_id>/",
            views.reset,
            name="staffauth_reset",
        ),
    ]


@hooks.register("register_account_menu_item")
def new_codes_menu_item(request):
    return {
        "url": reverse("staffauth_new_codes"),
        "label": _("Nieuwe herstelcodes"),
        "help_text": _("Tien nieuwe codes voor als je telefoon er niet is; de oude vervallen."),
    }


@hooks.register("register_user_listing_buttons")
def reset_button(user, request_user):
    """Superusers only; the confirm page says whether the colleague has a factor at all (asking
    here would cost a query per row of the users list)."""
    if request_user.is_superuser:
        yield Button(
            _("Tweestapsverificatie herstellen"),
            reverse("staffauth_reset", args=[user.pk]),
            icon_name="key",
            priority=90,
        )


@hooks.register("register_log_actions")
def register_log_actions(actions):
    actions.register_action(
        views.RESET_ACTION,
        _("Tweestapsverificatie herstellen"),
        _("Tweestapsverificatie hersteld (apparaten en herstelcodes verwijderd)"),
    )
    actions.register_action(
        views.NEW_CODES_ACTION,
        _("Nieuwe herstelcodes"),
        _("Nieuwe herstelcodes gemaakt (de oude vervallen)"),
    )
