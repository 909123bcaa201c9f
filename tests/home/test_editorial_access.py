"""What each editorial group may open in the admin, table-driven: Redacteuren edit content and the
taxonomy, Eindredacteuren also manage redirects; neither sees the staff queues."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from tests.staff_login import login_verified

pytestmark = pytest.mark.django_db

OPEN, REFUSED = 200, 302  # Wagtail sends a user without the permission back to the dashboard

MATRIX = [
    # (URL name, args, Redacteuren, Eindredacteuren)
    ("wagtailadmin_home", (), OPEN, OPEN),
    ("wagtailadmin_pages:search", (), OPEN, OPEN),
    ("wagtailsnippets:index", (), OPEN, OPEN),
    ("wagtailsnippets_goodpractices_regio:list", (), OPEN, OPEN),
    ("wagtailsnippets_goodpractices_organisatie:add", (), OPEN, OPEN),
    ("wagtailimages:index", (), OPEN, OPEN),
    ("wagtaildocs:index", (), OPEN, OPEN),
    ("wagtailredirects:index", (), REFUSED, OPEN),
    ("wagtailredirects:add", (), REFUSED, OPEN),
    ("wagtailadmin_reports:locked_pages", (), REFUSED, OPEN),
    ("wagtailadmin_reports:aging_pages", (), OPEN, OPEN),
    ("wagtailusers_users:index", (), REFUSED, REFUSED),
    ("wagtailsettings:edit", ("home", "organisationsettings"), REFUSED, REFUSED),
]


def member_of(django_user_model, group_name):
    user = django_user_model.objects.create_user(username=group_name, password="x")
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.mark.parametrize(
    ("name", "args", "redacteur", "eindredacteur"), MATRIX, ids=[row[0] for row in MATRIX]
)
def test_editorial_access(client, django_user_model, name, args, redacteur, eindredacteur):
    url = reverse(name, args=args)
    for group_name, expected in (("Redacteuren", redacteur), ("Eindredacteuren", eindredacteur)):
        login_verified(client, member_of(django_user_model, group_name))
        assert client.get(url).status_code == expected, (group_name, url)


@pytest.mark.parametrize("group_name", ["Redacteuren", "Eindredacteuren"])
def test_editors_see_no_staff_queue(client, django_user_model, group_name):
    from moderation.admin_urls import index_url
    from moderation.permissions import QUEUE_MODELS

    login_verified(client, member_of(django_user_model, group_name))
    for model in QUEUE_MODELS:
        assert client.get(index_url(model)).status_code in (302, 403)
