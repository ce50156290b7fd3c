"""What a member of staff sees when django-axes has locked their sign-in (settings: AXES_*)."""

from django.conf import settings
from django.shortcuts import render


def locked_out(request, original_response=None, credentials=None):
    minutes = settings.LOGIN_LOCKOUT_MINUTES
    response = render(
        request,
        "staff/locked_out.html",
        {"minutes": minutes, "failure_limit": settings.AXES_FAILURE_LIMIT},
        status=429,
    )
    response["Retry-After"] = str(minutes * 60)
    return response
