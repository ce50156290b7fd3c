"""Who actually delivers a notification: GOV.UK Notify when configured, else Django's email.

A sender's `send(notification)` returns the provider's id for the message, raises `CannotSend`
when trying again will not help, and lets any other exception through to be retried later (the
outbox's rule, forms_app/outbox/dispatch.py). `send` below is what the outbox calls.
"""

import logging

from django.conf import settings
from django.core.mail import EmailMessage, make_msgid
from django.utils.translation import gettext as _

from forms_app.outbox.dispatch import CannotSend, SendFailed

from .enums import NotificationChannel
from .kinds import attachments_for

logger = logging.getLogger(__name__)

NOTIFY_BASE_URL = "https://api.notifications.service.gov.uk"
NOTIFY_TIMEOUT_SECONDS = 10
# Notify answers these when the request itself is wrong (bad number, template, key): no retry.
NOTIFY_PERMANENT_STATUSES = frozenset({400, 403})


def describe_error(error):
    """Notify's error as a short reason for staff and logs, free of the addresses and numbers
    its messages can quote."""
    return f"GOV.UK Notify answered {error.status_code} ({type(error).__name__})"


class NotifySender:
    def __init__(self, api_key):
        # Imported when a message is sent (by the background worker), not when an app worker
        # starts: with `requests` and `jwt` it is about 5 MB no page needs (docs/scaling.md).
        from notifications_python_client.notifications import NotificationsAPIClient

        self.client = NotificationsAPIClient(
            api_key,
            base_url=getattr(settings, "NOTIFY_BASE_URL", None) or NOTIFY_BASE_URL,
            timeout=NOTIFY_TIMEOUT_SECONDS,
        )

    def send(self, notification):
        from notifications_python_client.errors import APIError

        template_id = self._template_id(notification.channel)
        personalisation = {"subject": notification.subject, "body": notification.body}
        # Our own id, so a message can be traced in Notify without quoting personal details.
        reference = f"townhall-{notification.pk}"
        try:
            if notification.channel == NotificationChannel.SMS:
                response = self.client.send_sms_notification(
                    phone_number=notification.recipient,
                    template_id=template_id,
                    personalisation=personalisation,
                    reference=reference,
                )
            else:
                response = self.client.send_email_notification(
                    email_address=notification.recipient,
                    template_id=template_id,
                    personalisation=personalisation,
                    reference=reference,
                )
        except APIError as error:
            if error.status_code in NOTIFY_PERMANENT_STATUSES:
                raise CannotSend(describe_error(error)) from error
            raise SendFailed(describe_error(error)) from error
        return (response or {}).get("id", "")

    def _template_id(self, channel):
        setting = (
            "NOTIFY_SMS_TEMPLATE_ID"
            if channel == NotificationChannel.SMS
            else "NOTIFY_EMAIL_TEMPLATE_ID"
        )
        template_id = getattr(settings, setting, None)
        if not template_id:
            raise CannotSend(_("%(setting)s is not set.") % {"setting": setting}, attempted=False)
        return template_id


class EmailBackendSender:
    """Django's configured email backend (SMTP in production, console in development)."""

    def send(self, notification):
        if notification.channel == NotificationChannel.SMS:
            logger.warning(
                "Text message %s not sent: text messages need GOV.UK Notify (NOTIFY_API_KEY).",
                notification.pk,
            )
            raise CannotSend(
                _("Text messages need GOV.UK Notify, which is not set up."), attempted=False
            )
        message_id = make_msgid()
        message = EmailMessage(
            subject=notification.subject,
            body=notification.body,
            to=[notification.recipient],
            headers={"Message-ID": message_id},
        )
        for filename, content, content_type in attachments_for(notification):
            message.attach(filename, content, content_type)
        message.send()
        return message_id


def get_sender():
    api_key = getattr(settings, "NOTIFY_API_KEY", None)
    return NotifySender(api_key) if api_key else EmailBackendSender()


def send(notification):
    """Send one claimed notification, keeping the provider's id for it (the outbox's `send`)."""
    notification.provider_id = (get_sender().send(notification) or "")[:100]
