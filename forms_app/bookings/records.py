"""What a booking's case records when the resident changes or cancels it by their link.

An entry in the case's history (an internal note, so the resident is not messaged about it twice:
they get the booking's own message) and the audit log, and `case_updated` for the listeners that
keep other systems in step (a CRM's webhook).
"""

from django.conf import settings
from django.utils import translation

from wagtail.log_actions import log

from forms_app.cases.enums import UpdateKind
from forms_app.cases.models import Case
from forms_app.cases.signals import case_updated


def record_on_case(booking, message, **params):
    """Note `message` (lazy, with %-style `params`) on the booking's case, in the site's own
    language whichever language the resident used."""
    case = booking.case
    if case is None:
        return None
    with translation.override(settings.LANGUAGE_CODE):
        text = str(message) % params
    update = case.updates.create(kind=UpdateKind.NOTE, author=None, text=text)
    case.save(update_fields=["updated_at"])
    log(case, "cases.note", user=None)
    case_updated.send(sender=Case, case=case, update=update)
    return update
