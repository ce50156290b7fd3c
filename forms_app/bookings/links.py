"""The links in a booking's confirmation: change it, cancel it, add it to a calendar. No account.

Each link carries the booking's reference signed with SECRET_KEY and the time it was made, so it
cannot be forged, pointed at someone else's booking or used for another purpose: each purpose has
its own salt, so a calendar link never cancels. A link stops working LINK_DAYS after it was made
(long after any appointment it could change); whether the booking can still be changed is the
appointment type's cut-off, checked by the page the link opens.
"""

from datetime import timedelta

from django.core import signing
from django.urls import reverse
from django.utils import translation

from townhall.public_urls import public_url

LINK_DAYS = 180
CHANGE = "change"
CANCEL = "cancel"
CALENDAR = "calendar"
PURPOSES = (CHANGE, CANCEL, CALENDAR)


class LinkError(Exception):
    """The link cannot be used; the subclass says why, so the page can tell the resident."""


class LinkExpired(LinkError):
    """Genuine, but older than LINK_DAYS: "This link has expired"."""


class LinkInvalid(LinkError):
    """Not ours, for another purpose, or damaged when copied: "This link does not work"."""


def _signer(purpose):
    if purpose not in PURPOSES:
        raise ValueError(f"No booking link is for {purpose!r}.")
    return signing.TimestampSigner(salt=f"townhall.bookings.{purpose}")


def make_token(reference, purpose):
    """A token for `purpose` on the booking with this reference; safe in an address's path."""
    return _signer(purpose).sign(str(reference))


def read_token(token, purpose, *, max_age=timedelta(days=LINK_DAYS)):
    """The booking reference in `token`, or LinkExpired / LinkInvalid."""
    if not isinstance(token, str) or not token:
        raise LinkInvalid("No booking link token.")
    try:
        return _signer(purpose).unsign(token, max_age=max_age)
    # SignatureExpired is a BadSignature, so it is caught first.
    except signing.SignatureExpired as error:
        raise LinkExpired(str(error)) from error
    except signing.BadSignature as error:
        raise LinkInvalid(str(error)) from error


def link_path(reference, purpose, language=None):
    """The path of the link (in `language`, or the active one): for pages on this site."""
    with translation.override(language or translation.get_language()):
        return reverse(f"bookings:{purpose}", args=[make_token(reference, purpose)])


def link_url(reference, purpose, language=None):
    """The whole address of the link: for emails, texts and calendar entries."""
    return public_url(link_path(reference, purpose, language))
