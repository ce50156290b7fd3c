"""What a notification says and where it goes, decided when it is queued."""

import html
import re

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, reverse
from django.utils import translation

from wagtail.rich_text import expand_db_html

from forms_app.cases.contact import uk_mobile
from forms_app.journeys.references import display_reference
from home.chrome import default_council_name
from townhall.public_urls import admin_url, public_url

from .enums import NotificationChannel
from .kinds import get_kind


def resident_contact(case):
    """(channel, recipient): email if they gave one, else a text to a UK mobile, else None."""
    if case.resident_email:
        return NotificationChannel.EMAIL, case.resident_email
    mobile = uk_mobile(case.resident_phone)
    if mobile:
        return NotificationChannel.SMS, mobile
    return None


def plain_text(rich_text):
    """An editor's rich text as a plain-text email paragraph: links keep their address."""
    text = expand_db_html(rich_text or "")
    text = re.sub(
        r'<a\b[^>]*\bhref="([^"]*)"[^>]*>(.*?)</a>',
        lambda link: f"{link[2]} ({absolute_url(html.unescape(link[1]))})",
        text,
        flags=re.I | re.S,
    )
    text = re.sub(r"<li\b[^>]*>", "\n- ", text, flags=re.I)
    text = re.sub(r"<br\s*/?>", "\n", text, flags=re.I)
    text = re.sub(r"</(p|ul|ol|h\d)>", "\n\n", text, flags=re.I)
    text = html.unescape(re.sub(r"<[^>]+>", "", text))
    lines = [line.strip() for line in text.splitlines()]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def absolute_url(url):
    """Links to our own pages are stored as paths; an email needs the public site's address."""
    return public_url(url)


def council_name():
    """The council's name in the active language: render() makes that the notification's."""
    return default_council_name()


def check_progress_url(language):
    """Where residents check their case, in their language (/check-progress/, /cy/…)."""
    with translation.override(language):
        try:
            path = reverse("check_progress:check_progress")
        except NoReverseMatch:
            prefix = "" if language == settings.LANGUAGE_CODE else f"/{language}"
            path = f"{prefix}/check-progress/"
    return absolute_url(path)


def render(case, kind, channel, language, update=None, extra_context=None):
    """(subject, body) for this case, in `language`: what the resident or team will read.

    `extra_context` adds to what the kind's subject and templates can use (an appointment's date).
    """
    spec = get_kind(kind)
    with translation.override(language):
        journey = case.journey.specific if case.journey_id else None
        context = {
            "case": case,
            # Grouped as on the confirmation page, so it reads the same wherever it is quoted.
            "reference": display_reference(case.reference),
            "summary": case.summary,
            "council_name": council_name(),
            "message": update.text if update is not None and update.public else "",
            "what_happens_next": plain_text(getattr(journey, "what_happens_next", "")),
            "check_progress_url": check_progress_url(language),
            "admin_url": admin_url("/admin/"),
            **(extra_context or {}),
        }
        subject = str(spec.subject) % context
        body = render_to_string(spec.template_name(channel), context)
    return subject[:255], re.sub(r"\n{3,}", "\n\n", body).strip()
