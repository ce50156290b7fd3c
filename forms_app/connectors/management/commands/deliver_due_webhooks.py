from django.core.management.base import BaseCommand

from forms_app.connectors.enums import DeliveryStatus
from forms_app.connectors.tasks import deliver_due
from forms_app.outbox.commands import add_now_argument, parse_now


class Command(BaseCommand):
    help = (
        "Send webhook deliveries whose time has come (retries after a failure, and any the task "
        "queue missed). Run every minute or two from cron or a systemd timer."
    )

    def add_arguments(self, parser):
        add_now_argument(parser)

    def handle(self, *args, now=None, **options):
        counts = {status: count for status, count in deliver_due(parse_now(now)).items() if count}
        if not counts:
            self.stdout.write("No webhook deliveries were due.")
            return
        summary = ", ".join(
            f"{count} {DeliveryStatus(status).label.lower()}" for status, count in counts.items()
        )
        self.stdout.write(f"Attempted {sum(counts.values())} webhook deliveries: {summary}.")
