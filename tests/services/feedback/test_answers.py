"""A resident answers "Is this page useful?" and says what went wrong, with no JavaScript at all."""

from urllib.parse import urlsplit

from django.test import Client

import pytest

from services.feedback.forms import remove_personal_details
from services.feedback.models import PageFeedback

pytestmark = pytest.mark.django_db


def answer(client, page, useful, **extra):
    return client.post(f"/feedback/{page.pk}/", {"useful": useful, "next": page.url}, **extra)


def test_pages_ask_whether_they_are_useful(client, service_page):
    for page in (service_page, service_page.get_parent()):
        html = client.get(page.url).content.decode()
        assert "Is this page useful?" in html
        assert f'action="/feedback/{page.pk}/"' in html
        # No per-visitor token: the page is the same for everyone, so the front cache keeps it.
        assert "csrfmiddlewaretoken" not in html
        assert f'href="/feedback/{page.pk}/problem/?next=' in html


def test_yes_is_stored_for_the_page_and_the_page_says_thank_you(client, service_page):
    response = answer(client, service_page, "yes")

    assert response.status_code == 302
    assert response["Location"] == f"{service_page.url}?feedback=thanks#page-feedback"
    feedback = PageFeedback.objects.get()
    assert (feedback.page_id, feedback.useful, feedback.comment) == (service_page.pk, True, "")
    assert feedback.locale.language_code == "en"

    html = client.get(response["Location"]).content.decode()
    assert "Thank you for your feedback" in html
    assert "Is this page useful?" not in html


def test_no_is_stored_and_asks_what_went_wrong(client, service_page):
    response = answer(client, service_page, "no")

    assert response["Location"] == f"{service_page.url}?feedback=no#page-feedback"
    assert PageFeedback.objects.get().useful is False
    html = client.get(response["Location"]).content.decode()
    assert "Thank you for your feedback" in html
    assert '<label class="govuk-label govuk-label--s" for="feedback-comment">' in html
    assert f'action="/feedback/{service_page.pk}/problem/"' in html


def test_comment_is_stored_without_email_addresses_or_phone_numbers(client, service_page):
    response = client.post(
        f"/feedback/{service_page.pk}/problem/",
        {
            "comment": "Bin not collected. Email me on sam.jones@example.com or call 07700 900123.",
            "next": f"{service_page.url}?feedback=no",
        },
    )

    assert response.status_code == 302
    assert response["Location"] == f"{service_page.url}?feedback=thanks#page-feedback"
    feedback = PageFeedback.objects.get()
    assert feedback.comment == "Bin not collected. Email me on [removed] or call [removed]."
    # A comment on its own is not an answer to the question.
    assert feedback.useful is None


def test_nothing_that_identifies_the_resident_is_stored(client, service_page):
    answer(client, service_page, "no", REMOTE_ADDR="203.0.113.7", HTTP_USER_AGENT="TestBrowser/1.0")
    field_names = {field.name for field in PageFeedback._meta.get_fields()}
    assert field_names == {"id", "page", "useful", "comment", "locale", "created"}
    stored = [str(value) for value in PageFeedback.objects.values().get().values()]
    assert not any("203.0.113" in value or "TestBrowser" in value for value in stored)


@pytest.mark.parametrize(
    ("comment", "cleaned"),
    [
        ("write to a.b+c@mail.example.org today", "write to [removed] today"),
        ("sam (at) example.co.uk", "[removed]"),
        ("ring +44 (0)1632 960 001 please", "ring [removed] please"),
        ("01632-960-001", "[removed]"),
        ("07700900123", "[removed]"),
        # Dates, times, house numbers and short references stay: they help fix the page.
        ("missed on 12/03/2026 at 10.30", "missed on 12/03/2026 at 10.30"),
        ("12 Station Road, reference 48213", "12 Station Road, reference 48213"),
    ],
)
def test_personal_details_are_removed_but_useful_numbers_stay(comment, cleaned):
    assert remove_personal_details(comment) == cleaned


def test_report_a_problem_page_is_a_gov_uk_form(client, service_page):
    response = client.get(f"/feedback/{service_page.pk}/problem/", {"next": service_page.url})

    assert response.status_code == 200
    html = response.content.decode()
    assert '<h1 class="govuk-label-wrapper">' in html
    assert "We remove email addresses and phone numbers" in html
    assert "You can enter up to 1200 characters" in html
    assert f'<a href="{service_page.url}" class="govuk-back-link">' in html
    # The problem page is not itself asked about.
    assert "Is this page useful?" not in html


@pytest.mark.parametrize(
    ("comment", "message"),
    [
        ("   ", "Enter what went wrong"),
        ("x" * 1201, "What went wrong must be 1200 characters or less"),
    ],
)
def test_invalid_comment_shows_an_error_summary_and_stores_nothing(
    client, service_page, comment, message
):
    response = client.post(
        f"/feedback/{service_page.pk}/problem/", {"comment": comment, "next": service_page.url}
    )

    assert response.status_code == 200
    html = response.content.decode()
    assert "<title>Error: What went wrong? – Testshire Council</title>" in html
    assert '<h2 class="govuk-error-summary__title">There is a problem</h2>' in html
    assert f'<li><a href="#comment">{message}</a></li>' in html
    assert f'<span class="govuk-visually-hidden">Error:</span> {message}' in html
    assert 'aria-describedby="comment-info comment-hint comment-error"' in html
    assert not PageFeedback.objects.exists()


def test_a_comment_of_exactly_the_limit_is_accepted_with_new_lines_counted_once(
    client, service_page
):
    # 1,200 characters as the character count shows them; 1,300 as the browser sends them.
    comment = ("y" * 10 + "\r\n") * 100 + "z" * 100
    response = client.post(f"/feedback/{service_page.pk}/problem/", {"comment": comment})
    assert response.status_code == 302
    assert len(PageFeedback.objects.get().comment) == 1200


def test_the_eleventh_submission_in_ten_minutes_is_refused_and_not_stored(client, service_page):
    for _ in range(10):
        assert answer(client, service_page, "yes").status_code == 302

    response = answer(client, service_page, "yes")

    assert response.status_code == 429
    assert "You have sent too much feedback" in response.content.decode()
    assert "Wait 10 minutes, then try again." in response.content.decode()
    assert PageFeedback.objects.count() == 10
    refused_comment = client.post(
        f"/feedback/{service_page.pk}/problem/", {"comment": "Still broken"}
    )
    assert refused_comment.status_code == 429
    assert PageFeedback.objects.count() == 10

    # Someone else on another connection is not held back by it.
    assert answer(client, service_page, "yes", REMOTE_ADDR="198.51.100.1").status_code == 302
    assert PageFeedback.objects.count() == 11


def test_trusted_proxy_setting_counts_residents_behind_the_load_balancer_apart(
    client, service_page, settings
):
    settings.TRUSTED_PROXY_COUNT = 1
    settings.FEEDBACK_RATE_LIMIT = 1
    first = {"HTTP_X_FORWARDED_FOR": "198.51.100.1", "REMOTE_ADDR": "10.0.0.1"}
    second = {"HTTP_X_FORWARDED_FOR": "198.51.100.2", "REMOTE_ADDR": "10.0.0.1"}
    assert answer(client, service_page, "yes", **first).status_code == 302
    assert answer(client, service_page, "yes", **second).status_code == 302
    # A forged header in front of the proxy's own entry does not buy another answer.
    forged = {"HTTP_X_FORWARDED_FOR": "1.2.3.4, 198.51.100.1", "REMOTE_ADDR": "10.0.0.1"}
    assert answer(client, service_page, "yes", **forged).status_code == 429


@pytest.mark.parametrize(
    "headers",
    [
        {"HTTP_SEC_FETCH_SITE": "cross-site"},
        {"HTTP_ORIGIN": "https://evil.example"},
        {"HTTP_ORIGIN": "null"},
        {"HTTP_REFERER": "https://evil.example/page"},
    ],
)
def test_answers_sent_from_another_site_are_refused(service_page, headers):
    csrf_client = Client(enforce_csrf_checks=True)
    assert answer(csrf_client, service_page, "yes", **headers).status_code == 403
    response = csrf_client.post(
        f"/feedback/{service_page.pk}/problem/", {"comment": "Hello"}, **headers
    )
    assert response.status_code == 403
    assert not PageFeedback.objects.exists()


def test_answers_from_this_sites_pages_need_no_token(service_page):
    csrf_client = Client(enforce_csrf_checks=True)
    from_our_page = {"HTTP_SEC_FETCH_SITE": "same-origin", "HTTP_ORIGIN": "http://testserver"}
    assert answer(csrf_client, service_page, "yes", **from_our_page).status_code == 302
    assert (
        answer(csrf_client, service_page, "no", HTTP_ORIGIN="http://testserver").status_code == 302
    )
    assert PageFeedback.objects.count() == 2


def test_answer_returns_only_to_this_site(client, service_page):
    response = client.post(
        f"/feedback/{service_page.pk}/", {"useful": "yes", "next": "https://evil.example/"}
    )
    assert response["Location"] == f"{service_page.url}?feedback=thanks#page-feedback"


def test_returning_keeps_the_residents_query_but_not_an_old_answer(client, service_page):
    response = client.post(
        f"/feedback/{service_page.pk}/",
        {"useful": "yes", "next": f"{service_page.url}?postcode=GR1+1AA&feedback=no"},
    )
    location = urlsplit(response["Location"])
    assert location.query == "postcode=GR1+1AA&feedback=thanks"


def test_feedback_is_only_taken_for_published_pages(client, service_page):
    service_page.unpublish()
    assert answer(client, service_page, "yes").status_code == 404
    assert client.get(f"/feedback/{service_page.pk}/problem/").status_code == 404
    assert client.get("/feedback/999999/problem/").status_code == 404
    assert not PageFeedback.objects.exists()


def test_a_tampered_answer_is_not_stored(client, service_page):
    response = answer(client, service_page, "maybe")
    assert response.status_code == 302
    assert response["Location"] == service_page.url
    assert not PageFeedback.objects.exists()


def test_answering_only_works_by_post(client, service_page):
    assert client.get(f"/feedback/{service_page.pk}/").status_code == 405
