"""Demo content of the home app: organisation settings, the home page and the statement pages."""

import json

from wagtail.models import Page, Site

from demo.factories.home import ContentPageFactory, site_home, stream
from goodpractices.models import Doelgroep
from home.models import ContentPage, OrganisationSettings

ORGANISATION = {
    "name": "Leerwerkportaal Zuid-Kennemerland en IJmond",
    "street_address": "Postbus 1234",
    "postcode_city": "2000 AB Haarlem",
    "phone": "023 123 45 67",
    "phone_hours": "maandag tot en met vrijdag van 9.00 tot 17.00 uur",
    "email": "info@leerwerkportaal.example",
}

HOME_INTRO = (
    "Informatie en hulp bij de stap van school naar werk voor jongeren, ouders, scholen en "
    "werkgevers in de regio. Regel een vrijstelling, bied een stageplaats aan of vraag een "
    "leerwerkmakelaar."
)

# (slug, title, summary, show_in_menus, body blocks)
PAGES = [
    (
        "over-het-portaal",
        "Over het portaal",
        "Waarom dit portaal er is, voor wie het is en wie erachter zitten.",
        True,
        [
            (
                "paragraph",
                "<p>Het Leerwerkportaal helpt jongeren van 16 tot 27 jaar bij de "
                "overstap van school naar werk. Vooral jongeren uit het praktijkonderwijs (PrO), het "
                "voortgezet speciaal onderwijs (VSO) en de entreeopleiding krijgen hier hulp, omdat "
                "die overstap voor hen vaak het moeilijkst is.</p>",
            ),
            ("heading", {"text": "Voor wie?", "level": "h2"}),
            (
                "paragraph",
                "<ul><li><b>Ouders en verzorgers</b> melden hier een vrijstelling "
                "van de leerplicht of vragen er een aan.</li><li><b>Werkgevers</b> bieden een "
                "stageplaats of een BBL-leerwerkplek aan.</li><li><b>Jongeren</b> en hun begeleiders "
                "vragen hulp van een leerwerkmakelaar.</li><li><b>Scholen en gemeenten</b> vinden "
                "de regelingen, beleidsstukken en goede voorbeelden uit de regio.</li></ul>",
            ),
            ("heading", {"text": "Wie zitten erachter?", "level": "h2"}),
            (
                "paragraph",
                "<p>Het portaal is van de gemeenten in de regio samen met het "
                "Regionaal Bureau Leerplicht, het Werkgeversservicepunt, de scholen en het "
                "Doorstroompunt (voorheen RMC). Elk team behandelt de aanmeldingen voor zijn eigen "
                "taak.</p>",
            ),
        ],
    ),
    (
        "contact",
        "Contact",
        "Bel, mail of schrijf ons. U kunt alles ook zonder internet regelen.",
        True,
        [
            (
                "paragraph",
                "<p>Heeft u een vraag, of lukt het niet om een formulier online in te "
                "vullen? Neem contact op. Wij helpen u ook aan de telefoon of sturen een formulier "
                "op papier.</p>",
            ),
            ("heading", {"text": "Telefoon", "level": "h2"}),
            (
                "paragraph",
                "<p>023 123 45 67, maandag tot en met vrijdag van 9.00 tot 17.00 uur.</p>",
            ),
            ("heading", {"text": "E-mail", "level": "h2"}),
            (
                "paragraph",
                "<p>info@leerwerkportaal.example. Stuur geen burgerservicenummer of "
                "medische gegevens per e-mail: gebruik daarvoor het formulier.</p>",
            ),
            ("heading", {"text": "Post", "level": "h2"}),
            ("paragraph", "<p>Leerwerkportaal, Postbus 1234, 2000 AB Haarlem.</p>"),
        ],
    ),
    (
        "privacyverklaring",
        "Privacyverklaring",
        "Welke gegevens wij vragen, waarom, wie ze ziet en hoe lang wij ze bewaren.",
        False,
        [
            (
                "paragraph",
                "<p>Wij vragen alleen de gegevens die nodig zijn om uw melding, aanbod "
                "of aanvraag te behandelen. Wij gaan zorgvuldig met die gegevens om, volgens de "
                "Algemene verordening gegevensbescherming (AVG).</p>",
            ),
            ("heading", {"text": "Welke gegevens en waarom", "level": "h2"}),
            (
                "paragraph",
                "<ul><li><b>Vrijstelling leerplicht</b>: de gegevens die de "
                "Leerplichtwet (artikel 6) voorschrijft, zoals het burgerservicenummer, de naam en "
                "het adres van het kind, en de gegevens van de ouders. Bij een vrijstelling om "
                "gezondheidsredenen of vanwege bezwaren tegen de richting van scholen gaat het om "
                "bijzondere persoonsgegevens. Die ziet alleen de leerplichtambtenaar.</li>"
                "<li><b>Stage- en BBL-plaatsen</b>: de gegevens van uw organisatie en een "
                "contactpersoon. Wij publiceren alleen de plaats zelf, nooit de contactpersoon."
                "</li><li><b>Leerwerkmakelaar</b>: de gegevens van de jongere die nodig zijn om "
                "contact op te nemen en een passende plek te zoeken.</li></ul>",
            ),
            ("heading", {"text": "Wie ziet uw gegevens", "level": "h2"}),
            (
                "paragraph",
                "<p>Alleen het team dat uw aanmelding behandelt. Elke keer dat een "
                "medewerker een aanmelding bekijkt of exporteert, leggen wij vast wie dat deed en "
                "wanneer.</p>",
            ),
            ("heading", {"text": "Hoe lang wij gegevens bewaren", "level": "h2"}),
            (
                "paragraph",
                "<p>Na afhandeling bewaren wij persoonsgegevens niet langer dan nodig. "
                "Daarna verwijderen wij ze automatisch; alleen tellingen zonder namen blijven over "
                "voor het jaarverslag.</p>",
            ),
            ("heading", {"text": "Uw rechten", "level": "h2"}),
            (
                "paragraph",
                "<p>U mag uw gegevens inzien, laten verbeteren of laten verwijderen. "
                "Neem daarvoor contact met ons op. Bent u het niet eens met hoe wij met uw gegevens "
                "omgaan, dan kunt u een klacht indienen bij de Autoriteit Persoonsgegevens.</p>",
            ),
        ],
    ),
    (
        "toegankelijkheidsverklaring",
        "Toegankelijkheidsverklaring",
        "Iedereen moet deze website kunnen gebruiken. Zo zorgen wij daarvoor.",
        False,
        [
            (
                "paragraph",
                "<p>Wij willen dat iedereen deze website kan gebruiken, ook met een "
                "schermlezer, alleen met het toetsenbord of met vergroting. De website volgt de "
                "richtlijnen WCAG 2.1 op niveau AA (EN 301 549).</p>",
            ),
            ("heading", {"text": "Hoe wij dat controleren", "level": "h2"}),
            (
                "paragraph",
                "<p>Bij elke wijziging controleert een automatische test alle soorten "
                "pagina's en elke stap van de formulieren in een echte browser. Alle pagina's "
                "werken zonder JavaScript. Formulieren gebruiken duidelijke foutmeldingen bij het "
                "veld en een overzicht van de fouten bovenaan.</p>",
            ),
            ("heading", {"text": "Lukt het niet?", "level": "h2"}),
            (
                "paragraph",
                "<p>Loopt u toch tegen een probleem aan? Laat het ons weten via "
                "telefoon of e-mail (zie Contact). Wij reageren binnen vijf werkdagen en helpen u "
                "intussen op een andere manier.</p>",
            ),
        ],
    ),
]

HIGHLIGHT_PATHS = [
    (
        "/aanmelden/vrijstelling/",
        "Vrijstelling leerplicht melden",
        "Voor ouders en verzorgers: meld een vrijstelling of vraag er een aan.",
    ),
    (
        "/aanmelden/stageplaats/",
        "Stageplaats of BBL-plek aanbieden",
        "Voor werkgevers: bied een plek aan voor een jongere.",
    ),
    (
        "/aanmelden/leerwerkmakelaar/",
        "Hulp van een leerwerkmakelaar",
        "Voor jongeren van 16 tot 27 jaar, of een doorverwijzing door een professional.",
    ),
    ("/regelingen/", "", "Alle regelingen in de regio, van vrijstelling tot Impuls Baankansen."),
    ("/beleid/", "", "Informatienota's, programmaplannen en jaarverslagen met kerncijfers."),
    ("/goede-voorbeelden/", "", "Aanpakken uit het hele land die werken."),
]


def build(stdout):
    site = Site.objects.get(is_default_site=True)
    home = site_home()
    if not home.intro:
        home.intro = HOME_INTRO
        home.summary = HOME_INTRO
        home.save_revision().publish()

    settings = OrganisationSettings.for_site(site)
    if not settings.street_address:
        for field, value in ORGANISATION.items():
            setattr(settings, field, value)

    for slug, title, summary, in_menu, body in PAGES:
        page = ContentPageFactory(
            parent=home,
            slug=slug,
            title=title,
            summary=summary,
            body=stream(*body),
            show_in_menus=in_menu,
        )
        if slug == "privacyverklaring" and not settings.privacy_page_id:
            settings.privacy_page = page
        if slug == "toegankelijkheidsverklaring" and not settings.accessibility_page_id:
            settings.accessibility_page = page
    settings.save()
    stdout.write("  startpagina, organisatie en informatiepagina's")


def link_highlights(stdout):
    """Point the home page's highlights at the forms and sections, once they exist."""
    home = site_home()
    if home.highlights:
        return
    site = Site.objects.get(is_default_site=True)
    base = site.root_page.url_path
    blocks = []
    for path, title, text in HIGHLIGHT_PATHS:
        page = Page.objects.filter(url_path=base + path.lstrip("/")).first()
        if page is not None:
            blocks.append(("highlight", {"page": page.pk, "title": title, "text": text}))
    if blocks:
        home.highlights = stream(*blocks)
        home.save_revision().publish()
        stdout.write(f"  {len(blocks)} uitgelichte links op de startpagina")


def add_listing(stdout):
    """A listing block on the home page: the newest good practices for PrO pupils, composed
    as an editor would (page type, target group, order, number, a link to the whole list)."""
    home = site_home()
    if any(block.block_type == "listing" for block in home.body):
        return
    site = Site.objects.get(is_default_site=True)
    index = Page.objects.filter(url_path=f"{site.root_page.url_path}goede-voorbeelden/").first()
    target_group = Doelgroep.objects.filter(slug="pro").first()
    if index is None or target_group is None:
        return
    listing = {
        "title": "Goede voorbeelden voor het praktijkonderwijs",
        "page_types": ["goodpractices.goodpracticepage"],
        "target_groups": [target_group.pk],
        "sort": "newest",
        "number": 3,
        "more_page": index.pk,
        "more_text": "Alle goede voorbeelden",
    }
    home.body = json.dumps([*home.body.raw_data, {"type": "listing", "value": listing}])
    home.save_revision().publish()
    stdout.write("  een lijst van goede voorbeelden op de startpagina")


# The main menu shows the home page's children in tree order: sections first, then the portal.
MENU_ORDER = [
    "regelingen",
    "beleid",
    "goede-voorbeelden",
    "nieuws",
    "agenda",
    "stageplaatsen",
    "aanmelden",
    "over-het-portaal",
    "contact",
]


def order_main_menu():
    """Put the home page's children in MENU_ORDER (others after them); no-op when in order."""
    home = site_home()
    children = list(home.get_children())
    rank = {slug: n for n, slug in enumerate(MENU_ORDER)}
    wanted = sorted(children, key=lambda page: rank.get(page.slug, len(rank)))
    if [page.pk for page in wanted] == [page.pk for page in children]:
        return
    for page in wanted:
        # Fresh from the database each time: a move changes the tree paths of the others.
        Page.objects.get(pk=page.pk).move(site_home(), pos="last-child")


def reset():
    home = site_home()
    for page in ContentPage.objects.child_of(home).filter(slug__in=[p[0] for p in PAGES]):
        page.delete()
    home = site_home()  # fresh numchild: saving the stale instance would corrupt the tree
    home.highlights = []
    home.body = []
    home.save_revision().publish()
