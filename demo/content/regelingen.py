"""Demo content: the schemes and policy documents from the source documents (texts in our own
words; names, dates, amounts and figures from the sources). Runs after goodpractices (taxonomy)
and after aanmelden (form pages, linked when they exist)."""

import datetime
from decimal import Decimal

from wagtail.models import Page, Site

from demo.content.documents import DOCUMENTS, ZKI, heading
from demo.factories.home import site_home, stream
from demo.factories.regelingen import (
    BeleidsdocumentIndexPageFactory,
    BeleidsdocumentPageFactory,
    RegelingIndexPageFactory,
    RegelingPageFactory,
)
from goodpractices.models import Doelgroep, Organisatie, Regio
from regelingen.models import BeleidsdocumentIndexPage, BeleidsdocumentPage, RegelingIndexPage


def faq(*pairs):
    return stream(*(("question", {"question": q, "answer": a}) for q, a in pairs))


REGELINGEN = [
    {
        "slug": "impuls-baankansen",
        "title": "Impuls Baankansen 2019-2020",
        "summary": "Extra hulp voor leerlingen uit het praktijkonderwijs en het voortgezet "
        "speciaal onderwijs bij de stap naar werk: stages, certificaten en twee jaar nazorg.",
        "groups": ["pro", "vso", "werkgevers"],
        "regions": [ZKI],
        "start_date": datetime.date(2019, 8, 1),
        "end_date": datetime.date(2020, 7, 31),
        "budget": Decimal("256800"),
        "organisation": "pro-en-vso-scholen",
        "contact": "Gemeente Haarlem, contactgemeente van de regio (afdeling JOS)",
        "documents": ["informatienota-impuls-baankansen-2019"],
        "form": "/aanmelden/stageplaats/",
        "body": [
            (
                "paragraph",
                "<p>Jongeren uit het praktijkonderwijs (PrO) en het voortgezet speciaal onderwijs "
                "(VSO) hebben vaak extra steun nodig om een opleiding af te maken of werk te "
                "houden. Met deze regeling zetten de scholen in de regio hun samenwerking voort. "
                "Het geld komt van het Rijk, in plaats van het Europees Sociaal Fonds.</p>",
            ),
            heading("Wat doen de scholen?"),
            (
                "paragraph",
                "<ul><li>Elke leerling in de bovenbouw loopt stage bij een passende werkgever, "
                "met een stagecontract.</li><li>Stagedocenten en werkbegeleiders begeleiden de "
                "leerling samen.</li><li>Waar het kan, haalt de leerling een certificaat voor een "
                "beroep.</li><li>Na school volgt de school de jongere nog twee jaar.</li></ul>",
            ),
            heading("Werkgever?"),
            (
                "paragraph",
                "<p>Heeft u een stageplaats voor een leerling uit het PrO of VSO? Meld die aan. "
                "De school begeleidt de leerling op uw werkplek.</p>",
            ),
        ],
        "faq": [
            (
                "Voor wie is Impuls Baankansen?",
                "<p>Voor leerlingen uit het praktijkonderwijs en het voortgezet speciaal "
                "onderwijs, vooral met het uitstroomprofiel vervolgonderwijs of arbeid.</p>",
            ),
            (
                "Hoeveel geld is er?",
                "<p>De regio Zuid-Kennemerland en IJmond kreeg € 256.800 voor schooljaar "
                "2019-2020.</p>",
            ),
        ],
    },
    {
        "slug": "regionale-aanpak-voortijdig-schoolverlaten",
        "title": "Regionale aanpak voortijdig schoolverlaten 2021-2024",
        "summary": "Scholen en gemeenten werken samen om minder jongeren zonder diploma van school "
        "te laten gaan, en om jongeren die al uitvielen terug te helpen naar school of werk.",
        "groups": ["pro", "vso", "entree-mbo-1", "mbo", "18-23"],
        "regions": [ZKI],
        "start_date": datetime.date(2021, 1, 1),
        "end_date": datetime.date(2024, 12, 31),
        "budget": None,
        "organisation": "leerplein",
        "contact": "Leerplein, telefoon 023 511 36 60, info@leerplein-mzk.nl",
        "documents": ["jaarverslag-leerplein-2023-2024"],
        "form": "/aanmelden/leerwerkmakelaar/",
        "body": [
            heading("Doelen"),
            (
                "paragraph",
                "<ul><li>Ruim 10% minder nieuwe voortijdig schoolverlaters (naar 500 in "
                "2024).</li><li>30% van de voortijdig schoolverlaters gaat een jaar later weer "
                "naar school, en 30% aan het werk.</li><li>Jongeren in een kwetsbare positie "
                "blijven in beeld en krijgen begeleiding naar opleiding, werk of "
                "dagbesteding.</li></ul>",
            ),
            heading("Maatregel Doorstroom"),
            (
                "paragraph",
                "<p>De maatregel Doorstroom komt uit het vsv-programma van een andere regio; we "
                "nemen de opzet over. Hij is voor jongeren in een kwetsbare positie, jongeren met "
                "een risico in vo en mbo, en jongeren die al zonder startkwalificatie uitvielen. "
                "De partners zoeken per jongere naar een weg terug naar school. Ze spreken samen "
                "af wie de regie heeft, zodat een traject niet vastloopt.</p>"
                "<ul><li><b>De Kwetsbare Overstap.</b> Scholen en het RMC volgen samen, met het "
                "programma Grip van Intergrip, de overstap van VSO, PrO en Entree naar een "
                "vervolgstap. In de regio waar de maatregel vandaan komt, gaat het op termijn om "
                "zo'n 1.100 leerlingen.</li>"
                "<li><b>Experimenteerruimte arbeid.</b> Een gezamenlijke voorbereiding op de "
                "arbeidsmarkt, samen met de entreeopleiding en het mbo.</li>"
                "<li><b>Meer BBL-plaatsen</b> en stageplaatsen voor mbo-studenten. In die regio "
                "zaten 11.194 studenten in het mbo (BOL en BBL).</li>"
                "<li><b>Trajectbegeleiding</b> bij andere leerroutes, samen met onder meer "
                "leerwerkbedrijven, gemeenten, UWV en SBB.</li></ul>",
            ),
        ],
        "faq": [],
    },
    {
        "slug": "vrijstelling-inschrijvingsplicht",
        "title": "Vrijstelling van de inschrijvingsplicht",
        "summary": "Soms hoeft een kind niet op een school ingeschreven te staan. Ouders vragen "
        "die vrijstelling aan bij de leerplichtambtenaar.",
        "groups": ["ouders", "vso"],
        "regions": [ZKI],
        "start_date": None,
        "end_date": None,
        "budget": None,
        "organisation": "leerplein",
        "contact": "Leerplein, telefoon 023 511 36 60, info@leerplein-mzk.nl",
        "documents": ["jaarverslag-leerplein-2023-2024"],
        "form": "/aanmelden/vrijstelling/",
        "body": [
            (
                "paragraph",
                "<p>Kinderen en jongeren staan ingeschreven op een school en gaan daar naartoe. "
                "De Leerplichtwet noemt een paar redenen waarom ouders daarvan vrijstelling "
                "kunnen krijgen. De leerplichtambtenaar kijkt of uw aanvraag aan de eisen van de "
                "wet voldoet.</p>",
            ),
            heading("Op welke gronden?"),
            (
                "paragraph",
                "<ul><li><b>Artikel 5 onder a</b>: uw kind kan om lichamelijke of psychische "
                "redenen niet naar school. Een onafhankelijk arts onderzoekt dit.</li>"
                "<li><b>Artikel 5 onder b</b>: u heeft bezwaar tegen de richting van alle scholen "
                "in de buurt.</li><li><b>Artikel 5 onder c</b>: uw kind staat ingeschreven bij "
                "een school in het buitenland.</li><li><b>Artikel 15</b>: uw kind is 16 of 17 jaar "
                "en volgt een andere vorm van onderwijs, bijvoorbeeld een opleiding bij een "
                "bedrijf.</li><li><b>Artikel 3a en 3b</b>: vervangende leerplicht, bijvoorbeeld "
                "voor een 15-jarige die al een opleiding op het mbo volgt.</li></ul>",
            ),
        ],
        "faq": [
            (
                "Hoe vraag ik een vrijstelling aan?",
                "<p>Met het online formulier, of op papier via de leerplichtambtenaar. Doe het "
                "op tijd: de vrijstelling geldt pas als de leerplichtambtenaar haar heeft "
                "toegekend.</p>",
            ),
            (
                "Wat gebeurt er met medische gegevens?",
                "<p>Bij een aanvraag op grond van artikel 5 onder a ziet alleen de "
                "leerplichtambtenaar uw gegevens. Een onafhankelijk arts geeft advies.</p>",
            ),
            (
                "Mijn kind is 17 en volgt een opleiding die niet erkend is. Kan dat?",
                "<p>Soms wel. Met een vrijstelling op grond van artikel 15 voldoet uw kind aan "
                "de wet via een andere vorm van onderwijs.</p>",
            ),
        ],
    },
    {
        "slug": "leerwerkmakelaar",
        "title": "Leerwerkmakelaar",
        "summary": "Geen stageplek of BBL-plek gevonden, of die kwijtgeraakt? De leerwerkmakelaar "
        "zoekt samen met jou een werkgever.",
        "groups": ["mbo", "18-23", "16-27", "werkgevers"],
        "regions": [ZKI],
        "start_date": datetime.date(2021, 1, 1),
        "end_date": None,
        "budget": None,
        "organisation": "leerplein",
        "contact": "Doorstroompunt van het Leerplein, telefoon 023 511 36 60",
        "documents": ["jaarverslag-leerplein-2023-2024"],
        "form": "/aanmelden/leerwerkmakelaar/",
        "body": [
            (
                "paragraph",
                "<p>De leerwerkmakelaar helpt jongeren die geen stageplek of BBL-leerwerkplek "
                "kunnen vinden, of die hun plek kwijtraken tijdens de opleiding. Samen zoek je "
                "een werkgever die bij je past.</p>",
            ),
            heading("Wat levert het op?"),
            (
                "paragraph",
                "<p>In schooljaar 2023-2024 sprak de leerwerkmakelaar van het Leerplein 54 "
                "jongeren. Van hen vonden er 44 een BBL-leerwerkplek of werk.</p>",
            ),
            heading("Een voorbeeld"),
            (
                "paragraph",
                "<p>V. (20) viel uit op een mbo-opleiding zorg. Ze had al een paar keer een "
                "opleiding gekozen die niet paste en had niet genoeg studiefinanciering meer "
                "voor een nieuwe voltijdopleiding. Een BBL-opleiding, waarbij je werkt en leert, "
                "paste beter. Haar bijbaan kon geen BBL-plek worden. De leerwerkmakelaar zocht "
                "met haar verder en vond een leerbaan in de winkel. Sinds augustus 2024 volgt "
                "ze de opleiding Retailmanager op mbo-niveau 4.</p>",
            ),
        ],
        "faq": [
            (
                "Voor wie is de leerwerkmakelaar?",
                "<p>Voor jongeren die een stage of BBL-plek zoeken en die zelf niet vinden. "
                "Een begeleider of school mag je ook aanmelden.</p>",
            ),
            (
                "Wat doet de leerwerkmakelaar?",
                "<p>Hij of zij bespreekt met je wat je wilt en kunt, zoekt een werkgever die "
                "past en helpt bij de eerste stappen op je nieuwe plek.</p>",
            ),
        ],
    },
    {
        "slug": "plusvoorziening",
        "title": "Plusvoorziening",
        "summary": "Extra begeleiding in het mbo voor studenten met veel problemen tegelijk, zodat "
        "zij toch een diploma halen.",
        "groups": ["mbo", "16-27"],
        "regions": ["eemland"],
        "start_date": datetime.date(2019, 1, 1),
        "end_date": datetime.date(2020, 8, 31),
        "budget": None,
        "organisation": "mbo-amersfoort",
        "contact": "Werkgroep Plusvoorziening van MBO Amersfoort en ROC Midden Nederland",
        "documents": ["vsv-programma-eem-2019-2020"],
        "form": "",
        "body": [
            (
                "paragraph",
                "<p>Sommige studenten hebben meer begeleiding, aandacht of zorg nodig dan een "
                "mbo-school gewoonlijk kan geven. De Plusvoorziening biedt hen een plustraject: "
                "begeleiding op maat, samen met de student gemaakt. Daarbij helpen organisaties "
                "uit onderwijs en hulpverlening.</p>",
            ),
            heading("Waarom in het mbo?"),
            (
                "paragraph",
                "<p>In het mbo vallen de meeste jongeren uit. MBO Amersfoort en ROC Midden "
                "Nederland bespreken samen casussen en delen hun kennis. Ook de wijkteams van "
                "Amersfoort en de stichting SOVEE denken mee.</p>",
            ),
        ],
        "faq": [],
    },
]


def terms_by_slug(model, slugs):
    found = {t.slug: t for t in model.objects.filter(slug__in=slugs)}
    return [found[s] for s in slugs if s in found]


def organisation(slug):
    return Organisatie.objects.filter(slug=slug).first() if slug else None


def find_page(path):
    """A page by its public path (e.g. /aanmelden/vrijstelling/) on the default site, or None."""
    root = Site.objects.get(is_default_site=True).root_page
    return Page.objects.filter(url_path=root.url_path + path.lstrip("/")).first()


def build(stdout):
    home = site_home()
    doc_index = BeleidsdocumentIndexPageFactory(
        parent=home,
        intro="<p>Hier staan de stukken achter de regelingen: informatienota's, "
        "programmaplannen en jaarverslagen. Bij elk document staan de kerncijfers en een "
        "PDF om te downloaden.</p>",
    )
    documents = {}
    for spec in DOCUMENTS:
        existed = doc_index.get_children().filter(slug=spec["slug"]).exists()
        documents[spec["slug"]] = BeleidsdocumentPageFactory(
            parent=doc_index,
            slug=spec["slug"],
            title=spec["title"],
            summary=spec["summary"],
            document_type=spec["document_type"],
            number=spec["number"],
            date=spec["date"],
            organisation=organisation(spec["organisation"]),
            portfolio_holder=spec["portfolio_holder"],
            key_figures=stream(*spec["key_figures"]),
            body=stream(*spec["body"]),
            taxonomy=None if existed else {"regions": terms_by_slug(Regio, spec["regions"])},
            with_pdf=not existed,
        )

    scheme_index = RegelingIndexPageFactory(
        parent=home,
        intro="<p>Een regeling regelt wie welke hulp krijgt, hoe lang en met welk geld. Filter "
        "op doelgroep of kijk welke regelingen nu lopen.</p>",
    )
    linked = 0
    for spec in REGELINGEN:
        existed = scheme_index.get_children().filter(slug=spec["slug"]).exists()
        scheme = RegelingPageFactory(
            parent=scheme_index,
            slug=spec["slug"],
            title=spec["title"],
            summary=spec["summary"],
            start_date=spec["start_date"],
            end_date=spec["end_date"],
            budget=spec["budget"],
            organisation=organisation(spec["organisation"]),
            contact=spec["contact"],
            body=stream(*spec["body"]),
            faq=faq(*spec["faq"]),
            taxonomy=None
            if existed
            else {
                "target_groups": terms_by_slug(Doelgroep, spec["groups"]),
                "regions": terms_by_slug(Regio, spec["regions"]),
                "related_documents": [documents[s] for s in spec["documents"]],
            },
        )
        # The forms come from demo.content.aanmelden; link them once they exist.
        form_page = find_page(spec["form"]) if spec["form"] else None
        if form_page is not None and scheme.form_page_id is None:
            scheme.form_page = form_page
            scheme.save_revision().publish()
            linked += 1
    stdout.write(
        f"  {len(REGELINGEN)} regelingen ({linked} nieuw gekoppeld aan een formulier) en "
        f"{len(DOCUMENTS)} beleidsdocumenten met PDF"
    )


def reset():
    home = site_home()
    for page in BeleidsdocumentPage.objects.descendant_of(home).filter(
        slug__in=[d["slug"] for d in DOCUMENTS]
    ):
        for attachment in page.attachments.select_related("document"):
            attachment.document.delete()  # Wagtail removes the file from storage too
    for model in (RegelingIndexPage, BeleidsdocumentIndexPage):
        for index in model.objects.child_of(home):
            index.delete()
