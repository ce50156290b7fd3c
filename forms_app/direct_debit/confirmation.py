"""What the resident is told once their instruction is given: on screen and by email.

Both carry what the scheme asks a paperless confirmation to carry: the account name and masked
details, the instruction reference, the service user name and number, the council's contact
details, the Guarantee, how to cancel, and the earliest first collection (10 working days'
advance notice, not counting weekends and bank holidays).
"""

import datetime

from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from wagtail.models import Site

from forms_app.cases.working_days import add_working_days, is_working_day
from forms_app.notifications.content import plain_text, resident_contact
from forms_app.notifications.kinds import NotificationKindSpec
from forms_app.notifications.outbox import queue
from home.models import FALLBACK_COUNCIL_NAME, CouncilSettings
from townhall.public_urls import public_url

from .wording import ADVANCE_NOTICE_WORKING_DAYS, default_guarantee, default_how_to_cancel, rich

CONFIRMATION = NotificationKindSpec(
    "dd_confirmation",
    _("Direct Debit confirmation"),
    subject=_("Your Direct Debit to %(council_name)s is set up – reference %(dd_reference)s"),
    template="direct_debit/notifications/{channel}_confirmation.txt",
)


def first_collection_date(confirmed_on, payment_day=None):
    """The earliest date the first payment can be taken: 10 working days' notice from the day
    the instruction is confirmed, then the next chosen day of the month, if one was chosen."""
    earliest = add_working_days(confirmed_on, ADVANCE_NOTICE_WORKING_DAYS)
    if not payment_day:
        return earliest
    day = int(payment_day)
    candidate = earliest.replace(day=1)
    while True:
        try:
            chosen = candidate.replace(day=day)
        except ValueError:  # the 29th-31st in a short month: that month's last day
            nxt = (candidate.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)
            chosen = nxt - datetime.timedelta(days=1)
        if chosen >= earliest:
            # Collections fall on a working day: a weekend or bank holiday moves it on.
            while not is_working_day(chosen):
                chosen += datetime.timedelta(days=1)
            return chosen
        candidate = (candidate.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)


def council_details():
    site = Site.objects.filter(is_default_site=True).first()
    settings = CouncilSettings.for_site(site) if site else None
    details = settings.localized_details() if settings else None
    return settings, details


def council_name():
    _settings, details = council_details()
    return details.council_name if details else FALLBACK_COUNCIL_NAME


def contact_lines(page):
    """The council's contact details for this service: the page's own, else the council's."""
    if (page.contact_details or "").strip():
        return [line.strip() for line in page.contact_details.splitlines() if line.strip()]
    settings, details = council_details()
    lines = []
    if settings and settings.contact_phone:
        lines.append(str(_("Phone: %(phone)s")) % {"phone": settings.contact_phone})
    if settings and settings.contact_email:
        lines.append(str(_("Email: %(email)s")) % {"email": settings.contact_email})
    if details and details.contact_address:
        address = ", ".join(line.strip() for line in details.contact_address.splitlines())
        lines.append(str(_("Address: %(address)s")) % {"address": address})
    return lines


def guarantee_html(page):
    return rich(page.guarantee) or default_guarantee(council_name())


def how_to_cancel(page):
    return (page.how_to_cancel or "").strip() or default_how_to_cancel(council_name())


def cancel_path(language):
    """The residents' page for cancelling a Direct Debit, in `language` (/cy/… for Welsh)."""
    with translation.override(language):
        return reverse("cancel_direct_debit:cancel")


def context_for(instruction, page):
    """What the confirmation page and email both show."""
    return {
        "instruction": instruction,
        "council_name": council_name(),
        "dd_reference": instruction.reference,
        "account_name": instruction.account_name,
        "masked_account_number": instruction.masked_account_number,
        "masked_sort_code": instruction.masked_sort_code,
        "service_user_name": page.service_user_name,
        "service_user_number": page.service_user_number,
        "contact_lines": contact_lines(page),
        "guarantee_html": guarantee_html(page),
        "how_to_cancel": how_to_cancel(page),
        "cancel_url": cancel_path(instruction.case.language),
        "confirmation_html": rich(page.confirmation_text),
        "first_collection": (
            date_format(instruction.first_collection_date, "j F Y")
            if instruction.first_collection_date
            else ""
        ),
    }


def queue_confirmation_email(instruction, page):
    """The written confirmation, by email with the case's change; None if they gave no email
    (staff then post it: the case's history says so)."""
    case = instruction.case
    contact = resident_contact(case)
    if not contact or contact[0] != "email":
        return None
    context = context_for(instruction, page)
    context["guarantee_text"] = plain_text(str(context["guarantee_html"]))
    context["confirmation_plain"] = plain_text(str(context["confirmation_html"] or ""))
    context["cancel_url"] = public_url(context["cancel_url"])
    return queue(case, CONFIRMATION.value, *contact, case.language, context=context)


def today():
    return timezone.localdate()
