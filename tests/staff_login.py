"""Signing staff in with both factors, for the test client and for the browser.

Every admin URL asks for the second factor, so a test that only calls ``force_login`` sees the
verify or enrolment page. These give the user a confirmed authenticator device and mark the
session as verified by it, as the verify page does after a correct code.
"""

from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice


def app_device(user):
    """The user's confirmed authenticator device (made once)."""
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    return device or TOTPDevice.objects.create(user=user, name="Authenticator-app")


def current_code(device):
    """The six digits the user's app shows now."""
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


def login_verified(client, user):
    """``client.force_login`` plus a session verified by the user's authenticator device."""
    device = app_device(user)
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return device


def browser_login(page, username, password):
    """Sign in through the admin's forms as a person does: password, then the app's code."""
    from django.contrib.auth import get_user_model

    device = app_device(get_user_model().objects.get(username=username))
    page.goto("/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url("**/tweestapsverificatie/controleren/**")
    page.fill("#id_code", current_code(device))
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url("**/admin/")
