"""Two-factor authentication: anyone who can see residents' cases gives a code from an
authenticator app after their password, with real TOTP codes computed as the app would."""

import datetime
import re
from base64 import b32decode

from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.test import Client

import pytest
import time_machine
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.factories import UserFactory
from tests.factories.users import sign_in_verified, totp_code, verified_device

pytestmark = pytest.mark.django_db

PASSWORD = "correct-horse-battery"


def caseworker(username="caseworker"):
    user = UserFactory(username=username)
    group = Group.objects.create(name=f"Casework {username}")
    group.permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="view_case"),
    )
    user.groups.add(group)
    return user


def signed_in_with_password(user):
    """A client signed in with the password only (no second factor yet)."""
    client = Client()
    client.force_login(user)
    return client


def code_from_page(html):
    """Read the key the set-up page shows and make the code an app would from it."""
    shown = re.search(r'<code id="two-factor-secret">([A-Z2-7 ]+)</code>', html).group(1)
    secret = shown.replace(" ", "")
    key = b32decode(secret + "=" * (-len(secret) % 8))
    return f"{TOTP(key).token():06d}"


def test_a_superuser_without_an_app_is_sent_to_set_one_up_and_can_then_use_the_admin(
    django_capture_on_commit_callbacks,
):
    client = signed_in_with_password(
        UserFactory(username="boss", is_superuser=True, email="boss@example.com")
    )
    response = client.get("/admin/pages/")
    assert response.status_code == 302
    assert response["Location"] == "/admin/two-factor/set-up/?next=%2Fadmin%2Fpages%2F"

    page = client.get(response["Location"])
    html = page.content.decode()
    assert page.status_code == 200
    assert "<svg" in html and "QR code for your authenticator app" in html
    # Reloading shows the same key, so a code from the app already scanned still works.
    assert code_from_page(client.get("/admin/two-factor/set-up/").content.decode())

    assert mail.outbox == []
    with django_capture_on_commit_callbacks(execute=True):
        done = client.post(
            "/admin/two-factor/set-up/",
            {"code": code_from_page(html), "next": "/admin/pages/"},
            REMOTE_ADDR="192.0.2.44",
        )
    assert done.status_code == 302
    assert done["Location"] == "/admin/pages/"
    assert client.get("/admin/pages/").status_code == 200
    assert TOTPDevice.objects.get(user__username="boss").confirmed
    # The account's owner is told, so a set-up they did not make does not go unnoticed.
    (told,) = mail.outbox
    assert told.to == ["boss@example.com"]
    assert told.subject == "An authenticator app was set up for your account"
    assert "from the address 192.0.2.44" in told.body
    assert "If it was not you, someone knows your password." in told.body


def test_a_wrong_code_when_setting_up_says_so_and_keeps_the_app_unconfirmed():
    client = signed_in_with_password(UserFactory(is_superuser=True))
    client.get("/admin/two-factor/set-up/")
    response = client.post("/admin/two-factor/set-up/", {"code": "000000"})
    assert response.status_code == 400
    assert "That code is not right" in response.content.decode()
    assert not TOTPDevice.objects.filter(confirmed=True).exists()
    assert client.get("/admin/").status_code == 302


def test_a_code_that_is_not_six_numbers_is_explained():
    client = signed_in_with_password(UserFactory(is_superuser=True))
    response = client.post("/admin/two-factor/set-up/", {"code": "12ab"})
    assert "Enter the code as 6 numbers, for example 123456" in response.content.decode()


def test_a_caseworker_signing_in_enters_the_code_from_their_app_before_seeing_cases():
    user = caseworker()
    user.set_password(PASSWORD)
    user.save()
    device = verified_device(user)
    client = Client()
    signed_in = client.post("/admin/login/", {"username": "caseworker", "password": PASSWORD})
    assert signed_in.status_code == 302

    cases = client.get("/admin/cases/")
    assert cases.status_code == 302
    assert cases["Location"] == "/admin/two-factor/verify/?next=%2Fadmin%2Fcases%2F"
    form = client.get(cases["Location"])
    assert "Enter the code from your authenticator app" in form.content.decode()

    wrong = client.post("/admin/two-factor/verify/", {"code": "123456", "next": "/admin/cases/"})
    assert wrong.status_code == 400
    assert client.get("/admin/cases/").status_code == 302

    # After a wrong code the app's codes are refused for a moment (django-otp's throttle).
    with time_machine.travel(datetime.datetime.now(datetime.UTC) + datetime.timedelta(seconds=3)):
        right = client.post(
            "/admin/two-factor/verify/", {"code": totp_code(device), "next": "/admin/cases/"}
        )
        assert right.status_code == 302
        assert right["Location"] == "/admin/cases/"
        assert client.get("/admin/cases/").status_code == 200


def test_a_code_cannot_be_used_twice():
    user = caseworker()
    device = verified_device(user)
    code = totp_code(device)
    first = signed_in_with_password(user)
    assert first.post("/admin/two-factor/verify/", {"code": code}).status_code == 302
    replay = signed_in_with_password(user)
    assert replay.post("/admin/two-factor/verify/", {"code": code}).status_code == 400


def test_a_code_given_leads_only_back_into_this_site():
    user = caseworker()
    device = verified_device(user)
    client = signed_in_with_password(user)
    response = client.post(
        "/admin/two-factor/verify/", {"code": totp_code(device), "next": "https://evil.example/"}
    )
    assert response["Location"] == "/admin/"


def test_an_editor_without_casework_needs_no_second_factor():
    editor = UserFactory(username="editor")
    editor.groups.add(Group.objects.get(name="Editors"))
    client = signed_in_with_password(editor)
    assert client.get("/admin/").status_code == 200


def test_giving_casework_to_an_editor_asks_them_for_a_second_factor():
    editor = UserFactory(username="editor")
    editor.groups.add(Group.objects.get(name="Editors"))
    client = signed_in_with_password(editor)
    editor.user_permissions.add(Permission.objects.get(codename="change_case"))
    assert client.get("/admin/").status_code == 302


def test_before_the_second_factor_staff_can_still_sign_out_and_reset_a_password():
    client = signed_in_with_password(caseworker())
    assert client.get("/admin/password_reset/").status_code == 200
    assert client.post("/admin/logout/").status_code == 302
    assert client.get("/admin/").status_code == 302


def test_the_test_helper_signs_in_with_a_real_confirmed_device():
    client = sign_in_verified(Client(), caseworker())
    assert client.get("/admin/cases/").status_code == 200
    assert TOTPDevice.objects.get(user__username="caseworker").confirmed


def test_the_demo_prints_a_working_code_but_only_with_debug_on(settings):
    from io import StringIO

    from django.core.management import CommandError, call_command

    user = caseworker()
    device = verified_device(user)
    with pytest.raises(CommandError, match="demo only"):
        call_command("demo_two_factor_code", "caseworker")
    settings.DEBUG = True
    out = StringIO()
    call_command("demo_two_factor_code", "caseworker", stdout=out)
    client = signed_in_with_password(user)
    response = client.post("/admin/two-factor/verify/", {"code": out.getvalue().strip()})
    assert response.status_code == 302
    assert device.pk


def test_after_a_lost_phone_the_app_is_removed_and_a_new_one_is_set_up_at_next_sign_in():
    from io import StringIO

    from django.core.management import call_command

    user = caseworker()
    verified_device(user)
    call_command("reset_two_factor", "caseworker", stdout=StringIO())
    client = signed_in_with_password(user)
    assert client.get("/admin/")["Location"].startswith("/admin/two-factor/set-up/")
