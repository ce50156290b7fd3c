from django.db import models
from django.utils.translation import gettext_lazy as _


class CaseStatus(models.TextChoices):
    NEW = "new", _("New")
    IN_PROGRESS = "in_progress", _("In progress")
    WAITING = "waiting", _("Waiting for resident")
    RESOLVED = "resolved", _("Resolved")
    CLOSED = "closed", _("Closed")
    CANCELLED = "cancelled", _("Cancelled")


OPEN_STATUSES = frozenset({CaseStatus.NEW, CaseStatus.IN_PROGRESS, CaseStatus.WAITING})
FINISHED_STATUSES = frozenset({CaseStatus.RESOLVED, CaseStatus.CLOSED, CaseStatus.CANCELLED})

# Where a case may go from each status. Resolved cases can be reopened if the resident comes back;
# closed and cancelled are final (a new report makes a new case).
TRANSITIONS = {
    CaseStatus.NEW: {
        CaseStatus.IN_PROGRESS,
        CaseStatus.WAITING,
        CaseStatus.RESOLVED,
        CaseStatus.CANCELLED,
    },
    CaseStatus.IN_PROGRESS: {CaseStatus.WAITING, CaseStatus.RESOLVED, CaseStatus.CANCELLED},
    CaseStatus.WAITING: {CaseStatus.IN_PROGRESS, CaseStatus.RESOLVED, CaseStatus.CANCELLED},
    CaseStatus.RESOLVED: {CaseStatus.IN_PROGRESS, CaseStatus.CLOSED},
    CaseStatus.CLOSED: set(),
    CaseStatus.CANCELLED: set(),
}


class Priority(models.TextChoices):
    LOW = "low", _("Low")
    NORMAL = "normal", _("Normal")
    HIGH = "high", _("High")


class Channel(models.TextChoices):
    ONLINE = "online", _("Online")
    ASSISTED = "assisted", _("Assisted (staff on the resident's behalf)")


class UpdateKind(models.TextChoices):
    CREATED = "created", _("Case created")
    STATUS = "status", _("Status changed")
    NOTE = "note", _("Internal note")
    MESSAGE = "message", _("Message to the resident")
    ASSIGNED = "assigned", _("Assigned")
    TRANSFERRED = "transferred", _("Moved to another queue")
    ANONYMISED = "anonymised", _("Personal details removed")
