import datetime
from io import StringIO

from django.core.management import CommandError, call_command

import pytest

from forms_app.direct_debit.modulus.checker import check_account
from forms_app.direct_debit.modulus.enums import Verdict
from forms_app.direct_debit.modulus.models import ModulusRelease, WeightRow

from .conftest import SCSUBTAB, VALACDOS

pytestmark = pytest.mark.django_db


def modulus_check(*args):
    out = StringIO()
    try:
        call_command("modulus_check", *args, stdout=out)
    except SystemExit as exit_:
        return exit_.code, out.getvalue()
    return 0, out.getvalue()


def test_modulus_check_prints_a_valid_verdict_and_its_rule():
    code, out = modulus_check("08-99-99", "6637 4958")
    assert code == 0
    assert out == "089999 66374958: Valid (VALACDOS 8.50)\nRule: MOD10\n"


def test_modulus_check_exits_1_for_an_invalid_number():
    code, out = modulus_check("089999", "66374959")
    assert code == 1
    assert "Invalid" in out and "Rule: MOD10" in out


def test_modulus_check_exits_0_for_a_sort_code_it_cannot_check():
    code, out = modulus_check("999999", "12345678")
    assert code == 0
    assert "Unchecked" in out and "sort code in no VALACDOS range" in out


def test_modulus_check_exits_2_for_bad_input():
    with pytest.raises(CommandError, match="Sort code must be 6 digits long") as raised:
        call_command("modulus_check", "0899", "66374958")
    assert raised.value.returncode == 2


def load(*args, **options):
    out, err = StringIO(), StringIO()
    call_command("load_modulus_data", *args, stdout=out, stderr=err, **options)
    return out.getvalue(), err.getvalue()


def test_an_administrator_loads_a_newer_release(tmp_path):
    valacdos = tmp_path / "valacdos-v8-60.txt"
    valacdos.write_bytes(VALACDOS.read_bytes())
    out, _err = load(str(valacdos), str(SCSUBTAB), "--effective", "2025-09-01")
    assert out == (
        "Loaded VALACDOS 8.60 (1151 rows, 21 substitutions), in force from 01 September 2025.\n"
    )
    release = ModulusRelease.objects.get(version="8.60")
    assert release.effective_from == datetime.date(2025, 9, 1)
    assert release.source == "valacdos-v8-60.txt, scsubtab.txt"
    assert ModulusRelease.objects.current(datetime.date(2025, 9, 1)) == release
    assert check_account("089999", "66374958", today=datetime.date(2025, 9, 1)).version == "8.60"


def test_the_version_can_be_given(tmp_path):
    load(str(VALACDOS), str(SCSUBTAB), "--effective", "2025-09-01", "--version", "8.60a")
    assert ModulusRelease.objects.filter(version="8.60a").exists()


def test_a_release_that_breaks_a_specification_case_is_refused_and_nothing_saved(tmp_path):
    # The release lost the row for 107999 (the range 102400-107999): case 2 can no longer pass.
    broken = tmp_path / "valacdos-v8-60.txt"
    lines = VALACDOS.read_text().splitlines()
    broken.write_text("\n".join(line for line in lines if not line.startswith("102400")))
    releases, rows = ModulusRelease.objects.count(), WeightRow.objects.count()
    with pytest.raises(
        CommandError, match=r"Refused: .*test cases fail.*\(cases 2, 30\)"
    ) as raised:
        load(str(broken), str(SCSUBTAB), "--effective", "2025-09-01")
    assert raised.value.returncode == 1
    assert (ModulusRelease.objects.count(), WeightRow.objects.count()) == (releases, rows)
    assert check_account("107999", "88837493").verdict == Verdict.INVALID  # 8.50 still in force


def test_a_release_without_its_substitutions_is_refused(tmp_path):
    empty = tmp_path / "scsubtab.txt"
    empty.write_text("")
    with pytest.raises(CommandError, match=r"\(cases 15\)"):
        load(str(VALACDOS), str(empty), "--effective", "2025-09-01", "--version", "8.60")
    assert not ModulusRelease.objects.filter(version="8.60").exists()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("089000 089999 MOD12 0 0 0 0 0 0 7 1 3 7 1 3 7 1\n", "VALACDOS line 1: unknown method"),
        ("089000 089999 MOD10 0 0 0 0 0 0 7 1 3 7 1 3 7\n", "expected 17 or 18 fields, found 16"),
        ("089000 089999 MOD10 0 0 0 0 0 0 7 1 3 7 1 3 7 1 15\n", "unknown exception code '15'"),
        ("<html>Page not found</html>\n", "VALACDOS line 1: expected 17 or 18 fields"),
        ("", "VALACDOS has no rows"),
    ],
)
def test_a_file_that_is_not_valacdos_is_refused(tmp_path, content, message):
    valacdos = tmp_path / "valacdos-v8-60.txt"
    valacdos.write_text(content)
    with pytest.raises(CommandError, match=message):
        load(str(valacdos), str(SCSUBTAB), "--effective", "2025-09-01")
    assert not ModulusRelease.objects.filter(version="8.60").exists()


def test_a_file_that_is_not_plain_text_is_refused(tmp_path):
    valacdos = tmp_path / "valacdos-v8-60.xlsx"
    valacdos.write_bytes(b"PK\x03\x04\xff\xfe spreadsheet")
    with pytest.raises(CommandError, match=r"VALACDOS is not a plain-text \(ASCII\) file"):
        load(str(valacdos), str(SCSUBTAB), "--effective", "2025-09-01")
    assert not ModulusRelease.objects.filter(version="8.60").exists()


def test_a_version_already_loaded_is_refused():
    with pytest.raises(CommandError, match="Version 8.50 is already loaded"):
        load(str(VALACDOS), str(SCSUBTAB), "--effective", "2025-06-23")


def test_the_version_is_needed_when_the_file_name_does_not_say_it(tmp_path):
    valacdos = tmp_path / "valacdos.txt"
    valacdos.write_bytes(VALACDOS.read_bytes())
    with pytest.raises(CommandError, match="--version"):
        load(str(valacdos), str(SCSUBTAB), "--effective", "2025-09-01")


def test_a_bad_date_or_missing_file_is_refused(tmp_path):
    with pytest.raises(CommandError, match="--effective must be a date like 2025-06-23"):
        load(str(VALACDOS), str(SCSUBTAB), "--effective", "23/06/2025")
    with pytest.raises(CommandError, match="Cannot read SCSUBTAB file"):
        load(str(VALACDOS), str(tmp_path / "missing.txt"), "--effective", "2025-09-01")
