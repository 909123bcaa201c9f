"""Demo content of the forms: /aanmelden/ with the three form pages (slugs the home page links
to), with plain-language intro, help, what happens next and the non-digital alternative."""

from wagtail.models import Site

from aanmelden.models import FormIndexPage, FormTeamSettings, StageplaatsenPage
from demo.factories.aanmelden import (
    FormIndexPageFactory,
    LeerwerkmakelaarFormPageFactory,
    StageaanbodFormPageFactory,
    StageplaatsenPageFactory,
    VrijstellingFormPageFactory,
)
from demo.factories.home import site_home

ALTERNATIVE = (
    "<p><b>Liever niet digitaal?</b> Bel ons op 023 123 45 67 (maandag tot en met vrijdag van 9.00 tot 17.00 uur). "
    "We vullen het formulier dan samen met u in, of we sturen u een papieren formulier. U kunt ook een brief sturen naar "
    "Leerwerkportaal, Postbus 1234, 2000 AB Haarlem.</p>"
)

PAGES = [
    (
        VrijstellingFormPageFactory,
        {
            "title": "Vrijstelling van de leerplicht melden",
            "summary": "Voor ouders en verzorgers: meld een vrijstelling van de leerplicht of vraag vervangende leerplicht aan.",
            "intro": "<p>Kan uw kind niet naar school? Bijvoorbeeld omdat het ziek is, omdat uw kind in het buitenland naar school gaat, of omdat u bezwaar heeft tegen de richting van alle scholen in de buurt? Dan meldt u dat hier bij de leerplichtambtenaar.</p>"
            "<p>Bij artikel 5 (ziekte, bezwaar, school in het buitenland) is dit een <b>kennisgeving</b>: de vrijstelling geldt als uw melding volledig en op tijd is. Bij artikel 15 en vervangende leerplicht (artikel 3a en 3b) is het een <b>aanvraag</b>: de gemeente neemt een besluit.</p>",
            "before_you_start": "<ul><li>het burgerservicenummer (BSN) of onderwijsnummer van uw kind</li><li>bij ziekte: de verklaring van een onafhankelijke arts, als u die al heeft</li><li>bij een school in het buitenland: het bewijs van inschrijving (PDF, JPG of PNG)</li></ul><p>Het invullen duurt ongeveer 10 minuten. U kunt terug naar eerdere stappen zonder dat u iets kwijtraakt.</p>",
            "help_text": "<p>Twijfelt u welke reden past? Bel de leerplichtambtenaar. We denken graag mee.</p>",
            "what_happens_next": "<p>U krijgt meteen een ontvangstbevestiging per e-mail. Binnen 10 werkdagen kijkt de leerplichtambtenaar of uw melding volledig en op tijd is. Mist er iets, dan nemen we contact met u op. Bij een aanvraag krijgt u binnen 8 weken een besluit.</p>",
        },
    ),
    (
        StageaanbodFormPageFactory,
        {
            "title": "Stageplaats of BBL-plek aanbieden",
            "summary": "Voor werkgevers: bied een stageplaats, snuffelstage of BBL-leerwerkplek aan voor een jongere uit de regio.",
            "intro": "<p>Heeft uw organisatie plek voor een jongere? Geef het hier door. Het Werkgeversservicepunt zoekt een jongere die bij uw plek past, en helpt u als u nog geen erkend leerbedrijf bent.</p>",
            "before_you_start": "<ul><li>uw KvK-nummer (8 cijfers)</li><li>als u het heeft: uw leerbedrijf-ID van SBB</li><li>per plek: het soort plek, het niveau, het aantal uren en de startdatum</li></ul>",
            "help_text": "<p>Vragen over erkenning of begeleiding? Het Werkgeversservicepunt helpt u graag.</p>",
            "what_happens_next": "<p>U krijgt meteen een ontvangstbevestiging per e-mail. Binnen 5 werkdagen neemt een accountmanager van het Werkgeversservicepunt contact met u op. Als u toestemming geeft, zetten we de plek daarna op de pagina Stageplaatsen, zonder de naam van uw contactpersoon.</p>",
        },
    ),
    (
        LeerwerkmakelaarFormPageFactory,
        {
            "title": "Aanmelden bij de leerwerkmakelaar",
            "summary": "Voor jongeren van 16 tot 27 jaar die een BBL-plek, stage, baan of opleiding zoeken, of een doorverwijzing door een professional.",
            "intro": "<p>Ben je tussen de 16 en 27 jaar en zoek je een leerwerkplek, stage, baan of opleiding? Of ben je gestopt met school? De leerwerkmakelaar helpt je op weg. Ben je een professional (school, coach, gemeente)? Dan kun je hier ook een jongere aanmelden, als de jongere dat goed vindt.</p>",
            "before_you_start": "<p>Het invullen duurt ongeveer 5 minuten. Je hebt alleen je contactgegevens nodig.</p>",
            "help_text": "<p>Lukt het niet of heb je een vraag? Bel of app de leerwerkmakelaar.</p>",
            "what_happens_next": "<p>Je krijgt meteen een bevestiging per e-mail. Binnen 5 werkdagen belt een leerwerkmakelaar je voor een eerste gesprek.</p>",
        },
    ),
]

TEAM_ADDRESSES = {
    "vrijstelling_team_email": "leerplicht@leerwerkportaal.example",
    "stageaanbod_team_email": "wsp@leerwerkportaal.example",
    "leerwerkmakelaar_team_email": "leerwerkmakelaars@leerwerkportaal.example",
}


def build(stdout):
    index = FormIndexPageFactory(
        summary="De drie formulieren van het portaal: vrijstelling melden, een plek aanbieden en hulp van een leerwerkmakelaar.",
        intro="<p>Kies het formulier dat bij u past. Alle formulieren kunt u ook telefonisch of per post doorgeven.</p>"
        + ALTERNATIVE,
    )
    for factory, values in PAGES:
        factory(parent=index, contact_alternative=ALTERNATIVE, **values)
    team = FormTeamSettings.for_site(Site.objects.get(is_default_site=True))
    for field, address in TEAM_ADDRESSES.items():
        if not getattr(team, field):
            setattr(team, field, address)
    team.save()
    StageplaatsenPageFactory()
    stdout.write("aanmelden: /aanmelden/ met drie formulieren, /stageplaatsen/")


def reset():
    for page in FormIndexPage.objects.child_of(site_home()):
        page.delete()
    for page in StageplaatsenPage.objects.child_of(site_home()):
        page.delete()
