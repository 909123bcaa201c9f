"""The abstract submission every form type shares.

Which fields are personal, special-category (AVG art. 9, BSN) or uploads is declared on each
model, so the queue, the exports, the mails and the retention job all read one list.
"""

import uuid

from django.conf import settings
from django.db import IntegrityError, models, transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from ..references import new_reference


def status_field(choices):
    """The status of one submission type, limited to its ``Status`` choices."""
    return models.CharField(_("status"), max_length=40, db_index=True, choices=choices)


def outcome_field(choices):
    """The outcome of one submission type, limited to its ``Outcome`` choices."""
    return models.CharField(_("uitkomst"), max_length=40, blank=True, choices=choices)


class Submission(models.Model):
    REFERENCE_PREFIX = ""
    FORM_LABEL = ""
    # Name of the field on aanmelden.FormTeamSettings that holds this form's team address.
    TEAM_EMAIL_SETTING = ""
    # Cleared on anonymisation.
    PERSONAL_FIELDS: tuple[str, ...] = ()
    # BSN, health, belief: only on the detail view, for the team of that queue
    # (moderation/permissions.py); never in a list, exported or mailed.
    SPECIAL_CATEGORY_FIELDS: tuple[str, ...] = ()
    # FileFields on private storage (deleted on anonymisation).
    UPLOAD_FIELDS: tuple[str, ...] = ()
    # (section title, [field names]) in wizard order; see answer_sections().
    ANSWER_SECTIONS: tuple = ()

    # Each type declares its own ``Status`` and ``Outcome`` (TextChoices with the legal labels)
    # and narrows these two fields to them with status_field() and outcome_field() below.
    reference = models.CharField(_("kenmerk"), max_length=16, unique=True, editable=False)
    received_at = models.DateTimeField(_("ontvangen op"), default=timezone.now, db_index=True)
    status = models.CharField(_("status"), max_length=40, db_index=True)
    outcome = models.CharField(_("uitkomst"), max_length=40, blank=True)
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("behandelaar"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    closed_at = models.DateTimeField(_("afgesloten op"), null=True, blank=True)
    anonymised_at = models.DateTimeField(_("geanonimiseerd op"), null=True, blank=True)
    submitter_name = models.CharField(_("naam indiener"), max_length=200, blank=True)
    submitter_email = models.EmailField(_("e-mail indiener"), blank=True)
    municipality = models.CharField(_("gemeente"), max_length=100, blank=True, db_index=True)
    idempotency_key = models.UUIDField(unique=True, default=uuid.uuid4, editable=False)

    class Meta:
        abstract = True
        ordering = ["received_at"]

    def __str__(self):
        return self.reference or str(self.FORM_LABEL)

    def save(self, *args, **kwargs):
        if not self.status:
            self.status = self.Status.values[0]
        if self.reference:
            return super().save(*args, **kwargs)
        # Random reference; a collision on the unique index is retried in a savepoint. A clash on
        # idempotency_key is a real duplicate and propagates to the caller.
        for _attempt in range(10):
            self.reference = new_reference(self.REFERENCE_PREFIX)
            try:
                with transaction.atomic():
                    return super().save(*args, **kwargs)
            except IntegrityError:
                cls = type(self)
                if cls.objects.filter(idempotency_key=self.idempotency_key).exists():
                    self.reference = ""
                    raise
                if not cls.objects.filter(reference=self.reference).exists():
                    self.reference = ""
                    raise
        raise IntegrityError("no free reference after 10 attempts")

    # --- answers -------------------------------------------------------------------------------
    def section_is_relevant(self, title, field_names):
        """Subclasses hide sections that do not apply (e.g. another exemption ground)."""
        return True

    def display_value(self, field_name):
        field = self._meta.get_field(field_name)
        value = getattr(self, field_name)
        if field.choices and not isinstance(value, list):
            return getattr(self, f"get_{field_name}_display")() if value else ""
        if isinstance(field, models.BooleanField):
            return _("Ja") if value else _("Nee")
        if isinstance(field, models.DateField) and value:
            return date_format(value, "j F Y")
        if isinstance(field, models.FileField):
            # The name the person chose (<field>_name); uploads stored before random names
            # carry it as the last part of their path.
            if not value:
                return ""
            return getattr(self, f"{field_name}_name", "") or value.name.rsplit("/", 1)[-1]
        if isinstance(value, list):
            labels = dict(getattr(self, "LIST_CHOICES", {}).get(field_name, ()))
            return ", ".join(str(labels.get(v, v)) for v in value)
        return "" if value is None else str(value)

    def answer_sections(self):
        """[(section title, [(label, display value, field name)])] in wizard order.

        Used by check-your-answers, the printable copy and the staff detail view (which filters
        SPECIAL_CATEGORY_FIELDS by permission). Empty optional answers are kept, shown as "".
        """
        sections = []
        for title, field_names in self.ANSWER_SECTIONS:
            if not self.section_is_relevant(title, field_names):
                continue
            rows = [
                (self._meta.get_field(name).verbose_name, self.display_value(name), name)
                for name in field_names
                if self.field_is_relevant(name)
            ]
            sections.append((title, rows))
        return sections

    def field_is_relevant(self, field_name):
        return True

    def outcome_label(self):
        """The outcome's label; "" while there is none (an employer offer never has one)."""
        if not self.outcome:
            return ""
        choices = dict(self._meta.get_field("outcome").flatchoices)
        return str(choices.get(self.outcome, self.outcome))
