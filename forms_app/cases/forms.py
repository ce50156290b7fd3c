"""Forms staff use to work a case (assign it, change its status, write a note or a message), and
the routing rule form managers use to send a form's cases to a queue."""

import json

from django import forms
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.models import Page

from .enums import TRANSITIONS, CaseStatus
from .filters import display_name
from .models import Queue, RoutingRule
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


# Routing rules ----------------------------------------------------------------------------------


def _condition_key(name, answer):
    return json.dumps([name, answer])


def _parse_condition(key):
    """(question name, answer) from a key of the condition list, or None if it is not one."""
    try:
        pair = json.loads(key)
    except ValueError:
        return None
    if isinstance(pair, list) and len(pair) == 2 and all(isinstance(v, str) for v in pair):
        return tuple(pair)
    return None


class ConditionSelect(forms.Select):
    """The select, and which form its list was drawn for (see RoutingRuleForm)."""

    listed_for = ""

    def render(self, name, value, attrs=None, renderer=None):
        return format_html(
            '{}<input type="hidden" name="listed_for" value="{}">',
            super().render(name, value, attrs, renderer),
            self.listed_for,
        )


class ConditionField(forms.ChoiceField):
    """Any question and answer is accepted here: the rule's own check says, in words, why one
    that is not in the chosen form could never match."""

    widget = ConditionSelect

    def valid_value(self, value):
        return _parse_condition(value) is not None


class RoutingRuleForm(WagtailAdminModelForm):
    """A routing rule: the form, then which of its answers (or every submission) go to a queue.

    The question and answer are one select, listing the chosen form's choice questions with their
    options. It is drawn for the form already chosen (the rule's own, or the one in the address
    when the form's edit page links here); after choosing another form, saving shows that form's
    list and asks for a second look, so no rule is saved against the wrong form's answers.
    """

    condition = ConditionField(
        label=_("Which cases"),
        required=False,
        help_text=_(
            "Every case from the form, or only those with a particular answer. After choosing "
            "a form, save and this lists its questions and answers."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        journey_id = self._journey_id()
        self.list_is_stale = self.is_bound and self.data.get("listed_for", "") != str(
            journey_id or ""
        )
        self.fields["condition"].widget.listed_for = str(journey_id or "")
        self.questions = self._questions(journey_id)
        self.fields["condition"].choices = self._choices()
        if self.instance.question_name:
            self.initial.setdefault(
                "condition", _condition_key(self.instance.question_name, self.instance.answer)
            )
        if "question_name" in self.fields:
            del self.fields["question_name"]
        if "answer" in self.fields:
            del self.fields["answer"]

    def _journey_id(self):
        if self.is_bound:
            value = self.data.get("journey", "")
        else:
            value = self.initial.get("journey") or self.instance.journey_id or ""
        return int(value) if str(value).isdigit() else None

    def _questions(self, journey_id):
        if journey_id is None:
            return {}
        rule = RoutingRule(journey_id=journey_id)
        try:
            return rule.questions()
        except Page.DoesNotExist:
            return {}

    def _choices(self):
        choices = [("", _("Every case from this form"))]
        for question in self.questions.values():
            choices.append(
                (
                    question.label,
                    [
                        (_condition_key(question.name, value), f"{question.label} — {words}")
                        for value, words in question.options
                    ],
                )
            )
        rule = self.instance
        if rule.question_name and rule.journey_id == self._journey_id():
            saved = _condition_key(rule.question_name, rule.answer)
            listed = {key for _group, options in choices[1:] for key, _label in options}
            if saved not in listed:
                choices.append(
                    (
                        saved,
                        _("%(question)s — %(answer)s (cannot match: not in the form)")
                        % {"question": rule.question_name, "answer": rule.answer},
                    )
                )
        return choices

    def clean(self):
        cleaned = super().clean()
        condition = cleaned.get("condition") or ""
        if self.list_is_stale and self.questions and "journey" not in self.errors:
            self.add_error(
                "condition",
                _(
                    "The list now shows this form’s questions and answers. Choose which cases "
                    "go to the queue, or every case from this form, and save again."
                ),
            )
        name, answer = _parse_condition(condition) if condition else ("", "")
        self.instance.question_name, self.instance.answer = name, answer
        return cleaned

    def _update_errors(self, errors):
        # The model checks the question and the answer; here they are one select.
        if hasattr(errors, "error_dict"):
            moved = {}
            for field, messages in errors.error_dict.items():
                key = "condition" if field in ("question_name", "answer") else field
                moved.setdefault(key, []).extend(messages)
            errors = ValidationError(moved)
        super()._update_errors(errors)
