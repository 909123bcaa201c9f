"""The page editor's additions."""

from django.templatetags.static import static
from django.utils.html import format_html
from wagtail import hooks


@hooks.register("insert_editor_js")
def table_editor_in_dutch():
    """The table block's editor (Handsontable) in the admin's language, without the console error
    it logs for a language it does not know."""
    return format_html('<script src="{}"></script>', static("js/table-nl.js"))
