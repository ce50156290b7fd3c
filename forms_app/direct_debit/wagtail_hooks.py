from django.utils.translation import gettext_lazy as _

from wagtail import hooks


@hooks.register("register_log_actions")
def register_direct_debit_actions(actions):
    # Recorded against the instruction's case, so they read in the case's audit history.
    actions.register_action(
        "direct_debit.status",
        _("Direct Debit instruction status changed"),
        _("Direct Debit status changed"),
    )
    actions.register_action(
        "direct_debit.cancel_requested",
        _("Direct Debit cancellation requested"),
        _("Direct Debit cancellation requested"),
    )
    actions.register_action(
        "direct_debit.bank_details",
        _("Direct Debit bank details replaced"),
        _("Direct Debit bank details replaced"),
    )
    actions.register_action(
        "direct_debit.confirmed",
        _("Direct Debit instruction given"),
        _("Direct Debit instruction given"),
    )
