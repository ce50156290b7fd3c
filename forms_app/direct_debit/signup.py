"""The sign-up's own steps around the journey: checking before sending, giving the instruction,
and what check your answers and the confirmation page show."""

from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from wagtail.log_actions import log

from forms_app.cases.enums import Channel, UpdateKind
from forms_app.journeys.assisted import assisting_staff, is_assisting
from forms_app.journeys.models import Submission
from forms_app.journeys.progress import done_key
from forms_app.journeys.receipts import receipts_for
from forms_app.journeys.submit import SubmissionRefused
from townhall.ratelimit import client_address

from .confirmation import (
    context_for,
    first_collection_date,
    guarantee_html,
    queue_confirmation_email,
)
from .models import Instruction
from .modulus.checker import check_account
from .modulus.enums import Verdict

BANK_DETAILS_STEP = "bank-details"
GUARANTEE_FIELD = "guarantee_read_aloud"
GUARANTEE_NOT_READ = _("Confirm that you have read the Direct Debit Guarantee to the payer")
NO_EMAIL_NOTE = _(
    "No email address was given: post the Direct Debit confirmation to the payer within 3 "
    "working days."
)


def check_before_sending(request, answers):
    """Refuse (nothing is kept) what must not become an instruction."""
    if is_assisting(request) and not request.POST.get(GUARANTEE_FIELD):
        raise SubmissionRefused(GUARANTEE_NOT_READ)
    bank = answers.get("bank_details").value
    # Checked again here: the rules may have changed since the resident typed them.
    if check_account(bank["sort_code"], bank["account_number"]).verdict == Verdict.INVALID:
        raise SubmissionRefused(
            _("Check your account number and sort code"), step=BANK_DETAILS_STEP
        )


def _value(answers, name):
    answer = answers.get(name)
    return answer.value if answer is not None and answer.value is not None else ""


def give_instruction(request, page, case, answers):
    """The instruction the resident has just confirmed, recorded with how they confirmed it."""
    bank = answers.get("bank_details").value
    staff = assisting_staff(request)
    address = answers.get("payer_address")
    payment_day = _value(answers, "payment_day")
    now = timezone.now()
    instruction = Instruction.objects.create(
        case=case,
        page=page,
        payer_name=_value(answers, "payer_name") or bank["account_name"],
        payer_address=address.display if address is not None else "",
        payer_email=_value(answers, "payer_email"),
        account_reference=_value(answers, "account_reference"),
        payment_day=payment_day,
        account_name=bank["account_name"],
        sort_code=bank["sort_code"],
        account_number=bank["account_number"],
        modulus_verdict=bank.get("verdict", ""),
        modulus_rule=bank.get("rule", ""),
        confirmed_at=now,
        confirmed_channel=Channel.ASSISTED if staff else Channel.ONLINE,
        confirmed_by=staff,
        confirmed_ip=None if staff else client_address(request),
        guarantee_read_aloud=bool(staff),
        first_collection_date=first_collection_date(timezone.localdate(now), payment_day or None),
    )
    log(
        case,
        "direct_debit.confirmed",
        user=staff,
        data={"reference": instruction.reference, "channel": instruction.confirmed_channel},
    )
    if queue_confirmation_email(instruction, page) is None:
        case.updates.create(kind=UpdateKind.NOTE, author=staff, text=str(NO_EMAIL_NOTE))
    return instruction


def check_answers_context(request, page):
    return {
        "assisting": is_assisting(request),
        "guarantee_html": guarantee_html(page),
        "guarantee_field": GUARANTEE_FIELD,
    }


def confirmation(request, page):
    """The Done page: the instruction's reference and masked details, and the Guarantee."""
    reference = request.session.get(done_key(page))
    submission = Submission.objects.filter(reference=reference, journey=page).first()
    instruction = (
        Instruction.objects.filter(case__submission=submission).select_related("case").first()
        if submission
        else None
    )
    if instruction is None:
        return HttpResponseRedirect(page.journey_url)
    context = {
        **context_for(instruction, page),
        "submission": submission,
        "receipts": receipts_for(submission),
        "assisting": is_assisting(request),
        "heading": page.confirmation_heading or gettext("Direct Debit set up"),
    }
    response = TemplateResponse(
        request, "direct_debit/confirmation.html", {"page": page, "self": page, **context}
    )
    # It shows this resident's details: no shared cache or browser history may keep it.
    add_never_cache_headers(response)
    return response
