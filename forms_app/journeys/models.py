"""Journeys: editor-built online forms that residents complete one page at a time.

A JourneyPage sits under the service page whose "Start now" button opens it. Residents answer one
page at a time (progress lives in their session), check their answers, and submit once: the
Submission gets a reference and is handed to casework in the same transaction.
"""

import uuid

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page

from home.routing import RoutedPageMixin

from . import views
from .blocks import JourneyStepsBlock
from .engine import QUESTION, Journey, Step
from .questions import BRANCHING_TYPES, branch_values, is_question, question_name

DEFAULT_RETENTION_DAYS = 90


class JourneyPage(RoutedPageMixin, RoutablePageMixin, Page):
    """An online form: question pages, branching rules, check answers and a confirmation."""

    steps = StreamField(
        JourneyStepsBlock(),
        verbose_name=_("pages of the form"),
        help_text=_(
            "Residents see these one at a time, in this order unless a rule says otherwise."
        ),
    )
    confirmation_heading = models.CharField(
        _("confirmation heading"),
        max_length=120,
        default=_("Form sent"),
        help_text=_("Shown in the green panel after submitting, e.g. 'Report sent'."),
    )
    what_happens_next = RichTextField(
        _("what happens next"),
        features=["bold", "link", "ul"],
        help_text=_("Shown on the confirmation page and in the confirmation email."),
    )
    retention_days = models.PositiveIntegerField(
        _("keep submissions for (days)"),
        default=DEFAULT_RETENTION_DAYS,
        help_text=_(
            "How long after a case is closed its personal details and files are kept. "
            "Check your retention schedule."
        ),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("steps"),
        MultiFieldPanel(
            [FieldPanel("confirmation_heading"), FieldPanel("what_happens_next")],
            heading=_("After submitting"),
        ),
    ]
    settings_panels = [*Page.settings_panels, FieldPanel("retention_days")]

    parent_page_types = ["services.ServicePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("online form")

    def journey(self):
        steps = []
        for block in self.steps:
            value = block.value
            if block.block_type != QUESTION:
                steps.append(
                    Step(
                        block.block_type,
                        value["slug"],
                        heading=value["heading"],
                        body=value["body"],
                    )
                )
                continue
            answerable = [(q, question_name(q)) for q in value["questions"] if is_question(q)]
            branching = next(
                (name for q, name in answerable if q.block_type in BRANCHING_TYPES), None
            )
            steps.append(
                Step(
                    QUESTION,
                    value["slug"],
                    heading=value["heading"],
                    questions=list(value["questions"]),
                    answerable=answerable,
                    branch_question=branching,
                    rules={
                        rule["answer"].strip().lower(): rule["go_to"] for rule in value["rules"]
                    },
                )
            )
        return Journey(steps)

    def clean(self):
        super().clean()
        errors = []
        journey = self.journey()
        slugs = [step.slug for step in journey.steps]
        for slug in {s for s in slugs if slugs.count(s) > 1}:
            errors.append(
                _("Two pages are called ‘%(slug)s’. Give each page its own name.") % {"slug": slug}
            )
        if not any(step.kind == QUESTION for step in journey.steps):
            errors.append(_("Add at least one question page."))
        names = [name for step in journey.steps for name in step.question_names]
        for name in sorted({n for n in names if names.count(n) > 1}):
            errors.append(
                _("Two questions are called ‘%(name)s’. Give each question its own name.")
                % {"name": name}
            )
        for step in journey.steps:
            if len(step.answerable) > 1 and not step.heading:
                errors.append(
                    _("The page ‘%(slug)s’ asks more than one question: give it a heading.")
                    % {"slug": step.slug}
                )
        for step in journey.steps:
            if step.rules and not step.branch_question:
                errors.append(
                    _("The page ‘%(slug)s’ has rules but no radios or yes/no question.")
                    % {"slug": step.slug}
                )
                continue
            if step.branch_question:
                branching = {name: q for q, name in step.answerable}[step.branch_question]
                allowed = {value.lower() for value in branch_values(branching)}
            for answer, target in step.rules.items():
                if target not in journey.by_slug:
                    errors.append(
                        _("A rule on ‘%(slug)s’ goes to ‘%(target)s’, but no page has that name.")
                        % {"slug": step.slug, "target": target}
                    )
                elif slugs.index(target) <= slugs.index(step.slug):
                    errors.append(
                        _(
                            "A rule on ‘%(slug)s’ goes back to ‘%(target)s’. "
                            "Rules can only go forward."
                        )
                        % {"slug": step.slug, "target": target}
                    )
                if answer not in allowed:
                    errors.append(
                        _(
                            "A rule on ‘%(slug)s’ is for the answer ‘%(answer)s’, "
                            "which is not an option."
                        )
                        % {"slug": step.slug, "answer": answer}
                    )
        if errors:
            raise ValidationError({"steps": errors})

    # Routes: the form's own address redirects to its first page; each page has an address.
    @path("")
    def start(self, request):
        return views.start(request, self)

    @path("check-your-answers/")
    def check_answers(self, request):
        return views.check_answers(request, self)

    @path("confirmation/")
    def confirmation(self, request):
        return views.confirmation(request, self)

    @path("save/")
    def save_progress(self, request):
        return views.save_progress(request, self)

    # The signed token has colons, which Wagtail's page addresses do not allow: it goes in the
    # query string.
    @path("resume/")
    def resume(self, request):
        return views.resume(request, self, request.GET.get("token", ""))

    @path("<slug:step_slug>/")
    def step(self, request, step_slug):
        return views.step(request, self, step_slug)


class Submission(models.Model):
    """A completed journey: what the resident answered, as they saw it, and its reference."""

    reference = models.CharField(_("reference"), max_length=8, unique=True)
    # The resident's journey token: a replayed or double-clicked submit finds this row again.
    token = models.UUIDField(unique=True, editable=False)
    journey = models.ForeignKey(
        JourneyPage, null=True, on_delete=models.SET_NULL, related_name="submissions"
    )
    journey_title = models.CharField(_("form"), max_length=255)
    answers = models.JSONField(
        _("answers"),
        help_text=_("Each answer with its question as the resident saw it, in order."),
    )
    language = models.CharField(_("language"), max_length=10)
    retention_days = models.PositiveIntegerField(default=DEFAULT_RETENTION_DAYS)
    created_at = models.DateTimeField(_("sent"), default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("submission")

    def __str__(self):
        return f"{self.journey_title} {self.reference}"


class SavedProgress(models.Model):
    """Answers saved by 'Save and come back later', found again through a signed link.

    The email address the link went to is not kept.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    journey = models.ForeignKey(JourneyPage, on_delete=models.CASCADE, related_name="+")
    answers = models.JSONField()
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("saved form")
