"""English as a second language for the pages that explain the forms: translations under /en/,
one language switch shared with the forms, Dutch addresses unchanged, Dutch-only pages saying
so, each language cached apart, editors translating in the admin, and the admin in Dutch."""

import gettext
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.test import override_settings
from django.utils import translation
from wagtail.models import GroupPagePermission, Locale, Page, WorkflowPage

from demo.factories.aanmelden import VrijstellingFormPageFactory
from demo.factories.home import ContentPageFactory, site_home
from home.models import OrganisationSettings
from tests.staff_login import login_verified

pytestmark = pytest.mark.django_db


def english_home():
    home = site_home().get_translation(Locale.objects.get(language_code="en")).specific
    home.intro = "Help with the step from school to work."
    home.save_revision().publish()
    return home


def translate(page, **fields):
    translation = page.copy_for_translation(Locale.objects.get(language_code="en"))
    for name, value in fields.items():
        setattr(translation, name, value)
    translation.save_revision().publish()
    return translation


@pytest.fixture
def pages(db):
    english_home()
    contact = ContentPageFactory(slug="contact", title="Contact", summary="Bel of mail ons.")
    translate(contact, summary="Call or email us.")
    privacy = ContentPageFactory(slug="privacyverklaring", title="Privacyverklaring")
    translate(privacy, title="Privacy statement", draft_title="Privacy statement")
    about = ContentPageFactory(slug="over", title="Over het portaal", show_in_menus=True)
    org = OrganisationSettings.for_site(site_home().get_site())
    org.privacy_page = privacy
    org.save()
    return {"contact": contact, "privacy": privacy, "about": about}


def alternates(page):
    """hreflang: path of the page's <link rel="alternate"> elements (absolute on the site)."""
    found = re.findall(
        r'<link rel="alternate" hreflang="([^"]+)" href="https?://[^/"]+(/[^"]*)">', page
    )
    return dict(found)


def switch_link(href, code, name):
    return (
        f'<a class="language-switch__link" href="{href}" hreflang="{code}" lang="{code}">{name}</a>'
    )


def html(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, url
    return response.content.decode()


def test_the_migration_gives_english_a_locale_and_a_draft_home_editors_may_work_in(db):
    dutch = site_home()
    english = dutch.get_translation(Locale.objects.get(language_code="en"))
    assert english.depth == dutch.depth and not english.live
    for group in Group.objects.filter(name__in=["Redacteuren", "Eindredacteuren"]):
        assert group.permissions.filter(codename="submit_translation").exists()
        dutch_perms = set(
            GroupPagePermission.objects.filter(group=group, page=dutch).values_list(
                "permission__codename", flat=True
            )
        )
        assert dutch_perms
        assert dutch_perms == set(
            GroupPagePermission.objects.filter(group=group, page=english).values_list(
                "permission__codename", flat=True
            )
        )
    assert (
        WorkflowPage.objects.get(page=english).workflow
        == WorkflowPage.objects.get(page=dutch).workflow
    )


def test_an_english_page_is_in_english_with_its_alternates(client, pages):
    page = html(client, "/en/contact/")
    assert '<html lang="en"' in page
    assert "Call or email us." in page
    assert "Skip to content" in page and "Naar de inhoud" not in page
    assert alternates(page) == {"nl": "/contact/", "en": "/en/contact/", "x-default": "/contact/"}
    # The switch leads back to the Dutch page; the logo and "Home" to the English home.
    assert switch_link("/contact/", "nl", "Nederlands") in page
    assert 'class="site-header__logo" href="/en/"' in page
    assert "This page is only available in Dutch" not in page


def test_dutch_addresses_stay_as_they_are_and_link_their_translation(client, pages):
    page = html(client, "/contact/")
    assert '<html lang="nl"' in page
    assert "Bel of mail ons." in page and "Naar de inhoud" in page
    assert switch_link("/en/contact/", "en", "English") in page
    assert alternates(page)["en"] == "/en/contact/"
    assert 'class="site-header__logo" href="/"' in page
    html(client, "/nl/contact/", status=404)  # no prefix for Dutch


def test_a_dutch_only_page_says_so_in_english(client, pages):
    page = html(client, "/over/")
    assert switch_link("/en/", "en", "English") in page
    assert '<p class="language-switch__note" lang="en">This page is only available in Dutch.' in (
        page
    )
    assert 'rel="alternate"' not in page


def test_an_english_address_of_a_dutch_only_page_answers_404_with_the_dutch_page(client, pages):
    page = html(client, "/en/over/", status=404)
    assert '<html lang="en"' in page
    assert "This page is only available in Dutch." in page
    assert 'href="/over/" hreflang="nl"' in page
    unknown = html(client, "/en/bestaat-niet/", status=404)
    assert "Page not found" in unknown and "only available in Dutch" not in unknown
    assert "Pagina niet gevonden" in html(client, "/bestaat-niet/", status=404)


def test_without_a_live_english_home_no_dutch_page_answers_under_en(client, db):
    ContentPageFactory(slug="contact", title="Contact")
    page = html(client, "/contact/")
    assert "English" not in page  # nothing to switch to
    assert "only available in Dutch" in html(client, "/en/contact/", status=404)


def test_the_dutch_search_finds_the_dutch_page_only(client, pages):
    results = html(client, "/zoeken/?q=contact")
    assert 'href="/contact/"' in results
    assert 'href="/en/contact/"' not in results


def test_robots_keep_the_english_form_steps_out_too(client):
    assert "Disallow: /en/aanmelden/*/stap/" in html(client, "/robots.txt")


def test_the_english_menu_and_footer_lead_to_english_pages(client, pages):
    page = html(client, "/en/contact/")
    assert 'href="/en/privacyverklaring/">Privacy statement</a>' in page
    assert 'href="/en/">Home</a>' in page
    assert "Over het portaal" not in page  # the Dutch-only section is not in the English menu
    dutch = html(client, "/contact/")
    assert 'href="/privacyverklaring/">Privacyverklaring</a>' in dutch
    assert "Over het portaal" in dutch


@pytest.mark.parametrize("first", ["/contact/", "/en/contact/"])
def test_the_page_cache_keeps_languages_apart(client, settings, pages, first):
    settings.PAGE_CACHE_SECONDS = 300
    html(client, "/contact/")  # the site settings are made on the first request
    for _ in range(2):
        html(client, first)
        assert '<html lang="nl"' in html(client, "/contact/")
        assert '<html lang="en"' in html(client, "/en/contact/")
    # Another request in this thread left English active: the Dutch page is still Dutch.
    with translation.override("en"):
        assert '<html lang="nl"' in html(client, "/contact/")


def test_the_form_start_page_and_its_wizard_speak_the_language_of_their_address(client, db):
    english_home()
    form = VrijstellingFormPageFactory(title="Vrijstelling melden")
    translation_page = translate(
        form.get_parent().specific, title="Forms", draft_title="Forms", intro=""
    )
    assert translation_page.url == "/en/aanmelden/"
    english_form = translate(form, title="Report an exemption", draft_title="Report an exemption")
    page = html(client, english_form.url)
    assert '<html lang="en"' in page
    assert "Start the form" in page
    assert f'href="{english_form.first_step_url}"' in page
    assert english_form.first_step_url.startswith("/en/aanmelden/")
    assert switch_link(form.url, "nl", "Nederlands") in page
    step = html(client, english_form.first_step_url)
    assert '<html lang="en"' in step
    assert "Start het formulier" in html(client, form.url)


def test_an_editor_translates_a_page_with_the_admin_action(client, django_user_model, pages):
    editor = django_user_model.objects.create_user(username="redacteur", password="x")
    editor.groups.add(Group.objects.get(name="Redacteuren"))
    login_verified(client, editor)
    url = f"/admin/translation/submit/page/{pages['about'].pk}/"
    form = html(client, url)
    assert "Vertaal pagina" in form
    english = Locale.objects.get(language_code="en")
    response = client.post(url, {"locales": [english.pk]})
    translated = pages["about"].get_translation(english)
    assert response.status_code == 302
    assert response["Location"] == f"/admin/pages/{translated.pk}/edit/"
    assert translated.get_parent().specific == site_home().get_translation(english).specific
    assert not translated.live
    assert client.get(response["Location"]).status_code == 200


def test_the_admin_speaks_dutch_to_every_user(client, django_user_model):
    user = django_user_model.objects.create_superuser("beheer", password="x")
    login_verified(client, user)
    dashboard = client.get("/admin/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert 'lang="nl"' in dashboard
    for label in ("Aanmeldingen", "Indeling", "Pagina's", "Vet", "Cursief"):
        assert label in dashboard, label
    for english in (">Bold<", ">Italic<", ">Pages<"):
        assert english not in dashboard, english
    # The content languages are named in Dutch.
    english_home = site_home().get_translation(Locale.objects.get(language_code="en"))
    edit = client.get(f"/admin/pages/{english_home.pk}/edit/").content.decode()
    assert "Engels" in edit and "English" not in edit
    # No English admin to choose in the account settings.
    assert "preferred_language" not in client.get("/admin/account/").content.decode()


def test_the_committed_catalogues_match_their_sources(tmp_path):
    """The .mo files are committed (no gettext needed to install): they must be compiled from
    the .po files as they are."""
    if not shutil.which("msgfmt"):
        if os.environ.get("CI") == "true":
            pytest.fail("msgfmt not found: apt-get install gettext")
        pytest.skip("gettext not installed (apt-get install gettext)")
    for po in Path(django_settings.BASE_DIR, "locale").glob("*/LC_MESSAGES/django.po"):
        fresh = tmp_path / f"{po.parent.parent.name}.mo"
        subprocess.run(["msgfmt", "-o", str(fresh), str(po)], check=True)  # noqa: S603, S607
        with fresh.open("rb") as new, po.with_suffix(".mo").open("rb") as committed:
            assert gettext.GNUTranslations(new)._catalog == (
                gettext.GNUTranslations(committed)._catalog
            ), f"{po}: run make messages"


@override_settings(PAGE_CACHE_SECONDS=0)
def test_the_demo_content_translates_the_form_pages_contact_privacy_and_accessibility(client):
    out = open(os.devnull, "w")  # noqa: SIM115
    call_command("load_demo_content", stdout=out)
    english = Page.objects.filter(locale__language_code="en").order_by("path")
    paths = [page.url_path for page in english]
    assert paths == [
        "/en/",
        "/en/aanmelden/",
        "/en/aanmelden/vrijstelling/",
        "/en/aanmelden/stageplaats/",
        "/en/aanmelden/leerwerkmakelaar/",
        "/en/contact/",
        "/en/privacyverklaring/",
        "/en/toegankelijkheidsverklaring/",
    ]
    assert all(page.live for page in english)
    call_command("load_demo_content", stdout=out)
    assert Page.objects.filter(locale__language_code="en").count() == len(paths)
    assert "Accessibility statement" in html(client, "/en/toegankelijkheidsverklaring/")
    home = html(client, "/en/")
    assert "Report an exemption from compulsory education" in home
    assert "only available in Dutch" in home
    assert 'href="/en/privacyverklaring/"' in home
