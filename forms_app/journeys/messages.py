"""Emails journeys send a resident that are about no case yet: the "Save and come back later" link.

They go through the notifications outbox (GOV.UK Notify when configured, retried when the mail
server is down, never a server error), but journeys sit below notifications in the layers and
cannot import it. As with the intake, the notifications app registers the one mailer here when it
loads, and a system check fails at start-up when nothing has.
"""

from django.core.checks import Error, register
from django.core.exceptions import ImproperlyConfigured

_mailer = None


def register_resident_mailer(mailer):
    """Make `mailer(email, subject, body, language)` the one that sends residents' emails."""
    global _mailer
    _mailer = mailer


def email_resident(email, subject, body, language):
    """Queue an email to a resident; it is sent once the caller's transaction commits."""
    if _mailer is None:
        raise ImproperlyConfigured(
            "Nothing sends residents' emails: add forms_app.notifications to INSTALLED_APPS."
        )
    return _mailer(email, subject, body, language)


@register()
def check_mailer_registered(app_configs, **kwargs):
    if _mailer is None:
        return [
            Error(
                "Nothing sends residents' emails (the 'Save and come back later' link).",
                hint="Add forms_app.notifications, which registers the mailer, to INSTALLED_APPS.",
                id="journeys.E002",
            )
        ]
    return []
