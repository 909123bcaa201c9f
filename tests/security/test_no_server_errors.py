"""No address answers 5xx, whatever arrives: every pattern of the URL conf (converters filled with
ids of the demo content) and every page of the demo site, wizard steps included, gets GET
parameters and POST fields that hypothesis makes nasty (NUL and other control characters, huge
values, invalid UTF-8, wrong types), by GET or POST, anonymously and as one of the staff roles,
which rotate over the addresses. Each request runs in a savepoint that is rolled back, so a
superuser's POST to a delete view leaves the next address its data."""

import re
from urllib.parse import quote, quote_from_bytes

import pytest
from django.conf import settings as django_settings
from django.contrib.auth.models import Group, User
from django.core.management import call_command
from django.db import transaction
from django.test import Client
from django.urls import URLResolver, get_resolver, resolve
from django.urls.exceptions import Resolver404
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from wagtail.models import Page

from aanmelden.models import LeerwerkmakelaarAanmelding, Stageaanbod, VrijstellingMelding
from tests.staff_login import login_verified

pytestmark = pytest.mark.django_db

# Anonymous, each queue team, functional admins, both editor groups and a superuser.
ROLES = {
    "anonymous": None,
    "leerplicht": "Leerplicht",
    "wsp": "Werkgeversservicepunt",
    "lwm": "Leerwerkmakelaars",
    "beheer": "Functioneel beheer",
    "redacteur": "Redacteuren",
    "eindredacteur": "Eindredacteuren",
    "superuser": None,
}

# Parameter and field names the site's views read, and a few no view reads.
PARAM_NAMES = [
    "q",
    "search",
    "search_operator",
    "fields",
    "limit",
    "offset",
    "type",
    "child_of",
    "ancestor_of",
    "descendant_of",
    "order",
    "html_path",
    "slug",
    "id",
    "locale",
    "translation_of",
    "tags",
    "page",
    "p",
    "o",
    "status",
    "gemeente",
    "grond",
    "soort",
    "situatie",
    "periode",
    "behandelaar",
    "export",
    "jaar",
    "format",
    "veld",
    "next",
    "doelgroep",
    "thema",
    "regio",
    "wijzig",
    "fout",
    "text",
    "note",
    "transition",
    "user",
    "title",
    "username",
    "password",
    "collection_id",
    "ordering",
    "_",
    "x",
]

NASTY = (
    "\x00",
    "a\x00b",
    "\x01\x08\x0b\x1b\x7f\x85\x9f",
    "\r\n\t",
    '"',
    "'; --",
    "%",
    "%00",
    "../../etc/passwd",
    "x" * 100_000,
    "ä€😀\u200b\ufeff",
    "-1",
    "0",
    "1.5",
    "abc",
    "99999999999999999999999",
    "",
    "*",
    "null",
    "a,b",
    "title(x)",
    "x.y",
)

values = st.one_of(st.sampled_from(NASTY), st.text(max_size=40))
# Raw bytes, percent-encoded as they are: invalid UTF-8 among them.
raw_values = st.binary(max_size=20)
names = st.one_of(st.sampled_from(PARAM_NAMES), st.text(min_size=1, max_size=10))


@st.composite
def query_strings(draw, known=()):
    """A query string: known names of the view's form, site-wide names and odd ones."""
    name_choices = st.one_of(st.sampled_from(known), names) if known else names
    parts = []
    for _ in range(draw(st.integers(1, 4))):
        name = quote(draw(name_choices).encode("utf-8", "surrogatepass"), safe="")
        if draw(st.booleans()):
            value = quote(draw(values).encode("utf-8", "surrogatepass"), safe="")
        else:
            value = quote_from_bytes(draw(raw_values), safe="")
        parts.append(f"{name}={value}")
    return "&".join(parts)


@st.composite
def post_data(draw, known=()):
    name_choices = st.one_of(st.sampled_from(known), names) if known else names
    return {
        draw(name_choices): draw(values).encode("utf-8", "surrogatepass").decode("utf-8", "replace")
        for _ in range(draw(st.integers(1, 5)))
    }


def log_in(client, role):
    """The one way this module logs staff in (both factors settled at once: the test is about
    input, not login)."""
    if ROLES[role] is None and role == "anonymous":
        client.logout()
        return
    user, _created = User.objects.get_or_create(
        username=f"no500-{role}",
        defaults={"is_staff": role == "superuser", "is_superuser": role == "superuser"},
    )
    if ROLES[role]:
        user.groups.add(Group.objects.get(name=ROLES[role]))
    login_verified(client, user)


# --- the addresses ----------------------------------------------------------------------------

NAMED_GROUP = re.compile(r"\(\?P<(\w+)>")


def _patterns(patterns, prefix=""):
    for pattern in patterns:
        regex = prefix + pattern.pattern.regex.pattern.lstrip("^")
        if isinstance(pattern, URLResolver):
            yield from _patterns(pattern.url_patterns, regex.removesuffix("\\Z").rstrip("$"))
        else:
            yield regex, pattern


def _replace_groups(regex, sample):
    """The regex with each named group (nested parentheses and all) replaced by a sample."""
    out = []
    position = 0
    for match in NAMED_GROUP.finditer(regex):
        if match.start() < position:
            continue
        depth, end = 0, match.start()
        while True:
            char = regex[end]
            if char == "\\":
                end += 2
                continue
            depth += {"(": 1, ")": -1}.get(char, 0)
            end += 1
            if depth == 0:
                break
        out.append(regex[position : match.start()])
        out.append(sample(match.group(1), regex[match.end() : end - 1]))
        position = end
    out.append(regex[position:])
    return "".join(out)


def _sample_ids():
    """Ids that exist in the demo content, by what a group's name suggests."""
    page = Page.objects.filter(depth=2).first()
    return {
        "page": page.pk,
        "vrijstellingmelding": VrijstellingMelding.objects.first().pk,
        "stageaanbod": Stageaanbod.objects.first().pk,
        "leerwerkmakelaaraanmelding": LeerwerkmakelaarAanmelding.objects.first().pk,
    }


def url_conf_addresses():
    """One address per pattern of the URL conf that a literal path can reach."""
    ids = _sample_ids()
    addresses, skipped = [], []
    for regex, _pattern in _patterns(get_resolver().url_patterns):
        queue = re.search(r"aanmelden/(\w+)/", regex)

        def sample(name, group_regex, queue=queue):
            if "0-9" in group_regex or "\\d" in group_regex:
                if queue and queue.group(1) in ids:
                    return str(ids[queue.group(1)])
                return str(ids["page"])
            if name in ("app_name",):
                return "moderation"
            if name in ("model_name",):
                return "retentionsettings"
            return "1"

        path = _replace_groups(regex, sample)
        path = path.removesuffix("\\Z").removesuffix("$")
        path = re.sub(r"\\([./\-])", r"\1", path)
        if re.search(r"[()\[\]*+?{}|\\^$]", path):
            skipped.append(regex)
            continue
        try:
            resolve("/" + path)
        except Resolver404:
            skipped.append(regex)
            continue
        addresses.append("/" + path)
    return addresses, skipped


def _wizard_fields(page, wizard):
    """The names a wizard's steps post: each step's fields under its prefix, formsets too."""
    from django.forms.formsets import BaseFormSet

    names = [f"wizard_{page.pk}-current_step", "wizard_goto_step", "add_form", "remove_form"]
    for step, form_class in wizard.form_list:
        if issubclass(form_class, BaseFormSet):
            names += [f"{step}-TOTAL_FORMS", f"{step}-INITIAL_FORMS"]
            names += [f"{step}-0-{name}" for name in form_class.form.base_fields]
        else:
            names += [f"{step}-{name}" for name in form_class.base_fields]
    return tuple(names)


def page_addresses():
    """Every live page of the demo site, and every step of the wizards, with the field names
    their forms post."""
    addresses = {}
    for page in Page.objects.live().filter(depth__gt=1).specific():
        addresses[page.url] = ()
        wizard = getattr(page, "wizard_class", None)
        if wizard is not None:
            fields = _wizard_fields(page, wizard)
            for step, _form in wizard.form_list:
                addresses[f"{page.url}stap/{step}/"] = fields
            addresses[f"{page.url}bevestiging/"] = ()
            addresses[f"{page.url}bevestiging/kopie/"] = ()
    return addresses


@pytest.fixture
def demo(db):
    call_command("load_demo_content", stdout=open("/dev/null", "w"))  # noqa: SIM115


def _request(client, method, url, **kwargs):
    """One request in a savepoint that is rolled back afterwards."""
    with transaction.atomic():
        response = getattr(client, method)(url, **kwargs)
        transaction.set_rollback(True)
    return response


def test_no_address_answers_a_server_error(demo):
    addresses, skipped = url_conf_addresses()
    # Literal paths cover the URL conf; the few patterns that need a regex of their own
    # (Wagtail's page serving, the catch-all 404 of the admin, the revision comparison and the
    # old document addresses) are reached through the pages below and the tests of their own.
    assert len(skipped) <= 4, skipped
    known = dict.fromkeys(addresses, ()) | page_addresses()
    clients = {}
    for role in ROLES:
        clients[role] = Client(raise_request_exception=False)
        log_in(clients[role], role)
    failures = []

    @settings(max_examples=1, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(st.data())
    def sweep(data):
        # Every address anonymously and as one staff role, by GET or POST. The staff role
        # rotates over the addresses from an offset hypothesis draws, so each run pairs every
        # address with another role; every address as every role takes minutes instead.
        staff = [role for role in ROLES if role != "anonymous"]
        offset = data.draw(st.integers(0, len(staff) - 1), label="first staff role")
        for position, (url, fields) in enumerate(known.items()):
            for role in ("anonymous", staff[(offset + position) % len(staff)]):
                client = clients[role]
                if data.draw(st.booleans(), label=f"POST {url}"):
                    post = data.draw(post_data(fields), label=f"fields {url}")
                    response = _request(client, "post", url, data=post)
                    sent = f"POST {url} {str(post)[:300]}"
                else:
                    query = data.draw(query_strings(fields), label=f"query {url}")
                    response = _request(client, "get", f"{url}?{query}")
                    sent = f"GET {url}?{query[:300]}"
                if response.status_code >= 500:
                    failures.append(f"{role} {sent}: {response.status_code}")
                session = client.cookies.get(django_settings.SESSION_COOKIE_NAME)
                if role != "anonymous" and (session is None or not session.value):
                    log_in(client, role)  # a logout or password address ended the session

    sweep()
    assert not failures, "\n".join(failures)
