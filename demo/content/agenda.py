"""Demo content: the news list with three items and the agenda with four events, from the
source documents (texts in our own words). Events are dated from the day the demo is built, so
the agenda has upcoming events and one past one; a re-run leaves existing pages alone."""

import datetime

from django.utils import timezone

from demo.factories.events import EventIndexPageFactory, EventPageFactory
from demo.factories.home import site_home, stream
from demo.factories.news import NewsIndexPageFactory, NewsPageFactory
from events.models import EventIndexPage
from news.models import NewsIndexPage

NEWS_INTRO = "<p>Berichten over regelingen, scholen en werkgevers in de regio.</p>"
AGENDA_INTRO = (
    "<p>Bijeenkomsten voor ouders, jongeren, scholen en werkgevers. Zet een evenement in uw "
    "eigen agenda, of abonneer u op de hele agenda.</p>"
)

# (slug, title, date, summary, body paragraphs)
NEWS = [
    (
        "leerwerkmakelaar-helpt-44-jongeren-aan-een-plek",
        "Leerwerkmakelaar helpt 44 jongeren aan een plek",
        datetime.date(2024, 11, 14),
        "In schooljaar 2023-2024 sprak de leerwerkmakelaar van het Leerplein 54 jongeren. "
        "44 van hen hebben nu een leerwerkplek of werk.",
        [
            "De leerwerkmakelaar is er voor jongeren die geen stageplek of BBL-plek vinden, of "
            "die hun plek tijdens de opleiding kwijtraken. Samen met de jongere zoekt de "
            "leerwerkmakelaar een werkgever die past.",
            "Uit het jaarverslag van het Leerplein over 2023-2024 blijkt dat dit werkt: van de 54 "
            "jongeren die de leerwerkmakelaar sprak, gingen er 44 aan de slag op een BBL-plek of "
            "in een baan.",
        ],
    ),
    (
        "kwetsbare-overstap-niemand-raakt-uit-beeld",
        "Kwetsbare overstap: samen zorgen dat niemand uit beeld raakt",
        datetime.date(2023, 9, 4),
        "Scholen voor VSO, praktijkonderwijs en Entree dragen jongeren over aan hun volgende "
        "school, werk of dagbesteding, zodat het RMC kan zien of het goed gaat.",
        [
            "De overstap na het VSO, het praktijkonderwijs of een Entree-opleiding is voor veel "
            "jongeren een kwetsbaar moment. Daarom werken scholen, gemeenten en werkgevers met "
            "vaste afspraken over de overdracht, ondersteund door het programma Kwetsbare "
            "Overstap van Intergrip.",
            "De aanpak richt zich op termijn op zo'n 1.100 leerlingen per jaar die de stap maken "
            "naar onderwijs, arbeid of dagbesteding.",
        ],
    ),
    (
        "impuls-baankansen-voor-pro-en-vso",
        "Impuls Baankansen: scholen zetten samenwerking voort",
        datetime.date(2019, 7, 16),
        "De scholen voor praktijkonderwijs en VSO in Zuid-Kennemerland en IJmond krijgen samen "
        "€ 256.800 om jongeren te helpen aan werk of een vervolgopleiding.",
        [
            "Het Europese geld waarmee de scholen jarenlang leerlingen naar werk begeleidden, "
            "was voor 2019-2020 op. De regeling Impuls Baankansen komt daarvoor in de plaats.",
            "Het college van Haarlem heeft op 16 juli 2019 de informatienota over het "
            "uitvoeringsplan vastgesteld. De scholen zetten daarmee de aanpak voort die in de "
            "regio al goed werkte.",
        ],
    ),
]

# (slug, title, days from today, (hour, minute) or None for a whole day, hours, summary,
#  location, organiser, registration link, body)
EVENTS = [
    (
        "informatieavond-ouders-stage-en-werk",
        "Informatieavond voor ouders: na school aan het werk",
        12,
        (19, 30),
        2,
        "Uw kind zit op het praktijkonderwijs of VSO. Wat komt er na school, en wie helpt daarbij?",
        "Nova College, Zijlweg 200, Haarlem",
        "Leerplein",
        "https://www.leerplein-mzk.nl",
        "De leerwerkmakelaar en de doorstroomcoach vertellen hoe zij jongeren helpen bij stage, "
        "BBL en werk. Er is tijd voor uw vragen.",
    ),
    (
        "banenmarkt-leerwerkplekken",
        "Banenmarkt leerwerkplekken",
        30,
        None,
        0,
        "Werkgevers uit de regio laten zien welke BBL-plekken en banen zij hebben.",
        "Sporthal De Kooi, Haarlem",
        "Werkgeversservicepunt Zuid-Kennemerland en IJmond",
        "",
        "Een hele dag om kennis te maken met werkgevers. Neem je cv mee en loop binnen wanneer "
        "het jou uitkomt.",
    ),
    (
        "netwerkbijeenkomst-scholen-en-gemeenten",
        "Netwerkbijeenkomst scholen en gemeenten",
        45,
        (15, 0),
        2,
        "School en gemeente bespreken samen hoe de overdracht na school beter kan.",
        "Stadhuis Haarlem",
        "Gemeente Haarlem",
        "",
        "Voor mentoren, stagebegeleiders, leerplichtambtenaren en consulenten van de gemeente. "
        "We bespreken de ervaringen met de Kwetsbare Overstap.",
    ),
    (
        "werkgeversontbijt-praktijkverklaring",
        "Werkgeversontbijt: de praktijkverklaring",
        -21,
        (8, 0),
        1,
        "Een ontbijt voor werkgevers over wat een praktijkverklaring zegt over een leerling.",
        "Leerwerkbedrijf IJmond, Velsen",
        "Werkgeversservicepunt Zuid-Kennemerland en IJmond",
        "",
        "Werkgevers hoorden hoe een leerling met een praktijkverklaring laat zien wat hij "
        "kan, ook zonder diploma.",
    ),
]


def build(stdout):
    news = NewsIndexPageFactory(parent=site_home(), intro=NEWS_INTRO)
    for slug, title, date, summary, paragraphs in NEWS:
        NewsPageFactory(
            parent=news,
            slug=slug,
            title=title,
            date=date,
            summary=summary,
            body=stream(*(("paragraph", f"<p>{text}</p>") for text in paragraphs)),
        )
    agenda = EventIndexPageFactory(parent=site_home(), intro=AGENDA_INTRO)
    today = timezone.localdate()
    zone = timezone.get_default_timezone()
    for slug, title, offset, time, hours, summary, location, organiser, link, text in EVENTS:
        day = today + datetime.timedelta(days=offset)
        start = datetime.datetime.combine(day, datetime.time(*(time or (0, 0))), zone)
        EventPageFactory(
            parent=agenda,
            slug=slug,
            title=title,
            start=start,
            end=start + datetime.timedelta(hours=hours),
            all_day=time is None,
            summary=summary,
            location=location,
            organiser=organiser,
            registration_url=link,
            body=stream(("paragraph", f"<p>{text}</p>")),
        )
    stdout.write(f"  {len(NEWS)} nieuwsberichten en {len(EVENTS)} evenementen")


def reset():
    for model in (NewsIndexPage, EventIndexPage):
        for index in model.objects.child_of(site_home()):
            index.delete()
