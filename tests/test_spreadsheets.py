"""Every spreadsheet export of the project's own admin views neutralises formulas."""

from django.urls import URLPattern, URLResolver, get_resolver

from wagtail.admin.views.mixins import SpreadsheetExportMixin

import pytest

from townhall.spreadsheets import SafeSpreadsheetMixin, spreadsheet_safe

OUR_PACKAGES = ("home", "services", "forms_app", "search", "townhall")


def _view_classes(patterns):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            yield from _view_classes(pattern.url_patterns)
        elif isinstance(pattern, URLPattern):
            view_class = getattr(pattern.callback, "view_class", None)
            if view_class is not None:
                yield view_class


def test_every_export_of_ours_is_safe():
    exporting = {
        view
        for view in _view_classes(get_resolver().url_patterns)
        if issubclass(view, SpreadsheetExportMixin)
        and view.__module__.split(".")[0] in OUR_PACKAGES
    }
    assert exporting, "the project's reports and listings export spreadsheets"
    unsafe = sorted(
        view.__qualname__ for view in exporting if not issubclass(view, SafeSpreadsheetMixin)
    )
    assert unsafe == []


@pytest.mark.parametrize(
    ("value", "written"),
    [
        ("=1+1", "'=1+1"),
        ("+44 1632 960001", "'+44 1632 960001"),
        ("-", "'-"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tcalc", "'\tcalc"),
        ("Bins", "Bins"),
        ("", ""),
        (-3, -3),
        (None, None),
    ],
)
def test_a_cell_that_would_be_a_formula_is_written_as_text(value, written):
    assert spreadsheet_safe(value) == written
