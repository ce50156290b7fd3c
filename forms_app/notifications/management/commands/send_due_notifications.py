import datetime

from django.core.management.base import BaseCommand
from django.utils import timezone

from forms_app.notifications.tasks import send_due


def aware_datetime(value):
    moment = datetime.datetime.fromisoformat(value)
    return moment if timezone.is_aware(moment) else timezone.make_aware(moment)


class Command(BaseCommand):
    help = (
        "Send pending resident and team notifications whose time has come: scheduled ones, first "
        "sends that were never enqueued, and retries after a failure. Run it every minute from "
        "cron or a scheduler."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--now",
            type=aware_datetime,
            default=None,
            help="Act as if it were this ISO date and time (for replaying or testing).",
        )

    def handle(self, *args, now=None, **options):
        counts = send_due(now=now or timezone.now())
        self.stdout.write(
            f"Sent {counts['sent']}, will retry {counts['pending']}, gave up on {counts['failed']}."
        )
