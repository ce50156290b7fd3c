from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from wagtail import hooks

from . import urls
from .panels import instruction_panel


@hooks.register("register_admin_urls")
def register_instruction_urls():
    return [path("direct-debit/instructions/", include(urls))]


@hooks.register("case_detail_panels")
def direct_debit_panel(request, case):
    return instruction_panel(request, case)


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
