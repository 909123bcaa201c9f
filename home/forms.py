"""The admin's image form, which keeps the public addresses of a replaced image file."""

from django.db import transaction
from wagtail.images.forms import BaseImageForm

from .models import FormerImageFile


class ImageForm(BaseImageForm):
    """Wagtail's image form (WAGTAILIMAGES_IMAGE_FORM_BASE), which records every address that
    replacing the file removes, so the media view can redirect it to the new file."""

    def save(self, commit=True):
        replaced = (
            commit and self.instance.pk and "file" in self.changed_data and self.original_file
        )
        if not replaced:
            return super().save(commit=commit)
        former = [(self.original_file.name, "")] + [
            (rendition.file.name, rendition.filter_spec)
            for rendition in self.instance.renditions.all()
        ]
        with transaction.atomic():
            image = super().save(commit=commit)
            for path, filter_spec in former:
                FormerImageFile.objects.update_or_create(
                    path=path, defaults={"image": image, "filter_spec": filter_spec}
                )
        return image
