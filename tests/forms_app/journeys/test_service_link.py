"""A service and its online form, as editors and moderators meet them in the admin: a new form
becomes the service's "Start now" target, has the address /<service>/form/, and is told apart from
its service (same title) by its page type in moderation lists and the page chooser."""

import io

from django.test import Client

from wagtail.test.utils.form_data import nested_form_data, querydict_from_html, rich_text

import pytest
from bs4 import BeautifulSoup

from forms_app.journeys import demo
from forms_app.journeys.models import JourneyPage
from home.demo import seed_workflow
from services.models import ServicePage
from tests.factories import ServicePageFactory
from tests.factories.journeys import JourneyPageFactory
from tests.factories.users import signed_in_member_of

from .test_admin import _steps_data

pytestmark = pytest.mark.django_db

TITLE = "Report a missed bin collection"


@pytest.fixture
def workflow():
    seed_workflow(io.StringIO())


@pytest.fixture
def editor_client(workflow):
    return signed_in_member_of("Editors", "form-editor")


@pytest.fixture
def moderator_client(workflow):
    return signed_in_member_of("Moderators", "form-moderator")


def _add_url(service):
    return f"/admin/pages/add/journeys/journeypage/{service.pk}/"


def new_form_data(client, service, steps=demo.MISSED_BIN):
    """The new-form page in the admin, filled in as an editor would (and as its preview posts)."""
    rendered = client.get(_add_url(service))
    assert rendered.status_code == 200
    fields = querydict_from_html(rendered.content.decode(), form_id="page-edit-form").dict()
    data = {
        **fields,
        "title": TITLE,
        **nested_form_data(
            {
                "steps": _steps_data(steps),
                "what_happens_next": rich_text("<p>We will look at it.</p>"),
                "comments": {
                    "TOTAL_FORMS": "0",
                    "INITIAL_FORMS": "0",
                    "MIN_NUM_FORMS": "0",
                    "MAX_NUM_FORMS": "1000",
                },
            }
        ),
    }
    return data


def _create_form(client, service, action=None):
    """Fill in the new-form page in the admin as an editor would, and save it."""
    data = new_form_data(client, service)
    if action:
        data[action] = action
    response = client.post(_add_url(service), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    return JourneyPage.objects.child_of(service).get()


def _start_button(service):
    html = Client().get(service.url).content.decode()
    button = BeautifulSoup(html, "html.parser").find("a", class_="govuk-button--start")
    return button["href"] if button else None


# (c) A new form's address --------------------------------------------------------------------


def test_a_new_form_is_offered_the_address_form(editor_client, service_page):
    html = editor_client.get(_add_url(service_page)).content.decode()

    slug = BeautifulSoup(html, "html.parser").find("input", {"name": "slug"})
    assert slug["value"] == "form"


def test_a_second_form_under_one_service_keeps_the_address_from_its_title(
    editor_client, service_page
):
    JourneyPageFactory(parent=service_page, slug="form")
    html = editor_client.get(_add_url(service_page)).content.decode()

    slug = BeautifulSoup(html, "html.parser").find("input", {"name": "slug"})
    assert not slug.get("value")


def test_a_form_created_in_the_admin_answers_at_service_form(editor_client, service_page):
    form = _create_form(editor_client, service_page)

    assert form.slug == "form"
    assert form.url == f"{service_page.url}form/"


# (a) "Start now" ---------------------------------------------------------------------------


def test_a_draft_form_becomes_a_live_service_start_target_once_it_is_published(
    editor_client, service_page
):
    form = _create_form(editor_client, service_page)

    service = ServicePage.objects.get(pk=service_page.pk)
    assert service.start_page_id == form.pk
    assert not service.has_unpublished_changes
    # The form is still a draft: residents get no button to a page they cannot open...
    assert not form.live
    assert _start_button(service) is None
    # ...until it is published.
    form.get_latest_revision().publish()
    assert _start_button(service) == f"{service.url}form/"


def test_a_service_with_changes_waiting_gets_the_link_in_its_draft(editor_client, service_page):
    draft = service_page.get_latest_revision_as_object()
    draft.summary = "A summary still in draft."
    draft.save_revision()

    form = _create_form(editor_client, service_page)

    service = ServicePage.objects.get(pk=service_page.pk)
    assert service.start_page_id is None
    latest = service.get_latest_revision_as_object()
    assert latest.start_page_id == form.pk
    assert latest.summary == "A summary still in draft."


def test_a_service_not_yet_published_gets_the_link_in_its_draft(editor_client, service_page):
    service = ServicePageFactory(parent=service_page.get_parent(), title="New", live=False)
    service.save_revision()

    form = _create_form(editor_client, service)

    service.refresh_from_db()
    assert not service.live
    assert service.get_latest_revision_as_object().start_page_id == form.pk


def test_a_service_that_already_starts_somewhere_keeps_it(editor_client, service_page):
    service_page.start_url = "https://example.com/elsewhere"
    service_page.save_revision().publish()
    revisions = service_page.revisions.count()

    _create_form(editor_client, service_page)

    service = ServicePage.objects.get(pk=service_page.pk)
    assert service.start_page_id is None
    assert service.start_url == "https://example.com/elsewhere"
    assert service.revisions.count() == revisions


# (b) Telling a service and its form apart --------------------------------------------------


def test_the_form_is_named_with_its_page_type_in_the_admin(service_page):
    form = JourneyPageFactory(parent=service_page, title=TITLE)

    assert form.get_admin_display_title() == f"{TITLE} · Online form"
    assert service_page.get_admin_display_title() == TITLE


def test_awaiting_your_review_tells_the_service_from_its_form(
    editor_client, moderator_client, service_page
):
    from django.contrib.auth import get_user_model

    editor = get_user_model().objects.get(username="form-editor")
    form = JourneyPageFactory(parent=service_page, title=TITLE)
    for page in (ServicePage.objects.get(pk=service_page.pk), form):
        page.save_revision(user=editor)
        page.get_workflow().start(page, editor)

    html = moderator_client.get("/admin/").content.decode()
    panel = BeautifulSoup(html, "html.parser").find(id="awaiting-review-content")
    titles = [" ".join(cell.get_text(" ").split()) for cell in panel.select("td.title")]
    assert sorted(titles) == sorted([TITLE, f"{TITLE} · Online form"])


def test_the_page_chooser_tells_the_service_from_its_form(editor_client, service_page):
    JourneyPageFactory(parent=service_page, title=TITLE)

    response = editor_client.get("/admin/choose-page/search/", {"q": "missed bin"})
    text = " ".join(BeautifulSoup(response.content.decode(), "html.parser").get_text(" ").split())
    assert f"{TITLE} · Online form" in text
