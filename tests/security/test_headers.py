"""Every response forbids the browser features no page of ours uses (Permissions-Policy): pages,
errors, the admin's sign-in and the site files alike."""

import pytest

pytestmark = pytest.mark.django_db

FORBIDDEN = ("camera", "microphone", "geolocation", "payment", "usb")


@pytest.mark.parametrize(
    "url", ["/", "/bestaat-niet/", "/admin/login/", "/.well-known/security.txt", "/robots.txt"]
)
def test_permissions_policy_on_every_response(client, url):
    response = client.get(url)
    policy = {
        part.strip().split("=")[0]: part.strip().split("=")[1]
        for part in response["Permissions-Policy"].split(",")
    }
    for feature in FORBIDDEN:
        assert policy[feature] == "()", feature
