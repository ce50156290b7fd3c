"""How bank details are shown anywhere but the resident's own session: the last two digits."""

from django.utils.translation import gettext


def ending(digits):
    """ "Ending 78" for 12345678; empty for nothing (details removed)."""
    digits = "".join(ch for ch in str(digits or "") if ch.isdigit())
    if not digits:
        return ""
    return gettext("Ending %(digits)s") % {"digits": digits[-2:]}
