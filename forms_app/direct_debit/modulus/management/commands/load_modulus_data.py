import datetime
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from forms_app.direct_debit.modulus.data_files import DataFileError, decode
from forms_app.direct_debit.modulus.loading import (
    ReleaseRefused,
    load_release,
    version_from_file_name,
)


class Command(BaseCommand):
    help = (
        "Load a new release of Vocalink's modulus checking data (VALACDOS and SCSUBTAB, as "
        "downloaded from Vocalink) to be used from its effective date. The release is refused, "
        "and nothing saved, unless every test case of the specification's chapter 3 passes."
    )

    def create_parser(self, prog_name, subcommand, **kwargs):
        # Django's own --version (the Django version) gives way to the release's version.
        return super().create_parser(prog_name, subcommand, conflict_handler="resolve", **kwargs)

    def add_arguments(self, parser):
        parser.add_argument("valacdos", help="VALACDOS file, e.g. valacdos-v8-60.txt")
        parser.add_argument("scsubtab", help="SCSUBTAB file, e.g. scsubtab.txt")
        parser.add_argument(
            "--effective",
            required=True,
            help="The date Vocalink says the release is valid from, YYYY-MM-DD.",
        )
        parser.add_argument(
            "--version",
            dest="release_version",
            help="Vocalink's version, e.g. 8.60 (taken from the VALACDOS file name if left out).",
        )

    def handle(self, *args, valacdos, scsubtab, effective, release_version=None, **options):
        try:
            effective_from = datetime.date.fromisoformat(effective)
        except ValueError as error:
            raise CommandError(
                f"--effective must be a date like 2025-06-23, not {effective!r}"
            ) from error
        version = release_version or version_from_file_name(Path(valacdos).name)
        if not version:
            raise CommandError(
                "Give the release's version with --version (the file name does not say it)."
            )
        texts = {}
        for label, name in (("VALACDOS", valacdos), ("SCSUBTAB", scsubtab)):
            try:
                texts[label] = decode(Path(name).read_bytes(), label)
            except OSError as error:
                raise CommandError(f"Cannot read {label} file {name}: {error.strerror}") from error
            except DataFileError as error:
                raise CommandError(f"Refused: {error}. Nothing was loaded.") from error
        try:
            release = load_release(
                texts["VALACDOS"],
                texts["SCSUBTAB"],
                effective_from=effective_from,
                version=version,
                source=f"{Path(valacdos).name}, {Path(scsubtab).name}",
            )
        except DataFileError as error:
            raise CommandError(f"Refused: {error}. Nothing was loaded.") from error
        except ReleaseRefused as error:
            for case, result in error.failures:
                self.stderr.write(
                    f"  case {case.number} ({case.description}): {case.sort_code} "
                    f"{case.account_number} should be {case.expected.value}, "
                    f"got {result.verdict.value} by {result.rule}"
                )
            raise CommandError(f"Refused: {error}. Nothing was loaded.") from error
        self.stdout.write(
            f"Loaded VALACDOS {release.version} ({release.rows.count()} rows, "
            f"{release.substitutions.count()} substitutions), in force from "
            f"{release.effective_from:%d %B %Y}."
        )
