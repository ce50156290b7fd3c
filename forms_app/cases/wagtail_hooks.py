from django.utils.translation import gettext_lazy as _

from wagtail import hooks


@hooks.register("register_log_actions")
def register_case_actions(actions):
    actions.register_action("cases.create", _("Case created"), _("Case created"))
    actions.register_action("cases.status", _("Status changed"), _("Status changed"))
    actions.register_action("cases.assign", _("Case assigned"), _("Case assigned"))
    actions.register_action("cases.note", _("Internal note added"), _("Internal note added"))
    actions.register_action("cases.message", _("Message sent to resident"), _("Message sent"))
    actions.register_action("cases.anonymise", _("Personal details removed"), _("Anonymised"))


# Reports (channel shift) register their hooks in their own module.
from . import reports_hooks  # noqa: E402, F401
