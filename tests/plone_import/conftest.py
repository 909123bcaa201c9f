import pytest

from demo.factories.home import ContentPageFactory, site_home

from .exports import OLD_HOST, write_array, write_directory


@pytest.fixture
def archive(db):
    """The page an old site is imported under, so old and new URLs differ."""
    return ContentPageFactory(title="Archief", slug="archief", parent=site_home(), body="[]")


@pytest.fixture
def directory_export(tmp_path):
    return write_directory(tmp_path / "plone-export")


@pytest.fixture
def array_export(tmp_path):
    return write_array(tmp_path / "collective-export")


@pytest.fixture
def import_directory(archive, directory_export):
    from plone_import.importer import Importer

    def run(**kwargs):
        kwargs.setdefault("old_urls", [OLD_HOST])
        return Importer(directory_export, parent_slug="archief", **kwargs).run()

    return run
