"""Rendered HTML kept until the next publish: every edit shows at once.

Each test first views the page (which fills the cache), then changes something the way an
editor does, then views it again. `stale_version` replays another web process, whose memory
cache did not hear about the publish: what belongs to the page itself must still be fresh there,
because routing reads the page from the database on every request and the fragments are keyed
on the page's cache_key (its last publication and URL path).
"""

import datetime
import re
from contextlib import contextmanager

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from demo.factories.goodpractices import (
    DoelgroepFactory,
    GoodPracticeIndexPageFactory,
    GoodPracticePageFactory,
    OrganisatieFactory,
    RegioFactory,
)
from demo.factories.home import ContentPageFactory, site_home, stream
from demo.factories.regelingen import BeleidsdocumentPageFactory, RegelingPageFactory
from home.cache import VERSION_KEY
from home.models import OrganisationSettings

pytestmark = pytest.mark.django_db


def html(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def warm(client, url):
    """View twice: the first view may create the site settings, which retires the cache."""
    html(client, url)
    return html(client, url)


@contextmanager
def stale_version():
    """Changes made inside leave the publish version as it was, as in another process."""
    token = cache.get(VERSION_KEY)
    yield
    cache.set(VERSION_KEY, token, None)


def publish(page, **fields):
    for name, value in fields.items():
        setattr(page, name, value)
    page.save_revision().publish()


def test_a_published_edit_shows_at_once_also_in_another_process(client):
    page = ContentPageFactory(
        slug="over", title="Over", body=stream(("paragraph", "<p>Eerste tekst</p>"))
    )
    assert "Eerste tekst" in warm(client, "/over/")
    publish(page, body=stream(("paragraph", "<p>Tweede tekst</p>")))
    assert "Tweede tekst" in html(client, "/over/")
    with stale_version():
        publish(page, title="Over ons", body=stream(("paragraph", "<p>Derde tekst</p>")))
    page_html = html(client, "/over/")
    assert "Derde tekst" in page_html and "<h1>Over ons</h1>" in page_html


def test_unpublished_moved_and_restricted_pages_answer_at_once_also_in_another_process(
    client, django_user_model
):
    section = ContentPageFactory(slug="sectie", title="Sectie")
    page = ContentPageFactory(parent=section, slug="pagina", title="Pagina")
    warm(client, "/sectie/pagina/")
    with stale_version():
        PageViewRestriction.objects.create(page=section, restriction_type=PageViewRestriction.LOGIN)
    assert client.get("/sectie/pagina/").status_code == 302
    PageViewRestriction.objects.all().delete()
    warm(client, "/sectie/pagina/")
    with stale_version():
        page.unpublish()
    assert client.get("/sectie/pagina/").status_code == 404
    publish(page)
    warm(client, "/sectie/pagina/")
    with stale_version():
        page.move(site_home(), pos="last-child")
    moved = client.get("/sectie/pagina/")  # the redirect Wagtail creates on a move
    assert (moved.status_code, moved["Location"]) == (301, "/pagina/")
    assert 'rel="canonical" href="http://localhost/pagina/"' in html(client, "/pagina/")


def test_breadcrumbs_and_menu_follow_a_renamed_section(client):
    section = ContentPageFactory(slug="sectie", title="Sectie", show_in_menus=True)
    ContentPageFactory(parent=section, slug="pagina", title="Pagina")
    assert '<a href="/sectie/">Sectie</a>' in warm(client, "/sectie/pagina/")
    publish(section, title="Afdeling")
    page_html = html(client, "/sectie/pagina/")
    assert '<a href="/sectie/">Afdeling</a>' in page_html
    assert "main-nav__link--active" in page_html and ">Afdeling</a></li>" in page_html


def test_footer_follows_the_settings(client):
    assert "020 123 4567" not in warm(client, "/")
    settings = OrganisationSettings.for_site(site_home().get_site())
    settings.phone = "020 123 4567"
    settings.save()
    footer = html(client, "/").split('class="site-footer"')[1]
    assert 'href="tel:0201234567">020 123 4567</a>' in footer


def test_scheme_page_follows_its_terms_documents_form_and_the_date(client, monkeypatch):
    vso = DoelgroepFactory(slug="vso", name="VSO")
    regio = RegioFactory(slug="zki", name="Zuid-Kennemerland")
    form = ContentPageFactory(slug="aanvragen", title="Aanvragen")
    doc = BeleidsdocumentPageFactory(title="Jaarverslag", slug="jaarverslag")
    RegelingPageFactory(
        slug="impuls",
        title="Impuls",
        end_date=datetime.date(2030, 1, 1),
        form_page=form,
        taxonomy={"target_groups": [vso], "regions": [regio], "related_documents": [doc]},
    )
    page_html = warm(client, "/regelingen/impuls/")
    assert '<span class="tag">VSO</span>' in page_html
    assert '"audienceType": "VSO"' in page_html
    assert '<span class="tag">Lopend</span>' in page_html
    assert 'href="/beleid/jaarverslag/">Jaarverslag</a>' in page_html
    assert 'href="/aanvragen/">Aanvragen</a>' in page_html

    vso.name = "Voortgezet speciaal onderwijs"
    vso.save()
    page_html = html(client, "/regelingen/impuls/")
    assert '<span class="tag">Voortgezet speciaal onderwijs</span>' in page_html
    assert '"audienceType": "Voortgezet speciaal onderwijs"' in page_html

    doc.unpublish()
    form.unpublish()
    page_html = html(client, "/regelingen/impuls/")
    assert "Jaarverslag" not in page_html
    assert "Aanvragen" not in page_html

    # The status is derived from the date: the next day shows without a publish.
    monkeypatch.setattr(
        "regelingen.models.schemes.timezone.localdate", lambda: datetime.date(2030, 1, 2)
    )
    assert '<span class="tag">Afgelopen</span>' in html(client, "/regelingen/impuls/")


def test_policy_page_follows_its_attachment_and_regions(client):
    regio = RegioFactory(slug="eem", name="Eemland")
    doc = BeleidsdocumentPageFactory(
        title="Informatienota", slug="nota", with_pdf=True, taxonomy={"regions": [regio]}
    )
    page_html = warm(client, "/beleid/nota/")
    assert "Eemland" in page_html
    document = doc.attachments.get().document
    document.title = "Nota als PDF"
    document.save()
    regio.name = "Regio Eemland"
    regio.save()
    page_html = html(client, "/beleid/nota/")
    assert "Nota als PDF" in page_html
    assert "Regio Eemland" in page_html


def test_good_practice_page_and_its_card_follow_a_publish_and_a_partner(client):
    index = GoodPracticeIndexPageFactory()
    wsp = OrganisatieFactory(slug="wsp", name="WSP")
    practice = GoodPracticePageFactory(
        parent=index, slug="stages", title="Stages", taxonomy={"partners": [wsp]}
    )
    assert "<dd>WSP</dd>" in warm(client, "/goede-voorbeelden/stages/")
    assert ">Stages</a></h2>" in warm(client, "/goede-voorbeelden/")
    publish(practice, title="Stages via het WSP", lessons="<p>Begin klein.</p>")
    wsp.name = "Werkgeversservicepunt"
    wsp.save()
    page_html = html(client, "/goede-voorbeelden/stages/")
    assert "<h1>Stages via het WSP</h1>" in page_html
    assert "Begin klein." in page_html
    assert "Werkgeversservicepunt" in page_html
    assert ">Stages via het WSP</a></h2>" in html(client, "/goede-voorbeelden/")


def test_a_preview_neither_uses_nor_fills_the_shared_html(client):
    page = ContentPageFactory(slug="over", title="Over", summary="Live samenvatting")
    assert "Live samenvatting" in warm(client, "/over/")
    page.summary = "Concept samenvatting"
    preview = page.make_preview_request().content.decode()
    assert "Concept samenvatting" in preview
    assert "Live samenvatting" in html(client, "/over/")


def test_a_page_saved_without_publishing_shows_at_once(client):
    page = ContentPageFactory(slug="over", title="Over", summary="Eerste")
    warm(client, "/over/")
    # Saved without a revision, as an import or a script does.
    page.summary = "Tweede"
    page.save()
    assert "Tweede" in html(client, "/over/")


def test_a_cached_scheme_page_costs_at_most_five_queries(client):
    RegelingPageFactory(slug="impuls", title="Impuls", body=stream(("paragraph", "<p>x</p>")))
    warm(client, "/regelingen/impuls/")
    with CaptureQueriesContext(connection) as queries:
        page_html = html(client, "/regelingen/impuls/")
    # The site, the active language's locale, the home page as its own type (all Wagtail's
    # routing), the pages on the path below it, the scheme as its own type: the rest is in the
    # cache.
    assert len(queries) <= 5, [q["sql"] for q in queries]
    assert re.search(r"<h1>Impuls</h1>", page_html)


def test_list_facets_and_cards_follow_a_publish_and_a_renamed_term(client):
    index = GoodPracticeIndexPageFactory()
    vso = DoelgroepFactory(slug="vso", name="VSO")
    first = GoodPracticePageFactory(
        parent=index, slug="een", title="Een", taxonomy={"target_groups": [vso]}
    )
    url = "/goede-voorbeelden/?doelgroep=vso"
    page_html = warm(client, url)
    assert '<a href="?doelgroep=vso" aria-current="true">VSO <span class="count">(1)' in page_html
    second = GoodPracticePageFactory(parent=index, slug="twee", title="Twee")
    second.target_groups.set([vso])
    publish(second)
    page_html = html(client, url)
    assert '<a href="?doelgroep=vso" aria-current="true">VSO <span class="count">(2)' in page_html
    assert ">Twee</a></h2>" in page_html
    vso.name = "Voortgezet speciaal onderwijs"
    vso.save()
    page_html = html(client, url)
    assert ">Voortgezet speciaal onderwijs <span" in page_html
    assert '<span class="tag">Voortgezet speciaal onderwijs</span>' in page_html
    first.unpublish()
    page_html = html(client, url)
    assert ">Een</a></h2>" not in page_html
    assert 'aria-current="true">Voortgezet speciaal onderwijs <span class="count">(1)' in page_html


def test_list_facets_keep_other_parameters_and_unknown_values_render_afresh(client):
    index = GoodPracticeIndexPageFactory()
    vso = DoelgroepFactory(slug="vso", name="VSO")
    noord = RegioFactory(slug="noord", name="Noord")
    GoodPracticePageFactory(
        parent=index, title="Een", taxonomy={"target_groups": [vso], "regions": [noord]}
    )
    warm(client, "/goede-voorbeelden/?doelgroep=vso")
    # Not cacheable (an unknown parameter, an unknown value): the links keep what was asked.
    page_html = warm(client, "/goede-voorbeelden/?doelgroep=vso&bron=nieuwsbrief")
    assert 'href="?doelgroep=vso&amp;bron=nieuwsbrief&amp;regio=noord"' in page_html
    page_html = warm(client, "/goede-voorbeelden/?doelgroep=onbekend")
    assert "Geen goede voorbeelden gevonden met deze filters." in page_html
    assert 'href="?doelgroep=vso">VSO' in page_html
    # The same filters in another order: their own links, in their own order.
    page_html = warm(client, "/goede-voorbeelden/?regio=noord&doelgroep=vso")
    assert 'href="?regio=noord&amp;doelgroep=vso" aria-current="true">VSO' in page_html


def test_scheme_list_status_follows_the_date(client, monkeypatch):
    pro = DoelgroepFactory(slug="pro", name="PrO")
    RegelingPageFactory(
        slug="impuls",
        title="Impuls",
        end_date=datetime.date(2030, 1, 1),
        taxonomy={"target_groups": [pro]},
    )
    page_html = warm(client, "/regelingen/?doelgroep=pro")
    assert '<a href="?doelgroep=pro&amp;status=lopend">Lopend <span class="count">(1)' in page_html
    assert '<span class="tag">Lopend</span>' in page_html
    monkeypatch.setattr(
        "regelingen.models.schemes.timezone.localdate", lambda: datetime.date(2030, 1, 2)
    )
    page_html = html(client, "/regelingen/?doelgroep=pro")
    assert '<a href="?doelgroep=pro&amp;status=afgelopen">Afgelopen <span class="count">(1)' in (
        page_html
    )
    assert '<span class="tag">Afgelopen</span>' in page_html
    assert "Geen regelingen gevonden" in html(client, "/regelingen/?status=lopend")


def test_policy_list_follows_a_publish(client):
    doc = BeleidsdocumentPageFactory(title="Nota", slug="nota", number="2024/1")
    assert 'href="/beleid/nota/">Nota</a></h2>' in warm(client, "/beleid/")
    publish(doc, title="Informatienota", number="2024/2")
    BeleidsdocumentPageFactory(title="Jaarverslag", slug="jaarverslag")
    page_html = html(client, "/beleid/")
    assert 'href="/beleid/nota/">Informatienota</a></h2>' in page_html
    assert "nr. 2024/2" in page_html
    assert 'href="/beleid/jaarverslag/">Jaarverslag</a></h2>' in page_html


def test_a_link_made_absolute_with_the_request_follows_the_address_asked_for(client, settings):
    settings.ALLOWED_HOSTS = ["localhost", "testserver", "portaal.example"]
    BeleidsdocumentPageFactory(title="Nota", slug="nota", with_pdf=True)
    assert '"contentUrl": "http://testserver/documenten/' in warm(client, "/beleid/nota/")
    other = client.get("/beleid/nota/", HTTP_HOST="portaal.example").content.decode()
    assert '"contentUrl": "http://portaal.example/documenten/' in other


def test_the_search_box_shows_what_was_searched_and_the_menu_marks_the_section(client):
    ContentPageFactory(slug="over", title="Over", show_in_menus=True)
    ContentPageFactory(slug="contact", title="Contact", show_in_menus=True)
    for query in ("stage", "werk"):
        page_html = warm(client, f"/zoeken/?q={query}")
        assert f'name="q" value="{query}"' in page_html
    page_html = warm(client, "/over/")
    assert 'name="q" value=""' in page_html
    assert 'main-nav__link--active" href="/over/" aria-current="page">Over' in page_html
    assert 'main-nav__link" href="/contact/">Contact' in page_html
    page_html = warm(client, "/contact/")
    assert 'main-nav__link" href="/over/">Over' in page_html
    assert 'href="/" aria-current="page"' not in page_html
    assert 'href="/" aria-current="page"' in warm(client, "/")
