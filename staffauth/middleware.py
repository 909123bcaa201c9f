"""Every admin address asks for the second factor; password reset requests are limited."""

from hashlib import sha256

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import render
from django.urls import Resolver404, resolve, reverse
from django_ratelimit.core import is_ratelimited

from .devices import is_enrolled, needs_second_factor

# What a signed-in but not yet verified member of staff may still reach: signing in and out, the
# two steps themselves, and the admin's translations and icons those pages load.
OPEN_URL_NAMES = {
    "wagtailadmin_login",
    "wagtailadmin_logout",
    "wagtailadmin_javascript_catalog",
    "wagtailadmin_sprite",
    "staffauth_enrol",
    "staffauth_verify",
}


def _url_name(path):
    try:
        return resolve(path).url_name
    except Resolver404:
        return None


class SecondFactorMiddleware:
    """Sends staff without a confirmed device to enrolment and an unverified session to the
    verify page, for every URL under the admin. After django-otp's OTPMiddleware, which tells
    whether this session was verified."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info.startswith(reverse("wagtailadmin_home")):
            response = self.check(request)
            if response is not None:
                return response
        return self.get_response(request)

    def check(self, request):
        user = request.user
        if not needs_second_factor(user) or user.is_verified():
            return None
        if _url_name(request.path_info) in OPEN_URL_NAMES:
            return None
        step = "staffauth_verify" if is_enrolled(user) else "staffauth_enrol"
        return redirect_to_login(request.get_full_path(), login_url=reverse(step))


def _email_digest(_group, request):
    """The limit's key per e-mail address: a digest, so the cache holds no address."""
    return sha256(request.POST.get("email", "").strip().lower().encode()).hexdigest()


class PasswordResetLimitMiddleware:
    """At most STAFFAUTH_PASSWORD_RESET_LIMIT reset requests per address and per e-mail address.

    django-axes counts sign-ins only. Over the limit the answer is the same for every e-mail
    address, known or not, so the limit tells nobody whether an account exists.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method == "POST" and request.path_info == reverse("wagtailadmin_password_reset"):
            limit, window = settings.STAFFAUTH_PASSWORD_RESET_LIMIT
            rate = f"{limit}/{window}s"
            # django-ratelimit, as every other limit: counted in the shared cache, the address
            # read by the one rule of RATELIMIT_IP_META_KEY.
            limited = [
                is_ratelimited(
                    request, group="staffauth-reset-ip", key="ip", rate=rate, increment=True
                )
            ]
            if request.POST.get("email", "").strip():
                limited.append(
                    is_ratelimited(
                        request,
                        group="staffauth-reset-email",
                        key=_email_digest,
                        rate=rate,
                        increment=True,
                    )
                )
            if any(limited):
                return render(
                    request,
                    "staffauth/password_reset_limited.html",
                    {"minutes": window // 60},
                    status=429,
                )
        return self.get_response(request)
