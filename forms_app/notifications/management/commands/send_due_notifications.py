from django.core.management.base import BaseCommand

from forms_app.notifications.tasks import send_due
from forms_app.outbox.commands import add_now_argument, parse_now


class Command(BaseCommand):
    help = (
        "Send pending resident and team notifications whose time has come: scheduled ones, first "
        "sends that were never enqueued, and retries after a failure. Run it every minute from "
        "cron or a scheduler."
    )

    def add_arguments(self, parser):
        add_now_argument(parser)

    def handle(self, *args, now=None, **options):
        counts = send_due(now=parse_now(now))
        self.stdout.write(
            f"Sent {counts['sent']}, will retry {counts['pending']}, gave up on {counts['failed']}."
        )
