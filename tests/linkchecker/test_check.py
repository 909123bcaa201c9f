"""The link check finds what a visitor would find broken on a published page: a link to a page
that was deleted or is not published, to a document that is gone, to an address nothing serves,
to another site that answers 404, never answers, or redirects to a 404. A link that redirects to
something that works is not broken. Other sites are asked politely: a User-Agent that names the
portal, a timeout, a limit per host."""

import json

import pytest
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.core.management import call_command
from wagtail.contrib.redirects.models import Redirect
from wagtail.documents import get_document_model
from wagtail.models import Collection, Site

from home.models import ContentPage
from linkchecker.models import CheckedLink
from linkchecker.run import run_check
from linkchecker.tasks import check_links_task

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n%%EOF\n"


def document(title):
    return get_document_model().objects.create(
        title=title,
        file=ContentFile(PDF, name=f"{title.lower()}.pdf"),
        collection=Collection.get_first_root_node(),
    )


def child(parent, slug, **kwargs):
    return parent.add_child(instance=ContentPage(title=slug.capitalize(), slug=slug, **kwargs))


def publish(page, user=None):
    page.save_revision(user=user).publish()
    return page


def body(html, *blocks):
    return json.dumps([{"type": "paragraph", "value": html}, *blocks])


@pytest.fixture
def editor(django_user_model):
    user = django_user_model.objects.create_user(
        "redacteur", password="x", first_name="Rita", last_name="Redacteur"
    )
    user.groups.add(Group.objects.get(name="Redacteuren"))
    return user


@pytest.fixture
def home():
    return Site.objects.get(is_default_site=True).root_page.specific


@pytest.fixture
def site(home, outside, editor):
    """A published page with every kind of link; returns what the tests need to know."""
    good = publish(child(home, "doel"))
    deleted = child(home, "weg")
    deleted_id = deleted.pk
    deleted.delete()
    draft = child(home, "concept", live=False)
    kept_doc = document("Jaarverslag")
    gone_doc = document("Oud")
    gone_doc_id = gone_doc.pk
    gone_doc.delete()
    Redirect.objects.create(old_path="/oud-adres", redirect_page=good)
    base = outside.base
    html = (
        f'<p><a linktype="page" id="{deleted_id}">Verwijderde pagina</a> '
        f'<a linktype="page" id="{draft.pk}">Conceptpagina</a> '
        f'<a linktype="page" id="{good.pk}">Goede pagina</a> '
        f'<a linktype="document" id="{gone_doc_id}">Oud document</a> '
        f'<a linktype="document" id="{kept_doc.pk}">Jaarverslag</a> '
        f'<a href="{base}/missing">Kapotte site</a> '
        f'<a href="{base}/moved">Verhuisde site</a> '
        f'<a href="{base}/moved">Ook verhuisd</a> '
        f'<a href="{base}/moved-to-missing">Verhuisd naar niets</a> '
        f'<a href="{base}/slow">Trage site</a> '
        f'<a href="{base}/no-head">Site zonder HEAD</a> '
        f'<a href="/bestaat-niet/">Relatief kapot</a> '
        '<a href="/doel/">Relatief goed</a> '
        '<a href="/doel">Zonder slash</a> '
        '<a href="/oud-adres">Oud adres</a> '
        '<a href="http://localhost/doel/">Eigen host</a> '
        '<a href="/documenten/999999/weg.pdf">Weg document</a> '
        f'<a href="{kept_doc.url}">Document-adres</a> '
        '<a href="mailto:info@example.org">Mail</a> <a href="#boven">Anker</a></p>'
    )
    source = child(
        home,
        "bron",
        body=body(
            html,
            {
                "type": "call_to_action",
                "value": {
                    "title": "Aanmelden",
                    "text": "",
                    "page": deleted_id,
                    "url": "",
                    "button_text": "Meld je aan",
                },
            },
            {"type": "document", "value": {"document": gone_doc_id, "title": "Bijlage"}},
        ),
    )
    publish(source, editor)
    return {"source": source, "draft": draft, "good": good, "base": base}


def by_text(text):
    return CheckedLink.objects.get(text=text)


def check(**kwargs):
    return run_check(**{"timeout": 0.5, "per_second": 100, **kwargs})


def test_broken_links_are_found_and_working_ones_are_not(site):
    summary = check()
    broken = set(CheckedLink.objects.filter(broken=True).values_list("text", flat=True))
    assert broken == {
        "Verwijderde pagina",
        "Conceptpagina",
        "Oud document",
        "Kapotte site",
        "Verhuisd naar niets",
        "Trage site",
        "Relatief kapot",
        "Weg document",
        "Meld je aan",
        "Bijlage",
    }
    assert summary.broken == len(broken)
    working = set(CheckedLink.objects.filter(broken=False).values_list("text", flat=True))
    assert working == {
        "Goede pagina",
        "Jaarverslag",
        "Verhuisde site",
        "Ook verhuisd",
        "Site zonder HEAD",
        "Relatief goed",
        "Zonder slash",
        "Oud adres",
        "Eigen host",
        "Document-adres",
    }
    # Mail addresses and anchors are not links to check.
    assert not CheckedLink.objects.filter(text__in=["Mail", "Anker"]).exists()


def test_what_each_broken_link_says(site):
    check()
    assert by_text("Verwijderde pagina").error == "De pagina bestaat niet meer."
    assert by_text("Conceptpagina").error == "De pagina is niet gepubliceerd."
    assert by_text("Oud document").error == "Het document bestaat niet meer."
    assert by_text("Bijlage").field == "body"
    missing = by_text("Kapotte site")
    assert (missing.status_code, missing.kind) == (404, "external")
    assert missing.error.startswith("HTTP 404")
    slow = by_text("Trage site")
    assert slow.status_code is None
    assert "0.5 seconden" in slow.error
    to_nothing = by_text("Verhuisd naar niets")
    assert to_nothing.final_url == f"{site['base']}/missing"
    assert by_text("Relatief kapot").kind == "internal"
    for link in CheckedLink.objects.filter(broken=True):
        assert link.last_checked_at is not None
        assert link.first_broken_at is not None
        assert link.page_id == site["source"].pk


def test_a_redirect_is_not_broken_and_its_final_address_is_kept(site):
    check()
    moved = by_text("Verhuisde site")
    assert (moved.broken, moved.status_code) == (False, 200)
    assert moved.final_url == f"{site['base']}/ok"
    assert by_text("Oud adres").final_url == site["good"].url
    assert by_text("Zonder slash").final_url == "/doel/"


def test_other_sites_are_asked_politely(site, outside):
    check()
    requests = [(method, path, headers) for _t, method, path, headers in outside.log]
    agents = {headers["User-Agent"] for _m, _p, headers in requests}
    assert len(agents) == 1
    agent = agents.pop()
    assert agent.startswith("Leerwerkportaal-linkcontrole/1.0 (+")
    assert "mailto:" in agent  # whom to contact
    # HEAD first; GET only where HEAD is refused.
    assert {(m, p) for m, p, _h in requests if m == "GET"} == {("GET", "/no-head")}
    # Each address once, though the run sees it once per link.
    assert sum(1 for m, p, _h in requests if (m, p) == ("HEAD", "/moved")) == 1


def test_no_more_requests_per_second_to_one_host_than_allowed(home, outside):
    paths = ["a", "b", "c", "d", "e", "f"]
    html = "".join(f'<a href="{outside.base}/{p}">{p}</a>' for p in paths)
    publish(child(home, "veel", body=body(html)))
    check(per_second=5)
    times = sorted(t for t, _m, _p, _h in outside.log)
    assert len(times) == len(paths)
    # 5 per second: request starts at least 0.2 s apart (a little slack for the log's clock).
    gaps = [later - earlier for earlier, later in zip(times, times[1:], strict=False)]
    assert min(gaps) >= 0.2 - 0.03, gaps


def test_internal_only_asks_no_other_site(site, outside):
    check(internal_only=True)
    assert outside.log == []
    unchecked = by_text("Kapotte site")
    assert (unchecked.broken, unchecked.last_checked_at) == (False, None)
    assert by_text("Verwijderde pagina").broken
    # A later full run checks it; an internal-only run after it keeps what it found.
    check()
    check(internal_only=True)
    assert by_text("Kapotte site").broken


def test_broken_since_is_kept_and_cleared_when_the_link_works_again(site):
    check()
    since = by_text("Conceptpagina").first_broken_at
    check(internal_only=True)
    assert by_text("Conceptpagina").first_broken_at == since
    publish(site["draft"])
    check(internal_only=True)
    fixed = by_text("Conceptpagina")
    assert (fixed.broken, fixed.first_broken_at) == (False, None)


def test_links_that_left_the_published_site_leave_the_report(site):
    check(internal_only=True)
    assert CheckedLink.objects.filter(page=site["source"]).exists()
    site["source"].unpublish()
    check(internal_only=True)
    assert not CheckedLink.objects.filter(page=site["source"]).exists()


def test_links_on_drafts_are_not_checked(home):
    page = child(home, "kladje", live=False, body=body('<a href="/nergens/">Nergens</a>'))
    page.save_revision()
    check(internal_only=True)
    assert not CheckedLink.objects.exists()


def test_publishing_a_page_checks_nothing(home, outside):
    """Checks run from the scheduled job only, never while an editor's request is served."""
    publish(child(home, "nieuw", body=body(f'<a href="{outside.base}/missing">Kapot</a>')))
    assert outside.log == []
    assert not CheckedLink.objects.exists()


def test_the_command_and_the_task(site, outside):
    out = []

    class Out:
        def write(self, text):
            out.append(text)

    call_command("check_links", "--internal-only", stdout=Out())
    assert outside.log == []
    assert "kapot" in "".join(out)
    assert CheckedLink.objects.filter(broken=True, kind="internal").count() == 7
    result = check_links_task.enqueue(internal_only=True)
    assert result.return_value == 7


@pytest.mark.parametrize("option", ["--rate=0", "--timeout=-1"])
def test_the_command_refuses_a_rate_or_timeout_that_is_not_positive(option):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError):
        call_command("check_links", option)
