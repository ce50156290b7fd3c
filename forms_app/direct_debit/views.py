"""Staff actions on an instruction, posted from its case's page."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .models import Instruction
from .permissions import can_change_instruction

REASON_MAX_LENGTH = 500


@require_POST
def cancel_instruction(request, pk):
    instruction = get_object_or_404(Instruction.objects.for_user(request.user), pk=pk)
    if not can_change_instruction(request.user, instruction):
        raise PermissionDenied
    reason = (request.POST.get("reason") or "").strip()[:REASON_MAX_LENGTH]
    try:
        instruction.request_cancellation(by=request.user, reason=reason)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        if instruction.cancel_requested_at:
            messages.success(
                request,
                _(
                    "Direct Debit instruction %(reference)s will be cancelled at the bank in the "
                    "next file."
                )
                % {"reference": instruction.reference},
            )
        else:
            messages.success(
                request,
                _("Direct Debit instruction %(reference)s cancelled.")
                % {"reference": instruction.reference},
            )
    return redirect("cases:inspect", instruction.case_id)
