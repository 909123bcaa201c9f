"""The two steps after the password (enrol once, then verify every session), the superuser's
reset of a colleague's factor, and the answer to a locked-out sign-in."""

import django_otp
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods
from django_otp import devices_for_user
from django_otp.plugins.otp_static.models import StaticDevice
from wagtail.admin.forms.auth import LoginForm
from wagtail.admin.views.account import password_reset_enabled
from wagtail.log_actions import log

from .devices import (
    is_enrolled,
    manual_key,
    new_recovery_codes,
    pending_app_device,
    qr_code_data_uri,
    recovery_codes_left,
    remove_devices,
)
from .forms import CodeForm

RESET_ACTION = "staffauth.reset_second_factor"
NEW_CODES_ACTION = "staffauth.new_recovery_codes"


def _next_url(request):
    url = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(url, {request.get_host()}, request.is_secure()):
        return url
    return reverse("wagtailadmin_home")


def _with_next(request, name):
    url = reverse(name)
    next_url = request.POST.get("next") or request.GET.get("next")
    return f"{url}?{urlencode({'next': next_url})}" if next_url else url


def _verified(request, device):
    """A new session key for the step up, then the device that verified it."""
    request.session.cycle_key()
    django_otp.login(request, device)


@never_cache
@require_http_methods(["GET", "POST"])
def enrol(request):
    """Set up the authenticator app (QR code or key, confirmed with a code), then show the
    recovery codes once."""
    user = request.user
    if is_enrolled(user):
        return redirect(_with_next(request, "staffauth_verify"))
    device = pending_app_device(user)
    form = CodeForm(
        request.POST or None,
        help_text=_("De zes cijfers die de app nu toont."),
    )
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            if device.verify_token(form.cleaned_data["code"]):
                device.confirmed = True
                device.save(update_fields=["confirmed"])
                codes = new_recovery_codes(user)
                _verified(request, device)
                return render(
                    request,
                    "staffauth/recovery_codes.html",
                    {"codes": codes, "next": _next_url(request)},
                )
        form.add_error(
            "code",
            _(
                "Deze code klopt niet. Vul de code in die de app nu toont; staat de tijd op je "
                "telefoon goed?"
            ),
        )
    return render(
        request,
        "staffauth/enrol.html",
        {
            "form": form,
            "qr_code": qr_code_data_uri(device),
            "manual_key": manual_key(device),
            "next": request.POST.get("next") or request.GET.get("next", ""),
        },
    )


def _match(user, code):
    """The confirmed device that accepts the code, and whether every device was throttled
    (django-otp waits longer after each wrong code)."""
    throttled = True
    with transaction.atomic():
        for device in devices_for_user(user, confirmed=True, for_verify=True):
            allowed, _info = device.verify_is_allowed()
            throttled = throttled and not allowed
            if allowed and device.verify_token(code):
                return device, False
    return None, throttled


@never_cache
@require_http_methods(["GET", "POST"])
def verify(request):
    """The second step of every sign-in: a code from the app, or one unused recovery code."""
    user = request.user
    if not is_enrolled(user):
        return redirect(_with_next(request, "staffauth_enrol"))
    if user.is_verified():
        return redirect(_next_url(request))
    form = CodeForm(
        request.POST or None,
        help_text=_("De zes cijfers uit je authenticator-app, of een van je herstelcodes."),
    )
    if request.method == "POST" and form.is_valid():
        device, throttled = _match(user, form.cleaned_data["code"])
        if device is not None:
            _verified(request, device)
            left = recovery_codes_left(user)
            if isinstance(device, StaticDevice) and left <= 3:
                messages.warning(
                    request,
                    _(
                        "Je hebt nog %(left)s herstelcodes. Maak nieuwe aan onder Account, "
                        "Nieuwe herstelcodes."
                    )
                    % {"left": left},
                )
            return redirect(_next_url(request))
        form.add_error(
            "code",
            _("Te veel onjuiste codes na elkaar. Wacht een minuut en probeer het opnieuw.")
            if throttled
            else _("Deze code klopt niet. Probeer het opnieuw of gebruik een herstelcode."),
        )
    return render(
        request,
        "staffauth/verify.html",
        {"form": form, "next": request.POST.get("next") or request.GET.get("next", "")},
    )


@never_cache
@require_http_methods(["GET", "POST"])
def new_codes(request):
    """A verified member of staff replaces their own recovery codes (used up, or seen by
    someone else); the old ones stop working at once."""
    if request.method == "POST":
        # The model instance itself: Wagtail's log registry looks the logger up by its class,
        # which request.user (a lazy wrapper) hides.
        user = get_user_model().objects.get(pk=request.user.pk)
        with transaction.atomic():
            codes = new_recovery_codes(user)
            log(instance=user, action=NEW_CODES_ACTION, user=user)
        return render(
            request,
            "staffauth/recovery_codes.html",
            {"codes": codes, "next": reverse("wagtailadmin_account")},
        )
    return render(
        request, "staffauth/new_codes_confirm.html", {"left": recovery_codes_left(request.user)}
    )


@never_cache
@require_http_methods(["GET", "POST"])
def reset(request, user_id):
    """A superuser removes a colleague's devices (a lost phone, used-up recovery codes): the
    colleague enrols again at the next sign-in. Recorded in the admin's history."""
    if not request.user.is_superuser:
        raise PermissionDenied
    colleague = get_object_or_404(get_user_model(), pk=user_id)
    if request.method == "POST":
        with transaction.atomic():
            removed = remove_devices(colleague)
            log(instance=colleague, action=RESET_ACTION, user=request.user)
        messages.success(
            request,
            _("De tweestapsverificatie van %(name)s is hersteld (%(count)s apparaten verwijderd).")
            % {"name": colleague.get_username(), "count": removed},
        )
        return redirect("wagtailusers_users:index")
    return render(
        request,
        "staffauth/reset_confirm.html",
        {"colleague": colleague, "enrolled": is_enrolled(colleague)},
    )


def lockout(request, original_response=None, credentials=None):
    """django-axes' answer to a locked-out sign-in: the sign-in page with one message, the same
    for a known and an unknown username, so it tells nobody whether an account exists."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    messages.error(
        request,
        _(
            "Te veel mislukte pogingen om in te loggen. Probeer het over %(minutes)s minuten "
            "opnieuw, of vraag een beheerder om hulp."
        )
        % {"minutes": minutes},
    )
    context = {
        "form": LoginForm(request),
        "show_password_reset": password_reset_enabled(),
        "next": _next_url(request),
    }
    return render(request, "wagtailadmin/login.html", context, status=429)
