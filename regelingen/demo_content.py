"""Demo content: the schemes and policy documents from the source documents (texts in our own
words; names, dates, amounts and figures from the sources). Runs after goodpractices (taxonomy)
and after aanmelden (form pages, linked when they exist)."""

import datetime
from decimal import Decimal

from wagtail.models import Page, Site

from goodpractices.models import Doelgroep, Organisatie, Regio
from home.factories import site_home, stream

from .factories import (
    BeleidsdocumentIndexPageFactory,
    BeleidsdocumentPageFactory,
    RegelingIndexPageFactory,
    RegelingPageFactory,
)
from .models import BeleidsdocumentIndexPage, BeleidsdocumentPage, RegelingIndexPage

ZKI = "zuid-kennemerland-en-ijmond"


def figure(label, value, unit="", year=""):
    return ("figure", {"label": label, "value": str(value), "unit": unit, "year": year})


def heading(text):
    return ("heading", {"text": text, "level": "h2"})


def table(caption, rows):
    return (
        "table",
        {
            "caption": caption,
            "table": {
                "data": rows,
                "first_row_is_table_header": True,
                "first_col_is_header": True,
                "table_caption": "",
            },
        },
    )


def faq(*pairs):
    return stream(*(("question", {"question": q, "answer": a}) for q, a in pairs))


DOCUMENTS = [
    {
        "slug": "informatienota-impuls-baankansen-2019",
        "title": "Informatienota uitvoeringsplan Impuls Baankansen 2019-2020",
        "summary": "Het college van Haarlem informeert de raad over het plan van de scholen voor "
        "PrO en VSO. Met de regeling Impuls Baankansen zetten zij hun hulp bij de stap naar werk "
        "voort, nu het geld uit het Europees Sociaal Fonds (ESF) op is.",
        "document_type": "informatienota",
        "number": "2019/500546",
        "date": datetime.date(2019, 7, 16),
        "organisation": "gemeente-haarlem",
        "portfolio_holder": "J. Botter",
        "regions": [ZKI],
        "key_figures": [
            figure("Budget voor de regio", 256800, "euro", "2019-2020"),
            figure("Nazorg na uitstroom", 2, "jaar", "2019-2020"),
        ],
        "body": [
            heading("Waarom deze nota?"),
            (
                "paragraph",
                "<p>Scholen voor praktijkonderwijs (PrO) en voortgezet speciaal onderwijs (VSO) "
                "kregen jarenlang geld uit het Europees Sociaal Fonds. Voor 2019-2020 was dat geld "
                "landelijk op. In de plaats daarvan kwam eind 2018 de regeling Impuls "
                "Baankansen. De regio kreeg € 256.800, via Haarlem als contactgemeente.</p>"
                "<p>De scholen schreven samen met de regio een uitvoeringsplan. Het college stuurt "
                "de nota ter kennisname naar de raadscommissie, zoals in 2018 was toegezegd.</p>",
            ),
            heading("Wat willen we bereiken?"),
            (
                "paragraph",
                "<ul><li>Jongeren zijn beter voorbereid op een keuze voor een beroep.</li>"
                "<li>Waar het kan, halen jongeren een (deel)certificaat voor een beroep.</li>"
                "<li>Alle leerlingen in de bovenbouw lopen stage bij een passende werkgever, met "
                "een stagecontract en begeleiding van school en werkplek.</li>"
                "<li>Na school volgt de school de jongeren nog twee jaar (nazorg), samen met de "
                "regio.</li><li>Meer werkgevers nemen jongeren uit PrO en VSO aan.</li>"
                "<li>Minder jongeren verlaten school zonder diploma.</li></ul>",
            ),
            heading("Hoe verder?"),
            (
                "paragraph",
                "<p>De scholen voeren het plan uit in schooljaar 2019-2020. In 2020 wordt "
                "duidelijk welke nieuwe ESF-regeling het Rijk invoert; daarna volgt een "
                "vervolgplan.</p>",
            ),
        ],
    },
    {
        "slug": "vsv-programma-eem-2019-2020",
        "title": "VSV-programma regio Eem januari 2019 - augustus 2020",
        "summary": "De hoofdlijnen van het programma tegen voortijdig schoolverlaten in de regio "
        "Eem: vijf maatregelen, van de overstap vmbo-mbo tot de aanpak van oud-vsv'ers.",
        "document_type": "programmaplan",
        "number": "",
        "date": datetime.date(2018, 11, 22),
        "organisation": "rmc-eemland",
        "portfolio_holder": "",
        "regions": ["eemland"],
        "key_figures": [
            figure("Vmbo-locaties in de regio", 22, "locaties", "2018-2019"),
            figure(
                "Vo-scholen die Zoekjouwberoep en Zoekjouwloopbaan gebruiken",
                11,
                "scholen",
                "2018-2019",
            ),
            figure("Oud-vsv'ers aangeschreven (eerste ronde)", 257, "jongeren", "2018"),
            figure("Oud-vsv'ers in beeld gebracht", 160, "jongeren", "2018"),
        ],
        "body": [
            heading("Vijf maatregelen"),
            (
                "paragraph",
                "<ol><li><b>Overstap en aansluiting vo-mbo.</b> Online hulpmiddelen voor "
                "loopbaanoriëntatie en de overstap, samen ontwikkeld met Intergrip: "
                "ZoekjouwMBO, Zoekjouwberoep, Zoekjouwloopbaan, het digitaal doorstroomdossier, "
                "de doorstroommonitor en de monitor Uitschrijving &amp; Switch.</li>"
                "<li><b>Een eigen aanpak in het mbo</b>, waar de meeste jongeren uitvallen.</li>"
                "<li><b>Zorg in en om de school, verzuim en de Plusvoorziening</b> voor studenten "
                "met een stapeling van problemen.</li>"
                "<li><b>Jongeren in een kwetsbare positie (JiKP)</b>: meer uren om stages te vinden "
                "en te houden, en een warme overdracht naar werk of dagbesteding.</li>"
                "<li><b>Oud-vsv'ers</b>: jongeren zonder startkwalificatie die niet meer op school "
                "zitten, opnieuw in beeld brengen.</li></ol>",
            ),
            heading("Resultaten aanpak oud-vsv 2018"),
            (
                "paragraph",
                "<p>Het bleek lastiger dan gedacht om oud-vsv'ers te bereiken, onder meer door "
                "privacyregels. Toch zijn ze in twee rondes benaderd. Na de eerste "
                "aanschrijving aan 257 jongeren waren er 160 in beeld.</p>",
            ),
            table(
                "Resultaten oud-vsv, einde project 2018",
                [
                    ["Resultaat", "Aantal jongeren"],
                    ["Aangeschreven (niet aan het werk en niet op school)", "257"],
                    ["Zelf gereageerd op de brief", "52"],
                    ["Telefonisch benaderd door het RMC", "62"],
                    ["Wilden begeleiding van het RMC", "11"],
                    ["Begeleiding door jongerenwerk", "26"],
                    ["Begeleiding door het jongerenloket", "9"],
                ],
            ),
            heading("Plannen 2019 - augustus 2020"),
            (
                "paragraph",
                "<p>Een nieuw registratiesysteem, betere afspraken over privacy en een gezamenlijke "
                "aanpak met alle gemeenten in de regio moeten de aanpak van oud-vsv'ers sluitend "
                "maken.</p>",
            ),
        ],
    },
    {
        "slug": "jaarverslag-leerplein-2023-2024",
        "title": "Jaarverslag schoolverzuim en voortijdig schoolverlaten 2023-2024",
        "summary": "Het bestuur van de gemeenschappelijke regeling in Zuid-Kennemerland en IJmond "
        "laat zien wat het Leerplein in schooljaar 2023-2024 deed: van vrijstellingen en "
        "verzuim tot de leerwerkmakelaar.",
        "document_type": "jaarverslag",
        "number": "",
        # The source gives no publication date: the last day of the school year it covers.
        "date": datetime.date(2024, 7, 31),
        "organisation": "leerplein",
        "portfolio_holder": "",
        "regions": [ZKI],
        "key_figures": [
            figure("Jongeren van 5 tot 23 jaar in de regio", 54016, "jongeren", "2023-2024"),
            figure(
                "Leerplichtigen (5-18 jaar) in Zuid-Kennemerland", 34235, "jongeren", "2023-2024"
            ),
            figure("Jongeren van 18 tot 23 jaar", 19781, "jongeren", "2023-2024"),
            figure("Preventieve spreekuurgesprekken", 534, "gesprekken", "2023-2024"),
            figure("Voortijdig schoolverlaters", 572, "jongeren", "2022-2023"),
            figure("Voortijdig schoolverlaters", 616, "jongeren", "2021-2022"),
            figure("Huisbezoeken bij jongeren van 18+", 580, "bezoeken", "2023-2024"),
            figure("Jongeren gesproken door de leerwerkmakelaar", 54, "jongeren", "2023-2024"),
            figure("Jongeren geplaatst door de leerwerkmakelaar", 44, "jongeren", "2023-2024"),
            figure(
                "Scholingsgesprekken bij een uitkeringsaanvraag", 223, "gesprekken", "2023-2024"
            ),
        ],
        "body": [
            heading("Wie doet wat?"),
            (
                "paragraph",
                "<p>Zeven gemeenten werken samen in een gemeenschappelijke regeling: Beverwijk, "
                "Bloemendaal, Haarlem, Heemskerk, Heemstede, Velsen en Zandvoort. Het Leerplein "
                "voert de leerplicht uit in Zuid-Kennemerland en het Doorstroompunt (voorheen "
                "RMC) voor de hele regio. De IJmond-gemeenten doen de leerplicht zelf.</p>",
            ),
            heading("Vrijstellingen"),
            (
                "paragraph",
                "<p>Het aantal vrijstellingen groeit al jaren langzaam. De grote groei bij "
                "vervangende leerplicht (3a/3b) komt door een afspraak met het Nova College voor "
                "15-jarigen die daar starten.</p>",
            ),
            heading("Voortijdig schoolverlaten"),
            (
                "paragraph",
                "<p>In schooljaar 2022-2023 telde DUO 572 voortijdig schoolverlaters, minder dan "
                "de 616 van een jaar eerder. De regio hoort daarmee bij de regio's die het beter "
                "doen. Het doel voor 2024 is ruim 10% minder nieuwe vsv'ers (naar 500).</p>",
            ),
            table(
                "HALT-verwijzingen en processen-verbaal 2023-2024",
                [
                    ["Soort verzuim", "HALT", "Proces-verbaal"],
                    ["Relatief verzuim", "31", "41"],
                    ["Luxe verzuim", "-", "35"],
                    ["Absoluut verzuim", "-", "-"],
                ],
            ),
        ],
    },
]

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
        # The forms come from aanmelden.demo_content; link them once they exist.
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
