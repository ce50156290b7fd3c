"""Where a journey in progress lives: the resident's session, one entry per form page.

A journey's files are stored as the resident goes, long before anything is sent, so the daily
retention run has to tell a file still in use from one a resident walked away from; it cannot read
sessions. The two meet on one clock: a journey lives as long as its session would after its last
change (SESSION_COOKIE_AGE), and every change stamps the journey's files with the time
(`keep_uploads`). A file untouched for longer than that belongs to no journey anyone can finish.

A file a saved form ("Save and come back later") also holds is "held": replacing it, or dropping
the answer, leaves it on disk for the resume link; retention removes it when the saved form expires.
"""

import datetime

from django.conf import settings
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from .uploads import delete_upload, keep_uploads, stored_file

STATE_PREFIX = "journey:"
DONE_PREFIX = "journey-done:"


def state_key(page):
    """The session key of the answers given so far to this form."""
    return f"{STATE_PREFIX}{page.journey_key}"


def preview_journey_key(preview_key):
    """The journey key of a draft walked in preview (preview.py): never a page's id."""
    return f"preview:{preview_key}"


def done_key(page):
    """The session key of the reference of the form just sent (for its confirmation page)."""
    return f"{DONE_PREFIX}{page.journey_key}"


def journey_lifetime():
    """How long a journey in progress lasts after its last change: as long as its session would,
    since Django renews a session's expiry each time it changes."""
    return datetime.timedelta(seconds=settings.SESSION_COOKIE_AGE)


def load_state(session, page, now=None):
    """This form's journey in progress, or None if there is none or it has outlived its life.

    The session itself can outlive a journey (another form, or staff's sign-in, keeps it going);
    a journey nobody changed for longer than its life is forgotten, as its files may be gone.
    """
    state = session.get(state_key(page))
    if not isinstance(state, dict):
        return None
    changed = parse_datetime(state.get("changed") or "")
    if changed is not None and changed < (now or timezone.now()) - journey_lifetime():
        # Its files are left to the retention run: a saved form may still hold them.
        session.pop(state_key(page))
        return None
    return state


def save_state(session, page, state, now=None):
    """Keep the journey in the session, stamped, with its files marked as still in use."""
    state["changed"] = (now or timezone.now()).isoformat()
    session[state_key(page)] = state
    session.modified = True
    keep_uploads(file.name for file in state_files(state.get("answers", {})))


def state_files(answers):
    """The stored files among a journey's answers (a mapping of question name to stored value)."""
    return [file for file in map(stored_file, answers.values()) if file is not None]


def hold_files(state, answers):
    """Mark the files among `answers` as held by a saved form, so the session never deletes them."""
    state["held"] = sorted({*state.get("held", []), *(f.name for f in state_files(answers))})


def discard_file(state, answer):
    """Delete a file the resident no longer needs, unless a saved form holds it."""
    uploaded = stored_file(answer)
    if uploaded is not None and uploaded.name not in state.get("held", []):
        delete_upload(uploaded.name)


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
                discard_file(state, answer)
