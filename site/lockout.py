"""What a member of staff sees when django-axes has locked their sign-in (settings: AXES_*), and
how long django-axes' records of sign-ins are kept (SIGN_IN_RECORDS_DAYS)."""

from datetime import timedelta

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


def forget_old_sign_in_records(now):
    """Delete the sign-in attempts, failures and successes older than SIGN_IN_RECORDS_DAYS.
    Returns how many were deleted."""
    from axes.models import AccessAttempt, AccessFailureLog, AccessLog

    before = now - timedelta(days=settings.SIGN_IN_RECORDS_DAYS)
    return sum(
        model.objects.filter(attempt_time__lt=before).delete()[0]
        for model in (AccessAttempt, AccessFailureLog, AccessLog)
    )
