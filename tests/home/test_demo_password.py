"""The demo staff's password: generated and shown once when DEMO_PASSWORD is not set, and reset
for every demo user when it is set later. (Seeds a council of its own: it needs a database
without the demo, so it cannot share test_seed_demo.py's.)"""

import io

from django.contrib.auth import get_user_model
from django.core.management import call_command

import pytest

pytestmark = pytest.mark.django_db


def test_a_generated_password_is_printed_once_and_a_chosen_one_later_replaces_it(monkeypatch):
    monkeypatch.delenv("DEMO_PASSWORD", raising=False)
    out = io.StringIO()
    call_command("seed_demo", stdout=out)
    printed = [line for line in out.getvalue().splitlines() if "password is:" in line]
    assert len(printed) == 1
    password = printed[0].rsplit(":", 1)[1].strip()
    assert get_user_model().objects.get(username="reception").check_password(password)

    again = io.StringIO()
    call_command("seed_demo", stdout=again)
    assert "password is:" not in again.getvalue()
    assert get_user_model().objects.get(username="reception").check_password(password)

    monkeypatch.setenv("DEMO_PASSWORD", "a-new-demo-password")
    call_command("seed_demo", stdout=io.StringIO())
    for username in ("editor", "reception"):
        assert get_user_model().objects.get(username=username).check_password("a-new-demo-password")
