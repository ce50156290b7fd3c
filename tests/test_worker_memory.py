"""An app worker serving pages does not carry what only the background worker, bank details or
calendar files need (figure 6 of `make bench`: a worker's memory; docs/scaling.md, "Memory").

Checked in a fresh interpreter, as a gunicorn worker starts: this test process has long imported
everything.
"""

import datetime
import json
import os
import subprocess
import sys
from pathlib import Path

import holidays
import pytest

from townhall.bank_holidays import uk_bank_holidays

ROOT = Path(__file__).resolve().parents[1]

# Loaded by an app worker only when it sends, encrypts or writes such a file, never for a page.
NOT_FOR_PAGES = {
    "cryptography.fernet": "bank details (forms_app/direct_debit/fields.py)",
    "notifications_python_client": "GOV.UK Notify (forms_app/notifications/senders.py)",
    "icalendar": "calendar files (forms_app/bookings/ics.py)",
    "segno": "two-factor QR codes (townhall/two_factor/views.py)",
    "holidays.countries": "every country's bank holidays (townhall/bank_holidays.py)",
}

WORKER = """
import datetime, json, sys
import django
django.setup()
from django.urls import get_resolver
from townhall.wsgi import application
from services.opening_hours import Schedule
from forms_app.cases.working_days import is_working_day

get_resolver().url_patterns  # every view module the URLs name, as the first request loads them
closed = not is_working_day(datetime.date(2026, 12, 25), "ENG")
print(json.dumps({"christmas_closed": closed, "modules": sorted(sys.modules)}))
"""


def test_a_fresh_worker_imports_nothing_only_other_work_needs():
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "townhall.settings.test"}
    result = subprocess.run(  # noqa: S603 - this interpreter, our own script
        [sys.executable, "-c", WORKER], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["christmas_closed"]
    loaded = {name: why for name, why in NOT_FOR_PAGES.items() if name in report["modules"]}
    assert loaded == {}


@pytest.mark.parametrize("region", ["ENG", "WLS", "SCT", "NIR"])
def test_the_uk_bank_holidays_are_the_packages_own(region):
    years = range(2020, 2031)
    ours = uk_bank_holidays(region, years=years)
    theirs = holidays.country_holidays("GB", subdiv=region, years=years)
    assert dict(ours) == dict(theirs)
    assert datetime.date(2026, 12, 25) in ours


THREADS = """
import json, threading
from townhall.bank_holidays import uk_bank_holidays

start = threading.Barrier(16)
errors, christmas = [], []

def ask():
    start.wait()
    try:
        christmas.append("2026-12-25" in {day.isoformat() for day in uk_bank_holidays("ENG", 2026)})
    except Exception as error:
        errors.append(repr(error))

threads = [threading.Thread(target=ask) for _ in range(16)]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
print(json.dumps({"errors": errors, "christmas": christmas}))
"""


def test_threads_asking_at_once_for_the_first_time_all_get_the_bank_holidays():
    """A threaded worker's first requests, or the booking race's threads, all ask before the UK's
    module has loaded: none may be given the half-made module."""
    result = subprocess.run(  # noqa: S603 - this interpreter, our own script
        [sys.executable, "-c", THREADS], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report == {"errors": [], "christmas": [True] * 16}
