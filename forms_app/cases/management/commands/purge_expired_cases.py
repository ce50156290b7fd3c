from django.core.management.base import BaseCommand, CommandError
from django.utils.dateparse import parse_datetime

from forms_app.cases.retention import purge_expired_cases


def _moment(value):
    moment = parse_datetime(value) if isinstance(value, str) else value
    if moment is None or moment.tzinfo is None:
        raise CommandError("--now must be an ISO 8601 date and time with a time zone.")
    return moment


class Command(BaseCommand):
    help = (
        "Remove residents' personal details (contact details, answers, uploaded files) from "
        "cases closed or cancelled for longer than their retention period. Run once a day."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--now",
            help="Act as if it were this moment (ISO 8601 with a time zone).",
        )

    def handle(self, *args, now=None, **options):
        count = purge_expired_cases(_moment(now) if now else None)
        noun = "case" if count == 1 else "cases"
        self.stdout.write(f"Removed personal details from {count} {noun} past their retention.")
