"""The site for a request comes from the cache, chosen by Wagtail's rules, and a change to the
sites takes effect at once."""

import pytest
from wagtail.models import Site

from demo.factories.home import site_home
from home.sites import site_for_host

pytestmark = pytest.mark.django_db


def test_the_same_choice_as_wagtail():
    default = Site.objects.get(is_default_site=True)
    other = Site.objects.create(hostname="school.example", port=443, root_page=site_home())
    assert site_for_host("school.example", 443) == other  # hostname and port
    assert site_for_host("school.example", 80) == other  # the only site with this hostname
    assert site_for_host("elders.example", 80) == default  # nothing matches: the default
    Site.objects.create(hostname="school.example", port=8443, root_page=site_home())
    assert site_for_host("school.example", 80) == default  # two candidates: the default


def test_no_query_for_the_site_once_cached(client, django_assert_num_queries):
    client.get("/")
    with django_assert_num_queries(0):
        assert site_for_host("localhost", 80) is not None


def test_a_changed_site_takes_effect_at_once(client):
    assert client.get("/").status_code == 200
    Site.objects.all().delete()
    assert client.get("/").status_code == 404
