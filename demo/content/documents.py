"""Demo content: the policy documents from the source documents (texts in our own words; names,
dates, amounts and figures from the sources) and the block helpers their pages are written with.
Data only: demo.content.regelingen builds the pages."""

import datetime

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
