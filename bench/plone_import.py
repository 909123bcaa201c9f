"""Benchmark of `import_plone`: items per second and peak memory for a generated export.

Usage: .venv/bin/python bench/plone_import.py [--items 10000] [--layout array|directory]

Each size runs in its own process on a fresh SQLite database (or DATABASE_URL if set; it must
point at a throw-away database) so peak memory (ru_maxrss) belongs to that import alone. The
export is generated: folders of 100 items, pages with Plone HTML and resolveuid links, Volto
pages, images (base64 PNG) and files, like a regional site that grew over the years.

Wall time depends on what else runs on the machine; CPU time (user + sys of the importing
process, so without the database server's share on PostgreSQL) is the steadier figure.
"""

import argparse
import base64
import io
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HOST = "https://www.oude-site.nl"
TEXT = (
    "<h2>Over de regeling</h2><p>Jongeren die van school naar werk gaan, krijgen hulp van de "
    "leerwerkmakelaar. <strong>Lees verder</strong> op "
    '<a href="resolveuid/{target}">de vorige pagina</a>.</p><ul><li>stage</li><li>werk</li></ul>'
)


def png():
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (16, 12), (10, 120, 200)).save(buffer, format="PNG")
    return base64.b64encode(buffer.getvalue()).decode()


def generate(count, layout, root):
    """Write an export of `count` items; returns the path to hand to import_plone."""
    image = png()
    pdf = base64.b64encode(b"%PDF-1.4\n%%EOF\n").decode()

    def items():
        for n in range(count):
            folder = n // 100
            uid = f"{n:032x}"
            base = {
                "UID": uid,
                "created": "2019-01-01T10:00:00+00:00",
                "modified": "2021-06-01T10:00:00+00:00",
                "effective": "2019-01-02T10:00:00+00:00",
                "review_state": "published" if n % 10 else "private",
                "language": "nl",
                "subjects": ["stage"] if n % 3 == 0 else [],
                "description": f"Samenvatting {n}",
            }
            if n % 100 == 0:
                yield {
                    **base,
                    "@id": f"{HOST}/map-{folder}",
                    "@type": "Folder",
                    "id": f"map-{folder}",
                    "title": f"Map {folder}",
                    "parent": {"@id": HOST, "@type": "Plone Site"},
                }
                continue
            parent = {"@id": f"{HOST}/map-{folder}", "@type": "Folder"}
            common = {**base, "parent": parent, "id": f"item-{n}", "title": f"Item {n}"}
            common["@id"] = f"{HOST}/map-{folder}/item-{n}"
            if n % 25 == 1:
                yield {
                    **common,
                    "@type": "Image",
                    "review_state": None,
                    "image": {"data": image, "encoding": "base64", "filename": f"b{n}.png"},
                }
            elif n % 25 == 2:
                yield {
                    **common,
                    "@type": "File",
                    "review_state": None,
                    "file": {"data": pdf, "encoding": "base64", "filename": f"f{n}.pdf"},
                }
            elif n % 2:
                target = f"{max(n - 3, 1):032x}"
                yield {**common, "@type": "Document", "text": {"data": TEXT.format(target=target)}}
            else:
                yield {
                    **common,
                    "@type": "News Item",
                    "blocks": {
                        "a": {"@type": "title"},
                        "b": {
                            "@type": "slate",
                            "value": [
                                {"type": "h2", "children": [{"text": "Nieuws"}]},
                                {
                                    "type": "p",
                                    "children": [
                                        {"text": "Meer op "},
                                        {
                                            "type": "link",
                                            "data": {"url": f"{HOST}/map-{folder}"},
                                            "children": [{"text": "de map"}],
                                        },
                                    ],
                                },
                            ],
                        },
                    },
                    "blocks_layout": {"items": ["a", "b"]},
                }

    root.mkdir(parents=True, exist_ok=True)
    if layout == "array":
        path = root / "Plone.json"
        with path.open("w") as fh:
            fh.write("[")
            for n, data in enumerate(items()):
                fh.write(("," if n else "") + json.dumps(data))
            fh.write("]")
        return path
    content = root / "content"
    for data in items():
        data["@id"] = data["@id"][len(HOST) :]
        data["parent"]["@id"] = data["parent"]["@id"][len(HOST) :] or "/"
        folder = content / data["UID"]
        folder.mkdir(parents=True)
        (folder / "data.json").write_text(json.dumps(data))
    return root


def run_one(count, layout):
    """Child process: fresh database, generate, import, print one JSON line."""
    with tempfile.TemporaryDirectory(prefix="bench-plone-") as tmp:
        tmp = Path(tmp)
        os.environ.setdefault("DATABASE_URL", f"sqlite:///{tmp / 'bench.sqlite3'}")
        # The test settings: DEBUG off (no query log growing with the import), temp media.
        os.environ["DJANGO_SETTINGS_MODULE"] = "portal.settings.test"
        sys.path.insert(0, str(ROOT))
        import django

        django.setup()
        from django.core.management import call_command

        call_command("migrate", verbosity=0)
        path = generate(count, layout, tmp / "export")
        size = sum(p.stat().st_size for p in tmp.joinpath("export").rglob("*") if p.is_file())
        from plone_import.importer import Importer

        load = os.getloadavg()[0]
        before = resource.getrusage(resource.RUSAGE_SELF)
        start = time.perf_counter()
        report = Importer(path).run()
        seconds = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_SELF)
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        print(
            json.dumps(
                {
                    "items": count,
                    "layout": layout,
                    "export_mb": round(size / 1e6, 1),
                    "seconds": round(seconds, 1),
                    "items_per_second": round(count / seconds, 1),
                    "cpu_seconds": round(cpu, 1),
                    "cpu_ms_per_item": round(cpu * 1000 / count, 1),
                    "load_average_at_start": round(load, 2),
                    "peak_rss_mb": round(after.ru_maxrss / 1024, 1),
                    "rss_before_import_mb": round(before.ru_maxrss / 1024, 1),
                    "errors": len(report.errors),
                    "unresolved_links": len(report.unresolved_links),
                    "created": dict(report.created),
                }
            )
        )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, nargs="*", default=[2500, 10000])
    parser.add_argument("--layout", choices=["array", "directory"], default="array")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        return run_one(args.items[0], args.layout)
    for count in args.items:
        result = subprocess.run(
            [sys.executable, __file__, "--child", "--items", str(count), "--layout", args.layout],
            capture_output=True,
            text=True,
            check=False,
        )
        if result.returncode:
            print(result.stderr, file=sys.stderr)
            return result.returncode
        print(result.stdout.strip().splitlines()[-1])
    return 0


if __name__ == "__main__":
    sys.exit(main())
