"""The status workflow per submission type: which moves are allowed, which need a note, which
tell the submitter.

Art. 5 exemptions are kennisgevingen: staff check them (afgehandeld: geregistreerd, onvolledig,
te laat) and never "grant" them. Art. 15 and 3a/3b are real decisions of the municipality
(besluit: toegekend / afgewezen, open to bezwaar). Source: Leerplichtwet 1969 art. 5, 6, 15, 3a,
3b (see docs/queue.md).
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from aanmelden.models import LeerwerkmakelaarAanmelding, Stageaanbod, VrijstellingMelding

V = VrijstellingMelding.Status
VO = VrijstellingMelding.Outcome
S = Stageaanbod.Status
L = LeerwerkmakelaarAanmelding.Status
LO = LeerwerkmakelaarAanmelding.Outcome


@dataclass(frozen=True)
class Transition:
    key: str
    label: str
    sources: tuple
    target: str
    outcome: str = ""
    needs_note: bool = False
    # Stem of templates/aanmelden/mail/status_<mail>.txt; empty: the submitter is not told.
    mail: str = ""
    closes: bool = False
    condition: Callable | None = None

    def applies_to(self, instance):
        if instance.anonymised_at or instance.status not in self.sources:
            return False
        return self.condition is None or bool(self.condition(instance))


def _notification(instance):
    return not instance.is_request_for_decision


def _decision(instance):
    return instance.is_request_for_decision


def _consented(instance):
    return instance.consent_publication


TRANSITIONS = {
    VrijstellingMelding: (
        Transition("start", _("In behandeling nemen"), (V.ONTVANGEN,), V.IN_BEHANDELING),
        Transition(
            "ask",
            _("Aanvulling vragen"),
            (V.IN_BEHANDELING,),
            V.AANVULLING_GEVRAAGD,
            needs_note=True,
            mail="aanvulling_gevraagd",
        ),
        Transition(
            "supplemented",
            _("Aanvulling ontvangen"),
            (V.AANVULLING_GEVRAAGD,),
            V.IN_BEHANDELING,
        ),
        Transition(
            "registered",
            _("Afhandelen: geregistreerd"),
            (V.IN_BEHANDELING,),
            V.AFGEHANDELD,
            outcome=VO.GEREGISTREERD,
            mail="vrijstelling_afgehandeld",
            closes=True,
            condition=_notification,
        ),
        Transition(
            "incomplete",
            _("Afhandelen: onvolledig"),
            (V.IN_BEHANDELING, V.AANVULLING_GEVRAAGD),
            V.AFGEHANDELD,
            outcome=VO.ONVOLLEDIG,
            needs_note=True,
            mail="vrijstelling_afgehandeld",
            closes=True,
            condition=_notification,
        ),
        Transition(
            "late",
            _("Afhandelen: te laat"),
            (V.IN_BEHANDELING,),
            V.AFGEHANDELD,
            outcome=VO.TE_LAAT,
            needs_note=True,
            mail="vrijstelling_afgehandeld",
            closes=True,
            condition=_notification,
        ),
        Transition(
            "granted",
            _("Besluit: toegekend"),
            (V.IN_BEHANDELING,),
            V.BESLUIT,
            outcome=VO.TOEGEKEND,
            needs_note=True,
            mail="vrijstelling_besluit",
            closes=True,
            condition=_decision,
        ),
        Transition(
            "refused",
            _("Besluit: afgewezen"),
            (V.IN_BEHANDELING, V.AANVULLING_GEVRAAGD),
            V.BESLUIT,
            outcome=VO.AFGEWEZEN,
            needs_note=True,
            mail="vrijstelling_besluit",
            closes=True,
            condition=_decision,
        ),
    ),
    Stageaanbod: (
        Transition("assess", _("Beoordeeld"), (S.NIEUW,), S.BEOORDEELD),
        Transition(
            "publish",
            _("Publiceren"),
            (S.BEOORDEELD,),
            S.GEPUBLICEERD,
            mail="stageaanbod_gepubliceerd",
            condition=_consented,
        ),
        Transition(
            "filled",
            _("Vervuld"),
            (S.BEOORDEELD, S.GEPUBLICEERD),
            S.VERVULD,
            mail="stageaanbod_afgesloten",
            closes=True,
        ),
        Transition(
            "withdrawn",
            _("Intrekken"),
            (S.BEOORDEELD, S.GEPUBLICEERD),
            S.INGETROKKEN,
            needs_note=True,
            mail="stageaanbod_afgesloten",
            closes=True,
        ),
        Transition(
            "rejected",
            _("Afwijzen"),
            (S.NIEUW, S.BEOORDEELD),
            S.AFGEWEZEN,
            needs_note=True,
            mail="stageaanbod_afgesloten",
            closes=True,
        ),
    ),
    LeerwerkmakelaarAanmelding: (
        Transition(
            "intake", _("Intake gepland"), (L.NIEUW,), L.INTAKE_GEPLAND, mail="intake_gepland"
        ),
        Transition("traject", _("Start traject"), (L.INTAKE_GEPLAND,), L.IN_TRAJECT),
        *(
            Transition(
                f"placed_{outcome.value.removeprefix('geplaatst_')}",
                outcome.label,
                (L.IN_TRAJECT,),
                L.GEPLAATST,
                outcome=outcome.value,
                mail="leerwerkmakelaar_geplaatst",
                closes=True,
            )
            for outcome in LO
        ),
        Transition(
            "not_placed",
            _("Niet geplaatst"),
            (L.INTAKE_GEPLAND, L.IN_TRAJECT),
            L.NIET_GEPLAATST,
            needs_note=True,
            closes=True,
        ),
        Transition(
            "withdrawn",
            _("Teruggetrokken"),
            (L.NIEUW, L.INTAKE_GEPLAND, L.IN_TRAJECT),
            L.TERUGGETROKKEN,
            needs_note=True,
            closes=True,
        ),
    ),
}

# Statuses in which a submission counts as open (in the queue, in the menu count).
CLOSED_STATUSES = {
    model: {t.target for t in transitions if t.closes} for model, transitions in TRANSITIONS.items()
}


# Erasing the personal data of a submission that is still open (a data-subject request) also
# closes it: an anonymised submission takes no further step, so an open one would stay in the
# work lists, the menu count, the dashboard and the yearly "Nog open" forever. The person asked
# for their data to go, which withdraws what they sent; per type the status that says so.
# (The exemption has no withdrawn status: it is "afgehandeld" with outcome "ingetrokken", so the
# yearly figures do not count it as registered, incomplete or late.)
ERASURE_KEY = "erased"
ERASURE_CLOSINGS = {
    VrijstellingMelding: (V.AFGEHANDELD, VO.INGETROKKEN),
    Stageaanbod: (S.INGETROKKEN, ""),
    LeerwerkmakelaarAanmelding: (L.TERUGGETROKKEN, ""),
}


def erasure_transition(model):
    """The closing step applied when an open submission's personal data is erased."""
    target, outcome = ERASURE_CLOSINGS[model]
    return Transition(
        ERASURE_KEY,
        _("Gesloten bij het wissen van de persoonsgegevens"),
        tuple(open_statuses(model)),
        target,
        outcome=outcome,
        closes=True,
    )


def erasure_status_label(model):
    """What an open submission of ``model`` becomes when erased, e.g. "Afgehandeld: Ingetrokken"."""
    target, outcome = ERASURE_CLOSINGS[model]
    label = str(dict(model.Status.choices)[target])
    if outcome:
        label += f": {dict(model.Outcome.choices)[outcome]}"
    return label


def close_for_erasure(instance, user, now=None):
    """Close ``instance`` (locked by the caller, not yet anonymised) if it is still open, with a
    log entry for its timeline. Returns the Transition, or None if it was closed already."""
    transition = erasure_transition(type(instance))
    if not transition.applies_to(instance):
        return None
    _move(instance, transition, user, now=now)
    return transition


def _move(locked, transition, user, now=None, with_note=False):
    """Store the new status, outcome and closing time of ``locked`` and log the step."""
    from . import audit

    previous = locked.status
    locked.status = transition.target
    locked.outcome = transition.outcome
    locked.closed_at = (now or timezone.now()) if transition.closes else None
    locked.save(update_fields=["status", "outcome", "closed_at"])
    audit.log_transition(locked, user, previous, transition, with_note=with_note)


def open_statuses(model):
    return [value for value in model.Status.values if value not in CLOSED_STATUSES[model]]


def transitions_for(instance):
    """The moves allowed from the submission's current status, in display order."""
    return [t for t in TRANSITIONS[type(instance)] if t.applies_to(instance)]


def get_transition(model, key):
    for transition in TRANSITIONS[model]:
        if transition.key == key:
            return transition
    return None


class TransitionRefused(ValidationError):
    pass


def apply_transition(instance, key, user, note="", now=None):
    """Move ``instance`` along transition ``key``; refused unless allowed from its status now.

    The row is locked first, so two staff members clicking at once cannot both move it. Returns
    the Transition. Logs it, stores the note and queues the submitter mail in one transaction.
    """
    from . import notes, status_mail

    model = type(instance)
    transition = get_transition(model, key)
    note = (note or "").strip()
    with transaction.atomic():
        locked = model.objects.select_for_update().get(pk=instance.pk)
        if transition is None or not transition.applies_to(locked):
            raise TransitionRefused(
                _("Deze stap is niet mogelijk vanuit de status “%(status)s”.")
                % {"status": locked.get_status_display()},
                code="not_allowed",
            )
        if transition.needs_note and not note:
            raise TransitionRefused(
                _("Schrijf een notitie: waarom deze stap?"), code="note_required"
            )
        if note:
            notes.add_note(locked, user, note)
        _move(locked, transition, user, now=now, with_note=bool(note))
        if transition.mail:
            status_mail.send_status_mail(locked, transition)
    instance.status, instance.outcome, instance.closed_at = (
        locked.status,
        locked.outcome,
        locked.closed_at,
    )
    return transition
