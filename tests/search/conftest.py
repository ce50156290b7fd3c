import io

from django.core.management import call_command
from django.db import transaction

import pytest


@pytest.fixture(scope="module")
def demo_council(django_db_setup, django_db_blocker):
    """The demo council (`manage.py seed_demo`), built once for a module's tests: each test's own
    changes are rolled back after it, as always, and the council after the module's last test."""
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("seed_demo", stdout=io.StringIO())
        yield
        transaction.set_rollback(True)
