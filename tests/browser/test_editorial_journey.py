"""The editorial journey in the real admin (Chromium), as a Redacteur and an Eindredacteur: draft a
scheme with an image and a PDF, preview it at three widths, let the checks panel flag the planted
problems (a skipped heading level, a file name as alt text), submit, request changes, fix,
approve with a go-live time, see it go live when the scheduled job runs after that time, replace
the PDF and follow the old link. No admin page logs an error on the console throughout.

With EDITORS_SCREENSHOTS=<folder> the test saves the screenshots of docs/editors.md there.
"""

import datetime
import io
import os
from pathlib import Path
from unittest import mock

import pytest
from django.contrib.auth.models import Group, User
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.core.management import call_command
from django.utils import timezone
from PIL import Image as PILImage
from playwright.sync_api import expect
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from demo.factories.regelingen import RegelingIndexPageFactory
from regelingen.models import RegelingPage
from tests.browser.admin_session import PASSWORD, AdminSession, preview, toggle_side_panel
from tests.browser.navigation import click_and_wait

pytestmark = pytest.mark.django_db(transaction=True)

OLD_PDF = b"%PDF-1.4\n% Subsidieregeling 2026\n%%EOF\n"
NEW_PDF = b"%PDF-1.4\n% Subsidieregeling 2027, herziene versie\n%%EOF\n"
SCREENSHOTS = os.environ.get("EDITORS_SCREENSHOTS", "")
CHANGES_COMMENT = "Kop 4 moet kop 2 zijn, en de alt-tekst is een bestandsnaam."
GO_LIVE_DELAY = datetime.timedelta(minutes=2)


def shoot(page, name):
    """A screenshot for the editors' guide, only when asked for."""
    if SCREENSHOTS:
        folder = Path(SCREENSHOTS)
        folder.mkdir(parents=True, exist_ok=True)
        shot = PILImage.open(io.BytesIO(page.screenshot())).quantize(colors=128)
        shot.save(folder / f"{name}.png", optimize=True)


def editor(username, group_name, first_name):
    user = User.objects.create_user(username, password=PASSWORD, first_name=first_name)
    user.groups.add(Group.objects.get(name=group_name))
    return user


def library():
    """An image and a PDF already in the media library, as editors upload them."""
    buffer = io.BytesIO()
    PILImage.new("RGB", (640, 360), (0, 120, 110)).save(buffer, "PNG")
    image = get_image_model().objects.create(
        title="Leerlingen in de werkplaats", file=ImageFile(buffer, name="werkplaats.png")
    )
    document = get_document_model().objects.create(
        title="Subsidieregeling 2026", file=ContentFile(OLD_PDF, name="subsidieregeling-2026.pdf")
    )
    return image, document


def settle(page):
    """Wait until Wagtail has autosaved the editor's last change: the form's unsaved-changes
    watcher (which looks every half second) holds the saved state for a second. An explicit save
    while that autosave is still due would make it overwrite a newer revision, which Wagtail
    refuses."""
    page.wait_for_function(
        """() => {
          const form = document.querySelector("form[data-w-autosave-interval-value]");
          const watcher = wagtail.app.getControllerForElementAndIdentifier(form, "w-unsaved");
          const saved =
            watcher.initialFormData !== undefined && watcher.formData === watcher.initialFormData;
          if (!saved) {
            delete form.dataset.savedSince;
            return false;
          }
          form.dataset.savedSince ??= String(performance.now());
          return performance.now() - Number(form.dataset.savedSince) > 1000;
        }""",
        polling=100,
    )


def footer_action(page, name):
    """A page action from the footer's "more actions" menu."""
    page.locator("footer .w-dropdown__toggle").click()
    return page.locator("footer").get_by_role("button", name=name, exact=True)


def add_block(page, label):
    body = page.locator("#panel-child-inhoud-body-section")
    body.get_by_title("Blok invoegen").last.click()
    page.get_by_role("option", name=label, exact=True).click()


def choose(page, button_name, item_name):
    page.get_by_role("button", name=button_name).last.click()
    modal = page.locator(".modal-dialog")
    modal.get_by_role("link", name=item_name).first.click()
    modal.wait_for(state="hidden")


def run_scheduled_job_at(moment):
    """The scheduled job (`publish_scheduled`, every minute) as it runs when the clock says
    `moment`: the test does not wait for the go-live time to come."""
    with mock.patch("django.utils.timezone.now", return_value=moment):
        call_command("publish_scheduled", stdout=io.StringIO())


def test_editorial_journey(chromium, live_server, server):
    index = RegelingIndexPageFactory()
    editor("redacteur1", "Redacteuren", "Roos")
    editor("eindredacteur1", "Eindredacteuren", "Erik")
    image, document = library()

    redacteur = AdminSession(chromium, live_server, "redacteur1")
    eindredacteur = AdminSession(chromium, live_server, "eindredacteur1")
    try:
        # The Redacteur drafts the scheme, with two problems planted for the checks.
        page = redacteur.page
        page.goto(f"/admin/pages/add/regelingen/regelingpage/{index.pk}/")
        page.fill("#id_title", "Subsidie werkplekleren")
        page.fill("#id_summary", "Werkgevers krijgen een bijdrage voor elke leerwerkplek.")
        add_block(page, "Kop")
        page.fill("#body-0-value-text", "Voor wie")
        page.select_option("#body-0-value-level", "h4")  # planted: h1 straight to h4
        add_block(page, "Afbeelding")
        choose(page, "Kies een afbeelding", image.title)
        page.fill("#body-1-value-image-alt_text", "IMG_2041.jpg")  # planted: a file name
        add_block(page, "Document")
        choose(page, "Kies een document", document.title)
        settle(page)
        shoot(page, "01-nieuwe-regeling")
        click_and_wait(page.get_by_role("button", name="Bewaar concept"))
        with server.quiet():
            scheme = RegelingPage.objects.get(title="Subsidie werkplekleren")
            assert not scheme.live
        edit_url = f"/admin/pages/{scheme.pk}/edit/"
        page.wait_for_url(f"**{edit_url}")

        # Preview in the side panel at each device width.
        toggle_side_panel(page, "Toon/verberg voorvertoning")
        for size, width in (("desktop", 1280), ("tablet", 768), ("mobile", 375)):
            page.locator(f"label.w-preview__size-button:has(input[value={size}])").click()
            heading = preview(page).get_by_role("heading", level=1)
            expect(heading).to_have_text("Subsidie werkplekleren")
            inner_width = heading.evaluate("h1 => h1.ownerDocument.defaultView.innerWidth")
            assert inner_width == width, size
        expect(preview(page).get_by_role("link", name="Subsidieregeling 2026")).to_be_visible()
        shoot(page, "02-voorvertoning-mobiel")

        # The checks panel runs Wagtail's accessibility checks on the preview.
        toggle_side_panel(page, "Checks aan/uitzetten")
        checks = page.locator("[data-checks-panel]")
        names = checks.locator("[data-content-checker-name]")
        names.nth(1).wait_for()
        assert sorted(names.all_inner_texts()) == [
            "Afbeelding alt tekst bevat een verdacht patroon",
            "Verkeerd gebruik kopniveaus",
        ]
        assert page.locator("[data-content-checker-count]").inner_text() == "2"
        shoot(page, "03-checks")
        toggle_side_panel(page, "Checks aan/uitzetten")

        click_and_wait(footer_action(page, "Stuur door naar Eindredactie"))
        expect(page.locator(".messages")).to_contain_text("is ter goedkeuring ingediend")

        # The Eindredacteur asks for changes, with a comment.
        page = eindredacteur.page
        page.goto(edit_url)
        footer_action(page, "Wijzigingsverzoek").click()
        modal = page.locator(".modal-dialog")
        modal.locator("textarea[name=comment]").fill(CHANGES_COMMENT)
        shoot(page, "04-wijzigingen-vragen")
        click_and_wait(modal.locator("button[type=submit]"))
        expect(page.locator(".messages")).to_contain_text("is gewijzigd")

        # The Redacteur reads the comment and fixes both problems; the checks find nothing now.
        page = redacteur.page
        page.goto(edit_url)
        reports_before_fix = len(redacteur.checker_reports)
        toggle_side_panel(page, "Toon/verberg status")
        page.locator("[data-a11y-dialog-show=workflow-status-dialog]").first.click()
        status = page.locator("#workflow-status-dialog")
        expect(status).to_contain_text("Wijzigingen aangevraagd door Erik")
        expect(status).to_contain_text(CHANGES_COMMENT)
        shoot(page, "05-opmerking")
        status.get_by_role("button", name="Sluit dialoog").click()
        toggle_side_panel(page, "Toon/verberg status")
        page.select_option("#body-0-value-level", "h2")
        page.fill("#body-1-value-image-alt_text", "Twee leerlingen aan het werk in de werkplaats")
        settle(page)
        toggle_side_panel(page, "Checks aan/uitzetten")
        expect(page.locator("[data-content-checker-count]")).to_have_text("0")
        expect(page.locator("[data-checks-panel] [data-content-checker-name]")).to_have_count(0)
        assert len(redacteur.checker_reports) == reports_before_fix
        toggle_side_panel(page, "Checks aan/uitzetten")
        click_and_wait(footer_action(page, "Stuur opnieuw door naar Goedkeuring eindredactie"))
        expect(page.locator(".messages")).to_contain_text("is ter goedkeuring ingediend")

        # The Eindredacteur sets a go-live time and approves: the scheme is scheduled, not live.
        page = eindredacteur.page
        page.goto(edit_url)
        toggle_side_panel(page, "Toon/verberg status")
        page.locator("[data-a11y-dialog-show=schedule-publishing-dialog]").first.click()
        schedule = page.locator("#schedule-publishing-dialog")
        go_live_at = (timezone.localtime() + GO_LIVE_DELAY).replace(second=0, microsecond=0)
        # Written as the date picker writes a chosen time (its calendar pop-up stays closed).
        page.locator("#id_go_live_at").evaluate(
            "(input, value) => { input.value = value; input.dispatchEvent(new Event('change')); }",
            go_live_at.strftime("%Y-%m-%d %H:%M"),
        )
        shoot(page, "06-publicatie-plannen")
        settle(page)
        click_and_wait(schedule.get_by_role("button", name="Schema opslaan"))
        click_and_wait(footer_action(page, "Goedkeuren en publiceren"))
        expect(page.locator(".messages")).to_contain_text("is gewijzigd")
        with server.quiet():
            scheme.refresh_from_db()
            assert not scheme.live
            assert scheme.workflow_states.get().status == "approved"
            scheduled = scheme.revisions.get(approved_go_live_at__isnull=False)
            assert scheduled.approved_go_live_at == go_live_at

        # The scheduled job (every minute) puts it live at its time, not a minute before.
        visitor = chromium.new_context(base_url=live_server.url, locale="nl-NL")
        public_url = "/regelingen/subsidie-werkplekleren/"
        for moment, status in (
            (timezone.now(), 404),
            (go_live_at - datetime.timedelta(seconds=1), 404),
            (go_live_at + datetime.timedelta(seconds=1), 200),
        ):
            with server.quiet():
                run_scheduled_job_at(moment)
            assert visitor.request.get(public_url).status == status, moment
        public = visitor.new_page()
        public.set_viewport_size({"width": 1280, "height": 800})
        public.goto(public_url)
        expect(public.get_by_role("heading", level=1)).to_have_text("Subsidie werkplekleren")
        expect(public.get_by_role("heading", level=2, name="Voor wie")).to_be_visible()
        expect(
            public.get_by_alt_text("Twee leerlingen aan het werk in de werkplaats")
        ).to_be_visible()
        old_link = public.get_by_role("link", name="Subsidieregeling 2026").get_attribute("href")
        shoot(public, "07-live")

        # The Redacteur replaces the PDF; the old link leads to the new file.
        page = redacteur.page
        page.goto(f"/admin/documents/edit/{document.pk}/")
        page.locator("#id_file").set_input_files(
            files=[
                {
                    "name": "subsidieregeling-2027.pdf",
                    "mimeType": "application/pdf",
                    "buffer": NEW_PDF,
                }
            ]
        )
        shoot(page, "08-document-vervangen")
        click_and_wait(page.get_by_role("button", name="Opslaan"))
        expect(page.locator(".messages")).to_contain_text("Subsidieregeling 2026")
        moved = visitor.request.get(old_link, max_redirects=0)
        assert moved.status == 301
        assert moved.headers["location"].endswith("subsidieregeling-2027.pdf")
        assert visitor.request.get(old_link).body() == NEW_PDF
        public.reload()
        new_link = public.get_by_role("link", name="Subsidieregeling 2026").get_attribute("href")
        assert new_link == moved.headers["location"]
        visitor.close()
    finally:
        redacteur.close()
        eindredacteur.close()
    assert redacteur.checker_reports, "the checker reported the planted problems on the console"
    assert redacteur.errors == []
    assert eindredacteur.errors == []
