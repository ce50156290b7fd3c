"""UK postcodes and phone numbers: recognised however residents write them, stored one way.

Phone numbers are stored in E.164 ("+441632960001") because it is unambiguous and what SMS
providers take; they are shown to people in the national format ("01632 960 001").
"""

import re

_POSTCODE = re.compile(r"^(?:GIR0AA|[A-Z]{1,2}[0-9][A-Z0-9]?[0-9][ABD-HJLNP-UW-Z]{2})$")
# Residents copy numbers from letters and websites: "(01632) 960-001", "+44 (0)7700 900.982".
_PHONE_PUNCTUATION = re.compile(r"[\s\-().]")
_UK_NATIONAL_NUMBER = re.compile(r"^0[1-9]\d{8,9}$")


def normalise_uk_postcode(raw):
    """'sw1a1aa' as 'SW1A 1AA'; None when it cannot be a UK postcode."""
    compact = re.sub(r"[\s-]", "", str(raw or "")).upper()
    if not _POSTCODE.match(compact):
        return None
    return f"{compact[:-3]} {compact[-3:]}"


def normalise_uk_phone(raw):
    """A UK number written any common way, in E.164 ('+441632960001'); None when it is not one."""
    compact = _PHONE_PUNCTUATION.sub("", str(raw or ""))
    for prefix in ("+44", "0044"):
        if compact.startswith(prefix):
            # "+44 (0)20 ..." keeps its trunk 0 once the brackets go.
            compact = "0" + compact[len(prefix) :].removeprefix("0")
            break
    if not _UK_NATIONAL_NUMBER.match(compact):
        return None
    return "+44" + compact[1:]


def format_uk_phone(number):
    """'+441632960001' as '01632 960 001', grouped the way the number is usually read out."""
    if not isinstance(number, str) or not number.startswith("+44"):
        return number
    national = "0" + number[3:]
    if len(national) == 11:
        if national.startswith("02"):
            groups = (3, 4, 4)
        elif national.startswith(("03", "08", "09")) or "1" in (national[2], national[3]):
            groups = (4, 3, 4)
        else:
            groups = (5, 3, 3)
    elif len(national) == 10:
        groups = (4, 3, 3) if national.startswith("08") else (5, 5)
    else:
        return national
    parts, start = [], 0
    for size in groups:
        parts.append(national[start : start + size])
        start += size
    return " ".join(parts)
