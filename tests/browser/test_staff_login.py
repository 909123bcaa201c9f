"""A new member of staff signs in for the first time in the real admin (Chromium): password,
the forced set-up of the authenticator app, the recovery codes, then the admin. The pages are
scanned with axe, a wrong code shows its message at the field."""

import pytest
from django.contrib.auth.models import Group, User
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.browser.navigation import click_and_wait
from tests.staff_login import current_code

pytestmark = pytest.mark.django_db(transaction=True)


def test_first_sign_in_sets_up_the_second_factor(browser_page, axe_check):
    user = User.objects.create_user("redacteur2", password="geheim-wachtwoord-2")
    user.groups.add(Group.objects.get(name="Editors"))
    page = browser_page
    page.goto("/admin/pages/")
    page.fill("#id_username", "redacteur2")
    page.fill("#id_password", "geheim-wachtwoord-2")
    click_and_wait(page.get_by_role("button", name="Inloggen"))
    assert "/admin/tweestapsverificatie/instellen/" in page.url
    page.wait_for_timeout(600)
    axe_check(page, "enrolment")
    assert page.get_by_role("img", name="QR-code voor je authenticator-app").is_visible()

    page.get_by_label("Code").fill("000000")
    click_and_wait(page.get_by_role("button", name="Bevestigen"))
    field = page.locator("[data-field]", has=page.locator("#id_code"))
    assert "Deze code klopt niet." in field.inner_text()
    assert page.locator("#id_code").get_attribute("aria-invalid") == "true"
    page.wait_for_timeout(600)
    axe_check(page, "enrolment with an error")

    device = TOTPDevice.objects.get(user=user)
    page.get_by_label("Code").fill(current_code(device))
    click_and_wait(page.get_by_role("button", name="Bevestigen"))
    codes = page.get_by_test_id("recovery-codes").locator("li")
    assert codes.count() == 10
    page.wait_for_timeout(600)
    axe_check(page, "recovery codes")

    click_and_wait(page.get_by_role("link", name="Ik heb de codes bewaard, ga verder"))
    assert page.url.endswith("/admin/pages/")
