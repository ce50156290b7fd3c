"""Who may act on an instruction: whoever may change its case (the permission and the queue)."""

from forms_app.cases.permissions import case_permission_policy


def can_change_instruction(user, instruction):
    return case_permission_policy.user_has_permission_for_instance(user, "change", instruction.case)
