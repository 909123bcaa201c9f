"""An editor (Redacteuren) creates a scheme in the Dutch admin and submits it for review; an
eindredacteur (Eindredacteuren) approves it, which publishes it."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import TaskState
from wagtail.test.utils.form_data import querydict_from_html

from demo.factories.goodpractices import DoelgroepFactory
from demo.factories.regelingen import RegelingIndexPageFactory
from regelingen.models import RegelingPage
from tests.staff_login import login_verified

pytestmark = pytest.mark.django_db


def staff(django_user_model, username, group):
    user = django_user_model.objects.create_user(username=username, password="x", is_staff=False)
    user.groups.add(Group.objects.get(name=group))
    return user


def test_editor_submits_and_eindredacteur_publishes(client, django_user_model):
    index = RegelingIndexPageFactory()
    vso = DoelgroepFactory(slug="vso", name="VSO")
    editor = staff(django_user_model, "redacteur", "Redacteuren")
    chief = staff(django_user_model, "eindredacteur", "Eindredacteuren")

    login_verified(client, editor)
    add_url = reverse("wagtailadmin_pages:add", args=("regelingen", "regelingpage", index.pk))
    form_page = client.get(add_url)
    assert form_page.status_code == 200
    assert "Bewaar concept" in form_page.content.decode()  # the admin speaks Dutch
    data = querydict_from_html(form_page.content.decode(), form_id="page-edit-form")
    data["title"] = "Nieuwe stageregeling"
    data["slug"] = "nieuwe-stageregeling"
    data["summary"] = "Hulp bij het vinden van een stage."
    data["start_date"] = "2025-01-01"
    data.setlist("target_groups", [str(vso.pk)])
    # StreamFields are drawn by the admin's JavaScript; an empty one posts only its count.
    data["body-count"] = "0"
    data["faq-count"] = "0"
    data["action-submit"] = "1"
    response = client.post(add_url, data)
    assert response.status_code == 302, response.content.decode()[:2000]

    scheme = RegelingPage.objects.get(slug="nieuwe-stageregeling")
    assert not scheme.live
    assert scheme.owner == editor
    workflow_state = scheme.current_workflow_state
    assert workflow_state is not None and workflow_state.workflow.name == "Eindredactie"
    # The editor cannot publish it themselves.
    assert not scheme.permissions_for_user(editor).can_publish()

    login_verified(client, chief)
    task_state = TaskState.objects.get(workflow_state=workflow_state, status="in_progress")
    approve_url = reverse(
        "wagtailadmin_pages:workflow_action", args=(scheme.pk, "approve", task_state.pk)
    )
    response = client.post(approve_url, {"comment": "Akkoord"})
    assert response.status_code in (200, 302)

    scheme.refresh_from_db()
    assert scheme.live
    assert list(scheme.target_groups.values_list("slug", flat=True)) == ["vso"]
    client.logout()
    public = client.get("/regelingen/nieuwe-stageregeling/")
    assert public.status_code == 200
    assert "Hulp bij het vinden van een stage." in public.content.decode()
