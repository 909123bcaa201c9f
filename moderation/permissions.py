"""Who sees which queue, and who sees what inside it: the one place that answers it.

Access follows Django model permissions that the groups data migration hands out:
- ``Leerplicht``: the exemption queue, including the special-category fields (BSN, health,
  belief) on its detail view and download.
- ``Werkgeversservicepunt``: the employer-offer queue.
- ``Leerwerkmakelaars``: the young-people queue, including its special-category field (support
  needs, often health) on its detail view.
- ``Functioneel beheer``: every queue (without the special-category fields), the retention
  settings and data-subject requests (export and erase).
Special-category fields are never in a list, an export or a mail (export_columns in export.py
lists what an export holds).
A plain Wagtail editor has none of these permissions and sees no queue.
"""

from aanmelden.models import LeerwerkmakelaarAanmelding, Stageaanbod, VrijstellingMelding

# Model permissions of the submissions (their app) and the queue-wide ones (this app).
APP = "aanmelden"
QUEUE_APP = "moderation"
GROUP_LEERPLICHT = "Leerplicht"
GROUP_WSP = "Werkgeversservicepunt"
GROUP_LWM = "Leerwerkmakelaars"

# Custom permissions (declared on moderation.QueueNote, the queue's own model).
PERM_SPECIAL = "view_special_category"
PERM_PERSONAL_DATA = "manage_personal_data"

QUEUE_MODELS = (VrijstellingMelding, Stageaanbod, LeerwerkmakelaarAanmelding)

# Which team works which queue (used by the data migration and the docs).
TEAM_OF_MODEL = {
    VrijstellingMelding: GROUP_LEERPLICHT,
    Stageaanbod: GROUP_WSP,
    LeerwerkmakelaarAanmelding: GROUP_LWM,
}


def _perm(action, model):
    return f"{APP}.{action}_{model._meta.model_name}"


def can_view_queue(user, model):
    return bool(user and user.is_active and user.has_perm(_perm("view", model)))


def can_change(user, model):
    """Assign, add notes and move a submission through its workflow."""
    return can_view_queue(user, model) and user.has_perm(_perm("change", model))


def can_see_special_category(user, model):
    """BSN, health and belief fields (model.SPECIAL_CATEGORY_FIELDS) on a queue's detail view
    and download: for the team that works that queue (the permission goes to Leerplicht and
    Leerwerkmakelaars, each only having its own queue), never for functional admins."""
    return (
        bool(model.SPECIAL_CATEGORY_FIELDS)
        and can_view_queue(user, model)
        and user.has_perm(f"{QUEUE_APP}.{PERM_SPECIAL}")
    )


def can_manage_personal_data(user, model):
    """Data-subject requests (export everything, erase) for functional admins."""
    return can_view_queue(user, model) and user.has_perm(f"{QUEUE_APP}.{PERM_PERSONAL_DATA}")


def visible_queue_models(user):
    return [model for model in QUEUE_MODELS if can_view_queue(user, model)]


def can_view_report(user):
    """The yearly figures: anyone with at least one queue (sections limited to their queues)."""
    return bool(visible_queue_models(user))


def can_download(user, instance, field_name):
    model = type(instance)
    if field_name not in model.UPLOAD_FIELDS or not can_view_queue(user, model):
        return False
    if field_name in model.SPECIAL_CATEGORY_FIELDS:
        return can_see_special_category(user, model)
    return True


def visible_field(user, model, field_name):
    """Detail view rule: special-category answers only for those allowed to see them."""
    if field_name in model.SPECIAL_CATEGORY_FIELDS:
        return can_see_special_category(user, model)
    return True
