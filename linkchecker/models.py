"""One row per link found on a published page, with the outcome of its last check, so the admin
report reads a table instead of checking anything itself."""

import hashlib

from django.db import models
from django.utils.translation import gettext_lazy as _


class CheckedLink(models.Model):
    class Kind(models.TextChoices):
        INTERNAL = "internal", _("Intern")
        EXTERNAL = "external", _("Extern")

    # Stable identity of a link over runs: page, field, address and text.
    key = models.CharField(max_length=64, unique=True, editable=False)
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("pagina"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    field = models.CharField(_("veld"), max_length=100, blank=True)
    url = models.CharField(_("adres"), max_length=2000)
    text = models.CharField(_("linktekst"), max_length=500, blank=True)
    kind = models.CharField(_("soort"), max_length=10, choices=Kind.choices)
    broken = models.BooleanField(_("kapot"), default=False, db_index=True)
    status_code = models.PositiveSmallIntegerField(_("HTTP-status"), null=True, blank=True)
    error = models.CharField(_("fout"), max_length=500, blank=True)
    # Where a redirect ends: not broken, shown so editors can update the link.
    final_url = models.CharField(_("eindadres"), max_length=2000, blank=True)
    last_checked_at = models.DateTimeField(_("laatst gecontroleerd"), null=True, blank=True)
    first_broken_at = models.DateTimeField(_("kapot sinds"), null=True, blank=True)
    last_seen_at = models.DateTimeField(_("laatst gezien"))

    class Meta:
        verbose_name = _("gecontroleerde link")
        verbose_name_plural = _("gecontroleerde links")
        ordering = ["page_id", "field", "url"]

    def __str__(self):
        return self.url

    @staticmethod
    def make_key(page_id, field, url, text):
        raw = "\x1f".join([str(page_id), field, url, text])
        return hashlib.sha256(raw.encode()).hexdigest()

    @property
    def redirected(self):
        return bool(self.final_url) and not self.broken
