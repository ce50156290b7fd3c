from pathlib import Path

import pytest

from forms_app.direct_debit.modulus.rules import clear_cache

DATA = Path(__file__).resolve().parents[4] / "forms_app" / "direct_debit" / "modulus" / "data"
VALACDOS = DATA / "valacdos-v8-50.txt"
SCSUBTAB = DATA / "scsubtab.txt"


@pytest.fixture(autouse=True)
def _fresh_rules_cache():
    """Each test starts as a newly started process does: no release's rules in memory."""
    clear_cache()
    yield
    clear_cache()
