"""The instruction on its case's page: masked, with its status, check and confirmation record."""

from django.middleware.csrf import get_token
from django.template.loader import render_to_string
from django.utils.translation import gettext_lazy as _

from .enums import AT_THE_BANK, InstructionStatus
from .models import Instruction
from .permissions import can_change_instruction

VERDICT_LABELS = {
    "valid": _("Passed"),
    "invalid": _("Failed"),
    "not_checkable": _("Unchecked: the bank's sort code is not in the checking tables"),
    "": _("Unchecked"),
}


def verdict_label(verdict):
    return VERDICT_LABELS.get(verdict or "", verdict)


def instruction_panel(request, case):
    instruction = Instruction.objects.filter(case=case).select_related("confirmed_by").first()
    if instruction is None:
        return None
    can_cancel = (
        instruction.status in (InstructionStatus.PENDING, *AT_THE_BANK)
        and instruction.cancel_requested_at is None
        and can_change_instruction(request.user, instruction)
    )
    get_token(request)
    return render_to_string(
        "direct_debit/case_panel.html",
        {
            "instruction": instruction,
            "verdict": verdict_label(instruction.modulus_verdict),
            "can_cancel": can_cancel,
        },
        request=request,
    )
