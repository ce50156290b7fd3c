"""Editors and moderators walk a draft online form in Wagtail's preview, without publishing it.

An editor rewords the first question of a live form and saves a draft: the preview panel beside
the editor, and its new tab, show the draft wording and walk on to the next page. A moderator
opens the form waiting for review from the dashboard (its title says it is an online form), walks
it to the end and is told nothing was sent. Residents still get the published wording throughout.
"""

import copy
import io
import re

from django.contrib.auth.models import Group

import pytest
from playwright.sync_api import expect

from forms_app.journeys import demo
from forms_app.journeys.models import JourneyPage, Submission
from home.demo import seed_workflow
from tests.factories import UserFactory

from .conftest import axe_violations, sign_in_to_admin

pytestmark = pytest.mark.django_db(transaction=True)

PASSWORD = "preview-the-draft-31"
LIVE_QUESTION = "Which bin was missed?"
DRAFT_QUESTION = "Which of your bins did we miss?"
NEXT_QUESTION = "Was your bin due to be collected today?"


def staff(username, group):
    user = UserFactory(username=username)
    user.groups.add(Group.objects.get(name=group))
    user.set_password(PASSWORD)
    user.save()
    return user


@pytest.fixture
def live_form(service_page):
    seed_workflow(io.StringIO())
    form = JourneyPage(
        title="Report a missed bin collection",
        slug="form",
        steps=copy.deepcopy(demo.MISSED_BIN),
        confirmation_heading="Report sent",
        what_happens_next="<p>Our team will look at it within 2 working days.</p>",
    )
    service_page.add_child(instance=form)
    form.save_revision().publish()
    return form


def sign_in(page, username):
    sign_in_to_admin(page, username, PASSWORD)
    expect(page).to_have_url(re.compile(r"/admin/$"))


def public_wording(page, form):
    page.goto(f"{form.url}bin-type/")
    return page.locator("main").inner_text()


def test_editor_walks_a_draft_in_the_preview_panel_and_a_new_tab(page, live_form):
    staff("web_editor", "Editors")
    sign_in(page, "web_editor")

    page.goto(f"/admin/pages/{live_form.pk}/edit/")
    label = page.locator("#steps-0-value-questions-0-value-label")
    expect(label).to_have_value(LIVE_QUESTION)
    label.fill(DRAFT_QUESTION)
    with page.expect_navigation():
        page.get_by_role("button", name="Save draft").click()
    expect(page.locator(".messages")).to_contain_text("has been updated")

    # The preview panel beside the editor shows the draft's first page, and walks on.
    page.get_by_role("button", name="Toggle preview").click()
    frame = page.frame_locator("iframe[title='Preview']").first
    expect(frame.get_by_text(DRAFT_QUESTION)).to_be_visible()
    expect(frame.get_by_text("Nothing you enter is sent")).to_be_visible()
    frame.get_by_label("General waste (black bin)").check()
    frame.get_by_role("button", name="Continue").click()
    expect(frame.get_by_text(NEXT_QUESTION)).to_be_visible()

    # "Preview in new tab" opens the same walk, on the step the editor was checking.
    new_tab_url = page.get_by_role("link", name="Preview in new tab").get_attribute("href")
    tab = page.context.new_page()
    tab.goto(new_tab_url)
    expect(tab.locator("main")).to_contain_text(NEXT_QUESTION)
    expect(tab).to_have_url(re.compile(r"/admin/form-preview/.+/collection-day/$"))
    tab.get_by_role("link", name="Back").click()
    expect(tab.locator("main")).to_contain_text(DRAFT_QUESTION)
    assert axe_violations(tab) == [], tab.url

    # Nothing was published: residents still get the live wording.
    assert LIVE_QUESTION in public_wording(page.context.new_page(), live_form)
    assert JourneyPage.objects.get(pk=live_form.pk).has_unpublished_changes


def test_moderator_walks_a_form_in_moderation_to_the_end(page, live_form):
    editor = staff("web_editor", "Editors")
    staff("web_moderator", "Moderators")
    draft = live_form.get_latest_revision_as_object()
    steps = copy.deepcopy(demo.MISSED_BIN)
    steps[0]["value"]["questions"][0]["value"]["label"] = DRAFT_QUESTION
    draft.steps = steps
    draft.save_revision(user=editor)
    live_form.get_workflow().start(live_form, editor)

    sign_in(page, "web_moderator")
    awaiting = page.locator("#awaiting-review-content")
    row = awaiting.locator("tr").filter(has_text="Report a missed bin collection · Online form")
    expect(row).to_have_count(1)
    row.get_by_role("button", name="Actions").click()
    preview_url = row.get_by_role("link", name="Preview").get_attribute("href")

    page.goto(preview_url)
    main = page.locator("main")
    expect(main).to_contain_text(DRAFT_QUESTION)
    assert axe_violations(page) == [], page.url
    page.get_by_label("General waste (black bin)").check()
    page.get_by_role("button", name="Continue").click()
    expect(main).to_contain_text(NEXT_QUESTION)
    page.get_by_label("No", exact=True).check()
    page.get_by_role("button", name="Continue").click()
    page.get_by_label("Address line 1").fill("12 Heol Ddu")
    page.get_by_label("Town or city").fill("Glanrhyd")
    page.get_by_label("Postcode", exact=True).fill("SW1A 1AA")
    page.get_by_role("button", name="Continue").click()
    page.get_by_label("Full name").fill("Sam Jones")
    page.get_by_label("Email address").fill("sam@example.com")
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Check your answers before sending your form"
    )
    expect(main).to_contain_text(DRAFT_QUESTION)
    page.get_by_role("button", name="Send form").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("This is a preview: nothing was sent")
    assert axe_violations(page) == [], page.url
    assert not Submission.objects.exists()
    assert LIVE_QUESTION in public_wording(page, live_form)


def test_a_new_form_keeps_the_address_form_as_the_editor_types_its_title(page, service_page):
    seed_workflow(io.StringIO())
    staff("web_editor", "Editors")
    sign_in(page, "web_editor")

    page.goto(f"/admin/pages/add/journeys/journeypage/{service_page.pk}/")
    page.locator("#id_title").fill("Report a dead animal")
    page.locator("#id_title").blur()

    expect(page.locator("#id_slug")).to_have_value("form")
