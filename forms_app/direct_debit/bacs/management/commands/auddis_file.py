import pathlib

from django.core.management.base import BaseCommand, CommandError

from forms_app.direct_debit.bacs.lodging import NotReady, produce_files


class Command(BaseCommand):
    help = (
        "Produce the AUDDIS files due now: pending Direct Debit instructions as new (0N), "
        "requested cancellations as 0C. Each file is kept (and listed in the admin); with "
        "--output it is also written to that folder."
    )

    def add_arguments(self, parser):
        parser.add_argument("--output", help="a folder to write each file produced into")

    def handle(self, *args, output=None, **options):
        folder = pathlib.Path(output) if output else None
        if folder is not None and not folder.is_dir():
            raise CommandError(f"{folder} is not a folder.")
        try:
            outcome = produce_files()
        except NotReady as error:
            raise CommandError(str(error)) from None
        for reference, why in outcome.left_out:
            self.stderr.write(f"Not sent: {reference}: {why}")
        if not outcome.files:
            self.stdout.write("Nothing to send.")
        for auddis_file in outcome.files:
            if folder is not None:
                (folder / auddis_file.filename).write_bytes(auddis_file.content.encode("ascii"))
            self.stdout.write(
                f"{auddis_file.filename}: {auddis_file.new_count} new instruction(s), "
                f"{auddis_file.cancel_count} cancellation(s)."
            )
