"""Journey page types: the pages residents complete one step at a time.

A page type becomes a journey by subclassing AbstractJourneyPage: the online form (JourneyPage)
builds its steps from editors' content; Direct Debit and booking build theirs in code. Each page
answers at its own addresses (its steps, check your answers, confirmation, save and resume) by
handing the request to views.py, and changes what sending does through `process_submission()`.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.http import Http404
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page, get_page_models

from home.routing import RoutedPageMixin

from . import preview, views
from .blocks import JourneyStepsBlock
from .engine import QUESTION, Journey, Step
from .enums import DEFAULT_RETENTION_DAYS
from .forms import JourneyPageForm
from .intake import hand_over
from .panels import ContributedPanel
from .progress import preview_journey_key
from .questions import BRANCHING_TYPES, is_question, question_name, question_type
from .translatable import StepsField


class AbstractJourneyPage(RoutedPageMixin, RoutablePageMixin, Page):
    """What every journey page type shares: its addresses, the submit hook and what follows it.

    A page type becomes a journey by subclassing this and saying what its steps are
    (`journey()`): the online form builds them from editors' content; Direct Debit and booking
    build theirs in code. Submitting calls `process_submission()`, the one place a page type
    changes what sending does.
    """

    # Whether residents may leave and come back through an emailed link. A journey that must not
    # keep answers outside the resident's session (bank details) turns it off.
    allow_save_and_return = True
    # Never kept by the front cache (townhall/frontcache.py): a form in progress is the resident's.
    front_cache = False
    # The notification kind a page type queues itself as the resident's confirmation (Direct
    # Debit's, which must carry the instruction's details), replacing casework's "We have
    # received your form". None: casework's is sent. Read through `own_confirmation_kind`.
    confirmation_kind = None

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

    # Set on a draft being walked in Wagtail's preview (preview.py): its steps then answer at the
    # preview's staff-only addresses, with answers of their own, and sending sends nothing.
    preview_key = None

    class Meta:
        abstract = True

    @property
    def journey_url(self):
        """Where this journey's steps answer: the form's own address, or its preview's."""
        if self.preview_key:
            return reverse("journeys_preview:start", args=[self.preview_key])
        return self.url

    @property
    def journey_key(self):
        """What this journey's answers are kept under in the session (progress.py)."""
        return preview_journey_key(self.preview_key) if self.preview_key else str(self.pk)

    def get_admin_display_title(self):
        # A service and its form usually share a title; moderation lists, the page chooser and
        # notification emails tell them apart by the page type.
        return _("%(title)s · %(type)s") % {
            "title": super().get_admin_display_title(),
            "type": self.get_verbose_name(),
        }

    def serve_preview(self, request, mode_name):
        # A form is many pages: Wagtail renders one response for a draft, so the draft is walked
        # step by step at addresses of its own.
        return preview.begin(request, self)

    def journey(self):
        """The steps residents go through: a `Journey` (see engine.py)."""
        raise NotImplementedError

    def prepare(self, request):
        """Called with each request to a step, before the journey is built: by this page's own
        routes and by the preview's walk of a draft (preview.py), which calls the views directly.
        A page type whose steps depend on the answers so far (booking) reads them here."""

    def process_submission(self, request, submission, answers):
        """What sending the form does, inside the transaction that stored `submission`.

        `answers` are the resident's typed answers, sensitive ones whole (the submission keeps
        them masked). The default hands the submission to casework, which opens a case and
        returns it. A page type may do more (keep an instruction, book a slot) around a call to
        super(), or refuse by raising `SubmissionRefused(step_slug, message)`: nothing is kept and
        the resident goes back to that step with the message.
        """
        return hand_over(submission, request=request)

    # A form's answers belong to the language it was started in, so only its questions and check
    # your answers have a counterpart in a translation (which resumes that language's form);
    # the confirmation and the save and resume pages lead to the translated form's start.
    SHARED_ROUTES = ("check-your-answers",)
    OWN_ROUTES = ("confirmation", "save", "resume")

    def subpath_in_translation(self, subpath, translated):
        name = subpath.strip("/")
        if name in self.OWN_ROUTES:
            return None
        if name in self.SHARED_ROUTES:
            return subpath
        other = self.step_name_in(translated, name)
        return f"{other}/" if other else None

    def step_name_in(self, translated, name):
        """What `translated` calls this journey's page `name`, or None if it has no such page:
        the same name, unless the page type names its pages in each language."""
        return name if name in translated.journey().by_slug else None

    # Routes: the form's own address redirects to its first page; each page has an address.
    @path("")
    def start(self, request):
        self.prepare(request)
        return views.start(request, self)

    @path("check-your-answers/")
    def check_answers(self, request):
        self.prepare(request)
        return views.check_answers(request, self)

    @path("confirmation/")
    def confirmation(self, request):
        return views.confirmation(request, self)

    @path("save/")
    def save_progress(self, request):
        if not self.allow_save_and_return:
            raise Http404
        return views.save_progress(request, self)

    # The signed token has colons, which Wagtail's page addresses do not allow: it goes in the
    # query string.
    @path("resume/")
    def resume(self, request):
        if not self.allow_save_and_return:
            raise Http404
        return views.resume(request, self, request.GET.get("token", ""))

    @path("<slug:step_slug>/")
    def step(self, request, step_slug):
        self.prepare(request)
        return views.step(request, self, step_slug)


def own_confirmation_kind(journey):
    """The notification kind `journey` (a page, or None) sends as its own confirmation instead of
    casework's "We have received your form", or None if casework's is sent."""
    page = journey.specific if journey is not None else None
    return getattr(page, "confirmation_kind", None)


def question_step(slug, questions, *, heading="", rules=None):
    """A question page of a journey: `questions` are question block values (from a StreamField,
    or made in code with a block's to_python() by page types whose steps are fixed), `rules` maps
    an answer of its radios or yes/no question to the slug of the step it leads to."""
    answerable = [(q, question_name(q)) for q in questions if is_question(q)]
    branching = next((name for q, name in answerable if question_type(q) in BRANCHING_TYPES), None)
    return Step(
        QUESTION,
        slug,
        heading=heading,
        questions=list(questions),
        answerable=answerable,
        branch_question=branching,
        rules={answer.strip().lower(): target for answer, target in (rules or {}).items()},
    )


def journey_page_models():
    """Every page type residents complete as a journey (online forms, Direct Debit, booking)."""
    return [model for model in get_page_models() if issubclass(model, AbstractJourneyPage)]


class JourneyPage(AbstractJourneyPage):
    """An online form: question pages, branching rules, check answers and a confirmation."""

    steps = StepsField(
        JourneyStepsBlock(),
        verbose_name=_("pages of the form"),
        help_text=_(
            "Residents see these one at a time, in this order unless a rule says otherwise."
        ),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("steps"),
        MultiFieldPanel(
            [FieldPanel("confirmation_heading"), FieldPanel("what_happens_next")],
            heading=_("After submitting"),
        ),
        ContributedPanel(),
    ]
    settings_panels = [*Page.settings_panels, FieldPanel("retention_days")]
    base_form_class = JourneyPageForm

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
            rules = {rule["answer"]: rule["go_to"] for rule in value["rules"]}
            steps.append(
                question_step(
                    value["slug"], value["questions"], heading=value["heading"], rules=rules
                )
            )
        return Journey(steps)

    def step_name_in(self, translated, name):
        # Page names are translated (a Welsh form's pages have Welsh addresses), and a page keeps
        # its block's id in every language.
        own_ids = {block.value["slug"]: block.id for block in self.steps}
        if isinstance(translated, JourneyPage):
            names_by_id = {block.id: block.value["slug"] for block in translated.steps}
            if own_ids.get(name) in names_by_id:
                return names_by_id[own_ids[name]]
        return super().step_name_in(translated, name)

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
        if errors:
            raise ValidationError({"steps": errors})
