"""Casework's side of the seam with online forms: a stored submission becomes a case."""

from forms_app.journeys.signals import submission_received


def open_case_for_submission(sender, submission, request=None, **kwargs):
    from .assisted import channel_for
    from .routing import open_case

    channel, staff = channel_for(request)
    open_case(submission, channel=channel, assisted_by=staff)


def register_signal_handlers():
    submission_received.connect(open_case_for_submission, dispatch_uid="cases-open-case")
