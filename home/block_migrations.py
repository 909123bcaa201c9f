"""StreamField data migration of the "image" body block, shared by every app whose pages hold it.

The block used to keep image, alt text, decorative and caption side by side; it now nests the
first three in Wagtail's own ImageBlock: {"image": {"image", "alt_text", "decorative"}, "caption"}.
Migrations import this module, so its names stay stable.
"""

from django.db import migrations
from django.utils.deconstruct import deconstructible
from wagtail.blocks.migrations.migrate_operation import MigrateStreamData
from wagtail.blocks.migrations.operations import BaseBlockOperation


@deconstructible
class NestImageWithAltText(BaseBlockOperation):
    """Moves image, alt text and decorative into one nested value, or back with ``reverse``.

    A value already in the target shape is left as it is, so a revision saved under either
    code version migrates safely.
    """

    def __init__(self, reverse=False):
        super().__init__()
        self.reverse = reverse

    def apply(self, block_value):
        nested = isinstance(block_value.get("image"), dict)
        if self.reverse:
            return self.flatten(block_value) if nested else block_value
        return block_value if nested else self.nest(block_value)

    @staticmethod
    def nest(value):
        return {
            "image": {
                "image": value.get("image"),
                "alt_text": value.get("alt_text") or "",
                "decorative": bool(value.get("decorative")),
            },
            "caption": value.get("caption") or "",
        }

    @staticmethod
    def flatten(value):
        image = value["image"]
        return {
            "image": image.get("image"),
            "alt_text": image.get("alt_text") or "",
            "decorative": bool(image.get("decorative")),
            "caption": value.get("caption") or "",
        }

    @property
    def operation_name_fragment(self):
        return "flatten_image_block" if self.reverse else "nest_image_block"


def migrate_image_blocks(app_name, model_name, field_name="body"):
    """The reversible data migration of one StreamField, its page's revisions included."""

    def stream_migration(reverse):
        return MigrateStreamData(
            app_name=app_name,
            model_name=model_name,
            field_name=field_name,
            operations_and_block_paths=[(NestImageWithAltText(reverse=reverse), "image")],
            revisions_from=None,
        )

    return migrations.RunPython(
        stream_migration(reverse=False).code, stream_migration(reverse=True).code
    )
