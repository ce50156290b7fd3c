from django.utils.dateparse import parse_datetime

from django_tasks import task

from . import retention


@task()
def purge_expired_cases(now=None):
    """Daily: remove personal details from cases kept past their retention period, and what
    forms never sent left behind (as the purge_expired_cases command does).

    `now` is an ISO datetime when given (task arguments are JSON). Returns how many of each were
    removed: {"cases_anonymised": ..., "files_removed": ..., "saved_forms_removed": ...}.
    """
    return retention.run_retention(parse_datetime(now) if now else None).as_dict()
