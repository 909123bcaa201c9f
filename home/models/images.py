"""Former addresses of replaced image files.

A rendition's public address carries the image's file name, and replacing the file in the admin
deletes the old renditions, so every page elsewhere (a newsletter, another site, a search engine)
that embedded the old address would show a broken image. The admin's image form records each
address it deletes here, and the media view redirects it to the image's current file."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.images import get_image_model_string


class FormerImageFile(models.Model):
    path = models.CharField(_("pad"), max_length=255, unique=True)
    image = models.ForeignKey(
        get_image_model_string(), on_delete=models.CASCADE, related_name="former_files"
    )
    # Empty for the original upload, else the rendition's filter ("fill-300x200").
    filter_spec = models.CharField(_("bewerking"), max_length=255, blank=True)
    replaced_at = models.DateTimeField(_("vervangen op"), auto_now_add=True)

    class Meta:
        verbose_name = _("eerder beeldbestand")
        verbose_name_plural = _("eerdere beeldbestanden")

    def __str__(self):
        return self.path

    def current_url(self):
        """Where this address leads now: the same rendition of the current file."""
        if not self.filter_spec:
            return self.image.file.url
        return self.image.get_rendition(self.filter_spec).url
