from django.db import models
from django.utils.translation import gettext_lazy as _


class Verdict(models.TextChoices):
    """What a modulus check says about a sort code and account number.

    A pass means the number is possible for that sort code, not that the account exists. A sort
    code the rules do not cover cannot be checked: the details are accepted and staff see them as
    unchecked.
    """

    VALID = "valid", _("Valid")
    INVALID = "invalid", _("Invalid")
    NOT_CHECKABLE = "not_checkable", _("Unchecked")


# Verdicts that let a resident carry on (an invalid number never does).
ACCEPTED_VERDICTS = frozenset({Verdict.VALID, Verdict.NOT_CHECKABLE})


class Method(models.TextChoices):
    """The three algorithms of Vocalink's specification, named as VALACDOS names them."""

    MOD10 = "MOD10", _("Standard modulus 10")
    MOD11 = "MOD11", _("Standard modulus 11")
    DBLAL = "DBLAL", _("Double alternate")


# Exception codes the specification defines (VALACDOS's last column); a file with any other code
# is refused, because the checker would not know what it means.
KNOWN_EXCEPTIONS = frozenset(range(1, 15))


class ReleaseState(models.TextChoices):
    """Where a loaded release stands today, as the admin listing shows it."""

    IN_FORCE = "in_force", _("In force")
    UPCOMING = "upcoming", _("Upcoming")
    SUPERSEDED = "superseded", _("Superseded")
