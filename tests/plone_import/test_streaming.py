"""Large exports are streamed: reading them never holds the whole export in memory."""

import json
import tracemalloc

from plone_import.readers import ArrayReader, DirectoryReader

from .exports import CLASSIC_HOST, absolute, item

PARAGRAPH = "<p>" + "Leerwerkplekken in de regio. " * 150 + "</p>"


def generated_items(count):
    site = {"@id": CLASSIC_HOST, "@type": "Plone Site"}
    for n in range(count):
        folder = n // 100
        if n % 100 == 0:
            yield absolute(item(f"f{folder:031d}", f"/map-{folder}", "Folder", parent=site))
        else:
            yield absolute(
                item(
                    f"d{n:031d}",
                    f"/map-{folder}/pagina-{n}",
                    parent={"@id": f"/map-{folder}", "@type": "Folder"},
                    text={"data": PARAGRAPH},
                )
            )


def write_big_array(path, count):
    with path.open("w") as fh:
        fh.write("[")
        for n, data in enumerate(generated_items(count)):
            fh.write(("," if n else "") + json.dumps(data))
        fh.write("]")
    return path


def peak_while_reading(reader):
    tracemalloc.start()
    try:
        export = reader.scan()
        for entry in export.entries:
            reader.load(entry)
        return tracemalloc.get_traced_memory()[1], export
    finally:
        tracemalloc.stop()
        reader.close()


def test_array_reader_memory_stays_flat(tmp_path):
    big = write_big_array(tmp_path / "big.json", 5000)
    small = write_big_array(tmp_path / "small.json", 500)
    peak_big, export = peak_while_reading(ArrayReader(big))
    peak_small, _ = peak_while_reading(ArrayReader(small))
    size = big.stat().st_size
    assert len(export.entries) == 5000
    assert size > 20_000_000
    # Only a small index entry per item is kept (under 1 kB, whatever the item's size): the
    # peak stays far below the export's size.
    assert peak_big < size / 4, (peak_big, size)
    assert (peak_big - peak_small) / 4500 < 1000, (peak_big, peak_small)
    # Parents come before their children, siblings keep their order.
    paths = [e.path for e in export.entries]
    assert paths.index("/map-3") < paths.index("/map-3/pagina-301")
    assert paths.index("/map-3/pagina-301") < paths.index("/map-3/pagina-302")


def test_directory_reader_orders_parents_first(tmp_path):
    content = tmp_path / "content"
    items = list(generated_items(150))[::-1]  # children listed before their folders
    for data in items:
        folder = content / data["UID"]
        folder.mkdir(parents=True)
        (folder / "data.json").write_text(json.dumps(data))
    peak, export = peak_while_reading(DirectoryReader(tmp_path))
    paths = [e.path for e in export.entries]
    assert paths[:2] == ["/map-0", "/map-1"]
    assert len(paths) == 150
