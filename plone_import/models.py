"""Where every imported Plone item ended up, so a second import updates instead of duplicating."""

from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class Origin(models.Model):
    """One Plone UID and the Wagtail object (page, document, image or redirect) made from it."""

    class Kind(models.TextChoices):
        PAGE = "page", _("pagina")
        DOCUMENT = "document", _("document")
        IMAGE = "image", _("afbeelding")
        LINK = "link", _("link (doorverwijzing)")

    uid = models.CharField(_("Plone-UID"), max_length=64, unique=True)
    portal_type = models.CharField(_("Plone-type"), max_length=100)
    kind = models.CharField(_("soort"), max_length=20, choices=Kind.choices)
    content_type = models.ForeignKey(
        ContentType, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    object_id = models.PositiveBigIntegerField(null=True, blank=True)
    target = GenericForeignKey("content_type", "object_id")
    old_path = models.CharField(_("oud pad"), max_length=1024, db_index=True)
    # sha256 of the exported item: unchanged items are skipped on the next run.
    checksum = models.CharField(max_length=64, blank=True)
    modified = models.CharField(_("gewijzigd in Plone"), max_length=40, blank=True)
    # A Link item's remoteUrl: links to the Link (resolveuid/<its UID>) lead there.
    remote_url = models.CharField(_("adres van de link"), max_length=2048, blank=True)
    # References that could only be resolved once every item exists (the link pass).
    pending = models.JSONField(null=True, blank=True)
    imported_at = models.DateTimeField(_("geïmporteerd op"), auto_now=True)

    class Meta:
        verbose_name = _("Plone-herkomst")
        verbose_name_plural = _("Plone-herkomsten")
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self):
        return f"{self.portal_type} {self.old_path} ({self.uid})"
