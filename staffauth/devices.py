"""The second factor of a staff account, on django-otp's own devices.

Every account that may use the admin has one confirmed TOTP device (an authenticator app) and
one static device holding its unused recovery codes. Nothing else of ours stores secrets.
"""

from base64 import b32encode

import segno
from django.db import transaction
from django_otp import devices_for_user, user_has_device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

APP_DEVICE_NAME = "Authenticator-app"
RECOVERY_DEVICE_NAME = "Herstelcodes"
RECOVERY_CODE_COUNT = 10


def needs_second_factor(user):
    """Anyone who can reach the admin (or Django's own staff pages) signs in with two factors."""
    return user.is_authenticated and (
        user.is_staff or user.is_superuser or user.has_perm("wagtailadmin.access_admin")
    )


def is_enrolled(user):
    return user_has_device(user, confirmed=True)


def pending_app_device(user):
    """The unconfirmed authenticator device being set up; the same one on a reload, so the QR
    code the user already scanned stays valid."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").first()
    return device or TOTPDevice.objects.create(user=user, name=APP_DEVICE_NAME, confirmed=False)


def manual_key(device):
    """The secret in base32 as authenticator apps take it by hand, in groups of four."""
    key = b32encode(device.bin_key).decode()
    return " ".join(key[i : i + 4] for i in range(0, len(key), 4))


def qr_code_data_uri(device):
    """The otpauth:// address as an SVG QR code (a data: URI, allowed by the admin's policy)."""
    return segno.make(device.config_url, error="m").svg_data_uri(scale=5, border=2)


def normalise(code):
    """Codes as people type them: spaces, dashes and capitals are ignored."""
    return "".join(ch for ch in (code or "") if ch.isalnum()).lower()


def new_recovery_codes(user):
    """Replace the user's recovery codes with a fresh set and return it (shown once)."""
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
    with transaction.atomic():
        StaticDevice.objects.filter(user=user).delete()
        device = StaticDevice.objects.create(user=user, name=RECOVERY_DEVICE_NAME)
        StaticToken.objects.bulk_create(StaticToken(device=device, token=c) for c in codes)
    return codes


def remove_devices(user):
    """Every device of the user, confirmed or not: the next sign-in starts a new enrolment."""
    removed = 0
    with transaction.atomic():
        for device in devices_for_user(user, confirmed=None):
            device.delete()
            removed += 1
    return removed


def recovery_codes_left(user):
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()
