"""Choice lists shared by the wizards, the submission models and the queue filters."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class YesNoUnknown(models.TextChoices):
    JA = "ja", _("Ja")
    NEE = "nee", _("Nee")
    WEET_NIET = "weet_niet", _("Weet ik niet")


class Sector(models.TextChoices):
    ZORG = "zorg", _("Zorg en welzijn")
    TECHNIEK = "techniek", _("Techniek en installatie")
    BOUW = "bouw", _("Bouw en infra")
    LOGISTIEK = "logistiek", _("Transport en logistiek")
    HORECA = "horeca", _("Horeca en toerisme")
    HANDEL = "handel", _("Handel en detailhandel")
    ICT = "ict", _("ICT")
    GROEN = "groen", _("Groen, landbouw en dieren")
    ZAKELIJK = "zakelijk", _("Zakelijke dienstverlening")
    OVERHEID = "overheid", _("Overheid en onderwijs")
    ANDERS = "anders", _("Anders")


class PlaceType(models.TextChoices):
    SNUFFELSTAGE = "snuffelstage", _("Oriëntatie- of snuffelstage")
    SCHOOLSTAGE = "schoolstage", _("Schoolstage (praktijkonderwijs of VSO)")
    PLAATSINGSSTAGE = "plaatsingsstage", _("Plaatsingsstage (gericht op een baan)")
    BOL = "bol", _("BOL-stage")
    BBL = "bbl", _("BBL-leerwerkplek")


class Level(models.TextChoices):
    PRO = "pro", _("Praktijkonderwijs")
    VSO = "vso", _("Voortgezet speciaal onderwijs")
    ENTREE = "entree", _("Entree (mbo niveau 1)")
    MBO2 = "mbo2", _("Mbo niveau 2")
    MBO3 = "mbo3", _("Mbo niveau 3")
    MBO4 = "mbo4", _("Mbo niveau 4")
    GEEN = "geen", _("Geen voorkeur")
