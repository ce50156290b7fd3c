"""Assisted digital: reception staff completing a journey on a resident's behalf.

A member of the reception group turns on "assisted mode" for their session; every journey they
complete then records the case as assisted, and who helped. The switch lives in the session, so it
ends when they sign out.
"""

from .enums import Channel

SESSION_KEY = "townhall:assisted"
RECEPTION_GROUP = "Customer services"


def can_assist(user):
    return user.is_authenticated and (
        user.is_superuser or user.groups.filter(name=RECEPTION_GROUP).exists()
    )


def is_assisting(request):
    return bool(
        request is not None and request.session.get(SESSION_KEY) and can_assist(request.user)
    )


def channel_for(request):
    """(channel, staff member) for a submission made in this request."""
    if is_assisting(request):
        return Channel.ASSISTED, request.user
    return Channel.ONLINE, None
