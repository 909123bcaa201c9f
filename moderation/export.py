"""CSV and XLSX export of a queue list, without BSN or special-category fields, with spreadsheet
formula injection neutralised (a cell starting with =, +, -, @, tab or CR becomes text by a
leading apostrophe, as OWASP advises) and control characters removed (openpyxl refuses them in a
cell; the forms only reject NUL, so a pasted vertical tab or form feed can reach the queue)."""

import csv
import io
import re

from django.http import HttpResponse
from django.utils import timezone

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
CSV_CONTENT_TYPE = "text/csv; charset=utf-8"
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# C0 control characters except tab, newline and carriage return, and DEL: what openpyxl's
# ILLEGAL_CHARACTERS_RE refuses in a cell (XML 1.0 has no place for them), plus DEL for CSV.
CONTROL_CHARACTERS_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def strip_control_characters(value):
    return CONTROL_CHARACTERS_RE.sub("", value)


def neutralise(value):
    """Text a spreadsheet would run as a formula is kept as text; other values pass unchanged."""
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def _plain(value):
    if hasattr(value, "tzinfo") and value.tzinfo is not None:
        value = timezone.localtime(value).replace(tzinfo=None)
    if isinstance(value, (int, float)) or hasattr(value, "isoformat"):
        return value
    # Strip first: "\x0b=cmd" must still be seen as a formula.
    return neutralise(strip_control_characters(str(value) if value is not None else ""))


def rows_as_cells(headers, rows):
    yield [_plain(str(h)) for h in headers]
    for row in rows:
        yield [_plain(value) for value in row]


def csv_response(filename, headers, rows):
    buffer = io.StringIO()
    # Semicolons and a BOM: what Dutch Excel opens correctly by double-click.
    buffer.write("\ufeff")
    writer = csv.writer(buffer, delimiter=";")
    for cells in rows_as_cells(headers, rows):
        writer.writerow([c.isoformat(sep=" ") if hasattr(c, "isoformat") else c for c in cells])
    response = HttpResponse(buffer.getvalue(), content_type=CSV_CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    return response


def xlsx_bytes(headers, rows, title="Export"):
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=title[:31])
    for cells in rows_as_cells(headers, rows):
        out = []
        for value in cells:
            cell = WriteOnlyCell(sheet, value)
            if cell.data_type == "f":
                # openpyxl would store "=..." as a formula; neutralise() already made it text.
                cell.data_type = "s"
            if hasattr(value, "hour"):
                cell.number_format = "yyyy-mm-dd hh:mm"
            elif hasattr(value, "isoformat"):
                cell.number_format = "yyyy-mm-dd"
            out.append(cell)
        sheet.append(out)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def xlsx_response(filename, headers, rows, title="Export"):
    response = HttpResponse(xlsx_bytes(headers, rows, title), content_type=XLSX_CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}.xlsx"'
    return response
