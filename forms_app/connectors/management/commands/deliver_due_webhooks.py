from django.core.management.base import BaseCommand, CommandError
from django.utils.dateparse import parse_datetime

from forms_app.connectors.enums import DeliveryStatus
from forms_app.connectors.tasks import deliver_due


def _moment(value):
    moment = parse_datetime(value) if isinstance(value, str) else value
    if moment is None or moment.tzinfo is None:
        raise CommandError("--now must be an ISO 8601 date and time with a time zone.")
    return moment


class Command(BaseCommand):
    help = (
        "Send webhook deliveries whose time has come (retries after a failure, and any the task "
        "queue missed). Run every minute or two from cron or a systemd timer."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--now",
            help="Act as if it were this moment (ISO 8601 with a time zone), e.g. to test backoff.",
        )

    def handle(self, *args, now=None, **options):
        counts = deliver_due(_moment(now) if now else None)
        counts = {status: count for status, count in counts.items() if count}
        if not counts:
            self.stdout.write("No webhook deliveries were due.")
            return
        summary = ", ".join(
            f"{count} {DeliveryStatus(status).label.lower()}" for status, count in counts.items()
        )
        self.stdout.write(f"Attempted {sum(counts.values())} webhook deliveries: {summary}.")
