"""Casework's intake: every stored submission becomes a case in a team's queue.

Registered with journeys in CasesConfig.ready(); a journey page's submit hook calls it through
`forms_app.journeys.intake.hand_over()` inside the transaction that stored the submission, so the
case is saved with it or not at all.
"""

from forms_app.journeys.assisted import assisting_staff

from .enums import Channel
from .routing import open_case


def open_case_for_submission(submission, request=None):
    """Open the submission's case, recorded as assisted when staff completed it for a resident."""
    staff = assisting_staff(request)
    channel = Channel.ASSISTED if staff is not None else Channel.ONLINE
    return open_case(submission, channel=channel, assisted_by=staff)
