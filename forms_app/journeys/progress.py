"""Where a journey in progress lives: the resident's session, one entry per form page."""

from .uploads import delete_upload, stored_file

STATE_PREFIX = "journey:"
DONE_PREFIX = "journey-done:"


def state_key(page):
    """The session key of the answers given so far to this form."""
    return f"{STATE_PREFIX}{page.pk}"


def done_key(page):
    """The session key of the reference of the form just sent (for its confirmation page)."""
    return f"{DONE_PREFIX}{page.pk}"


def forget_unfinished_journeys(session):
    """Drop every journey in progress in this session, with the files uploaded for it.

    Reception staff serve one resident after another from one signed-in session: when they start
    or stop helping someone, nothing the last resident entered may show for the next.
    """
    # A session is not iterable: its keys() is the way to list what it holds.
    keys = [key for key in session.keys() if key.startswith((STATE_PREFIX, DONE_PREFIX))]  # noqa: SIM118
    for key in keys:
        state = session.pop(key)
        if isinstance(state, dict):
            for answer in state.get("answers", {}).values():
                uploaded = stored_file(answer)
                if uploaded is not None:
                    delete_upload(uploaded.name)
