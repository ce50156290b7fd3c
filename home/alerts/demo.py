"""The demo council's alert banner, for `manage.py seed_demo`."""

import datetime

from django.utils import timezone

from .models import AlertBanner

TITLE = "Online services are unavailable early on Sunday mornings"


def seed_alerts(stdout):
    if AlertBanner.objects.filter(title=TITLE).exists():
        return
    AlertBanner.objects.create(
        title=TITLE,
        message="<p>We update our systems every Sunday from 6am to 8am. You can still read "
        "information on this website, but forms will not work during that time.</p>",
        level="information",
        # Open-ended, so the demo shows a live banner whenever it is seeded.
        starts_at=timezone.now() - datetime.timedelta(days=1),
        ends_at=None,
    )
    stdout.write("Created an alert banner.")
