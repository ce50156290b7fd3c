"""How the resident of a case can be reached: an email address, or a UK mobile for a text."""

import re

UK_MOBILE = re.compile(r"^\+447\d{9}$")


def uk_mobile(phone):
    """The number in +447… form if it is a UK mobile (Notify texts no other), else None."""
    number = re.sub(r"[\s().-]", "", phone or "")
    if number.startswith("0044"):
        number = "+" + number[2:]
    elif number.startswith("44"):
        number = "+" + number
    elif number.startswith("07"):
        number = "+44" + number[1:]
    return number if UK_MOBILE.match(number) else None


def can_be_messaged(case):
    """Whether a message to the resident reaches them: their queue tells residents, and they gave
    an email address or a mobile number."""
    return bool(
        case.queue.notify_resident and (case.resident_email or uk_mobile(case.resident_phone))
    )
