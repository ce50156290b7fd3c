"""Residents asking to cancel a Direct Debit online: their instruction reference and postcode.

The answer is the same whether or not the details matched an instruction, in words and in the
work done, so the page cannot be used to learn which references exist or whose they are. A match
marks the instruction to be cancelled: the next AUDDIS file tells the bank (a 0C), or, if the
bank has not been sent it yet, it is cancelled at once.
"""

import contextlib
import hmac

from django.core.exceptions import ValidationError
from django.shortcuts import render
from django.utils.translation import gettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from forms_app.cases.resident_forms import compact_postcode
from forms_app.direct_debit.enums import InstructionStatus
from forms_app.direct_debit.models import Instruction
from townhall import ratelimit

from .forms import CancelDirectDebitForm

TRIES = 10
TRIES_WINDOW_SECONDS = 15 * 60
CANCELLABLE = frozenset(
    {InstructionStatus.PENDING, InstructionStatus.LODGED, InstructionStatus.ACTIVE}
)
# Compared against when no instruction has the reference, so a wrong reference costs the same
# work as a wrong postcode. No postcode typed into the form can match it.
_NO_POSTCODE = "ZZ99ZZZ"


def stored_postcode(instruction):
    """The postcode the payer gave: the case's, else the last line of the payer's address."""
    if instruction is None:
        return _NO_POSTCODE
    postcode = instruction.case.resident_postcode
    if not postcode:
        lines = [line for line in (instruction.payer_address or "").splitlines() if line.strip()]
        postcode = lines[-1] if lines else ""
    return compact_postcode(postcode)


def find_instruction(reference, postcode):
    """The instruction with this reference if the postcode matches the payer's."""
    instruction = Instruction.objects.select_related("case").filter(reference=reference).first()
    stored = stored_postcode(instruction)
    matches = hmac.compare_digest(postcode.encode(), stored.encode())
    if instruction is None or not stored or not matches:
        return None
    return instruction


def ask_to_cancel(instruction):
    if instruction.status not in CANCELLABLE or instruction.cancel_requested_at:
        return
    # Cancelled or rejected in the meantime: nothing left to cancel.
    with contextlib.suppress(ValidationError):
        instruction.request_cancellation(reason=gettext("Asked for online by the payer."))


@never_cache
@require_http_methods(["GET", "POST"])
def cancel_direct_debit(request):
    form = CancelDirectDebitForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        # Only lookups are counted: a resident correcting a typo is not penalised.
        if not ratelimit.hit("direct_debit.cancel", request, TRIES, TRIES_WINDOW_SECONDS):
            return render(
                request,
                "bacs/resident/rate_limited.html",
                {"minutes": TRIES_WINDOW_SECONDS // 60},
                status=429,
            )
        instruction = find_instruction(
            form.cleaned_data["reference"], form.cleaned_data["postcode"]
        )
        if instruction is not None:
            ask_to_cancel(instruction)
        return render(request, "bacs/resident/cancel_requested.html")
    return render(request, "bacs/resident/cancel_direct_debit.html", {"form": form})
