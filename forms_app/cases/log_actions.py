"""How case actions read in the audit log, where the plain label is not enough."""

from django.utils.translation import gettext_lazy as _

from wagtail.log_actions import LogFormatter


class TransferFormatter(LogFormatter):
    """A move between queues names both; the reason stays in the case's own history."""

    label = _("Moved to another queue")

    def format_message(self, log_entry):
        data = log_entry.data or {}
        return _("Moved from %(from)s to %(to)s") % {
            "from": data.get("from", ""),
            "to": data.get("to", ""),
        }
