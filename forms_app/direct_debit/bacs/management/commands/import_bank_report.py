import pathlib

from django.core.management.base import BaseCommand, CommandError

from forms_app.direct_debit.bacs.enums import LineOutcome
from forms_app.direct_debit.bacs.importing import AlreadyImported, import_report
from forms_app.direct_debit.bacs.reports import ReportFormatError


class Command(BaseCommand):
    help = (
        "Import an AUDDIS or ADDACS report from the bank (the CSV format in "
        "forms_app/direct_debit/bacs/reports.py) and apply its reason codes. Lines that could "
        "not be applied are listed; importing the same file again changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="the report's CSV file")

    def handle(self, *args, file, **options):
        path = pathlib.Path(file)
        try:
            data = path.read_bytes()
        except OSError as error:
            raise CommandError(f"Cannot read {path}: {error.strerror}") from None
        try:
            report = import_report(data, filename=path.name)
        except ReportFormatError as error:
            raise CommandError(str(error)) from None
        except AlreadyImported as already:
            raise CommandError(
                f"{path.name} was already imported on {already.report.imported_at:%Y-%m-%d %H:%M}"
                ": nothing changed."
            ) from None
        lines = list(report.lines.all())
        counts = dict.fromkeys(LineOutcome, 0)
        for line in lines:
            counts[line.outcome] += 1
        self.stdout.write(
            f"{path.name}: {counts[LineOutcome.APPLIED]} applied, "
            f"{counts[LineOutcome.ALREADY_APPLIED]} already applied, "
            f"{counts[LineOutcome.NOT_APPLIED]} not applied."
        )
        for line in lines:
            if line.outcome == LineOutcome.NOT_APPLIED:
                self.stdout.write(f"Line {line.number} not applied: {line.message} ({line.text})")
