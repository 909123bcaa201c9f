"""Site-wide views: search, document downloads, health check, robots.txt, security.txt and error
pages."""

import datetime

from django.conf import settings
from django.core.exceptions import (
    RequestDataTooBig,
    TooManyFieldsSent,
    TooManyFilesSent,
)
from django.core.paginator import Paginator
from django.db import connection
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language_from_path
from django.views.decorators.cache import cache_control, never_cache
from django.views.decorators.http import require_GET
from django.views.static import serve as serve_static
from wagtail.documents import get_document_model
from wagtail.documents.views.serve import serve as wagtail_serve_document

from .languages import dutch_page_for
from .models import FormerImageFile
from .search import search_pages

SEARCH_PAGE_SIZE = 10
TOO_LARGE = (RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent)
SECURITY_TXT_VALID_FOR = datetime.timedelta(days=180)


@require_GET
def search(request):
    """Full-text search over live pages, optionally narrowed to one page type."""
    query = request.GET.get("q", "").strip()[:200]
    selected_type = request.GET.get("type", "")
    results, type_facets = search_pages(query, selected_type)

    paginator = Paginator(results, SEARCH_PAGE_SIZE)
    page_obj = paginator.get_page(request.GET.get("page"))

    return TemplateResponse(
        request,
        "pages/search.html",
        {
            "search_query": query,
            "selected_type": selected_type,
            "type_facets": type_facets,
            "page_obj": page_obj,
            "results": page_obj.object_list,
            "paginator": paginator,
        },
    )


@never_cache
@require_GET
def healthz(request):
    """For load balancers: 200 when the database answers, 503 when it does not."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:  # noqa: BLE001 - any database failure means unhealthy
        return JsonResponse({"status": "error", "database": "unreachable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


@require_GET
@cache_control(max_age=3600, public=True)
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /zoeken/",
        "Disallow: /aanmelden/*/stap/",
        "Disallow: /en/aanmelden/*/stap/",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


@require_GET
@cache_control(max_age=3600, public=True)
def security_txt(request):
    """RFC 9116: where to report a vulnerability."""
    contact = settings.SECURITY_CONTACT
    # RFC 9116 asks for an expiry less than a year ahead; a fixed date would go stale.
    expires = (timezone.now() + SECURITY_TXT_VALID_FOR).replace(microsecond=0)
    lines = [
        f"Contact: {contact}",
        f"Expires: {expires.astimezone(datetime.UTC).strftime('%Y-%m-%dT%H:%M:%SZ')}",
        "Preferred-Languages: nl, en",
        f"Canonical: {request.build_absolute_uri(request.path)}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def bad_request(request, exception=None):
    """400 in Dutch; a body over DATA_UPLOAD_MAX_MEMORY_SIZE (or too many fields or files) gets
    413 instead, which says what to do about it. Django answers both with its 400 handler."""
    if isinstance(exception, TOO_LARGE):
        return render(request, "413.html", status=413)
    return render(request, "400.html", status=400)


def permission_denied(request, exception=None):
    """403 in Dutch, in the site's layout (staff get a way back to the admin)."""
    return render(
        request,
        "403.html",
        {"in_admin": request.path_info.startswith(("/admin/", "/django-admin/"))},
        status=403,
    )


def page_not_found(request, exception=None):
    """Not found; an English address of a page that exists only in Dutch says so and links it."""
    dutch_page = None
    language = get_language_from_path(request.path_info)
    if language and language != settings.LANGUAGE_CODE:
        dutch_path = request.path_info[len(language) + 1 :]
        dutch_page = dutch_page_for(request, dutch_path)
    return render(request, "404.html", {"dutch_page": dutch_page}, status=404)


def server_error(request):
    # No context processors or database: the error may be the database itself.
    from django.template import loader

    return HttpResponse(loader.get_template("500.html").render(), status=500)


def csrf_failure(request, reason=""):
    """A Dutch explanation instead of Django's English 403 when a form session expired."""
    return render(request, "403_csrf.html", status=403)


def serve_document(request, document_id, document_filename):
    """Wagtail's document download, with one address per document that outlives its file.

    Wagtail's address carries the file name, so replacing the file would leave every link to
    the old one answering 404. An address with another file name redirects permanently to the
    current one instead, when the visitor may see the document; the rest is Wagtail's view,
    with its permission checks for private collections."""
    document = (
        get_document_model().objects.select_related("collection").filter(pk=document_id).first()
    )
    if (
        document is not None
        and document.filename != document_filename
        and all(
            restriction.accept_request(request)
            for restriction in document.collection.get_view_restrictions()
        )
    ):
        return redirect(document.url, permanent=True)
    return wagtail_serve_document(request, document_id, document_filename)


@require_GET
@cache_control(max_age=86400, public=True)
def serve_media(request, path):
    """Public media (images and their renditions) for set-ups without a separate web server.

    An address of an image file that an editor has since replaced redirects permanently to the
    same rendition of the new file; anything else unknown answers 404."""
    try:
        return serve_static(request, path, document_root=settings.MEDIA_ROOT)
    except Http404:
        former = FormerImageFile.objects.select_related("image").filter(path=path).first()
        if former is None:
            raise
        return redirect(former.current_url(), permanent=True)
