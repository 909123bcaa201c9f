"""Home app models: see pages.py (page types) and site_settings.py (footer and contact)."""

from .mixins import BasePage
from .pages import ContentPage, ContentPageTag, HomePage
from .site_settings import OrganisationSettings

__all__ = ["BasePage", "ContentPage", "ContentPageTag", "HomePage", "OrganisationSettings"]
