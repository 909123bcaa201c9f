"""An editor adds an event in the Dutch admin: the form shows the Dutch labels, an end before
the start is refused with a message at the field, a whole-day event is saved as such."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.test.utils.form_data import querydict_from_html

from demo.factories.events import EventIndexPageFactory
from demo.factories.news import NewsIndexPageFactory
from events.models import EventPage
from news.models import NewsPage
from tests.staff_login import login_verified

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client, django_user_model):
    user = django_user_model.objects.create_user(username="redacteur", password="x")
    user.groups.add(Group.objects.get(name="Redacteuren"))
    login_verified(client, user)
    return user


def test_an_editor_adds_an_event(client, editor):
    index = EventIndexPageFactory()
    add_url = reverse("wagtailadmin_pages:add", args=("events", "eventpage", index.pk))
    form_page = client.get(add_url)
    assert form_page.status_code == 200
    html = form_page.content.decode()
    for label in ("Begin", "Einde", "Hele dag", "Locatie", "Organisator", "Aanmeldlink"):
        assert label in html, label
    data = querydict_from_html(html, form_id="page-edit-form")
    data.update(
        title="Open dag",
        slug="open-dag",
        start="2027-04-02 10:00",
        end="2027-04-01 12:00",
        location="Nova College",
        organiser="Leerplein",
        registration_url="https://aanmelden.example/open-dag",
    )
    data["body-count"] = "0"
    refused = client.post(add_url, data)
    assert refused.status_code == 200
    assert "Het einde ligt voor het begin." in refused.content.decode()
    assert not EventPage.objects.exists()

    data.update(end="2027-04-03 12:00", all_day="on")
    response = client.post(add_url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    event = EventPage.objects.get(slug="open-dag")
    assert event.all_day and event.location == "Nova College"
    days = (event.start_date.isoformat(), event.end_date.isoformat())
    assert days == ("2027-04-02", "2027-04-03")


def test_an_editor_adds_a_news_item_with_its_date(client, editor):
    index = NewsIndexPageFactory()
    add_url = reverse("wagtailadmin_pages:add", args=("news", "newspage", index.pk))
    form_page = client.get(add_url)
    assert form_page.status_code == 200
    data = querydict_from_html(form_page.content.decode(), form_id="page-edit-form")
    data.update(title="Nieuw bericht", slug="nieuw-bericht", date="2026-10-05")
    data["body-count"] = "0"
    response = client.post(add_url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert NewsPage.objects.get(slug="nieuw-bericht").date.isoformat() == "2026-10-05"
