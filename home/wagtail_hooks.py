"""Wagtail hooks of the home app: the page editor's additions, and pages served only in their own
language."""

from django.http import Http404
from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.translation import get_language
from wagtail import hooks

from home.languages import locale_codes


@hooks.register("insert_editor_js")
def table_editor_in_dutch():
    """The table block's editor (Handsontable) in the admin's language, without the console error
    it logs for a language it does not know."""
    return format_html('<script src="{}"></script>', static("js/table-nl.js"))


@hooks.register("before_serve_page")
def serve_only_in_its_language(page, request, serve_args, serve_kwargs):
    """A page answers only at the address of its own language. Wagtail routes an English
    address through the Dutch tree while the English home page is not live; the 404 then says
    the page is only in Dutch and links to it."""
    if locale_codes().get(page.locale_id) != get_language():
        raise Http404
