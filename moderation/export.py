"""CSV and XLSX export of a queue list, without BSN or special-category fields, with spreadsheet
formula injection neutralised (a cell starting with =, +, -, @, tab or CR becomes text by a
leading apostrophe, as OWASP advises) and control characters removed (openpyxl refuses them in a
cell; the forms only reject NUL, so a pasted vertical tab or form feed can reach the queue)."""

import csv
import io
import re

from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from . import audit, permissions
from .days import age_on, waiting_days

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


def export_columns(model):
    """(header, getter) for the export: triage columns, never BSN or special-category fields.

    The exemption export carries no names: its ground (5a health, 5b belief: AVG art. 9) next to
    a parent's name would put a named person's special-category data in a spreadsheet. The
    reference identifies the item for staff; ground, status, dates and municipality still serve
    reporting."""

    def display(name):
        return lambda obj: getattr(obj, f"get_{name}_display")()

    columns = [
        (_("Kenmerk"), lambda obj: obj.reference),
        (_("Ontvangen"), lambda obj: obj.received_at),
        (_("Dagen wachtend"), waiting_days),
        (_("Status"), lambda obj: obj.get_status_display()),
        (_("Uitkomst"), lambda obj: obj.outcome_label()),
        (
            _("Behandelaar"),
            lambda obj: obj.assigned_to.get_username() if obj.assigned_to else "",
        ),
        (_("Gemeente"), lambda obj: obj.municipality),
    ]
    submitter_name = (_("Naam indiener"), lambda obj: obj.submitter_name)
    name = model._meta.model_name
    if name == "vrijstellingmelding":
        columns += [
            (_("Grond"), lambda obj: obj.ground),
            (
                _("Leeftijd kind"),
                lambda obj: age_on(
                    obj.child_birth_date, timezone.localtime(obj.received_at).date()
                ),
            ),
        ]
    elif name == "stageaanbod":
        columns += [
            submitter_name,
            (_("Organisatie"), lambda obj: obj.organisation_name),
            (_("Sector"), display("sector")),
        ]
    else:
        columns += [
            submitter_name,
            (_("Leeftijd"), lambda obj: obj.age_at_submission),
            (_("Situatie"), display("situation")),
        ]
    return columns


def export_queue(request, model, queryset, export_format):
    if not permissions.can_view_queue(request.user, model):
        raise PermissionDenied
    objects = list(queryset)
    columns = export_columns(model)
    headers = [header for header, _getter in columns]
    rows = [[getter(obj) for _header, getter in columns] for obj in objects]
    audit.log_export(model, objects, request.user, export_format, request.GET)
    filename = f"{model._meta.model_name}-{timezone.localdate():%Y%m%d}"
    if export_format == "xlsx":
        return xlsx_response(filename, headers, rows, title=str(model._meta.verbose_name))
    return csv_response(filename, headers, rows)
