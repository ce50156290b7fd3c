"""Every public form that can be posted to is limited per client, with a "Too many attempts"
answer: HTTP 429, Retry-After, and a page saying how long to wait.

The counts themselves are proved where each form is tested (tests/test_ratelimit.py, the journey,
feedback and status-page tests); here each endpoint family is shown refusing a client that has
used up its allowance, and behind the proxy the README documents (TRUSTED_PROXY_COUNT).
"""

import re

from django.contrib.auth.models import Group
from django.core import mail
from django.test import Client, RequestFactory

import pytest

from forms_app.cases.models import Queue
from tests.factories.alerts import AlertBannerFactory
from tests.factories.journeys import ADDRESS, JourneyPageFactory
from townhall import ratelimit

pytestmark = pytest.mark.django_db

HOME = "203.0.113.7"
ELSEWHERE = "198.51.100.20"


def use_up(scope, limit, window, **meta):
    """Spend the client's whole allowance in `scope`, as `limit` earlier posts would have."""
    request = RequestFactory().post("/", **{"REMOTE_ADDR": HOME, **meta})
    for _ in range(limit):
        ratelimit.hit(scope, request, limit, window)


def assert_refused(response, window, heading="Too many attempts"):
    assert response.status_code == 429
    assert 0 < int(response["Retry-After"]) <= window
    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]
    html = response.content.decode()
    assert heading in html
    assert re.search(r"Wait (\d+|an) (minute|minutes|hour)", html), html


@pytest.fixture
def form_page(service_page):
    Queue.objects.create(
        name="Customer services", group=Group.objects.create(name="CS"), is_default=True
    )
    return JourneyPageFactory(parent=service_page)


def test_pages_of_a_form_are_limited_generously(form_page, settings):
    assert settings.JOURNEY_STEP_POSTS_PER_HOUR == 300
    resident = Client(REMOTE_ADDR=HOME)
    assert resident.post(f"{form_page.url}bin-type/", {"bin": "general"}).status_code == 302
    use_up("journeys.step", 300, 3600)
    refused = resident.post(f"{form_page.url}collection-day/", {"due_today": "no"})
    assert_refused(refused, 3600)
    # Someone else is not held back.
    neighbour = Client(REMOTE_ADDR=ELSEWHERE)
    assert neighbour.post(f"{form_page.url}bin-type/", {"bin": "general"}).status_code == 302


def test_sending_a_form_says_when_to_try_again(form_page):
    resident = Client(REMOTE_ADDR=HOME)
    for slug, data in [
        ("bin-type", {"bin": "general"}),
        ("collection-day", {"due_today": "no"}),
        ("address", ADDRESS),
        ("contact-details", {"full_name": "Alys Jones", "email": "alys@example.org", "phone": ""}),
    ]:
        resident.post(f"{form_page.url}{slug}/", data)
    check = resident.get(f"{form_page.url}check-your-answers/")
    token = re.search(r'name="token" value="([^"]+)"', check.content.decode())
    use_up("journey-submit", 10, 3600)
    sent = resident.post(
        f"{form_page.url}check-your-answers/", {"token": token.group(1), "website": ""}
    )
    assert_refused(sent, 3600, heading="You have sent too many forms")


def test_save_and_return_says_when_to_try_again(form_page):
    resident = Client(REMOTE_ADDR=HOME)
    resident.post(f"{form_page.url}bin-type/", {"bin": "general", "save_and_return": "1"})
    use_up("journey-save", 10, 3600)
    refused = resident.post(f"{form_page.url}save/", {"email": "alys@example.org"})
    assert_refused(refused, 3600, heading="You have asked for too many links")
    assert mail.outbox == []


def test_checking_progress_says_when_to_try_again(home_page):
    use_up("cases.check-progress", 10, 15 * 60)
    refused = Client(REMOTE_ADDR=HOME).post(
        "/check-progress/", {"reference": "HT7K9QWX", "contact": "GR1 2BD"}
    )
    assert_refused(refused, 15 * 60, heading="You have tried too many times")


def test_feedback_and_problem_reports_say_when_to_try_again(service_page):
    use_up("feedback", 10, 600)
    resident = Client(REMOTE_ADDR=HOME)
    useful = resident.post(
        f"/feedback/{service_page.pk}/", {"useful": "yes", "next": service_page.url}
    )
    assert_refused(useful, 600, heading="You have sent too much feedback")
    problem = resident.post(f"/feedback/{service_page.pk}/problem/", {"comment": "Broken"})
    assert_refused(problem, 600, heading="You have sent too much feedback")


def test_hiding_the_cookie_message_or_an_alert_is_limited_too(service_page):
    alert = AlertBannerFactory()
    resident = Client(REMOTE_ADDR=HOME)
    assert resident.post("/cookies/hide/", {"next": "/"}).status_code == 302
    use_up("cookies.hide", 60, 600)
    assert_refused(resident.post("/cookies/hide/", {"next": "/"}), 600)
    use_up("alerts.hide", 60, 600)
    assert_refused(resident.post("/alerts/hide/", {"alert": alert.pk, "next": "/"}), 600)


def test_guessing_a_protected_pages_password_is_limited(service_page):
    from wagtail.models import PageViewRestriction

    restriction = PageViewRestriction.objects.create(
        page=service_page, restriction_type="password", password="letmein"
    )
    url = f"/_util/authenticate_with_password/{restriction.pk}/{service_page.pk}/"
    resident = Client(REMOTE_ADDR=HOME)
    for _ in range(10):
        assert resident.post(url, {"password": "guess", "return_url": "/"}).status_code == 200
    assert_refused(resident.post(url, {"password": "letmein", "return_url": "/"}), 15 * 60)


def test_staff_password_reset_emails_are_limited(client, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    from django_tasks_db.models import DBTaskResult

    for _ in range(5):
        client.post("/admin/password_reset/", {"email": "officer@council.example"})
    refused = client.post("/admin/password_reset/", {"email": "officer@council.example"})
    assert refused.status_code == 429
    assert refused["Retry-After"]
    assert "You have asked for too many password reset emails" in refused.content.decode()
    assert DBTaskResult.objects.count() == 5


def test_behind_the_proxy_each_resident_is_counted_by_their_own_address(service_page, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    proxy = {"REMOTE_ADDR": "10.0.0.2"}
    use_up("cookies.hide", 60, 600, HTTP_X_FORWARDED_FOR=HOME, **proxy)
    refused = Client(HTTP_X_FORWARDED_FOR=HOME, **proxy).post("/cookies/hide/", {"next": "/"})
    assert_refused(refused, 600)
    # Another resident behind the same proxy is not.
    other = Client(HTTP_X_FORWARDED_FOR=ELSEWHERE, **proxy).post("/cookies/hide/", {"next": "/"})
    assert other.status_code == 302
    # Writing another address in front of the proxy's own entry does not escape the count.
    forged = Client(HTTP_X_FORWARDED_FOR=f"192.0.2.1, {HOME}", **proxy)
    assert forged.post("/cookies/hide/", {"next": "/"}).status_code == 429


def test_reception_staff_helping_residents_are_not_held_back(form_page):
    from django.contrib.auth.models import Permission

    from tests.factories import UserFactory
    from tests.factories.users import sign_in_verified

    reception = UserFactory(username="reception")
    reception.user_permissions.add(Permission.objects.get(codename="assist_residents"))
    desk = sign_in_verified(Client(REMOTE_ADDR=HOME), reception)
    assert desk.post("/check-progress/assisted/start/", {"next": "/"}).status_code == 302
    use_up("journeys.step", 300, 3600)
    assert desk.post(f"{form_page.url}bin-type/", {"bin": "general"}).status_code == 302
    # A resident at the same address is.
    resident = Client(REMOTE_ADDR=HOME)
    assert resident.post(f"{form_page.url}bin-type/", {"bin": "general"}).status_code == 429
