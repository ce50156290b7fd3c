from django.core.management.base import BaseCommand

from forms_app.cases.retention import run_retention
from forms_app.journeys.resume import RESUME_LINK_DAYS
from forms_app.outbox.commands import add_now_argument, parse_now


def _count(number, one, many):
    return f"{number} {one if number == 1 else many}"


class Command(BaseCommand):
    help = (
        "Remove residents' personal details (contact details, answers, uploaded files) from "
        "cases closed or cancelled for longer than their retention period, and what forms never "
        "sent left behind: saved forms whose link has expired, and uploaded files no journey can "
        "use any more. Run once a day."
    )

    def add_arguments(self, parser):
        add_now_argument(parser)

    def handle(self, *args, now=None, **options):
        report = run_retention(parse_now(now))
        cases = _count(report.cases_anonymised, "case", "cases")
        files = _count(report.files_removed, "file", "files")
        saved = _count(report.saved_forms_removed, "saved form", "saved forms")
        self.stdout.write(f"Removed personal details from {cases} past their retention.")
        self.stdout.write(
            f"Removed {files} of forms never sent and {saved} older than {RESUME_LINK_DAYS} days."
        )
