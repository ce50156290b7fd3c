from django.utils.dateparse import parse_datetime

from django_tasks import task

from . import retention


@task()
def purge_expired_cases(now=None):
    """Daily: remove personal details from cases kept past their retention period.

    `now` is an ISO datetime when given (task arguments are JSON). Returns how many were removed.
    """
    return retention.purge_expired_cases(parse_datetime(now) if now else None)
