"""What a webhook address must be: case details are personal data, so they travel encrypted."""

import ipaddress
from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

LOCAL_NAMES = {"localhost"}


def _is_loopback(host):
    if host in LOCAL_NAMES:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def require_https(url):
    """An https:// address, or http:// only to this machine (a receiver under development)."""
    if not url:
        return
    parts = urlsplit(url)
    if parts.scheme == "https" or (parts.scheme == "http" and _is_loopback(parts.hostname or "")):
        return
    raise ValidationError(
        _(
            "Enter an address that starts with https:// – cases hold residents' personal "
            "details, so they are only sent over an encrypted connection"
        ),
        code="insecure_webhook",
    )
