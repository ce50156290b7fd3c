"""Welsh translations in the browser: an editor hands the Welsh version of an online form to a
moderator from wagtail-localize's translation editor, and the moderator finds it waiting."""

import re

from django.contrib.auth.models import Group

from wagtail.models import Locale, Page
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

import pytest
from playwright.sync_api import expect

from forms_app.journeys.demo import MISSED_BIN
from forms_app.journeys.models import JourneyPage
from home.demo import seed_workflow
from home.translations.demo import seed_translation_permissions
from tests.factories import UserFactory

from .conftest import sign_in_to_admin

pytestmark = pytest.mark.django_db(transaction=True)

PASSWORDS = {"editor": "welsh-words-on-monday-31", "moderator": "check-and-publish-58"}
WELSH_TITLE = "Rhoi gwybod am fin heb ei gasglu"


class Silent:
    def write(self, text):
        pass


def staff_member(username, group_name):
    user = UserFactory(username=username)
    user.groups.add(Group.objects.get(name=group_name))
    user.set_password(PASSWORDS[username])
    user.save()
    return user


@pytest.fixture
def welsh_form(service_page):
    """The missed-bin form, which the editor has started translating into Welsh."""
    seed_workflow(Silent())
    seed_translation_permissions(Silent())
    editor = staff_member("editor", "Editors")
    staff_member("moderator", "Moderators")
    journey = JourneyPage(
        title="Report a missed bin collection",
        slug="form",
        steps=MISSED_BIN,
        what_happens_next="<p>Our team will look at it within 2 working days.</p>",
    )
    service_page.add_child(instance=journey)
    journey.save_revision().publish()

    welsh = Locale.objects.get_or_create(language_code="cy")[0]
    source, _ = TranslationSource.get_or_create_from_instance(journey)
    translation = Translation.objects.create(source=source, target_locale=welsh)
    translation.save_target(user=editor, publish=False)
    # The editor has typed the Welsh title.
    title = StringSegment.objects.get(source=source, context__path="title")
    StringTranslation.objects.create(
        translation_of=title.string, locale=welsh, context=title.context, data=WELSH_TITLE
    )
    return journey.get_translation(welsh)


def sign_in(page, username):
    sign_in_to_admin(page, username, PASSWORDS[username])
    expect(page).to_have_url(re.compile(r"/admin/$"))


def test_an_editor_submits_a_welsh_form_and_the_moderator_sees_it_awaiting_review(
    browser, live_server, welsh_form
):
    editor = browser.new_context(base_url=live_server.url).new_page()
    sign_in(editor, "editor")
    editor.goto(f"/admin/pages/{welsh_form.pk}/edit/")

    # The translation editor labels each piece of the form by what it is.
    segments = editor.locator(".js-translation-editor")
    expect(segments.get_by_text("Which bin was missed?")).to_be_visible()
    for label in ("Question", "Option", "Hint"):
        expect(segments.get_by_text(label, exact=True).first).to_be_visible()
    expect(segments.get_by_text("Questions", exact=True)).to_have_count(0)

    # Its main button submits for moderation; the dangerous actions are only in the menu.
    actions = editor.locator("footer[data-translation-actions]")
    main = actions.locator(".w-dropdown-button > button").first
    expect(main).to_have_text("Submit to Moderators approval")
    for dangerous in ("Delete", "Convert to alias page", "Stop synced translation"):
        expect(editor.get_by_role("button", name=dangerous)).to_be_hidden()
        expect(editor.get_by_role("link", name=dangerous)).to_be_hidden()
    actions.get_by_role("button", name="More actions").click()
    expect(actions.get_by_role("button", name="Stop synced translation")).to_be_visible()
    expect(actions.get_by_role("button", name="Save draft")).to_be_visible()
    actions.get_by_role("button", name="More actions").click()

    main.click()
    expect(editor.locator(".messages")).to_contain_text(
        f"The translation ‘{WELSH_TITLE} · Online form’ was submitted for moderation."
    )
    assert not Page.objects.get(pk=welsh_form.pk).live

    moderator = browser.new_context(base_url=live_server.url).new_page()
    sign_in(moderator, "moderator")
    waiting = moderator.locator("#awaiting-review-section")
    expect(waiting).to_contain_text(WELSH_TITLE)
    expect(waiting.get_by_role("link", name=WELSH_TITLE)).to_have_attribute(
        "href", f"/admin/pages/{welsh_form.pk}/edit/"
    )
    editor.context.close()
    moderator.context.close()
