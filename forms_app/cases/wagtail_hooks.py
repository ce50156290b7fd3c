from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.permissions import register_permission_policy

from .log_actions import TransferFormatter
from .models import Case, CaseLogEntry
from .permissions import can_see_cases, case_permission_policy
from .retention import RetentionRunFormatter

# First, before any view asks for Case's policy: Wagtail refuses a policy registered after a
# fallback has been made, and every admin view (menu, index, url finder) must use this one.
register_permission_policy(Case, case_permission_policy)

from .panels import CaseQueuesPanel, journey_routing_panel  # noqa: E402
from .viewsets import CaseworkViewSetGroup  # noqa: E402


@hooks.register("register_log_actions")
def register_case_actions(actions):
    # Case history goes to its own log table, scoped to each member of staff's queues.
    actions.register_model(Case, CaseLogEntry)
    actions.register_action("cases.create", _("Case created"), _("Case created"))
    actions.register_action("cases.status", _("Status changed"), _("Status changed"))
    actions.register_action("cases.assign", _("Case assigned"), _("Case assigned"))
    actions.register_action("cases.note", _("Internal note added"), _("Internal note added"))
    actions.register_action("cases.message", _("Message sent to resident"), _("Message sent"))
    actions.register_action(
        "cases.message_not_sent",
        _("Message could not reach the resident"),
        _("Message not sent"),
    )
    actions.register_action("cases.transfer")(TransferFormatter)
    actions.register_action("cases.anonymise", _("Personal details removed"), _("Anonymised"))
    actions.register_action("cases.file_download", _("File downloaded"), _("File downloaded"))
    actions.register_action("cases.retention_run")(RetentionRunFormatter)


@hooks.register("register_admin_viewset")
def register_casework_viewsets():
    return CaseworkViewSetGroup()


@hooks.register("construct_homepage_panels")
def add_case_queues_panel(request, panels):
    if can_see_cases(request.user):
        panels.append(CaseQueuesPanel())


@hooks.register("journey_edit_panels")
def where_cases_go(request, page):
    # The form's edit page shows every editor where its cases go; only those who may manage
    # routing rules get the links to change it.
    return journey_routing_panel(request, page)


# Reports (channel shift) register their hooks in their own module.
from . import reports_hooks  # noqa: E402, F401
