from django.core.management.base import BaseCommand

from forms_app.bookings.reminders import send_due_reminders
from forms_app.outbox.commands import add_now_argument, parse_now


class Command(BaseCommand):
    help = (
        "Remind residents of their appointments BOOKING_REMINDER_HOURS before them, by email "
        "and/or text: once each, never for a cancelled or moved booking or one that has started. "
        "Run it every few minutes from cron or a scheduler."
    )

    def add_arguments(self, parser):
        add_now_argument(parser)

    def handle(self, *args, now=None, **options):
        reminded = send_due_reminders(now=parse_now(now))
        self.stdout.write(f"Reminded {reminded} booking(s).")
