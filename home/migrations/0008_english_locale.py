"""English as the second content language: its locale, and a draft English home page (the
translation of the Dutch one) that the English pages hang under, with the Dutch home's group
permissions and workflow, so editors translate and publish there as they do in Dutch. Editors
may submit translations (Wagtail's simple translation). The English home stays a draft until an
editor publishes it: until then /en/ shows nothing."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
STEPLEN = 4
GROUPS = ["Redacteuren", "Eindredacteuren"]


def next_sibling_path(parent_path, last_child_path):
    """The tree path after the last child's (Wagtail's materialised path, base 36)."""
    if last_child_path is None:
        return parent_path + "0001"
    number = 0
    for char in last_child_path[-STEPLEN:]:
        number = number * 36 + ALPHABET.index(char)
    number += 1
    step = ""
    for _ in range(STEPLEN):
        number, digit = divmod(number, 36)
        step = ALPHABET[digit] + step
    return parent_path + step


def forwards(apps, schema_editor):
    Locale = apps.get_model("wagtailcore.Locale")
    Page = apps.get_model("wagtailcore.Page")
    Site = apps.get_model("wagtailcore.Site")
    HomePage = apps.get_model("home.HomePage")
    GroupPagePermission = apps.get_model("wagtailcore.GroupPagePermission")
    WorkflowPage = apps.get_model("wagtailcore.WorkflowPage")
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")

    english, _ = Locale.objects.get_or_create(language_code="en")

    app_config = apps.get_app_config("simple_translation")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    submit = Permission.objects.get(
        content_type__app_label="simple_translation", codename="submit_translation"
    )
    for group in Group.objects.filter(name__in=GROUPS):
        group.permissions.add(submit)

    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        return
    home = HomePage.objects.filter(pk=site.root_page_id).first()
    if home is None or HomePage.objects.filter(
        translation_key=home.translation_key, locale=english
    ).exists():
        return
    root = Page.objects.get(depth=1)
    last = Page.objects.filter(depth=2).order_by("-path").values_list("path", flat=True).first()
    slug = "en"
    while Page.objects.filter(depth=2, slug=slug).exists():
        slug += "-1"
    english_home = HomePage.objects.create(
        title=home.title,
        draft_title=home.title,
        slug=slug,
        content_type_id=home.content_type_id,
        path=next_sibling_path(root.path, last),
        depth=2,
        numchild=0,
        url_path=f"/{slug}/",
        locale=english,
        translation_key=home.translation_key,
        live=False,
        has_unpublished_changes=True,
    )
    root.numchild = Page.objects.filter(depth=2).count()
    root.save(update_fields=["numchild"])
    for permission in GroupPagePermission.objects.filter(page_id=home.pk):
        GroupPagePermission.objects.get_or_create(
            group_id=permission.group_id, page=english_home, permission_id=permission.permission_id
        )
    for workflow_page in WorkflowPage.objects.filter(page_id=home.pk):
        WorkflowPage.objects.get_or_create(page=english_home, workflow_id=workflow_page.workflow_id)


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0007_listing_block"),
        ("simple_translation", "0001_initial"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
