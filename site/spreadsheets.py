"""Spreadsheets the project writes: no cell a resident or anyone else typed is run as a formula.

A spreadsheet program runs a cell that starts with "=", "+", "-" or "@" (and, in some, a tab or
carriage return) as a formula: a page-feedback comment such as =HYPERLINK("http://evil", "Click")
would become a live link in a member of staff's spreadsheet. Such a text cell is written with a
leading apostrophe, which spreadsheet programs read as "this is text". Numbers are left as they
are. Wagtail's XLSX export already writes formulas as text; its CSV export does not, so every
admin view that exports uses SafeSpreadsheetMixin.
"""

from wagtail.admin.views.reports import ReportView
from wagtail.snippets.views.snippets import IndexView as SnippetIndexView

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value):
    """`value` as a spreadsheet reads it: text that would start a formula gets an apostrophe."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


class SafeSpreadsheetMixin:
    """For a Wagtail view with SpreadsheetExportMixin (index views, reports): every CSV cell is
    passed through spreadsheet_safe() after Wagtail's own preparation."""

    def write_csv_row(self, writer, row_dict):
        return writer.writerow(
            {
                field: spreadsheet_safe(self.preprocess_field_value(field, value, self.FORMAT_CSV))
                for field, value in row_dict.items()
            }
        )


class SafeReportView(SafeSpreadsheetMixin, ReportView):
    """Wagtail's report view, exporting safe CSV."""


class SafeSnippetIndexView(SafeSpreadsheetMixin, SnippetIndexView):
    """Wagtail's snippet listing, exporting safe CSV."""
