"""Wagtail hooks of the home app."""

from django.http import Http404
from django.utils.translation import get_language
from wagtail import hooks

from home.languages import locale_codes


@hooks.register("before_serve_page")
def serve_only_in_its_language(page, request, serve_args, serve_kwargs):
    """A page answers only at the address of its own language. Wagtail routes an English
    address through the Dutch tree while the English home page is not live; the 404 then says
    the page is only in Dutch and links to it."""
    if locale_codes().get(page.locale_id) != get_language():
        raise Http404
