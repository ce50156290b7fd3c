"""Bank details encrypted at rest.

Values are Fernet tokens (AES-128-CBC with an HMAC) under the keys in `DIRECT_DEBIT_KEYS`, newest
first: the newest encrypts, every key decrypts, so a new key can be put in front of the old ones
and rows re-encrypted later (`manage.py rotate_direct_debit_keys`) before the old key is dropped.
"""

from functools import cache

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import models


@cache
def _fernet(keys):
    # Imported here, not at the top: only pages that read or write bank details need it, and every
    # app worker would otherwise carry it (about 8 MB) from start-up (docs/scaling.md, "Memory").
    from cryptography.fernet import Fernet, MultiFernet

    if not keys:
        raise ImproperlyConfigured("DIRECT_DEBIT_KEYS must list at least one Fernet key.")
    return MultiFernet([Fernet(key) for key in keys])


def fernet():
    return _fernet(tuple(settings.DIRECT_DEBIT_KEYS))


def encrypt(text):
    return fernet().encrypt(text.encode()).decode()


def decrypt(token):
    return fernet().decrypt(token.encode()).decode()


class EncryptedCharField(models.TextField):
    """Text stored only as a Fernet token; read back as plain text. Lookups by value cannot work
    (each encryption differs), so none are offered beyond empty/non-empty."""

    def from_db_value(self, value, expression, connection):
        if not value:
            return value
        return decrypt(value)

    def get_prep_value(self, value):
        value = super().get_prep_value(value)
        if not value:
            return value
        return encrypt(value)
