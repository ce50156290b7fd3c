"""Instruction references for the bank (the payer reference in AUDDIS records).

Bacs allows 6 to 18 characters of A-Z, 0-9 and . & / - space, not starting with "DDIC" or a
space and not all one character. Ours are "TH" and ten characters from the alphabet residents
already read case references in (no 0/O, 1/I/L): easy to read out, and they meet every rule.
"""

import re
import secrets

from forms_app.journeys.references import ALPHABET

PREFIX = "TH"
LENGTH = 12

_BACS_REFERENCE = re.compile(r"[A-Z0-9.&/\- ]{6,18}")


def new_reference():
    return PREFIX + "".join(secrets.choice(ALPHABET) for _ in range(LENGTH - len(PREFIX)))


def is_valid_bacs_reference(text):
    return (
        bool(_BACS_REFERENCE.fullmatch(text))
        and not text.startswith(("DDIC", " "))
        and len(set(text)) > 1
    )
