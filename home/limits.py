"""Per-visitor limits (form submits, admin logins), counted in the default cache.

The counting is django-ratelimit's and the visitor's address django-ipware's: both maintained,
both tested far beyond what we would test ourselves. The count is only as shared as the cache:
with several processes CACHE_URL must name a shared cache (Redis), or each process would allow
the full limit on its own; production refuses to start without one (portal/settings/production).
"""

import ipaddress
from functools import wraps

from django.conf import settings
from django.shortcuts import render
from django_ratelimit.core import is_ratelimited
from ipware import get_client_ip


def client_ip(request):
    """The address a limit counts.

    Behind TRUSTED_PROXY_COUNT proxies of ours, each appending the address it received the
    request from to X-Forwarded-For, the entry the outermost of them wrote; entries to its left
    come from the client, who can send any X-Forwarded-For it likes, so they are never used.
    Without trusted proxies, or when the header is missing or too short (the request did not
    pass through all of them), REMOTE_ADDR; without a usable one (a Unix socket), 0.0.0.0, one
    limit for all such requests. django-ratelimit reads it (RATELIMIT_IP_META_KEY) and counts an
    IPv6 visitor per /64 network, so a visitor cannot step through the addresses of its own.
    """
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies:
        # ipware counts the proxies whose addresses are in the header: all but the last one,
        # whose address is REMOTE_ADDR.
        address, _routable = get_client_ip(
            request,
            proxy_order="left-most",
            proxy_count=proxies - 1,
            request_header_order=["HTTP_X_FORWARDED_FOR"],
            strict=False,
        )
        if address:
            return address
    address = request.META.get("REMOTE_ADDR", "")
    try:
        return str(ipaddress.ip_address(address))
    except ValueError:
        return "0.0.0.0"  # noqa: S104 - a bucket name, not a bind address


def over_limit(request, group, rate):
    """Count this request against ``rate`` ((count, seconds)) for its address; True once the
    address has gone over it."""
    return is_ratelimited(
        request,
        group=group,
        key="ip",
        rate=rate,
        increment=True,
    )


def limit_login_attempts(view):
    """Refuse a login POST from an address that tried too often (ADMIN_LOGIN_RATE), with a 429
    page that says when to try again; the form itself stays as it is."""

    @wraps(view)
    def limited(request, *args, **kwargs):
        if request.method == "POST" and over_limit(
            request, "admin-login", settings.ADMIN_LOGIN_RATE
        ):
            return render(
                request,
                "429_login.html",
                {"minutes": max(1, settings.ADMIN_LOGIN_RATE[1] // 60)},
                status=429,
            )
        return view(request, *args, **kwargs)

    return limited
