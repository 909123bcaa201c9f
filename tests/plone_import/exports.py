"""Builds small Plone exports around the real Plone 6 export samples in samples/ (their README
names the public repositories they come from).

The samples are copied unchanged; only what they point at but do not contain is generated here:
parent folders, the items their links name, and the blobs (a tiny PNG, a tiny PDF).
"""

import base64
import copy
import io
import json
from pathlib import Path

from PIL import Image
from wagtail.models import Page

from events.models import EventPage
from home.models import ContentPage
from news.models import NewsPage

SAMPLES = Path(__file__).parent / "samples"
OLD_HOST = "http://host.docker.internal:8080/Plone"
CLASSIC_HOST = "http://localhost:8080/Plone"
LINK_TARGET_UID = "7ab9c48ede33415fa2a66a99549c8f70"  # "Link internal" in sample 14
EVENT_IMAGE_UIDS = ("970ec24c76784c66a06d8c8d8b6522b2", "eec82559bf3242a6be4d43bc2096f399")
BAR_HTML = (
    "<h2>Over bar</h2><p>Lees "
    '<a href="resolveuid/7c1393f615c4447c80db0d784390c5b7">het nieuws</a> en '
    '<a href="../resolveuid/3e0dd7c4b2714eafa1d6fc6a1493f953">de pdf</a>.</p>'
    '<p><img src="resolveuid/90b11c863598495ba699b22ca76b1041/@@images/image/preview" '
    'alt="Logo 2025"/></p>'
    '<p><a href="resolveuid/00000000000000000000000000000000">weg</a></p>'
)
PDF_BYTES = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
)


def imported_pages():
    """The page types the import writes (News Items and Events get their own), as such."""
    return Page.objects.type(ContentPage, NewsPage, EventPage).specific()


def sample(name):
    match = sorted(SAMPLES.glob(f"{name}-*.json"))
    return json.loads(match[0].read_text())


def png_bytes(color=(200, 30, 30), size=(8, 6)):
    buffer = io.BytesIO()
    Image.new("RGB", size, color).save(buffer, format="PNG")
    return buffer.getvalue()


def item(uid, path, portal_type="Document", parent=None, **extra):
    """A generated item in the shape both exporters write."""
    parent_path = path.rsplit("/", 1)[0] or "/"
    data = {
        "@id": path,
        "@type": portal_type,
        "UID": uid,
        "id": path.rsplit("/", 1)[-1],
        "title": extra.pop("title", path.rsplit("/", 1)[-1].replace("-", " ").capitalize()),
        "description": "",
        "created": "2022-03-01T09:00:00+00:00",
        "modified": "2022-03-02T10:00:00+00:00",
        "effective": None,
        "expires": None,
        "exclude_from_nav": False,
        "language": "##DEFAULT##",
        "review_state": "published",
        "subjects": [],
        "parent": parent
        or {
            "@id": parent_path,
            "@type": "Plone Site" if parent_path == "/" else "Folder",
            "UID": "plone_site_root" if parent_path == "/" else None,
        },
    }
    data.update(extra)
    return data


def image_item(uid, path, title="Afbeelding"):
    filename = path.rsplit("/", 1)[-1]
    return item(
        uid,
        path,
        "Image",
        title=title,
        review_state=None,
        image={
            "blob_path": f"{uid}/image/{filename}",
            "content-type": "image/png",
            "filename": filename,
        },
    )


def directory_items():
    """plone.exportimport: samples 02-09, 13, 14 plus the parents and targets they name."""
    items = [
        sample("02"),  # Volto site root
        item(
            "70844f7bec1843b8ab2796c972c9ebfe",
            "/bar",
            title="Bar",
            review_state="private",
            description="Is bar the new Foo?",
            text={
                "content-type": "text/html",
                "data": BAR_HTML,
                "encoding": "utf-8",
            },
        ),
        sample("03"),  # News Item in /bar with lead image
        sample("04"),  # File with subjects
        sample("05"),  # Image in /bar
        item("e7359727ace64e609b79c4091c38822a", "/en", "Folder", title="English"),
        item("f9767fbdadf041bd892010d21b290cb5", "/en/a-folderish", title="A Folderish document"),
        sample("06"),  # Link
        item("3c8f0a2b1d4e4f5a9b6c7d8e9f0a1b2c", "/features", "Folder", title="Features"),
        sample("13"),  # Volto page, many blocks
        item("5a6b7c8d9e0f41a2b3c4d5e6f7a8b9c0", "/content-types", title="Content Types"),
        image_item("6b7c8d9e0f1a42b3c4d5e6f7a8b9c0d1", "/content-types/image", "Image"),
        item("1a2b3c4d5e6f47a8b9c0d1e2f3a4b5c6", "/qa", "Folder", title="QA"),
        item("2b3c4d5e6f7a48b9c0d1e2f3a4b5c6d7", "/qa/content-types", "Folder", title="Types"),
        sample("14"),  # Volto event with resolveuid links and images
        item(
            LINK_TARGET_UID,
            "/qa/content-types/document",
            title="Het doel van de interne link",
            text={"content-type": "text/html", "data": "<p>Hier kom je uit.</p>"},
        ),
        image_item(EVENT_IMAGE_UIDS[0], "/qa/content-types/image", "Image"),
        image_item(EVENT_IMAGE_UIDS[1], "/qa/content-types/image-light", "Image - Light"),
        # Bad input, each reported on its own:
        item("bad0000000000000000000000000type", "/qa/widget", "CustomWidget"),
        item("bad00000000000000000000000parent", "/nowhere/orphan", title="Wees"),
        {
            **image_item("bad0000000000000000000000000blob", "/qa/no-blob.png"),
            "image": {"blob_path": "bad0000000000000000000000000blob/image/gone.png"},
        },
    ]
    # The sample's event links to "../../../resolveuid/..." from /qa/content-types/event.
    return items


def write_directory(root, items=None, broken=True, metadata=None):
    """Write a plone.exportimport directory; returns its path."""
    root = Path(root)
    content = root / "content"
    content.mkdir(parents=True, exist_ok=True)
    items = directory_items() if items is None else items
    data_files, blobs = [], []
    for data in items:
        uid = data["UID"]
        folder = "plone_site_root" if data["@type"] == "Plone Site" else uid
        (content / folder).mkdir(exist_ok=True)
        (content / folder / "data.json").write_text(json.dumps(data))
        data_files.append(f"{folder}/data.json")
        for field in ("image", "file"):
            blob = (data.get(field) or {}).get("blob_path")
            if blob and "gone" not in blob:
                path = content / blob
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(PDF_BYTES if field == "file" else png_bytes())
                blobs.append(blob)
    if broken:
        (content / "broken").mkdir(exist_ok=True)
        (content / "broken" / "data.json").write_text('{"@id": "/kapot", "@type": "Docu')
        data_files.append("broken/data.json")
    meta = copy.deepcopy(sample("01"))
    meta["_data_files_"] = data_files
    meta["_blob_files_"] = blobs
    meta.update(metadata or {})
    (content / "__metadata__.json").write_text(json.dumps(meta))
    (root / "redirects.json").write_text(json.dumps(sample("07")))
    (root / "translations.json").write_text(json.dumps(sample("08")))
    (root / "relations.json").write_text(json.dumps(sample("09")))
    return root


def absolute(data, host=CLASSIC_HOST):
    """collective.exportimport writes absolute @ids."""
    data = copy.deepcopy(data)
    if data["@id"].startswith("/"):
        data["@id"] = host + data["@id"]
    parent = data.get("parent") or {}
    if parent.get("@id", "").startswith("/"):
        parent["@id"] = host if parent["@id"] == "/" else host + parent["@id"]
    return data


def array_items():
    """collective.exportimport: samples 10, 11, 12, 15 plus generated items and bad ones."""
    site = {"@id": CLASSIC_HOST, "@type": "Plone Site", "UID": "plone_site_root"}
    pdf = base64.b64encode(PDF_BYTES).decode()
    return [
        sample("10"),
        absolute(sample("11")),
        absolute(sample("12")),
        sample("15"),
        absolute(
            item(
                "c0ffee00000000000000000000000001",
                "/news/wachtend",
                "News Item",
                title="Wacht op goedkeuring",
                review_state="pending",
                subjects=["Stage", "Werk"],
                exclude_from_nav=True,
                parent={"@id": "/news", "@type": "Folder"},
                text={
                    "data": '<p>Zie <a href="http://localhost:8080/Plone/news">het nieuws</a>.</p>'
                },
            )
        ),
        absolute(
            item(
                "c0ffee00000000000000000000000002",
                "/straks",
                title="Straks online",
                effective="2099-05-01T08:00:00+00:00",
                parent=site,
            )
        ),
        absolute(
            item(
                "c0ffee00000000000000000000000003",
                "/verlopen",
                title="Verlopen",
                expires="2020-01-01T00:00:00+00:00",
                parent=site,
            )
        ),
        absolute(
            item(
                "c0ffee00000000000000000000000004",
                "/reglement.pdf",
                "File",
                title="Reglement",
                review_state=None,
                parent=site,
                file={"data": pdf, "encoding": "base64", "filename": "reglement.pdf"},
            )
        ),
        absolute(
            item(
                "c0ffee00000000000000000000000005",
                "/oud.pdf",
                "File",
                title="Oud bestand",
                review_state=None,
                parent=site,
                file={"download": f"{CLASSIC_HOST}/oud.pdf/@@download/file", "filename": "oud.pdf"},
            )
        ),
        absolute(item("c0ffee00000000000000000000000006", "/raar", "PloneFormGen", parent=site)),
        absolute(item("c0ffee00000000000000000000000007", "/weg/kind", title="Zonder ouder")),
    ]


def write_array(root, items=None):
    root = Path(root)
    root.mkdir(parents=True, exist_ok=True)
    items = array_items() if items is None else items
    (root / "Plone.json").write_text(json.dumps(items))
    (root / "export_redirects.json").write_text(
        json.dumps({"/Plone/nieuws": "/Plone/news", "/Plone/kapot": "/Plone/bestaat-niet"})
    )
    (root / "export_defaultpages.json").write_text(
        json.dumps([{"uuid": "4053ffb6901342ac991afb54da15ab77", "default_page": "aggregator"}])
    )
    (root / "export_ordering.json").write_text(
        json.dumps(
            [
                {"uuid": "c0ffee00000000000000000000000003", "order": 0},
                {"uuid": "c0ffee00000000000000000000000002", "order": 1},
                {"uuid": "4053ffb6901342ac991afb54da15ab77", "order": 2},
            ]
        )
    )
    (root / "export_relations.json").write_text(json.dumps(sample("09")))
    return root / "Plone.json"


def generated_site(count):
    """A collective.exportimport array of `count` items like a grown site: folders with a
    sub-folder each, pages linking to an earlier and a later page (resolved in the first and
    the second pass), images and files; private, pending and hidden items; tags."""
    site = {"@id": CLASSIC_HOST, "@type": "Plone Site", "UID": "plone_site_root"}
    image = base64.b64encode(png_bytes()).decode()
    pdf = base64.b64encode(PDF_BYTES).decode()

    def uid(n):
        return f"9e{n:030d}"

    def path(n):
        block, i = divmod(n, 50)
        if i == 0:
            return f"/map-{block}"
        if i == 25:
            return f"/map-{block}/sub"
        return f"/map-{block}/{'sub/' if i > 25 else ''}item-{n}"

    items = []
    for n in range(count):
        parent_path = path(n).rsplit("/", 1)[0] or "/"
        parent = site if parent_path == "/" else {"@id": parent_path, "@type": "Folder"}
        extra = {
            "review_state": "private" if n % 7 == 0 else "pending" if n % 11 == 0 else "published",
            "subjects": ["Stage", f"thema-{n % 5}"] if n % 3 == 0 else [],
            "exclude_from_nav": n % 4 == 0,
            "description": f"Samenvatting van item {n}",
        }
        if n % 25 == 0:
            data = item(uid(n), path(n), "Folder", parent=parent, title=f"Map {n}", **extra)
        elif n % 10 == 1:
            data = item(
                uid(n),
                path(n),
                "Image",
                parent=parent,
                title=f"Beeld {n}",
                **{**extra, "review_state": None},
                image={"data": image, "encoding": "base64", "filename": f"beeld-{n}.png"},
            )
        elif n % 10 == 2:
            data = item(
                uid(n),
                path(n),
                "File",
                parent=parent,
                title=f"Bestand {n}",
                **{**extra, "review_state": None},
                file={"data": pdf, "encoding": "base64", "filename": f"bestand-{n}.pdf"},
            )
        else:
            links = f'<a href="resolveuid/{uid(max(n - 7, 3))}">eerder</a>'
            if n + 7 < count and (n + 7) % 10 not in (1, 2) and (n + 7) % 25:
                links += f' en <a href="resolveuid/{uid(n + 7)}">later</a>'
            data = item(
                uid(n),
                path(n),
                "News Item" if n % 2 else "Document",
                parent=parent,
                title=f"Pagina {n}",
                text={"data": f"<h2>Over {n}</h2><p>Zie {links}.</p>"},
                **extra,
            )
        items.append(absolute(data))
    return items
