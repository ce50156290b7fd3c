"""Sending a journey: the one service the "Check your answers" page calls.

It stores the resident's answers once (a replayed or double-clicked submit finds the same
Submission by its token), then calls the page's submit hook, `process_submission()`, in the same
transaction: what the page type does with it (by default, hand it to casework) is saved with the
submission or not at all. The hook may refuse with `SubmissionRefused`, which undoes everything
and sends the resident back to a step with a message.
"""

from django.db import IntegrityError, transaction
from django.utils import translation

from .answers import collect_answers
from .models import Submission
from .references import unique_reference


class SubmissionRefused(Exception):
    """Raised by a page's submit hook: nothing is kept; the resident sees `message` on `step`
    (a step's slug), or on "Check your answers" when no step is named."""

    def __init__(self, message, *, step=None):
        super().__init__(str(message))
        self.message = message
        self.step = step


def submit_journey(request, page, answers_so_far, token):
    """Store the answers to `page` the resident reached and hand them on. Returns the Submission.

    `answers_so_far` are the session's answers by question name; `token` is the journey's token.
    Raises SubmissionRefused when the page's submit hook refuses.
    """
    existing = Submission.objects.filter(token=token).first()
    if existing is not None:
        return existing
    journey = page.journey()
    reached = journey.reached_answers(answers_so_far)
    try:
        with transaction.atomic():
            submission = Submission.objects.create(
                reference=unique_reference(
                    lambda ref: Submission.objects.filter(reference=ref).exists()
                ),
                token=token,
                journey=page,
                journey_title=page.title,
                answers=collect_answers(journey, reached, for_storage=True).as_json(),
                language=translation.get_language(),
                retention_days=page.retention_days,
            )
            page.process_submission(request, submission, collect_answers(journey, reached))
            # A database error swallowed inside the hook (a savepoint that logs and carries on)
            # can leave the transaction unable to commit, as when the connection is lost; Django
            # would then roll it back without a word. Never confirm a submission not saved.
            transaction.get_connection().validate_no_broken_transaction()
    except IntegrityError:
        # The same token arrived twice at once: the first one won. Anything else is a real error.
        submission = Submission.objects.filter(token=token).first()
        if submission is None:
            raise
    return submission
