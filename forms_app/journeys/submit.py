"""Sending a journey: the one service the "Check your answers" page calls.

It stores the resident's answers once (a replayed or double-clicked submit finds the same
Submission by its token), then calls the page's submit hook, `process_submission()`, in the same
transaction: what the page type does with it (by default, hand it to casework) is saved with the
submission or not at all. The hook may refuse with `SubmissionRefused`, which undoes everything
and sends the resident back to a step with a message.

The unique columns decide, not a look beforehand: the token (a second send of this journey finds
the first one's submission) and the reference (a clash with a reference already given, about one
in a hundred billion, tries again with a new one). Looking first would cost a query every send
and still need the columns, since two sends can look at the same moment.
"""

from django.db import IntegrityError, transaction
from django.utils import translation

from .answers import collect_answers
from .models import Submission
from .references import ReferenceCollisionError, new_reference

REFERENCE_ATTEMPTS = 10


class SubmissionRefused(Exception):
    """Raised by a page's submit hook: nothing is kept; the resident sees `message` on `step`
    (a step's slug), or on "Check your answers" when no step is named."""

    def __init__(self, message, *, step=None):
        super().__init__(str(message))
        self.message = message
        self.step = step


def submit_journey(request, page, answers_so_far, token):
    """Store the answers to `page` the resident reached and hand them on. Returns the Submission,
    or the one already made with this `token` (the journey's token) if it was sent before.

    `answers_so_far` are the session's answers by question name.
    Raises SubmissionRefused when the page's submit hook refuses.
    """
    journey = page.journey()
    reached = journey.reached_answers(answers_so_far)
    stored = collect_answers(journey, reached, for_storage=True).as_json()
    for _attempt in range(REFERENCE_ATTEMPTS):
        reference = new_reference()
        try:
            return _store_and_hand_on(request, page, journey, reached, stored, token, reference)
        except IntegrityError:
            # The same token arrived twice at once (or again later): the first one won.
            existing = Submission.objects.filter(token=token).first()
            if existing is not None:
                return existing
            if not _reference_taken(reference):
                raise  # a real error, not ours to paper over
    raise ReferenceCollisionError(
        f"No free case reference after {REFERENCE_ATTEMPTS} attempts; references may be running "
        "out."
    )


def _store_and_hand_on(request, page, journey, reached, stored, token, reference):
    with transaction.atomic():
        submission = Submission.objects.create(
            reference=reference,
            token=token,
            journey=page,
            journey_title=page.title,
            answers=stored,
            language=translation.get_language(),
            retention_days=page.retention_days,
        )
        page.process_submission(request, submission, collect_answers(journey, reached))
        # A database error swallowed inside the hook (a savepoint that logs and carries on)
        # can leave the transaction unable to commit, as when the connection is lost; Django
        # would then roll it back without a word. Never confirm a submission not saved.
        transaction.get_connection().validate_no_broken_transaction()
    return submission


def _reference_taken(reference):
    return Submission.objects.filter(reference=reference).exists()
