"""Admin URLs of the queue by name, through ``reverse()``: the one place outside admin.py that
knows how the registration names them, so code, mails and tests never spell out a path."""

from django.urls import reverse

REPORT_URL_NAME = "aanmelden_jaarcijfers"


def base_url_path(model):
    """The queue's path under /admin/: the submission's app and model name, as it always was."""
    return f"{model._meta.app_label}/{model._meta.model_name}"


def url_name(model, action):
    return f"{base_url_path(model).replace('/', '_')}_modeladmin_{action}"


def index_url(model):
    return reverse(url_name(model, "index"))


def action_url(model, action, pk):
    """inspect, transition, assign, note, download, subject_export or erase of one submission."""
    return reverse(url_name(model, action), args=[pk])


def inspect_url(submission):
    return action_url(type(submission), "inspect", submission.pk)


def report_url():
    return reverse(REPORT_URL_NAME)


def retention_settings_url(site_pk=None):
    """The edit page of the retention settings (of one site, or of the current one)."""
    args = ["moderation", "retentionsettings"] + ([site_pk] if site_pk is not None else [])
    return reverse("wagtailsettings:edit", args=args)
