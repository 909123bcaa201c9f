"""Every page type previews in the editor's side panel at each device width, and Wagtail's checks
panel runs on that preview: it flags the problem planted in each page's draft, a paragraph posing
as a heading (the editorial journey plants a skipped heading level and a file name as alt text).
No admin page logs an error on the console, also not the table editor."""

import io

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from playwright.sync_api import expect
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.rich_text import RichText

from tests.browser.admin_session import PASSWORD, AdminSession, preview, show_side_panel
from tests.home.test_preview import page_types

pytestmark = pytest.mark.django_db(transaction=True)

# Bold and italic, then plain text: a paragraph dressed up as a heading (axe's p-as-heading),
# which an editor can write in every rich text field of every page type.
BOLD_PARAGRAPH = (
    "<p><b><i>Voor wie is dit?</i></b></p><p>Voor jongeren en hun ouders in de regio.</p>"
)
PROBLEM = "Paragrafen gebruikt als koppen"
SIZES = (("desktop", 1280), ("tablet", 768), ("mobile", 375))


def plant_bold_paragraph(page, user):
    """A draft with a paragraph posing as a heading, which screen readers do not announce as one:
    in the body, or else in the first rich text field the page type has."""
    if "body" in {field.name for field in page._meta.get_fields()}:
        page.body.append(("paragraph", RichText(BOLD_PARAGRAPH)))
    else:
        field = next(f for f in page._meta.get_fields() if isinstance(f, RichTextField))
        setattr(page, field.name, (getattr(page, field.name) or "") + BOLD_PARAGRAPH)
    page.save_revision(user=user)


def test_every_page_type_previews_at_each_width_and_the_checks_flag_a_planted_problem(
    chromium, live_server, server
):
    call_command("load_demo_content", stdout=io.StringIO())
    admin = User.objects.create_superuser("beheerder", "beheer@example.org", PASSWORD)
    pages = {type(page): page for page in Page.objects.filter(depth__gt=1).specific()}
    types = page_types()
    for model in types:
        plant_bold_paragraph(pages[model], admin)

    session = AdminSession(chromium, live_server, "beheerder")
    page = session.page
    try:
        for model in types:
            page.goto(f"/admin/pages/{pages[model].pk}/edit/")
            show_side_panel(page, "Toon/verberg voorvertoning")
            for size, width in SIZES:
                page.locator(f"label.w-preview__size-button:has(input[value={size}])").click()
                heading = preview(page).get_by_role("heading", level=1)
                expect(heading).to_be_visible()
                inner_width = heading.evaluate("h1 => h1.ownerDocument.defaultView.innerWidth")
                assert inner_width == width, (model.__name__, size)
            show_side_panel(page, "Checks aan/uitzetten")
            problems = page.locator("[data-checks-panel] [data-content-checker-name]")
            expect(problems.filter(has_text=PROBLEM)).to_have_count(1)
    finally:
        session.close()
    assert len(session.checker_reports) >= len(types)
    assert session.errors == []
