"""Case references a resident can read out over the phone or at a desk.

Eight characters from an alphabet without look-alikes (no 0/O, 1/I/L), as GOV.UK Forms does:
31 symbols to the eighth power is about 850 billion references, so guessing one is hopeless and
collisions are rare. Shown grouped as "HT7K 9QWX"; stored and compared without the space.
"""

import secrets
from collections.abc import Callable

ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
LENGTH = 8

# What residents put between the groups when typing or pasting: hyphens, dashes, underscores.
_SEPARATORS = str.maketrans("", "", "-\u2010\u2011\u2012\u2013\u2014\u2212_")


class ReferenceCollisionError(RuntimeError):
    """Every reference tried was already taken."""


def new_reference():
    return "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))


def format_reference(ref):
    """The reference as residents see it, in two groups of four: "HT7K 9QWX"."""
    clean = normalise_reference(ref)
    if clean is None:
        raise ValueError(f"Not a case reference: {ref!r}")
    return f"{clean[:4]} {clean[4:]}"


def display_reference(ref):
    """The reference as residents read it ("HT7K 9QWX"), or as stored if it is not one of ours
    (a reference imported from an older system)."""
    try:
        return format_reference(ref)
    except ValueError:
        return ref


def normalise_reference(text):
    """The reference in `text` as stored, or None if it cannot be one.

    Spaces, hyphens and case are forgiven. Characters outside the alphabet are not guessed at
    (an "O" could have been meant as any of several symbols), so a typo never lands on someone
    else's case.
    """
    if not isinstance(text, str):
        return None
    clean = "".join(text.split()).translate(_SEPARATORS).upper()
    if len(clean) != LENGTH or any(char not in ALPHABET for char in clean):
        return None
    return clean


def unique_reference(exists: Callable[[str], bool], attempts=10):
    """A new reference for which `exists(reference)` is False.

    This only makes a clash unlikely: two submissions can pass the check at the same moment, so
    the column holding references must still be unique.
    """
    for _ in range(attempts):
        reference = new_reference()
        if not exists(reference):
            return reference
    raise ReferenceCollisionError(
        f"No free case reference after {attempts} attempts; references may be running out."
    )
