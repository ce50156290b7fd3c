"""Internal notes on a booking's case, in the site's own language, logged and announced.

Whoever changed the booking (the resident by their link, or reception) gets the booking's own
message, so the note is internal: nobody is messaged twice. `case_updated` lets the listeners that
keep other systems in step (a CRM's webhook) hear of it.
"""

from django.conf import settings
from django.utils import translation

from wagtail.log_actions import log

from forms_app.cases.enums import UpdateKind
from forms_app.cases.models import Case
from forms_app.cases.signals import case_updated


def note_on_case(booking, message, *, by=None, **params):
    """Note `message` (a lazy string with %-style `params`) on the booking's case, if it has one."""
    if booking.case_id is None:
        return None
    case = booking.case
    with translation.override(settings.LANGUAGE_CODE):
        text = str(message) % params if params else str(message)
    update = case.updates.create(kind=UpdateKind.NOTE, author=by, text=text, public=False)
    case.save(update_fields=["updated_at"])
    log(case, "cases.note", user=by)
    case_updated.send(sender=Case, case=case, update=update)
    return update
