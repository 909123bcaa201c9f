"""Demo content in English: the pages that explain the forms, translated with Wagtail's simple
translation (copy_for_translation, as the admin's "Vertalen" action does), under an English home
page that says the rest of the portal is in Dutch. Idempotent: a page with an English
translation is left alone."""

from wagtail.models import Locale, Page

from demo.factories.home import site_home, stream

ALTERNATIVE = (
    "<p><b>Prefer not to do this online?</b> Call us on 023 123 45 67 (Monday to Friday, "
    "9.00 to 17.00). We fill in the form with you, or send you a paper form. You can also "
    "write to Leerwerkportaal, Postbus 1234, 2000 AB Haarlem, the Netherlands.</p>"
)

HOME = {
    "title": "Leerwerkportaal",
    "summary": "Help with the step from school to work in the region, for young people, "
    "parents and employers.",
    "intro": "Information and help with the step from school to work for young people, parents, "
    "schools and employers in the region. Report an exemption, offer a work placement or ask a "
    "leerwerkmakelaar (a work and learning adviser) for help.",
    "body": [
        ("heading", {"text": "Only some pages are in English", "level": "h2"}),
        (
            "paragraph",
            "<p>The forms, the pages that explain them, the contact page and the privacy and "
            "accessibility statements are available in English. All other pages of this "
            "website, such as the schemes, policy documents and good practices, are only "
            "available in Dutch.</p>",
        ),
    ],
}

# The Dutch page's path below the home page: the English texts of its translation. Parents come
# before their children.
PAGES = {
    "aanmelden/": {
        "title": "Forms",
        "summary": "The three forms of the portal: report an exemption, offer a place and get "
        "help from a leerwerkmakelaar.",
        "intro": "<p>Choose the form that fits your situation. You can also give us all "
        "forms by phone or by post.</p>" + ALTERNATIVE,
    },
    "aanmelden/vrijstelling/": {
        "title": "Report an exemption from compulsory education",
        "summary": "For parents and carers: report an exemption from compulsory education or "
        "apply for alternative compulsory education.",
        "intro": "<p>Can your child not go to school? For example because your child is ill, "
        "goes to school abroad, or because you object to the religious or philosophical "
        "basis of all schools nearby? Then report it here to the school attendance officer "
        "(leerplichtambtenaar).</p><p>Under article 5 (illness, objection, school abroad) "
        "this is a <b>notification</b>: the exemption applies once your report is complete "
        "and on time. Under article 15 and for alternative compulsory education (articles "
        "3a and 3b) it is an <b>application</b>: the municipality takes a decision.</p>",
        "before_you_start": "<ul><li>your child's citizen service number (BSN) or education "
        "number</li><li>for illness: the statement of an independent doctor, if you already "
        "have it</li><li>for a school abroad: proof of enrolment (PDF, JPG or PNG)</li></ul>"
        "<p>Filling in the form takes about 10 minutes. You can go back to earlier steps "
        "without losing anything.</p>",
        "help_text": "<p>Not sure which reason fits? Call the school attendance officer. We "
        "are happy to help.</p>",
        "what_happens_next": "<p>You get a confirmation by email straight away. Within 10 "
        "working days the school attendance officer checks whether your report is complete "
        "and on time. If something is missing, we contact you. For an application you get "
        "a decision within 8 weeks.</p>",
    },
    "aanmelden/stageplaats/": {
        "title": "Offer a work placement or apprenticeship",
        "summary": "For employers: offer a work placement, a taster placement or an "
        "apprenticeship (BBL) to a young person from the region.",
        "intro": "<p>Does your organisation have a place for a young person? Tell us here. "
        "The employer service point (Werkgeversservicepunt) looks for a young person who "
        "fits your place, and helps you if you are not yet a recognised training company."
        "</p>",
        "before_you_start": "<ul><li>your Chamber of Commerce (KvK) number (8 digits)</li>"
        "<li>if you have it: your training company ID from SBB</li><li>for each place: the "
        "kind of place, the level, the number of hours and the start date</li></ul>",
        "help_text": "<p>Questions about recognition or supervision? The employer service "
        "point is happy to help.</p>",
        "what_happens_next": "<p>You get a confirmation by email straight away. Within 5 "
        "working days an account manager of the employer service point contacts you. If you "
        "agree, we then list the place on the work placements page, without the name of "
        "your contact person.</p>",
    },
    "aanmelden/leerwerkmakelaar/": {
        "title": "Sign up with the leerwerkmakelaar",
        "summary": "For young people aged 16 to 27 who are looking for an apprenticeship, "
        "work placement, job or course, or a referral by a professional.",
        "intro": "<p>Are you between 16 and 27 and looking for an apprenticeship, a work "
        "placement, a job or a course? Or did you leave school? The leerwerkmakelaar (a work "
        "and learning adviser) helps you on your way. Are you a professional (school, coach, "
        "municipality)? Then you can also sign up a young person here, if they agree.</p>",
        "before_you_start": "<p>Filling in the form takes about 5 minutes. You only need your "
        "contact details.</p>",
        "help_text": "<p>Stuck, or do you have a question? Call or text the leerwerkmakelaar.</p>",
        "what_happens_next": "<p>You get a confirmation by email straight away. Within 5 "
        "working days a leerwerkmakelaar calls you for a first talk.</p>",
    },
    "contact/": {
        "title": "Contact",
        "summary": "Call, email or write to us. You can also do everything without the internet.",
        "body": [
            (
                "paragraph",
                "<p>Do you have a question, or can you not fill in a form online? Get in "
                "touch. We also help you on the phone or send you a paper form. We answer in "
                "Dutch or in English.</p>",
            ),
            ("heading", {"text": "Phone", "level": "h2"}),
            ("paragraph", "<p>023 123 45 67, Monday to Friday from 9.00 to 17.00.</p>"),
            ("heading", {"text": "Email", "level": "h2"}),
            (
                "paragraph",
                "<p>info@leerwerkportaal.example. Do not send a citizen service number (BSN) "
                "or medical details by email: use the form for that.</p>",
            ),
            ("heading", {"text": "Post", "level": "h2"}),
            ("paragraph", "<p>Leerwerkportaal, Postbus 1234, 2000 AB Haarlem.</p>"),
        ],
    },
    "privacyverklaring/": {
        "title": "Privacy statement",
        "summary": "Which details we ask for, why, who sees them and how long we keep them.",
        "body": [
            (
                "paragraph",
                "<p>We only ask for the details we need to handle your report, offer or "
                "request. We handle them with care, under the General Data Protection "
                "Regulation (GDPR).</p>",
            ),
            ("heading", {"text": "Which details and why", "level": "h2"}),
            (
                "paragraph",
                "<ul><li><b>Exemption from compulsory education</b>: the details the "
                "Compulsory Education Act (article 6) requires, such as the citizen service "
                "number, the name and address of the child, and the details of the parents. "
                "An exemption for health reasons or because of an objection to the basis of "
                "the schools involves special categories of personal data. Only the school "
                "attendance officer sees them.</li><li><b>Work placements and "
                "apprenticeships</b>: the details of your organisation and a contact person. "
                "We only publish the place itself, never the contact person.</li><li><b>"
                "Leerwerkmakelaar</b>: the details of the young person we need to get in "
                "touch and find a suitable place.</li></ul>",
            ),
            ("heading", {"text": "Who sees your details", "level": "h2"}),
            (
                "paragraph",
                "<p>Only the team that handles your form. Every time a member of staff views "
                "or exports a form, we record who did it and when.</p>",
            ),
            ("heading", {"text": "How long we keep details", "level": "h2"}),
            (
                "paragraph",
                "<p>Once your form has been dealt with, we keep personal details no longer "
                "than needed. Then we delete them automatically; only counts without names "
                "remain for the annual report.</p>",
            ),
            ("heading", {"text": "Your rights", "level": "h2"}),
            (
                "paragraph",
                "<p>You may see your details, have them corrected or have them deleted. "
                "Contact us to do so. If you do not agree with how we handle your details, "
                "you can complain to the Dutch Data Protection Authority (Autoriteit "
                "Persoonsgegevens).</p>",
            ),
        ],
    },
    "toegankelijkheidsverklaring/": {
        "title": "Accessibility statement",
        "summary": "Everyone should be able to use this website. This is how we make sure.",
        "body": [
            (
                "paragraph",
                "<p>We want everyone to be able to use this website, also with a screen "
                "reader, with the keyboard only or with magnification. The website follows "
                "the WCAG 2.1 guidelines at level AA (EN 301 549).</p>",
            ),
            ("heading", {"text": "How we check this", "level": "h2"}),
            (
                "paragraph",
                "<p>With every change an automated test checks all kinds of pages and every "
                "step of the forms in a real browser. All pages work without JavaScript. "
                "Forms show clear error messages next to the field and a list of the errors "
                "at the top.</p>",
            ),
            ("heading", {"text": "Something does not work?", "level": "h2"}),
            (
                "paragraph",
                "<p>Do you still run into a problem? Let us know by phone or email (see "
                "Contact). We reply within five working days and help you another way in the "
                "meantime.</p>",
            ),
        ],
    },
}

# The English home's highlights: the forms, by their Dutch paths.
HIGHLIGHTS = ["aanmelden/vrijstelling/", "aanmelden/stageplaats/", "aanmelden/leerwerkmakelaar/"]


def english():
    return Locale.objects.get_or_create(language_code="en")[0]


def english_home():
    """The English home page: the translation of the Dutch one (made by home's migration)."""
    home = site_home()
    locale = english()
    return (home.get_translation_or_none(locale) or home.copy_for_translation(locale)).specific


def _set(page, values):
    for field, value in values.items():
        setattr(page, field, stream(*value) if field == "body" else value)
    page.draft_title = page.title


def _dutch_pages():
    """(path, page) of the Dutch pages to translate that exist, parents first."""
    base = site_home().url_path
    found = Page.objects.filter(url_path__in=[base + path for path in PAGES]).specific()
    pages = {page.url_path[len(base) :]: page for page in found}
    return [(path, pages[path]) for path in PAGES if path in pages]


def build(stdout):
    locale = english()
    home = english_home()
    made = 0
    for path, page in _dutch_pages():
        if page.has_translation(locale):
            continue
        translation = page.copy_for_translation(locale)
        _set(translation, PAGES[path])
        translation.save_revision().publish()
        made += 1
    home = Page.objects.get(pk=home.pk).specific
    if not home.live or not home.intro:
        _set(home, HOME)
        blocks = []
        for path in HIGHLIGHTS:
            page = Page.objects.filter(url_path=home.url_path + path).first()
            if page is not None:
                blocks.append(("highlight", {"page": page.pk, "title": "", "text": ""}))
        home.highlights = stream(*blocks)
        home.save_revision().publish()
    stdout.write(f"  Engels: startpagina en {made} vertaalde pagina's onder /en/")


def reset():
    home = site_home().get_translation_or_none(english())
    if home is None:
        return
    for page in home.get_children():
        page.delete()
    home = Page.objects.get(pk=home.pk).specific  # fresh numchild after the deletes
    home.intro = ""
    home.highlights = []
    home.save_revision().publish()
