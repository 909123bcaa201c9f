"""Every page type the site has renders in the admin's preview, saved or not yet saved: a new page
type without a working preview fails here."""

import io

import pytest
from django.core.management import call_command
from modelcluster.fields import ParentalManyToManyField
from wagtail.models import Page, get_page_models

pytestmark = pytest.mark.django_db

OUR_APPS = {"home", "regelingen", "goodpractices", "aanmelden"}


def page_types():
    return [
        model
        for model in get_page_models()
        if model._meta.app_label in OUR_APPS and not model._meta.abstract and model.is_creatable
    ]


@pytest.fixture
def demo_pages():
    call_command("load_demo_content", stdout=io.StringIO())
    return {type(page): page for page in Page.objects.filter(depth__gt=1).specific()}


def as_from_the_edit_form(page):
    """The page as the admin's edit form hands it to the preview: its many-to-many choices held
    in memory by modelcluster, not in the database."""
    for field in type(page)._meta.get_fields():
        if isinstance(field, ParentalManyToManyField):
            setattr(page, field.name, list(getattr(page, field.name).all()))
    return page


def not_yet_saved(page):
    """A new page of the same type with the same field values, placed under the same parent, as
    the admin's preview has it before the first save."""
    model = type(page)
    skipped = {"id", "page_ptr_id", "path", "live_revision_id", "latest_revision_id"}
    values = {
        field.attname: getattr(page, field.attname)
        for field in model._meta.concrete_fields
        if field.attname not in skipped
    }
    new = model(**values)
    new.slug = f"{page.slug}-nieuw"
    new.path = page.get_parent().path + "ZZZZ"
    new.set_url_path(page.get_parent())
    for field in model._meta.get_fields():
        if isinstance(field, ParentalManyToManyField):
            setattr(new, field.name, list(getattr(page, field.name).all()))
    return new


def test_the_demo_has_a_page_of_every_type(demo_pages):
    assert set(page_types()) <= set(demo_pages)


@pytest.mark.parametrize("saved", [True, False], ids=["saved", "new"])
def test_every_page_type_renders_in_the_preview(rf, admin_user, demo_pages, saved):
    failures = []
    for model in page_types():
        page = as_from_the_edit_form(demo_pages[model])
        if not saved:
            page = not_yet_saved(page)
        for mode, _label in page.preview_modes:
            request = rf.get("/admin/")
            request.user = admin_user
            response = page.make_preview_request(request, mode)
            if response.status_code != 200 or page.title not in response.content.decode():
                failures.append((model.__name__, mode, response.status_code))
    assert failures == []


def test_the_admin_may_frame_a_preview_but_nobody_frames_the_public_page(
    rf, admin_user, demo_pages, client
):
    page = demo_pages[page_types()[0]]
    request = rf.get("/admin/")
    request.user = admin_user
    preview = page.make_preview_request(request, page.default_preview_mode)
    assert "frame-ancestors 'self'" in preview["Content-Security-Policy"]
    public = client.get(page.url)
    assert "frame-ancestors 'none'" in public["Content-Security-Policy"]
