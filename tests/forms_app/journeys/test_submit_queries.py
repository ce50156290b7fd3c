"""The final "Send form" costs a fixed number of SQL queries, however many questions were answered.

It is the one request residents make that writes: the submission, its case, the case's first update
and audit entry, and the confirmation email in the outbox. Everything else it needs is read once
(the page, its routing rules) or kept in the cache (the council's name the email signs with), and
sending the email, indexing and the like are the background worker's, after the commit.
"""

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest
from bs4 import BeautifulSoup

from forms_app.cases.models import Case, CaseLogEntry, Queue
from forms_app.journeys.models import Submission
from forms_app.notifications.models import Notification
from tests.factories.journeys import JourneyPageFactory

pytestmark = pytest.mark.django_db

# What the send asks, once each: the session; the page's privacy settings (the site, the active
# language and the page the address leads to come from the cache, kept since check your answers
# was shown); the token; the submission, the routing rules and the default queue, the case, its
# first update and its audit entry (6); the email (1); the session saved (1); and three savepoints
# (2 statements each: the send's transaction, the email's, which keeps a case whose email could
# not be queued, and the session's) in a test's transaction.
# Before: 36, with the route (site, language, home page, path, page: 5), the council's name (3),
# the reference and token looked up before the unique columns decide (2), Wagtail's checks that
# the case and its content type exist (2), a savepoint of the case's own (2) and a reference index
# entry for the email (3).
MAX_QUERIES = 17


def _question(number):
    return {
        "type": "text",
        "value": {"label": f"Question {number}", "name": f"q{number}", "required": True},
    }


def _form(service_page, questions):
    """An online form with `questions` text questions on one page, then the contact details."""
    return JourneyPageFactory(
        parent=service_page,
        slug=f"form-{questions}",
        title=f"A form of {questions} questions",
        steps=[
            {
                "type": "question_page",
                "value": {
                    "slug": "questions",
                    "heading": "Your answers",
                    "questions": [_question(n) for n in range(questions)],
                    "rules": [],
                },
            },
            {
                "type": "question_page",
                "value": {
                    "slug": "contact-details",
                    "heading": "Your contact details",
                    "questions": [
                        {
                            "type": "text",
                            "value": {
                                "label": "Full name",
                                "name": "full_name",
                                "holds_name": True,
                            },
                        },
                        {"type": "email", "value": {"label": "Email address", "name": "email"}},
                    ],
                    "rules": [],
                },
            },
        ],
    )


def _queries_to_send(client, form, questions):
    """Answer every question of `form`, then count the queries of "Send form"."""
    client.post(f"{form.url}questions/", {f"q{n}": f"Answer {n}" for n in range(questions)})
    client.post(
        f"{form.url}contact-details/", {"full_name": "Sam Jones", "email": "sam@example.com"}
    )
    check = client.get(f"{form.url}check-your-answers/")
    assert check.status_code == 200
    send = BeautifulSoup(check.content.decode(), "html.parser").find(
        "form", attrs={"method": "post", "novalidate": True}
    )
    fields = {field["name"]: field.get("value", "") for field in send.find_all("input")}
    with CaptureQueriesContext(connection) as queries:
        response = client.post(f"{form.url}check-your-answers/", fields)
    assert response.status_code == 302
    assert response["Location"] == f"{form.url}confirmation/"
    return [query["sql"] for query in queries]


@pytest.fixture
def telling_queue(db):
    """The default queue, which emails each resident that their form was received."""
    return Queue.objects.create(name="Customer services", is_default=True, notify_resident=True)


def test_a_final_post_makes_the_same_few_queries_with_1_and_50_answers(
    client, service_page, telling_queue
):
    forms = {questions: _form(service_page, questions) for questions in (2, 1, 50)}
    # The first send after the forms were published warms what is kept between requests (the
    # council's name, which publishing a page may change).
    _queries_to_send(client, forms[2], 2)

    one = _queries_to_send(client, forms[1], 1)
    fifty = _queries_to_send(client, forms[50], 50)

    assert len(one) <= MAX_QUERIES, "\n".join(one)
    assert len(fifty) == len(one), "\n".join(fifty)
    # Nothing was lost on the way: every send is a submission, a case with its audit entry, and
    # the resident's confirmation email waiting in the outbox.
    assert Submission.objects.count() == Case.objects.count() == 3
    assert CaseLogEntry.objects.filter(action="cases.create").count() == 3
    case = Case.objects.get(submission__journey__slug="form-50")
    assert len(case.get_answers()) == 52
    assert Notification.objects.filter(case=case, recipient="sam@example.com").count() == 1
