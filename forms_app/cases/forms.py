"""Forms staff use to work a case: assign it, change its status, write a note or a message."""

from django import forms
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from .enums import TRANSITIONS, CaseStatus
from .filters import display_name
from .models import Queue
from .permissions import colleagues_for, queues_for

TEXT_MAX_LENGTH = 5000

INTERNAL = "internal"
RESIDENT = "resident"
AUDIENCES = [
    (INTERNAL, _("Internal note: only staff see it")),
    (RESIDENT, _("Message to the resident: they see it and are told about it")),
]


class ColleagueChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return display_name(obj)


class AssignForm(forms.Form):
    prefix = "assign"  # Several forms share the case page; prefixes keep their ids apart.
    assignee = ColleagueChoiceField(
        label=_("Assign to"),
        queryset=get_user_model().objects.none(),
        required=False,
        empty_label=_("Nobody (unassign)"),
        help_text=_("Members of the team that works this queue."),
    )

    def __init__(self, *args, case, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assignee"].queryset = colleagues_for(case.queue)
        self.fields["assignee"].initial = case.assignee_id


class _MessageMixin:
    def clean(self):
        cleaned = super().clean()
        if cleaned.get("audience") == RESIDENT and not cleaned.get("text", "").strip():
            self.add_error("text", _("Write the message to the resident"))
        return cleaned


class StatusForm(_MessageMixin, forms.Form):
    prefix = "status"
    status = forms.ChoiceField(label=_("New status"), choices=CaseStatus.choices)
    audience = forms.ChoiceField(
        label=_("Who is the text for?"),
        choices=AUDIENCES,
        initial=INTERNAL,
        widget=forms.RadioSelect,
    )
    text = forms.CharField(
        label=_("Note or message (optional for an internal note)"),
        required=False,
        max_length=TEXT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def __init__(self, *args, case, **kwargs):
        super().__init__(*args, **kwargs)
        self.case = case
        # Only the allowed next statuses are offered; clean_status refuses anything else, so a
        # stale page or a hand-made request cannot skip a step.
        self.fields["status"].widget.choices = [
            (status.value, status.label) for status in case.allowed_transitions()
        ]

    def clean_status(self):
        status = self.cleaned_data["status"]
        if status not in TRANSITIONS[self.case.status]:
            raise ValidationError(
                _("A case that is %(current)s cannot become %(new)s.")
                % {
                    "current": CaseStatus(self.case.status).label.lower(),
                    "new": CaseStatus(status).label.lower(),
                }
            )
        return status


class NoteForm(_MessageMixin, forms.Form):
    prefix = "note"
    audience = forms.ChoiceField(
        label=_("Who is it for?"), choices=AUDIENCES, initial=INTERNAL, widget=forms.RadioSelect
    )
    text = forms.CharField(
        label=_("Note or message"),
        max_length=TEXT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class TransferForm(forms.Form):
    """Move a misrouted case to the team whose work it is, saying why."""

    prefix = "transfer"
    queue = forms.ModelChoiceField(
        label=_("Move to queue"),
        queryset=None,
        empty_label=_("Choose a queue"),
        error_messages={
            "required": _("Choose the queue to move the case to"),
            "invalid_choice": _("Choose the queue to move the case to"),
        },
    )
    reason = forms.CharField(
        label=_("Why is it moving?"),
        help_text=_("The receiving team reads this in the case's history. Residents do not."),
        max_length=TEXT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Enter why the case is moving to another queue")},
    )

    def __init__(self, *args, case, **kwargs):
        super().__init__(*args, **kwargs)
        self.case = case
        # Every team's queue, not only the user's own: the case is going to someone else.
        self.fields["queue"].queryset = Queue.objects.order_by("name")
        self.fields["queue"].widget.choices = [
            choice for choice in self.fields["queue"].choices if choice[0] != case.queue_id
        ]

    def clean_queue(self):
        queue = self.cleaned_data["queue"]
        if queue.pk == self.case.queue_id:
            raise ValidationError(
                _("The case is already in %(queue)s. Choose another queue.") % {"queue": queue}
            )
        return queue

    def clean_reason(self):
        reason = self.cleaned_data["reason"].strip()
        if not reason:
            raise ValidationError(_("Enter why the case is moving to another queue"))
        return reason


class BulkActionForm(forms.Form):
    ASSIGN_TO_ME = "assign_to_me"
    ASSIGN = "assign"
    CLOSE = "close"

    action = forms.ChoiceField(
        label=_("With the selected cases"),
        choices=[
            (ASSIGN_TO_ME, _("Assign to me")),
            (ASSIGN, _("Assign to a colleague")),
            (CLOSE, _("Close (resolved cases only)")),
        ],
    )
    assignee = ColleagueChoiceField(
        label=_("Colleague"),
        queryset=get_user_model().objects.none(),
        required=False,
        empty_label=_("Choose a colleague"),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assignee"].queryset = (
            get_user_model()
            .objects.filter(is_active=True, groups__case_queues__in=queues_for(user))
            .distinct()
            .order_by("first_name", "last_name", "username")
        )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("action") == self.ASSIGN and not cleaned.get("assignee"):
            self.add_error("assignee", _("Choose who to assign the cases to"))
        return cleaned
