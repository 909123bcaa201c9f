"""Home app models: see pages.py (page types) and site_settings.py (footer and contact),
images.py (addresses of replaced image files)."""

from .images import FormerImageFile
from .mixins import BasePage
from .pages import ContentPage, ContentPageTag, HomePage
from .site_settings import OrganisationSettings

__all__ = [
    "BasePage",
    "FormerImageFile",
    "ContentPage",
    "ContentPageTag",
    "HomePage",
    "OrganisationSettings",
]
