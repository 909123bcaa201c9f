"""Demo content: the taxonomy and the good practices from the knowledge page on the outflow of
PrO, VSO and entree pupils (texts in our own words, facts from the source)."""

from demo.factories.goodpractices import (
    DoelgroepFactory,
    GoodPracticeIndexPageFactory,
    GoodPracticePageFactory,
    OrganisatieFactory,
    RegioFactory,
    ThemaFactory,
)
from demo.factories.home import site_home
from goodpractices.models import Doelgroep, GoodPracticeIndexPage, Organisatie, Regio, Thema

# (slug, name); the order is the order in filters.
DOELGROEPEN = [
    ("pro", "PrO"),
    ("vso", "VSO"),
    ("entree-mbo-1", "Entree/MBO-1"),
    ("mbo", "MBO"),
    ("18-23", "18-23 jaar"),
    ("16-27", "16-27 jaar"),
    ("ouders", "Ouders en verzorgers"),
    ("werkgevers", "Werkgevers"),
]
REGIOS = [
    ("zuid-kennemerland-en-ijmond", "Zuid-Kennemerland en IJmond"),
    ("eemland", "Eemland"),
    ("haaglanden", "Haaglanden"),
    ("achterhoek", "Achterhoek"),
    ("gooi-en-vechtstreek", "Gooi en Vechtstreek"),
    ("drenthe", "Drenthe"),
    ("zutphen-en-lochem", "Zutphen en Lochem"),
    ("landelijk", "Landelijk"),
]
THEMAS = [
    ("stage", "Stage en praktijkleren"),
    ("overstap", "Overstap school-werk"),
    ("samenwerking", "Regionale samenwerking"),
    ("werkgevers", "Werkgevers betrekken"),
    ("certificering", "Certificaten en praktijkverklaringen"),
    ("nazorg", "Nazorg en monitoring"),
]
# (slug, name, website)
ORGANISATIES = [
    ("leerplein", "Leerplein (leerplicht en Doorstroompunt)", "https://www.leerplein-mzk.nl"),
    ("gemeente-haarlem", "Gemeente Haarlem", "https://www.haarlem.nl"),
    ("wsp-zuid-kennemerland-en-ijmond", "Werkgeversservicepunt Zuid-Kennemerland en IJmond", ""),
    ("pro-en-vso-scholen", "Scholen voor PrO en VSO in de regio", ""),
    ("wsp-haaglanden", "Werkgeversservicepunt Haaglanden", "https://www.wsphaaglanden-zhc.nl"),
    ("uwv", "UWV", "https://www.uwv.nl"),
    ("intergrip", "Intergrip", "https://www.intergrip.nl"),
    ("rmc-eemland", "RMC regio Eem", ""),
    ("mbo-amersfoort", "MBO Amersfoort", ""),
    ("roc-midden-nederland", "ROC Midden Nederland", ""),
    ("sw-bedrijven-achterhoek", "SW-bedrijven in de Achterhoek", ""),
    ("borisbaan", "Boris brengt je bij 'n baan", "https://www.borisbaan.nl"),
]

INDEX_INTRO = (
    "<p>Jongeren uit het praktijkonderwijs (PrO), het voortgezet speciaal onderwijs (VSO) en de "
    "entreeopleiding hebben vaak een steuntje in de rug nodig bij de stap naar werk. Die stap "
    "begint al in de laatste jaren op school en loopt door in de eerste tijd op het werk. School, "
    "gemeente en werkgevers hebben daar allemaal een rol in. Daarom werkt het beter als zij in de "
    "regio samen afspraken maken.</p>"
    "<p>Gemeenten kunnen die samenwerking aanjagen: een vast overleg met het onderwijs, een "
    "projectgroep met scholen, sociale dienst en UWV, een warme overdracht van school naar "
    "gemeente, en budgetten die samen worden ingezet. Hieronder staan aanpakken die al werken.</p>"
)

# (slug, title, summary, regions, target groups, themes, partners, approach, results, lessons,
#  website)
PRACTICES = [
    (
        "boris-brengt-je-bij-n-baan",
        "Boris brengt je bij 'n baan",
        "Leerlingen uit het VSO en praktijkonderwijs leren in een bedrijf en laten met een "
        "praktijkverklaring zien wat ze kunnen.",
        ["landelijk"],
        ["pro", "vso", "werkgevers"],
        ["stage", "certificering", "werkgevers"],
        ["borisbaan", "pro-en-vso-scholen"],
        "<p>De leerling leert op een echte werkplek in een bedrijf. Wat de leerling daar kan, "
        "wordt vastgelegd in een praktijkverklaring.</p>",
        "<p>Veel scholen voor VSO en praktijkonderwijs deden de afgelopen jaren mee aan het "
        "pilotproject.</p>",
        "<p>Een aanpak om te overwegen: leg vast wat een jongere in de praktijk kan, zodat hij "
        "dat ook zonder diploma kan laten zien. Kijk op borisbaan.nl hoe dat gaat.</p>",
        "https://www.borisbaan.nl",
    ),
    (
        "wsp-haaglanden-stageplaatsen",
        "WSP Haaglanden: stageplaatsen voor PrO en VSO",
        "Het Werkgeversservicepunt helpt scholen om stages te vinden voor leerlingen die de school "
        "zelf moeilijk kan plaatsen.",
        ["haaglanden"],
        ["pro", "vso", "werkgevers"],
        ["stage", "werkgevers", "samenwerking"],
        ["wsp-haaglanden", "pro-en-vso-scholen"],
        "<p>Scholen voor praktijkonderwijs en VSO melden leerlingen bij het Werkgeversservicepunt "
        "(WSP) als zij zelf geen stageplaats vinden. Het WSP zoekt een passende werkgever. Daarnaast "
        "bespreken gemeente en school de jongeren één tot drie keer per jaar in een "
        "netwerkbespreking. De contactpersoon van de gemeente verwijst door bij vragen over "
        "bijvoorbeeld WMO en jeugdzorg.</p>",
        "<p>Leerlingen die de school zelf moeilijk kan plaatsen, krijgen hulp bij het vinden van "
        "een stage. Gemeente en school spreken elkaar één tot drie keer per jaar over deze "
        "jongeren.</p>",
        "<p>Om over na te denken in uw eigen regio: kan één partij de stages zoeken voor "
        "leerlingen die scholen zelf moeilijk plaatsen? En spreken gemeente en school elkaar al "
        "vast over deze jongeren?</p>",
        "https://www.wsphaaglanden-zhc.nl",
    ),
    (
        "achterhoek-van-vso-naar-mbo",
        "Achterhoek: van VSO naar het mbo",
        "Gemeenten, SW-bedrijven, scholen en UWV in de Achterhoek zorgen samen dat VSO-leerlingen "
        "beter doorstromen naar het mbo.",
        ["achterhoek"],
        ["vso", "mbo"],
        ["overstap", "samenwerking"],
        ["sw-bedrijven-achterhoek", "uwv", "pro-en-vso-scholen"],
        "<p>Het project richt zich op jongeren uit gesloten instellingen en op jongeren uit het "
        "rec 3- en rec 4-onderwijs die willen doorstromen naar het ROC. Het project is in fasen "
        "opgezet; die fasering staat in het landelijke overzicht van pilots om kwetsbare "
        "jongeren naar werk te begeleiden.</p>",
        "<p>Het doel is een betere doorstroom van VSO-jongeren naar het mbo.</p>",
        "<p>Om over na te denken: de overstap naar het mbo is voor deze jongeren een kwetsbaar "
        "moment. Gemeenten, SW-bedrijven, scholen en UWV kunnen daar samen aan werken.</p>",
        "",
    ),
    (
        "productief-leren-hilversum",
        "Productief Leren in de regio Hilversum",
        "Partners in de regio Hilversum leiden kwetsbare jongeren samen op en begeleiden ze naar "
        "werk.",
        ["gooi-en-vechtstreek"],
        ["pro", "vso", "entree-mbo-1"],
        ["stage", "samenwerking", "overstap"],
        ["pro-en-vso-scholen"],
        "<p>De regio Hilversum organiseert een omgeving waarin verschillende partners samenwerken "
        "om kwetsbare jongeren op te leiden, te begeleiden en naar werk te leiden. Het project "
        "Productief Leren werkt daaraan.</p>",
        "<p>Kwetsbare jongeren worden binnen één samenwerking opgeleid, begeleid en naar werk "
        "geleid.</p>",
        "<p>Om over na te denken: opleiden, begeleiden en toeleiden naar werk in één "
        "samenwerking, in plaats van los van elkaar.</p>",
        "",
    ),
    (
        "navigator-drenthe",
        "De Navigator-aanpak in Drenthe",
        "Een arbeidsmarktregio in Drenthe begeleidt jongeren uit VSO en PrO naar werk.",
        ["drenthe"],
        ["pro", "vso"],
        ["overstap", "nazorg"],
        ["pro-en-vso-scholen", "uwv"],
        "<p>De Navigator-aanpak begeleidt jongeren uit VSO en praktijkonderwijs naar werk. De "
        "uitwerking staat in het landelijke overzicht van acht goede voorbeelden van "
        "arbeidsmarktregio's.</p>",
        "<p>De aanpak is een van de acht goede voorbeelden van arbeidsmarktregio's voor de "
        "begeleiding van VSO en PrO naar werk.</p>",
        "<p>Om over na te denken: de begeleiding naar werk loopt door na het verlaten van de "
        "school. De kennis die de school van de jongere heeft, is daarbij veel waard.</p>",
        "",
    ),
    (
        "het-plein-zutphen-lochem",
        "Het Plein in Zutphen en Lochem",
        "Een van de acht goede voorbeelden van arbeidsmarktregio's voor de begeleiding van "
        "jongeren uit VSO en PrO naar werk.",
        ["zutphen-en-lochem"],
        ["pro", "vso"],
        ["samenwerking", "nazorg"],
        ["pro-en-vso-scholen"],
        "<p>Het Plein in Zutphen en Lochem begeleidt jongeren uit VSO en praktijkonderwijs naar "
        "werk. De uitwerking staat in het landelijke overzicht van acht goede voorbeelden van "
        "arbeidsmarktregio's.</p>",
        "<p>Ook Het Plein staat in het overzicht van acht goede voorbeelden van "
        "arbeidsmarktregio's voor de begeleiding van VSO en PrO naar werk.</p>",
        "<p>Om over na te denken: een vaste samenwerking tussen onderwijs en gemeente maakt de "
        "stap naar werk voor deze jongeren minder groot.</p>",
        "",
    ),
    (
        "implementatiescan",
        "De implementatiescan",
        "Een digitaal hulpmiddel waarmee de regio nagaat wat al goed gaat en wat beter kan bij de "
        "stap van school naar werk.",
        ["landelijk"],
        ["pro", "vso", "entree-mbo-1"],
        ["samenwerking", "nazorg"],
        [],
        "<p>De implementatiescan is een kennis- en actie-instrument. Partners in de regio vullen "
        "samen vragen in over hun aanpak. De uitkomst laat zien waar de kansen liggen om de "
        "werkkansen van jongeren te verbeteren.</p>",
        "<p>In de bijbehorende databank staan praktijkvoorbeelden die regio's kunnen "
        "overnemen.</p>",
        "<p>Gebruik de scan als start van een gesprek, niet als rapportcijfer. Kies daarna samen "
        "een paar acties.</p>",
        "",
    ),
]


def build_taxonomy():
    terms = {}
    for factory_class, rows in (
        (DoelgroepFactory, DOELGROEPEN),
        (RegioFactory, REGIOS),
        (ThemaFactory, THEMAS),
    ):
        model = factory_class._meta.model
        terms[model] = {}
        for order, (slug, name) in enumerate(rows):
            terms[model][slug] = factory_class(slug=slug, name=name, sort_order=order * 10)
    terms[Organisatie] = {
        slug: OrganisatieFactory(slug=slug, name=name, website=website)
        for slug, name, website in ORGANISATIES
    }
    return terms


def build(stdout):
    terms = build_taxonomy()
    index = GoodPracticeIndexPageFactory(parent=site_home(), intro=INDEX_INTRO)
    for (
        slug,
        title,
        summary,
        regions,
        groups,
        themes,
        partners,
        approach,
        results,
        lessons,
        website,
    ) in PRACTICES:
        existed = index.get_children().filter(slug=slug).exists()
        GoodPracticePageFactory(
            parent=index,
            slug=slug,
            title=title,
            summary=summary,
            approach=approach,
            results=results,
            lessons=lessons,
            website=website,
            taxonomy=None
            if existed
            else {
                "regions": [terms[Regio][s] for s in regions],
                "target_groups": [terms[Doelgroep][s] for s in groups],
                "themes": [terms[Thema][s] for s in themes],
                "partners": [terms[Organisatie][s] for s in partners],
            },
        )
    stdout.write(f"  taxonomie en {len(PRACTICES)} goede voorbeelden")


def reset():
    for index in GoodPracticeIndexPage.objects.child_of(site_home()):
        index.delete()
    # Terms may be used by schemes too; regelingen.reset() runs first (reverse order).
    for model, rows in ((Doelgroep, DOELGROEPEN), (Regio, REGIOS), (Thema, THEMAS)):
        model.objects.filter(slug__in=[slug for slug, _ in rows]).delete()
    Organisatie.objects.filter(slug__in=[row[0] for row in ORGANISATIES]).delete()
