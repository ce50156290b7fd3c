"""The audit's hostile inputs, over HTTP, against every public form: whatever is sent, the answer
is a page (2xx), a redirect (3xx) or a clear refusal (4xx), never a server error. These run on
SQLite in `make test` and on PostgreSQL in `make test-scale` (whose NUL bytes and long values
are the usual trip wires)."""

import copy

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from forms_app.journeys import demo
from tests.factories.journeys import JourneyPageFactory

pytestmark = pytest.mark.django_db

HOSTILE_TEXT = st.one_of(
    st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=80),
    st.sampled_from(
        [
            "\x00",
            "a\x00b",
            "'; DROP TABLE cases_case; --",
            "<script>alert(1)</script>",
            "${7*7}{{7*7}}",
            "../../etc/passwd",
            "²",
            "9" * 40,
            "ﬀ" * 300,
            "🙂" * 100,
            " " * 500,
        ]
    ),
)
PROPERTY = settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def assert_not_a_server_error(response):
    assert response.status_code < 500, response.status_code


@PROPERTY
@given(reference=HOSTILE_TEXT, contact=HOSTILE_TEXT)
def test_check_progress(client, home_page, reference, contact):
    response = client.post("/check-progress/", {"reference": reference, "contact": contact})
    assert_not_a_server_error(response)


@PROPERTY
@given(query=HOSTILE_TEXT, page=HOSTILE_TEXT, kind=HOSTILE_TEXT)
def test_search(client, home_page, query, page, kind):
    response = client.get("/search/", {"q": query, "page": page, "type": kind})
    assert_not_a_server_error(response)


@PROPERTY
@given(comment=HOSTILE_TEXT, useful=HOSTILE_TEXT)
def test_page_feedback(client, service_page, comment, useful):
    pk = service_page.pk
    assert_not_a_server_error(client.post(f"/feedback/{pk}/", {"useful": useful}))
    assert_not_a_server_error(client.post(f"/feedback/{pk}/problem/", {"comment": comment}))


@pytest.fixture
def forms(service_page, default_queue):
    """Every demo form, live under the service page."""
    return [
        JourneyPageFactory(
            parent=service_page, title=title, slug=f"form-{index}", steps=copy.deepcopy(steps)
        )
        for index, (_service, title, steps, _heading) in enumerate(demo.JOURNEYS)
    ]


@pytest.fixture
def default_queue(db):
    from forms_app.cases.models import Queue

    return Queue.objects.create(name="Everything", is_default=True)


@settings(
    max_examples=5, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_every_step_of_every_demo_form(client, forms, data):
    for page in forms:
        for step in page.journey().steps:
            names = [name for _question, name in step.answerable]
            # The names a browser posts, and the parts of multi-part answers (dates, addresses).
            fields = names + [f"{name}_{part}" for name in names for part in range(4)]
            posted = {field: data.draw(HOSTILE_TEXT, label=field) for field in fields}
            posted["save_and_return"] = data.draw(st.sampled_from(["", "1"]), label="save")
            response = client.post(f"{page.url}{step.slug}/", posted)
            assert_not_a_server_error(response)
        email = data.draw(HOSTILE_TEXT, label="email")
        assert_not_a_server_error(client.post(f"{page.url}save/", {"email": email}))
        assert_not_a_server_error(client.get(f"{page.url}resume/", {"token": email}))
        assert_not_a_server_error(client.get(f"{page.url}check-your-answers/"))
        token = data.draw(HOSTILE_TEXT, label="token")
        sent = client.post(f"{page.url}check-your-answers/", {"token": token, "website": ""})
        assert_not_a_server_error(sent)
