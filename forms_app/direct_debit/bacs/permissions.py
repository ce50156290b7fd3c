"""Who may work with Bacs files: Revenues staff with `bacs.produce_auddis_file`. The files hold
whole account numbers, so listing, downloading, producing and importing all need it."""

from .models import PRODUCE_PERMISSION


def can_work_bacs_files(user):
    return bool(user.is_authenticated and user.is_active and user.has_perm(PRODUCE_PERMISSION))
