"""UK bank holidays from the `holidays` package, without the rest of the world's.

`holidays.country_holidays("GB")` imports the package `holidays.countries`, whose `__init__` imports
the module of every country the package knows (over 250): about 8 MB in every app worker that
shows "Open now", for holidays no page asks about. The UK's own module needs none of them (only
the package's base classes), so it is loaded by itself, under its usual name, and the same
`UnitedKingdom` class answers.
"""

import importlib.util
import sys
import threading
from functools import cache
from pathlib import Path

UNITED_KINGDOM = "holidays.countries.united_kingdom"

# The module is in sys.modules before it has finished running (see below): a second thread asking
# at that moment must wait for it, not take the half-made module (a threaded worker's first
# requests, or the booking race's threads, would otherwise find no UnitedKingdom in it).
_loading = threading.Lock()


@cache
def _united_kingdom():
    with _loading:
        return _load().UnitedKingdom


def _load():
    if UNITED_KINGDOM not in sys.modules:
        import holidays

        path = Path(holidays.__file__).parent / "countries" / "united_kingdom.py"
        spec = importlib.util.spec_from_file_location(UNITED_KINGDOM, path)
        module = importlib.util.module_from_spec(spec)
        # Registered first, as the import system itself does: importing `holidays.countries` the
        # ordinary way later finds this module rather than making a second UnitedKingdom class.
        sys.modules[UNITED_KINGDOM] = module
        try:
            spec.loader.exec_module(module)
        except BaseException:
            del sys.modules[UNITED_KINGDOM]
            raise
    return sys.modules[UNITED_KINGDOM]


def uk_bank_holidays(region, years=None):
    """The bank holidays of one UK region ("ENG", "SCT", "NIR"...), with substitute days, as the
    dict-like `holidays.country_holidays("GB", subdiv=region, years=years)` returns."""
    return _united_kingdom()(subdiv=region, years=years)
