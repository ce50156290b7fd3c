"""A journey page type of the test suite's own: its steps are made in code (as Direct Debit and
booking make theirs) and its submit hook refuses a time that is already taken."""

from django.db import models

from forms_app.journeys.engine import Journey
from forms_app.journeys.pages import AbstractJourneyPage, question_step
from forms_app.journeys.questions import registry
from forms_app.journeys.submit import SubmissionRefused

from .answer_types import MembershipNumberBlock

TAKEN = "That time has just been taken. Choose another time."


def _question(block, **value):
    return block.to_python(value)


class SlotJourneyPage(AbstractJourneyPage):
    """Choose a time, say who you are, send. `taken` lists the times someone else has booked."""

    taken = models.CharField(max_length=100, blank=True, default="")

    parent_page_types = []  # never offered to editors
    subpage_types = []

    def journey(self):
        # Types are found by name in the register, the test suite's own one too.
        time = _question(
            registry.get("radios"),
            label="Which time?",
            name="time",
            choices=[
                {"label": "Morning", "value": "morning", "hint": ""},
                {"label": "Afternoon", "value": "afternoon", "hint": ""},
            ],
        )
        name = _question(registry.get("text"), label="Full name", name="full_name", holds_name=True)
        email = _question(registry.get("email"), label="Email address", name="email")
        number = _question(
            registry.get(MembershipNumberBlock.question_type),
            label="Membership number",
            name="member",
        )
        return Journey(
            [
                question_step("time", [time]),
                question_step("you", [name, email, number], heading="About you"),
            ]
        )

    def process_submission(self, request, submission, answers):
        if answers.get("time").value in self.taken.split(","):
            raise SubmissionRefused(TAKEN, step="time")
        case = super().process_submission(request, submission, answers)
        # Where a sub-app keeps the whole sensitive answer (Direct Debit: encrypted, in its
        # instruction); the submission and the case keep it masked.
        Membership.objects.create(reference=case.reference, number=answers.get("member").value)
        return case


class Membership(models.Model):
    reference = models.CharField(max_length=8)
    number = models.CharField(max_length=8)


class NoSavingJourneyPage(SlotJourneyPage):
    """The same journey with "Save and come back later" turned off."""

    allow_save_and_return = False
