"""Walk a wizard with Django's test client: valid answers per step, and a POST helper."""

import re

from django.core.files.uploadedfile import SimpleUploadedFile

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def pdf_upload(name="bewijs.pdf"):
    return SimpleUploadedFile(name, PDF, content_type="application/pdf")


def date_parts(prefix, day, month, year):
    return {f"{prefix}_0": str(day), f"{prefix}_1": str(month), f"{prefix}_2": str(year)}


VRIJSTELLING = {
    "reden": {"notifier_role": "ouder", "ground": "5c", "previous_exemption": "nee"},
    "kind": {
        "child_first_name": "Özlem",
        "child_last_name": "van den Berg",
        "child_id_kind": "bsn",
        "child_id_number": "111222333",
        **date_parts("child_birth_date", 4, 3, 2015),
        "child_sex": "meisje",
        "child_street_address": "Dorpsstraat 1",
        "child_postcode": "2011ab",
        "child_city": "Haarlem",
        "municipality": "Haarlem",
        "school_name": "",
        "school_city": "",
    },
    "ouder": {
        "parent_first_name": "Anna",
        "parent_last_name": "'t Hart",
        "parent_email": "anna@example.org",
        "parent_phone": "06-12345678",
        "parent_same_address": "ja",
        "second_parent": "geen",
    },
    "buitenland": {
        "abroad_school_name": "École Jean Jaurès",
        "abroad_school_city": "Lille",
        "abroad_country": "Frankrijk",
        **date_parts("abroad_start", 1, 9, 2025),
        **date_parts("abroad_end", 31, 7, 2026),
    },
    "verklaring": {"declaration": "on"},
}
VRIJSTELLING_FILES = {"buitenland": {"abroad_proof": pdf_upload}}

STAGEAANBOD = {
    "organisatie": {
        "organisation_name": "Bakkerij 't Hart",
        "kvk_number": "0123 4567",
        "street_address": "Dorpsstraat 1",
        "postcode": "1234 AB",
        "city": "Haarlem",
        "sector": "horeca",
        "website": "www.example.org",
    },
    "erkenning": {"sbb_recognised": "ja", "sbb_id": "100012345"},
    "contactpersoon": {
        "contact_first_name": "Jan",
        "contact_last_name": "de Vries",
        "contact_role": "Eigenaar",
        "contact_email": "jan@example.org",
        "contact_phone": "+31 23 123 4567",
    },
    "plekken": {
        "TOTAL_FORMS": "1",
        "INITIAL_FORMS": "0",
        "MIN_NUM_FORMS": "1",
        "MAX_NUM_FORMS": "10",
        "0-place_type": "bbl",
        "0-level": "mbo2",
        "0-number": "2",
        "0-hours_per_week": "32",
        **date_parts("0-start_date", 1, 9, 2027),
        "0-location": "Haarlem",
        "0-supervisor_available": "ja",
        "0-description": "Brood bakken en de winkel helpen.",
    },
    "publicatie": {"consent_publication": "ja"},
}

LEERWERKMAKELAAR = {
    "wie": {"filled_in_by": "zelf"},
    "jongere": {
        "first_name": "Sem",
        "last_name": "Bakker",
        **date_parts("birth_date", 12, 5, 2006),
        "email": "sem@example.org",
        "phone": "0031612345678",
        "municipality": "Velsen",
    },
    "situatie": {
        "situation": "gestopt",
        "school_name": "",
        "school_level": "",
        "situation_other": "",
    },
    "wensen": {"looking_for": ["wants_bbl", "wants_job"], "sectors": ["logistiek"]},
    "beschikbaarheid": {"availability": "Per direct, 32 uur", "support_needs": ""},
}


def prefixed(step, data):
    out = {}
    for key, value in data.items():
        out[f"{step}-{key}"] = value
    return out


def post_step(client, page, step, data, files=None, meta=None, **extra):
    payload = {f"wizard_{page.pk}-current_step": step, **prefixed(step, data), **extra}
    for name, make in (files or {}).items():
        payload[f"{step}-{name}"] = make()
    return client.post(f"{page.url}stap/{step}/", payload, **(meta or {}))


def submission_key(client, page):
    response = client.get(f"{page.url}stap/controleren/")
    assert response.status_code == 200, response.status_code
    match = re.search(r'name="controleren-submission_key" value="([0-9a-f-]+)"', response.text)
    assert match, "no submission key on the check page"
    return match.group(1)


def fill_all(client, page, steps, files=None):
    for step, data in steps.items():
        response = post_step(client, page, step, data, (files or {}).get(step))
        assert response.status_code == 302, (step, response.status_code, errors_in(response))
    return submission_key(client, page)


def final_post(client, page, key, meta=None):
    data = {"submission_key": key, "hp_check": ""}
    return post_step(client, page, "controleren", data, meta=meta)


def errors_in(response):
    text = getattr(response, "text", "")
    return re.findall(r'class="form-error"[^>]*>.*?</span>\s*(.*?)</span>', text, re.S)
