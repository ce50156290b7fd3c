"""What a resident was sent to confirm their form: the confirmation page says only what is true.

Journeys sit below the apps that send messages, so they ask through a Wagtail hook: each
"submission_receipts" function takes a Submission and returns the Receipts for it (an empty list
when it sent nothing). A resident helped at reception who gave no email address is told that no
email was sent, and to keep the page, rather than to look for an email that will never come.
"""

from dataclasses import dataclass

from wagtail import hooks

EMAIL = "email"
SMS = "sms"


@dataclass(frozen=True)
class Receipt:
    """A confirmation queued for the resident: by EMAIL or SMS, and where it goes."""

    channel: str
    recipient: str

    @property
    def is_email(self):
        return self.channel == EMAIL


def receipts_for(submission):
    """Every confirmation queued for `submission`, from every app that sends one."""
    return [
        receipt
        for receipts in hooks.get_hooks("submission_receipts")
        for receipt in receipts(submission)
    ]
