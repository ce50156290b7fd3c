from django.db import models
from django.utils.translation import gettext_lazy as _

# How long a case keeps its resident's details after closing, unless the form says otherwise.
DEFAULT_RETENTION_DAYS = 90


class AnswerRole(models.TextChoices):
    """What an answer says about the resident, for casework to file it under.

    A question holds a role because of its type (the first email question is where updates go) or
    because an editor said so (a short-answer question marked as the resident's name), never
    because of what its name happens to contain.
    """

    NAME = "name", _("The resident's name")
    EMAIL = "email", _("The resident's email address")
    PHONE = "phone", _("The resident's phone number")
    POSTCODE = "postcode", _("The resident's postcode")
    ADDRESS = "address", _("The resident's address")


# Details someone at a reception desk may not have, or not want to give: optional while staff
# complete a form on a resident's behalf.
CONTACT_ROLES = frozenset({AnswerRole.NAME, AnswerRole.EMAIL, AnswerRole.PHONE})
