"""factory_boy factories for schemes and policy documents: used by tests and demo content."""

import datetime
import io

import factory
import wagtail_factories
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.utils.file import hash_filelike

from demo.factories.goodpractices import set_relations
from demo.factories.home import site_home
from demo.pdf import summary_pdf
from regelingen.models import (
    BeleidsdocumentBijlage,
    BeleidsdocumentIndexPage,
    BeleidsdocumentPage,
    RegelingIndexPage,
    RegelingPage,
)


class RegelingIndexPageFactory(wagtail_factories.PageFactory):
    title = "Regelingen"
    slug = "regelingen"
    summary = "Alle regelingen en maatregelen in de regio voor de stap van school naar werk."
    parent = factory.LazyFunction(site_home)
    show_in_menus = True

    class Meta:
        model = RegelingIndexPage
        django_get_or_create = ("slug", "parent")


class RegelingPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Regeling {n}")
    summary = "Een regeling voor jongeren in de regio."
    start_date = datetime.date(2024, 1, 1)
    parent = factory.SubFactory(RegelingIndexPageFactory)

    class Meta:
        model = RegelingPage
        django_get_or_create = ("slug", "parent")
        skip_postgeneration_save = True

    @factory.post_generation
    def taxonomy(obj, create, extracted, **kwargs):
        """taxonomy={"target_groups": [...], "regions": [...], "related_documents": [...]}"""
        if create and extracted:
            set_relations(obj, **extracted)


class BeleidsdocumentIndexPageFactory(wagtail_factories.PageFactory):
    title = "Beleid"
    slug = "beleid"
    summary = "Informatienota's, programmaplannen en jaarverslagen, met hun kerncijfers."
    parent = factory.LazyFunction(site_home)
    show_in_menus = True

    class Meta:
        model = BeleidsdocumentIndexPage
        django_get_or_create = ("slug", "parent")


class BeleidsdocumentPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Beleidsdocument {n}")
    summary = "Een beleidsdocument."
    document_type = "informatienota"
    date = datetime.date(2024, 1, 1)
    parent = factory.SubFactory(BeleidsdocumentIndexPageFactory)

    class Meta:
        model = BeleidsdocumentPage
        django_get_or_create = ("slug", "parent")
        skip_postgeneration_save = True

    @factory.post_generation
    def taxonomy(obj, create, extracted, **kwargs):
        if create and extracted:
            set_relations(obj, **extracted)

    @factory.post_generation
    def with_pdf(obj, create, extracted, **kwargs):
        """with_pdf=True attaches a PDF made from the page's own summary and key figures."""
        if create and extracted and not obj.attachments.exists():
            attach_summary_pdf(obj)


def attach_summary_pdf(page):
    """Generate the PDF of a policy document and attach it as a Wagtail document."""
    Document = get_document_model()
    data = summary_pdf(page)
    # File size and hash, as an upload in the admin sets them.
    document = Document(
        title=page.title, file_size=len(data), file_hash=hash_filelike(io.BytesIO(data))
    )
    document.file.save(f"{page.slug}.pdf", ContentFile(data), save=False)
    document.save()
    BeleidsdocumentBijlage.objects.create(page=page, document=document, sort_order=0)
    return document
