"""BookingPage: the page editors put under a service for residents to book an appointment.

Its steps are made in code (journey.py) from what is free and the resident's answers so far, so
each request gives the page the session's answers (`prepare`) before the journey engine asks for
its steps. Sending takes the seat (seats.take_seat) in the transaction that stores the submission
and opens the case; a time taken meanwhile is refused back to the time step with the nearest free
times. Nothing holds a seat before the resident confirms.
"""

from django import forms
from django.http import HttpResponseRedirect
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import path
from wagtail.fields import RichTextField
from wagtail.models import Locale, Page

from forms_app.journeys import views as journey_views
from forms_app.journeys.pages import AbstractJourneyPage
from forms_app.journeys.panels import ContributedPanel
from forms_app.journeys.progress import load_state

from . import steps
from .journey import TIME_STEP, booking_journey
from .models import AppointmentType
from .notifications import CONFIRMED


class BookingPage(AbstractJourneyPage):
    """Book an appointment at a reception point: type, place, day, time, details, check, confirm."""

    # A booking is made in one sitting: a saved half-booking would hold stale times.
    allow_save_and_return = False
    # The appointment's own confirmation (date, time, place, calendar file, links) replaces
    # casework's "We have received your form".
    confirmation_kind = CONFIRMED.value

    intro = RichTextField(
        _("introduction"),
        features=["bold", "link", "ul"],
        blank=True,
        help_text=_("Shown above the first question, e.g. who the appointments are for."),
    )
    appointment_types = ParentalManyToManyField(
        AppointmentType,
        verbose_name=_("appointment types"),
        related_name="+",
        help_text=_(
            "What residents can book here. With more than one, residents choose first; a routing "
            "rule on ‘appointment_type’ can send each type's cases to its own team."
        ),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("appointment_types", widget=forms.CheckboxSelectMultiple),
        MultiFieldPanel(
            [FieldPanel("confirmation_heading"), FieldPanel("what_happens_next")],
            heading=_("After booking"),
        ),
        ContributedPanel(),
    ]
    settings_panels = [*Page.settings_panels, FieldPanel("retention_days")]

    parent_page_types = ["services.ServicePage"]
    subpage_types = []

    # The answers and the nearest free times of the request being served, and the journey made
    # from them (once a request: the engine asks for it several times): see prepare().
    answers_so_far = None
    nearest_times = None
    _bound_journey = None

    class Meta:
        verbose_name = _("appointment booking")

    def offered_types(self):
        """The appointment types offered, as the default-language versions schedules point at
        (a Welsh page's list may name either version)."""
        keys = [kind.translation_key for kind in self.appointment_types.all()]
        if not keys:
            return []
        return list(
            AppointmentType.objects.filter(
                translation_key__in=keys, locale=Locale.get_default()
            ).order_by("name")
        )

    def prepare(self, request):
        """Make this request's answers the ones the journey's options are made from (called by
        the routes below, and by the preview's walk of a draft)."""
        state = load_state(request.session, self) or {}
        self.answers_so_far = dict(state.get("answers") or {})
        self.nearest_times = steps.nearest_from_session(request.session, self)
        self._bound_journey = None

    def journey(self):
        if self.answers_so_far is None:  # not serving a resident: for rules and editors
            return booking_journey(self, {})
        if self._bound_journey is None:
            self._bound_journey = booking_journey(
                self, self.answers_so_far, nearest=self.nearest_times
            )
        return self._bound_journey

    def process_submission(self, request, submission, answers):
        return steps.book(self, request, submission, answers, super().process_submission)

    # Routes: each reads the resident's answers first (prepare).
    @path("")
    def start(self, request):
        self.prepare(request)
        return journey_views.start(request, self)

    @path("check-your-answers/")
    def check_answers(self, request):
        self.prepare(request)
        response = journey_views.check_answers(request, self)
        return steps.restyle(response, "bookings/journey/check_answers.html")

    @path("confirmation/")
    def confirmation(self, request):
        response = journey_views.confirmation(request, self)
        return steps.confirmation(request, self, response)

    @path("<slug:step_slug>/")
    def step(self, request, step_slug):
        self.prepare(request)
        if request.method == "POST":
            refused = steps.refuse_details(request, self, step_slug)
            if refused is not None:
                return refused
        before = dict(self.answers_so_far)
        response = journey_views.step(request, self, step_slug)
        if request.method == "POST" and isinstance(response, HttpResponseRedirect):
            if step_slug == TIME_STEP:
                steps.time_chosen(request, self)
            instead = steps.answer_changed(request, self, step_slug, before)
            if instead is not None:
                return instead
        response = steps.restyle(response, "bookings/journey/question_page.html")
        first = self.journey().first()
        if getattr(response, "context_data", None) is not None and first.slug == step_slug:
            response.context_data["intro"] = self.intro
        return response
