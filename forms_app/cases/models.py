"""Cases: every submission becomes a case in a team's queue, worked by staff in the Wagtail admin.

A routing rule (journey, optionally an answer) picks the queue; the queue's service level sets the
due date in working days. Staff only ever see cases in the queues of their groups: `Case.objects
.for_user(user)` is the one scope every list, detail, export, search and count goes through.
"""

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.db.models import ExpressionWrapper, Q
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from wagtail.log_actions import log
from wagtail.models import BaseLogEntry, BaseLogEntryManager

from forms_app.journeys.answers import Answers
from forms_app.journeys.questions import EMAIL_MAX_LENGTH, TEXT_MAX_LENGTH
from forms_app.journeys.rules import routable_questions

from .contact import can_be_messaged
from .enums import (
    FINISHED_STATUSES,
    OPEN_STATUSES,
    TRANSITIONS,
    CaseStatus,
    Channel,
    Priority,
    UpdateKind,
)
from .signals import case_updated
from .validators import require_https

TRANSFER_PERMISSION = "cases.transfer_case"

MESSAGE_NOT_SENT = _(
    "Not sent to the resident: they gave no email address or mobile number, or this queue does "
    "not message residents. Phone or write to them."
)


class Queue(models.Model):
    """A team's work: the staff group that works it and how quickly it answers."""

    name = models.CharField(_("name"), max_length=100, unique=True)
    group = models.ForeignKey(
        "auth.Group",
        verbose_name=_("staff group"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="case_queues",
        help_text=_("Members of this group see and work this queue's cases. Blank: admins only."),
    )
    sla_working_days = models.PositiveSmallIntegerField(
        _("target (working days)"),
        default=10,
        help_text=_(
            "Cases are due this many working days after they arrive, not counting bank holidays."
        ),
    )
    team_email = models.EmailField(
        _("team email"),
        blank=True,
        help_text=_("Optional. Told about each new case."),
    )
    notify_resident = models.BooleanField(
        _("tell residents"),
        default=True,
        help_text=_("Email or text residents when their case is received, updated or resolved."),
    )
    webhook_url = models.URLField(
        _("send cases to (webhook)"),
        blank=True,
        validators=[require_https],
        help_text=_(
            "Optional. An address in another system (such as a CRM) that receives each new case "
            "and change as signed JSON."
        ),
    )
    is_default = models.BooleanField(
        _("default queue"),
        default=False,
        help_text=_("Cases no routing rule matches go here. Only one queue can be the default."),
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("queue")
        constraints = [
            models.UniqueConstraint(
                fields=["is_default"],
                condition=models.Q(is_default=True),
                name="one_default_queue",
            )
        ]

    def __str__(self):
        return self.name


class RoutingRule(models.Model):
    """Sends a form's submissions (or those with a particular answer) to a queue."""

    # Any journey page type (online form, Direct Debit, booking).
    journey = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("online form"),
        on_delete=models.CASCADE,
        related_name="routing_rules",
    )
    question_name = models.CharField(
        _("question"),
        max_length=50,
        blank=True,
        help_text=_("Optional. The short name of a question, e.g. 'bin'. Blank: every submission."),
    )
    answer = models.CharField(
        _("answer"),
        max_length=100,
        blank=True,
        help_text=_("The answer that sends the case to this queue, e.g. 'garden'."),
    )
    queue = models.ForeignKey(Queue, verbose_name=_("queue"), on_delete=models.CASCADE)
    order = models.PositiveSmallIntegerField(
        _("order"), default=0, help_text=_("Rules are tried from the lowest number.")
    )

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("routing rule")

    def __str__(self):
        condition = f" ({self.question_name} = {self.answer})" if self.question_name else ""
        return f"{self.journey}{condition} → {self.queue}"

    def clean(self):
        if bool(self.question_name) != bool(self.answer):
            raise ValidationError(_("Enter both a question and an answer, or neither."))
        problems = self.problems()
        if problems:
            raise ValidationError(problems)

    def questions(self):
        """{name: RoutableQuestion} of the rule's form: the answers a rule on it can look at."""
        page = self.journey.specific if self.journey_id else None
        if page is None or not hasattr(page, "journey"):
            return {}
        return {question.name: question for question in routable_questions(page)}

    def problems(self):
        """{"question_name" or "answer": [message]} if the rule can never match, else {}."""
        if not self.question_name or not self.journey_id:
            return {}
        question = self.questions().get(self.question_name)
        if question is None:
            return {
                "question_name": [
                    _(
                        "‘%(form)s’ has no question called ‘%(name)s’ with options to choose "
                        "from, so this rule would never match."
                    )
                    % {"form": self.journey.title, "name": self.question_name}
                ]
            }
        if not question.has_option(self.answer):
            return {
                "answer": [
                    _(
                        "‘%(answer)s’ is not an option of ‘%(question)s’, so this rule would "
                        "never match. Choose one of %(options)s."
                    )
                    % {
                        "answer": self.answer,
                        "question": question.label,
                        "options": ", ".join(f"‘{words}’" for _value, words in question.options),
                    }
                ]
            }
        return {}

    def matches(self, answers):
        """``answers``: {question name: [option values]} (see journeys.rules.routing_keys)."""
        if not self.question_name:
            return True
        given = answers.get(self.question_name)
        given = given if isinstance(given, list) else [given]
        return any(str(value).strip().lower() == self.answer.strip().lower() for value in given)


class CaseQuerySet(models.QuerySet):
    def for_user(self, user):
        """The cases this member of staff may see: those in their groups' queues."""
        if not user.is_authenticated or not user.is_active:
            return self.none()
        if user.is_superuser:
            return self
        return self.filter(queue__group__in=user.groups.all())

    def open(self):
        return self.filter(status__in=OPEN_STATUSES)

    def overdue(self, today=None):
        return self.open().filter(due_date__lt=today or timezone.localdate())


class Case(models.Model):
    reference = models.CharField(_("reference"), max_length=8, unique=True)
    submission = models.OneToOneField(
        "journeys.Submission",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="case",
    )
    journey = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="journey_cases",
        verbose_name=_("online form"),
    )
    summary = models.CharField(_("summary"), max_length=255)
    queue = models.ForeignKey(Queue, verbose_name=_("queue"), on_delete=models.PROTECT)
    status = models.CharField(
        _("status"), max_length=20, choices=CaseStatus.choices, default=CaseStatus.NEW
    )
    priority = models.CharField(
        _("priority"), max_length=10, choices=Priority.choices, default=Priority.NORMAL
    )
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("assigned to"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="assigned_cases",
    )
    due_date = models.DateField(_("due"), db_index=True)
    # As long as the questions that fill them allow, so what a resident may type always fits.
    resident_name = models.CharField(_("name"), max_length=TEXT_MAX_LENGTH, blank=True)
    resident_email = models.EmailField(
        _("email"), max_length=EMAIL_MAX_LENGTH, blank=True, db_index=True
    )
    resident_phone = models.CharField(_("phone"), max_length=30, blank=True)
    resident_postcode = models.CharField(_("postcode"), max_length=10, blank=True, db_index=True)
    answers = models.JSONField(
        _("answers"), default=list, help_text=_("As the resident saw the questions, in order.")
    )
    language = models.CharField(_("language"), max_length=10, default="en")
    channel = models.CharField(
        _("channel"), max_length=10, choices=Channel.choices, default=Channel.ONLINE
    )
    assisted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("completed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="assisted_cases",
    )
    retention_days = models.PositiveIntegerField(_("keep for (days after closing)"), default=90)
    created_at = models.DateTimeField(_("received"), default=timezone.now, db_index=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)
    anonymised_at = models.DateTimeField(_("personal details removed"), null=True, blank=True)
    # Not open any more (resolved, closed or cancelled), kept by the database from the status, so
    # the staff list's order (the work still to do first, the most urgent first) is read from an
    # index instead of sorting every case in a team's queues.
    finished = models.GeneratedField(
        expression=ExpressionWrapper(
            ~Q(status__in=sorted(status.value for status in OPEN_STATUSES)),
            output_field=models.BooleanField(),
        ),
        output_field=models.BooleanField(),
        db_persist=True,
        verbose_name=_("finished"),
    )

    objects = CaseQuerySet.as_manager()

    class Meta:
        ordering = ["due_date", "pk"]
        indexes = [
            # The staff list's order (views.CaseIndexView), within one queue and across queues.
            models.Index(
                fields=["queue", "finished", "due_date", "id"], name="case_queue_work_order"
            ),
            models.Index(fields=["finished", "due_date", "id"], name="case_work_order"),
        ]
        verbose_name = _("case")
        permissions = [
            ("export_case", "Can export cases"),
            ("transfer_case", "Can move cases to another queue"),
        ]

    def __str__(self):
        return f"{self.reference}: {self.summary}"

    def get_answers(self):
        return Answers.from_json(self.answers)

    @property
    def is_open(self):
        return self.status in OPEN_STATUSES

    @property
    def is_overdue(self):
        return self.is_open and self.due_date < timezone.localdate()

    def allowed_transitions(self):
        return [
            CaseStatus(status) for status in CaseStatus.values if status in TRANSITIONS[self.status]
        ]

    def can_be_worked_by(self, user):
        return Case.objects.for_user(user).filter(pk=self.pk).exists()

    @transaction.atomic
    def change_status(self, new_status, user, *, note="", public_message=""):
        """The one way a case's status changes: checks, changes, records, logs and notifies."""
        if not self.can_be_worked_by(user):
            raise PermissionDenied
        if new_status not in TRANSITIONS[self.status]:
            raise ValidationError(
                _("A case that is %(current)s cannot become %(new)s.")
                % {
                    "current": CaseStatus(self.status).label.lower(),
                    "new": CaseStatus(new_status).label.lower(),
                }
            )
        previous = self.status
        self.status = new_status
        self.closed_at = timezone.now() if new_status in FINISHED_STATUSES else None
        self.save(update_fields=["status", "closed_at", "updated_at"])
        update = self.updates.create(
            kind=UpdateKind.STATUS,
            author=user,
            status_from=previous,
            status_to=new_status,
            text=public_message or note,
            public=bool(public_message),
        )
        log(self, "cases.status", user=user, data={"from": previous, "to": new_status})
        case_updated.send(sender=Case, case=self, update=update)
        if public_message:
            self._record_if_not_sent(user)
        return update

    def can_be_transferred_by(self, user):
        return user.has_perm(TRANSFER_PERMISSION) and self.can_be_worked_by(user)

    @transaction.atomic
    def transfer(self, queue, user, *, reason):
        """The one way a case moves to another team's queue: checks, moves, records, logs and
        notifies. The receiving team decides who works it, so the case is unassigned; the due
        date the resident was given stands. Residents are not told: the move is the council's
        business, and webhooks (the new queue's) hear of it as a change."""
        if not self.can_be_transferred_by(user):
            raise PermissionDenied
        reason = (reason or "").strip()
        if not reason:
            raise ValidationError(_("Enter why the case is moving to another queue"))
        if queue.pk == self.queue_id:
            raise ValidationError(
                _("The case is already in %(queue)s. Choose another queue.") % {"queue": queue}
            )
        if not self.is_open:
            raise ValidationError(
                _("A case that is %(status)s cannot move to another queue.")
                % {"status": CaseStatus(self.status).label.lower()}
            )
        previous = self.queue
        self.queue = queue
        self.assignee = None
        self.save(update_fields=["queue", "assignee", "updated_at"])
        update = self.updates.create(
            kind=UpdateKind.TRANSFERRED,
            author=user,
            text=reason,
            queue_from=previous.name,
            queue_to=queue.name,
        )
        # The reason stays on the case's history, which retention scrubs; the audit log keeps
        # only where the case went.
        log(
            self,
            "cases.transfer",
            user=user,
            data={
                "from": previous.name,
                "to": queue.name,
                "from_id": previous.pk,
                "to_id": queue.pk,
            },
        )
        case_updated.send(sender=Case, case=self, update=update)
        return update

    @transaction.atomic
    def add_update(self, user, text, *, public):
        if not self.can_be_worked_by(user):
            raise PermissionDenied
        update = self.updates.create(
            kind=UpdateKind.MESSAGE if public else UpdateKind.NOTE,
            author=user,
            text=text,
            public=public,
        )
        log(self, "cases.message" if public else "cases.note", user=user)
        case_updated.send(sender=Case, case=self, update=update)
        if public:
            self._record_if_not_sent(user)
        return update

    @property
    def can_be_messaged(self):
        return can_be_messaged(self)

    def _record_if_not_sent(self, user):
        """A message for the resident that cannot reach them is noted on the case, so whoever
        reads the history knows to phone or write instead."""
        if not self.can_be_messaged:
            self.updates.create(kind=UpdateKind.NOTE, author=user, text=str(MESSAGE_NOT_SENT))
            log(self, "cases.message_not_sent", user=user)

    @transaction.atomic
    def assign(self, assignee, user):
        if not self.can_be_worked_by(user) or (
            assignee is not None and not self.can_be_worked_by(assignee)
        ):
            raise PermissionDenied
        self.assignee = assignee
        self.save(update_fields=["assignee", "updated_at"])
        self.updates.create(
            kind=UpdateKind.ASSIGNED,
            author=user,
            text=assignee.get_full_name() or assignee.get_username() if assignee else "",
        )
        log(self, "cases.assign", user=user, data={"assignee": assignee.pk if assignee else None})


class CaseUpdate(models.Model):
    """One entry in a case's history: who, when, what changed, and whether the resident sees it."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="updates")
    kind = models.CharField(max_length=20, choices=UpdateKind.choices)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    text = models.TextField(blank=True)
    public = models.BooleanField(
        _("shown to the resident"),
        default=False,
        help_text=_("Public updates appear on the resident's status page and are sent to them."),
    )
    status_from = models.CharField(max_length=20, choices=CaseStatus.choices, blank=True)
    status_to = models.CharField(max_length=20, choices=CaseStatus.choices, blank=True)
    # A move between queues, by the queues' names then (a queue may be renamed later).
    queue_from = models.CharField(max_length=100, blank=True)
    queue_to = models.CharField(max_length=100, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("case update")


class CaseLogEntryManager(BaseLogEntryManager):
    def log_action(self, instance, action, **kwargs):
        kwargs.update(case=instance, object_id=str(instance.pk))
        return super().log_action(instance, action, **kwargs)

    def for_instance(self, instance):
        return self.filter(case=instance)

    def viewable_by_user(self, user):
        """Audit entries follow the cases: staff see history only for cases in their queues."""
        if user.is_superuser:
            return self.all()
        return self.filter(case__in=Case.objects.for_user(user))


class CaseLogEntry(BaseLogEntry):
    """Wagtail's audit log for cases, kept in its own table so reports can be scoped by queue.

    Entries outlive anonymisation (and even deletion) of their case: the audit trail stays.
    """

    case = models.ForeignKey(
        Case, null=True, on_delete=models.SET_NULL, related_name="log_entries", db_constraint=False
    )
    # The case's id as text, as every log model has for Wagtail's Site history report (and kept
    # when the case itself is gone).
    object_id = models.CharField(max_length=255, blank=True, db_index=True)

    objects = CaseLogEntryManager()

    class Meta(BaseLogEntry.Meta):
        verbose_name = _("case log entry")

    def save(self, *args, **kwargs):
        # Wagtail checks every entry before saving it, which asks the database whether the case,
        # its content type and the member of staff exist: they do (the entry is made from them,
        # in the same transaction), so every case change paid a query each for nothing. The
        # other checks still run: a registered action, each field's length.
        self.full_clean(exclude=["content_type", "case", "user", "revision"])
        return models.Model.save(self, *args, **kwargs)


class RetentionRun(models.Model):
    """What one daily retention run removed, in numbers and nothing else.

    Each anonymised case has its own entry in the case's history; what forms never sent left
    behind (files uploaded on the way, saved forms) belongs to no case, so the run itself is what
    the audit log records it against. Auditors read it in Reports > Site history with the rest.
    """

    ran_at = models.DateTimeField(_("run at"))
    cases_anonymised = models.PositiveIntegerField(_("cases anonymised"), default=0)
    files_removed = models.PositiveIntegerField(_("files of forms never sent removed"), default=0)
    saved_forms_removed = models.PositiveIntegerField(_("saved forms removed"), default=0)

    class Meta:
        ordering = ["-ran_at"]
        verbose_name = _("retention run")

    def __str__(self):
        when = date_format(timezone.localtime(self.ran_at), "DATETIME_FORMAT")
        return gettext("Retention run, %(when)s") % {"when": when}
