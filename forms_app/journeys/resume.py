"""Links that let a resident save a journey and come back to it later.

The link carries the draft's id signed with SECRET_KEY and the time it was made, so it cannot be
forged or pointed at someone else's draft, and it stops working after RESUME_LINK_DAYS. The salt
keeps these signatures apart from every other use of SECRET_KEY: a value signed elsewhere in the
site is never a valid resume link.
"""

from datetime import timedelta

from django.core import signing

RESUME_LINK_DAYS = 7
SALT = "townhall.journeys.resume"


class ResumeLinkError(Exception):
    """The link cannot be used; the subclass says why, so the page can tell the resident."""


class ResumeLinkExpired(ResumeLinkError):
    """The link was genuine but is older than the allowed age: "This link has expired"."""


class ResumeLinkInvalid(ResumeLinkError):
    """The link was not made by us, or was damaged when copied: "This link is not valid"."""


def _signer():
    return signing.TimestampSigner(salt=SALT)


def make_resume_token(draft_id: str) -> str:
    """A token for the resume link of draft `draft_id`; safe in a URL path or query string."""
    return _signer().sign(str(draft_id))


def read_resume_token(token, max_age=timedelta(days=RESUME_LINK_DAYS)) -> str:
    """The draft id in `token`, or ResumeLinkExpired / ResumeLinkInvalid."""
    if not isinstance(token, str) or not token:
        raise ResumeLinkInvalid("No resume link token.")
    try:
        return _signer().unsign(token, max_age=max_age)
    # SignatureExpired is a BadSignature, so it must be caught first.
    except signing.SignatureExpired as error:
        raise ResumeLinkExpired(str(error)) from error
    except signing.BadSignature as error:
        raise ResumeLinkInvalid(str(error)) from error
