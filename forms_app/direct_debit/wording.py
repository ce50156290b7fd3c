"""The words the scheme and the bank decide: the Direct Debit Guarantee and the confirmation.

Councils get the approved copy from their sponsoring bank and put it on the Direct Debit page in
Wagtail. Until they do, the page shows the demo default below: it states the Guarantee's points
and says plainly that it must be replaced.
"""

from django.utils.html import format_html
from django.utils.translation import gettext

from wagtail.rich_text import expand_db_html

ADVANCE_NOTICE_WORKING_DAYS = 10


def default_guarantee(council_name):
    paragraphs = [
        gettext(
            "Demo text: replace it with the Direct Debit Guarantee your sponsoring bank "
            "approves before this service goes live."
        ),
        gettext(
            "The Guarantee is offered by all banks and building societies that accept "
            "instructions to pay Direct Debits."
        ),
        gettext(
            "If there are any changes to the amount, date or frequency of your Direct Debit, "
            "%(council)s will tell you %(days)s working days before your account is debited, "
            "or as otherwise agreed. If you ask %(council)s to collect a payment, they will "
            "confirm the amount and date when you ask."
        )
        % {"council": council_name, "days": ADVANCE_NOTICE_WORKING_DAYS},
        gettext(
            "If %(council)s or your bank or building society makes an error in the payment of "
            "your Direct Debit, you are entitled to a full and immediate refund of the amount "
            "paid from your bank or building society. If you receive a refund you are not "
            "entitled to, you must pay it back when %(council)s asks you to."
        )
        % {"council": council_name},
        gettext(
            "You can cancel a Direct Debit at any time by contacting your bank or building "
            "society. Written confirmation may be required. Please also tell us."
        ),
    ]
    return format_html("".join('<p class="govuk-body">{}</p>' for _ in paragraphs), *paragraphs)


def default_paper_instruction():
    return format_html(
        '<p class="govuk-body">{}</p><p class="govuk-body">{}</p>',
        gettext(
            "You cannot set up this Direct Debit online if more than one person is needed to "
            "authorise payments from the account."
        ),
        gettext(
            "Contact us and we will send you a paper Direct Debit instruction for everyone "
            "who needs to sign it."
        ),
    )


def default_how_to_cancel(council_name):
    return gettext(
        "You can cancel your Direct Debit at any time by contacting your bank or building "
        "society. Please also tell %(council)s, using the contact details on this page."
    ) % {"council": council_name}


def rich(text):
    """An editor's rich text as HTML, or None when they left it empty."""
    text = (text or "").strip()
    return expand_db_html(text) if text and text != "<p></p>" else None
