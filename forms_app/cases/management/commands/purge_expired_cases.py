from django.core.management.base import BaseCommand

from forms_app.cases.retention import purge_expired_cases
from forms_app.outbox.commands import add_now_argument, parse_now


class Command(BaseCommand):
    help = (
        "Remove residents' personal details (contact details, answers, uploaded files) from "
        "cases closed or cancelled for longer than their retention period. Run once a day."
    )

    def add_arguments(self, parser):
        add_now_argument(parser)

    def handle(self, *args, now=None, **options):
        count = purge_expired_cases(parse_now(now))
        noun = "case" if count == 1 else "cases"
        self.stdout.write(f"Removed personal details from {count} {noun} past their retention.")
