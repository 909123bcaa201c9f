"""Addresses on the portal itself are checked the way the site would answer them, without HTTP:
what Django's URLs, Wagtail's page routing, the static and media files and the redirects serve
works; anything else is broken."""

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Site

from home.models import ContentPage
from linkchecker.internal import InternalChecker
from linkchecker.run import classify

pytestmark = pytest.mark.django_db


@pytest.fixture
def pages():
    home = Site.objects.get(is_default_site=True).root_page
    section = home.add_child(instance=ContentPage(title="Sectie", slug="sectie"))
    section.save_revision().publish()
    hidden = section.add_child(instance=ContentPage(title="Verborgen", slug="verborgen"))
    hidden.unpublish()
    Redirect.objects.create(old_path="/oud", redirect_link="https://example.org/nieuw")
    name = default_storage.save("linkcheck/foto.txt", ContentFile(b"x"))
    yield section
    default_storage.delete(name)


@pytest.mark.parametrize(
    ("address", "broken"),
    [
        ("/", False),
        ("/sectie/", False),
        ("/sectie/?pagina=2#boven", False),
        ("/sectie/verborgen/", True),
        ("/sectie/bestaat-niet/", True),
        ("/zoeken/?q=stage", False),
        ("/oud", False),
        ("/oud/", False),  # Wagtail's redirects ignore a final slash
        ("/static/css/portal.css", False),
        ("/static/css/bestaat-niet.css", True),
        ("/media/linkcheck/foto.txt", False),
        ("/media/linkcheck/weg.txt", True),
        ("/documenten/123456/weg.pdf", True),
        ("/nergens", True),
    ],
)
def test_addresses_on_the_portal(pages, address, broken):
    outcome = InternalChecker([]).check(address)
    assert outcome.broken is broken, outcome
    assert outcome.url == address


def test_which_links_are_internal_external_or_not_checked():
    hosts = {"localhost", "leerwerkportaal.example.nl"}
    base = "/sectie/pagina/"
    assert classify("page:3", base, hosts) == ("internal", "page:3")
    assert classify("andere/", base, hosts) == ("internal", "/sectie/pagina/andere/")
    assert classify("https://leerwerkportaal.example.nl/x/", base, hosts)[0] == "internal"
    assert classify("https://example.org/x", base, hosts) == ("external", "https://example.org/x")
    assert classify("//example.org/x", base, hosts) == ("external", "https://example.org/x")
    assert classify("http://[kapot", base, hosts)[0] == "external"
    for skipped in ("mailto:a@b.nl", "tel:0201234567", "#boven", "ftp://example.org/f"):
        assert classify(skipped, base, hosts) is None
