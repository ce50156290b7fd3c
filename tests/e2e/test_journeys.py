"""Residents fill in the four demo online forms in the browser, with JavaScript on and off.

On every question page the resident first gets something wrong (nothing chosen, a postcode that
cannot be one, an email address without an @, a file that is not a photo, a message that is too
long), sees the GOV.UK error state, puts it right and carries on, through "Check your answers" to
the confirmation panel and its reference. With JavaScript on, axe checks every page on the way,
error states included; with it off, the journey must still work from start to finish.
"""

import re

from django.contrib.auth.models import Group

from wagtail.models import Page

import pytest
from PIL import Image
from playwright.sync_api import expect

from forms_app.cases.models import Queue
from forms_app.journeys import demo
from forms_app.journeys.models import JourneyPage, Submission
from services.models import ServicePage
from tests.factories.pages import ServicePageFactory

from .conftest import axe_violations, goto_as_without_javascript

pytestmark = pytest.mark.django_db(transaction=True)

# Two groups of four from the alphabet without look-alikes: no 0/O, 1/I/L.
REFERENCE = re.compile(r"[2-9A-HJKMNP-Z]{4} [2-9A-HJKMNP-Z]{4}")
CHECK_ANSWERS = "Check your answers before sending your form"
WHAT_HAPPENS_NEXT = "<p>Our team will look at it within 2 working days.</p>"
BAD_POSTCODE = "Enter a real UK postcode, like SW1A 1AA"
BAD_EMAIL = "Enter an email address in the correct format, like name@example.com"


# ---------------------------------------------------------------------------------------------
# The forms, as seed_demo builds them, each under its own service page
# ---------------------------------------------------------------------------------------------


def publish_form(service, steps, confirmation_heading):
    journey = JourneyPage(
        title=service.title,
        slug="form",
        steps=steps,
        confirmation_heading=confirmation_heading,
        what_happens_next=WHAT_HAPPENS_NEXT,
    )
    service.add_child(instance=journey)
    journey.save_revision().publish()
    # The service page's "Start now" button opens the form.
    service = ServicePage.objects.get(pk=service.pk)
    service.start_page = Page.objects.get(pk=journey.pk)
    service.save_revision().publish()
    return journey


@pytest.fixture
def forms(service_page):
    # Each submission opens a case in the same transaction, so casework needs a queue.
    Queue.objects.create(
        name="Customer services",
        group=Group.objects.create(name="Customer services team"),
        is_default=True,
        notify_resident=False,
    )
    category = service_page.get_parent()

    def service(title, slug):
        return ServicePageFactory(parent=category, title=title, slug=slug, summary=title + ".")

    return {
        "missed_bin": publish_form(service_page, demo.MISSED_BIN, "Report sent"),
        "fly_tipping": publish_form(
            service("Report fly-tipping", "report-fly-tipping"), demo.FLY_TIPPING, "Report sent"
        ),
        "new_bin": publish_form(
            service("Request a new or replacement bin", "request-a-new-bin"),
            demo.NEW_BIN,
            "Request sent",
        ),
        "contact": publish_form(
            service("Contact the council", "contact-us"), demo.CONTACT, "Message sent"
        ),
    }


@pytest.fixture(autouse=True)
def private_media(settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private-media"
    return settings.PRIVATE_MEDIA_ROOT


@pytest.fixture
def photo(tmp_path):
    path = tmp_path / "fly-tip.png"
    Image.new("RGB", (40, 30), (120, 90, 60)).save(path)
    return path


@pytest.fixture
def not_a_photo(tmp_path):
    # Named like a photo, but only words inside: the form must look at what the file is.
    path = tmp_path / "notes.png"
    path.write_text("There is a sofa in the lay-by.")
    return path


# ---------------------------------------------------------------------------------------------
# A resident in a browser
# ---------------------------------------------------------------------------------------------


def squash(text):
    return " ".join(text.split())


class Resident:
    """Fills in a form in one browser tab. With JavaScript on, every page is checked with axe."""

    def __init__(self, page, *, js):
        self.page = page
        self.js = js
        self.pages_checked = 0

    def audit(self):
        if self.js:
            assert axe_violations(self.page) == [], self.page.url
            self.pages_checked += 1

    def click(self, role, name):
        with self.page.expect_navigation():
            self.page.get_by_role(role, name=name, exact=True).click()

    def press(self, name="Continue"):
        self.click("button", name)

    def start(self, journey):
        service = journey.get_parent()
        self.page.goto(service.url)
        if self.page.get_by_role("button", name="Hide cookie message").count():
            self.press("Hide cookie message")
        expect(self.page.locator(".govuk-cookie-banner")).to_have_count(0)
        body_class = self.page.get_attribute("body", "class") or ""
        assert ("govuk-frontend-supported" in body_class) == self.js
        self.click("button", "Start now")

    def on_question(self, heading):
        """A question page, before anything is wrong: its heading, title and a back link."""
        page = self.page
        expect(page.locator("h1")).to_have_text(heading)
        assert page.title().startswith(f"{heading} – ")
        expect(page.locator(".govuk-error-summary")).to_have_count(0)
        expect(page.get_by_role("link", name="Back", exact=True)).to_be_visible()
        self.audit()

    def sees_errors(self, *messages):
        """The GOV.UK error state: "Error:" in the title, a summary linking to each field to fix
        and the same message beside it."""
        page = self.page
        assert page.title().startswith("Error: ")
        summary = page.locator(".govuk-error-summary")
        expect(summary).to_be_visible()
        expect(summary.get_by_role("heading", name="There is a problem")).to_be_visible()
        links = summary.get_by_role("link")
        expect(links).to_have_text(list(messages))
        if self.js:
            # GOV.UK Frontend moves focus to the summary, so screen readers announce it.
            expect(summary).to_be_focused()
        for link in links.all():
            target = link.get_attribute("href")
            assert target.startswith("#")
            assert page.locator(f"[id='{target[1:]}']").count() == 1, f"{target} goes nowhere"
        # (The character count's "too many" message borrows the style; it is not one of these.)
        beside = page.locator(".govuk-error-message:not(.govuk-character-count__message)")
        beside = [squash(text) for text in beside.all_text_contents()]
        assert beside == [f"Error: {message}" for message in messages]
        assert field_problems(page) == []
        self.audit()

    def check_answers(self):
        page = self.page
        expect(page.locator("h1")).to_have_text(CHECK_ANSWERS)
        assert page.title().startswith(f"{CHECK_ANSWERS} – ")
        self.audit()
        return answers_shown(page)

    def send(self, journey, confirmation_heading):
        """Send the form from "Check your answers"; the reference shown on the confirmation."""
        page = self.page
        self.press("Send form")
        panel = page.locator(".govuk-panel--confirmation")
        expect(panel.get_by_role("heading", level=1)).to_have_text(confirmation_heading)
        assert page.title().startswith(f"{confirmation_heading} – ")
        shown = squash(panel.locator(".govuk-panel__body").inner_text())
        assert shown.startswith("Your reference number ")
        reference = shown.removeprefix("Your reference number ")
        assert REFERENCE.fullmatch(reference), reference
        expect(page.get_by_text("Our team will look at it within 2 working days.")).to_be_visible()
        self.audit()
        # The one submission made is the one the resident was told about.
        submission = Submission.objects.get(journey=journey)
        assert submission.reference == reference.replace(" ", "")
        return reference


def answers_shown(page):
    """What "Check your answers" lists: each question and the answer beside it."""
    shown = {}
    for row in page.locator(".govuk-summary-list__row").all():
        question = squash(row.locator(".govuk-summary-list__key").inner_text())
        shown[question] = row.locator(".govuk-summary-list__value").inner_text().strip()
    return shown


def field_problems(page):
    """What a screen reader user would trip over in a form with errors: a description that is
    not on the page, or a box announced as invalid that is not shown as wrong (or is shown with
    another component's error style)."""
    problems = []
    for element in page.locator("main [aria-describedby]").all():
        name = element.get_attribute("id") or element.get_attribute("class")
        for ref in element.get_attribute("aria-describedby").split():
            if page.locator(f"[id='{ref}']").count() != 1:
                problems.append(f"{name} is described by #{ref}, which is not on the page")
    boxes = "main input[aria-invalid='true']:is([type=text], [type=email], [type=tel])"
    for element in page.locator(boxes).all():
        if "govuk-input--error" not in element.get_attribute("class").split():
            problems.append(f"{element.get_attribute('id')} is invalid but not shown in red")
    for element in page.locator("main textarea[aria-invalid='true']").all():
        classes = element.get_attribute("class").split()
        if "govuk-textarea--error" not in classes or "govuk-input--error" in classes:
            problems.append(f"{element.get_attribute('id')} has the wrong error style: {classes}")
    return problems


@pytest.fixture(params=[True, False], ids=["with-javascript", "without-javascript"])
def resident(request, live_server):
    if request.param:
        page = request.getfixturevalue("page")
    else:
        page = request.getfixturevalue("page_without_js")
    return Resident(page, js=request.param)


# ---------------------------------------------------------------------------------------------
# The four forms, start to finish
# ---------------------------------------------------------------------------------------------


def test_report_a_missed_bin(resident, forms):
    journey, page = forms["missed_bin"], resident.page
    resident.start(journey)

    resident.on_question("Which bin was missed?")
    resident.press()  # nothing chosen
    resident.sees_errors("Select an answer to ‘Which bin was missed?’")
    if resident.js:
        # The summary's link goes to the first option.
        page.locator(".govuk-error-summary").get_by_role(
            "link", name="Select an answer to ‘Which bin was missed?’"
        ).click()
        expect(page.get_by_label("General waste (black bin)")).to_be_focused()
    page.get_by_label("General waste (black bin)").check()
    resident.press()

    resident.on_question("Was your bin due to be collected today?")
    expect(page.get_by_text("We collect bins until 6pm.")).to_be_visible()
    resident.press()
    resident.sees_errors("Select yes or no")
    page.get_by_label("No", exact=True).check()
    resident.press()

    resident.on_question("Where was the bin missed?")
    resident.press()
    resident.sees_errors(
        "Enter address line 1, typically the building and street",
        "Enter town or city",
        "Enter postcode",
    )
    page.get_by_label("Address line 1").fill("12 Heol Ddu")
    page.get_by_label("Town or city").fill("Testtown")
    page.get_by_label("Postcode", exact=True).fill("sw1a1aa")
    resident.press()

    resident.on_question("Your contact details")
    page.get_by_label("Full name").fill("Ceri Jones")
    page.get_by_label("Email address").fill("ceri.jones.example.com")
    resident.press()
    resident.sees_errors(BAD_EMAIL)
    # What was right is still there; only the wrong answer needs typing again.
    expect(page.get_by_label("Full name")).to_have_value("Ceri Jones")
    page.get_by_label("Email address").fill("ceri@example.com")
    resident.press()

    assert resident.check_answers() == {
        "Which bin was missed?": "General waste (black bin)",
        "Was your bin due to be collected today?": "No",
        "Where was the bin missed?": "12 Heol Ddu\nTesttown\nSW1A 1AA",
        "Full name": "Ceri Jones",
        "Email address": "ceri@example.com",
        "Phone number": "Not provided",
    }
    resident.send(journey, "Report sent")
    assert resident.pages_checked == (10 if resident.js else 0)


def test_report_fly_tipping_with_a_photo(resident, forms, photo, not_a_photo, private_media):
    journey, page = forms["fly_tipping"], resident.page
    resident.start(journey)

    resident.on_question("Where is it?")
    where = page.get_by_label("Where is the fly-tipping?")
    page.get_by_label("Nearest postcode").fill("not a postcode")
    resident.press()
    resident.sees_errors("Enter an answer to ‘Where is the fly-tipping?’", BAD_POSTCODE)
    where.fill("In the lay-by on Heol Ddu")
    if resident.js:
        # The character count tells the resident how much room is left as they type.
        expect(page.locator(".govuk-character-count__status")).to_have_text(
            "You have 4,975 characters remaining"
        )
    page.get_by_label("Nearest postcode").fill("cf10 1aa")
    resident.press()

    resident.on_question("What has been dumped?")
    resident.press()
    resident.sees_errors("Select at least one answer to ‘What has been dumped?’")
    page.get_by_label("Tyres").check()
    resident.press()

    resident.on_question("Upload a photo of the fly-tipping (optional)")
    upload = page.get_by_label("Upload a photo of the fly-tipping")
    upload.set_input_files(not_a_photo)
    resident.press()
    resident.sees_errors("The selected file must be a JPG, PNG, HEIC, PDF or DOCX")
    upload.set_input_files(photo)
    resident.press()

    resident.on_question("Email address (optional)")
    page.get_by_label("Email address").fill("not-an-email")
    resident.press()
    resident.sees_errors(BAD_EMAIL)
    page.get_by_label("Email address").fill("resident@example.com")
    resident.press()

    assert resident.check_answers() == {
        "Where is the fly-tipping?": "In the lay-by on Heol Ddu",
        "Nearest postcode": "CF10 1AA",
        "What has been dumped?": "Tyres",
        "Upload a photo of the fly-tipping": "fly-tip.png",
        "Email address": "resident@example.com",
    }

    # "Change" goes back to the question with the answer filled in, then straight back here.
    resident.click("link", "Change what has been dumped?")
    expect(page.get_by_label("Tyres")).to_be_checked()
    resident.audit()
    page.get_by_label("Furniture or mattresses").check()
    resident.press()
    shown = resident.check_answers()
    assert shown["What has been dumped?"] == "Furniture or mattresses\nTyres"
    assert shown["Upload a photo of the fly-tipping"] == "fly-tip.png"

    resident.send(journey, "Report sent")
    # The photo was kept, privately, exactly as sent; the file that was not a photo was not.
    stored = [path for path in private_media.rglob("*") if path.is_file()]
    assert [path.read_bytes() for path in stored] == [photo.read_bytes()]
    assert stored[0].suffix == ".png"


def test_request_a_new_bin(resident, forms):
    journey, page = forms["new_bin"], resident.page
    resident.start(journey)

    resident.on_question("Which bin do you need?")
    resident.press()
    resident.sees_errors("Select an answer to ‘Which bin do you need?’")
    page.get_by_label("Recycling box").check()
    resident.press()

    resident.on_question("Why do you need it?")
    resident.press()
    resident.sees_errors("Select an answer to ‘Why do you need it?’")
    page.get_by_label("It is damaged").check()
    resident.press()

    resident.on_question("Where should we deliver it?")
    page.get_by_label("Address line 1").fill("Flat 2, 7 Station Road")
    page.get_by_label("Town or city").fill("Testtown")
    page.get_by_label("Postcode", exact=True).fill("AB1")
    resident.press()
    resident.sees_errors(BAD_POSTCODE)
    # Only the postcode is shown as wrong.
    for label in ("Address line 1", "Address line 2 (optional)", "Town or city"):
        expect(page.get_by_label(label)).not_to_have_attribute("aria-invalid", "true")
    postcode = page.get_by_label("Postcode", exact=True)
    expect(postcode).to_have_attribute("aria-invalid", "true")
    expect(postcode).to_have_accessible_description(f"Error: {BAD_POSTCODE}")
    if resident.js:
        # The summary's link takes the resident to the box to fix.
        page.locator(".govuk-error-summary").get_by_role("link", name=BAD_POSTCODE).click()
        expect(postcode).to_be_focused()
    postcode.fill("TE1 1ST")
    resident.press()

    resident.on_question("Your contact details")
    resident.press()
    resident.sees_errors("Enter an answer to ‘Full name’", "Enter an email address")
    page.get_by_label("Full name").fill("Ceri Jones")
    page.get_by_label("Email address").fill("ceri@example.com")
    page.get_by_label("Phone number").fill("07700900982")
    resident.press()

    assert resident.check_answers() == {
        "Which bin do you need?": "Recycling box",
        "Why do you need it?": "It is damaged",
        "Where should we deliver it?": "Flat 2, 7 Station Road\nTesttown\nTE1 1ST",
        "Full name": "Ceri Jones",
        "Email address": "ceri@example.com",
        "Phone number": "07700 900 982",
    }
    resident.send(journey, "Request sent")


def test_contact_the_council(resident, forms):
    journey, page = forms["contact"], resident.page
    resident.start(journey)

    resident.on_question("What is your message about?")
    resident.press()
    resident.sees_errors("Select an answer to ‘What is your message about?’")
    page.get_by_label("Council Tax").check()
    resident.press()

    resident.on_question("Your message")
    message = page.get_by_label("Your message")
    message.fill("a" * 5001)
    if resident.js:
        expect(page.locator(".govuk-character-count__status")).to_have_text(
            "You have 1 character too many"
        )
    resident.press()
    resident.sees_errors("Answer must be 5000 characters or less")
    message.fill("When is my council tax bill due?")
    resident.press()

    resident.on_question("Your contact details")
    page.get_by_label("Full name").fill("Ceri Jones")
    page.get_by_label("Email address").fill("ceri@example.com")
    page.get_by_label("Phone number").fill("12345")
    resident.press()
    resident.sees_errors("Enter a UK phone number, like 01632 960 001 or 07700 900 982")
    page.get_by_label("Phone number").fill("01632 960 001")
    resident.press()

    assert resident.check_answers() == {
        "What is your message about?": "Council Tax",
        "Your message": "When is my council tax bill due?",
        "Full name": "Ceri Jones",
        "Email address": "ceri@example.com",
        "Phone number": "01632 960 001",
    }
    resident.send(journey, "Message sent")


# ---------------------------------------------------------------------------------------------
# Leaving the usual path: an exit page, and the back link
# ---------------------------------------------------------------------------------------------


def test_a_bin_due_today_cannot_be_reported_yet(resident, forms):
    journey, page = forms["missed_bin"], resident.page
    resident.start(journey)
    page.get_by_label("Food waste (grey caddy)").check()
    resident.press()
    page.get_by_label("Yes", exact=True).check()
    resident.press()

    expect(page.locator("h1")).to_have_text("Wait until the end of your collection day")
    assert page.title().startswith("Wait until the end of your collection day – ")
    expect(page.get_by_text("report it from tomorrow morning")).to_be_visible()
    expect(page.get_by_role("button", name="Continue")).to_have_count(0)
    resident.audit()

    # There is no way round it to "Check your answers".
    page.goto(f"{journey.url}check-your-answers/")
    expect(page.locator("h1")).to_have_text("Wait until the end of your collection day")

    # Back to the question, answer kept; a different answer goes on with the form.
    resident.click("link", "Back")
    expect(page.locator("h1")).to_have_text("Was your bin due to be collected today?")
    expect(page.get_by_label("Yes", exact=True)).to_be_checked()
    page.get_by_label("No", exact=True).check()
    resident.press()
    resident.on_question("Where was the bin missed?")

    # Or the resident gives up and goes back to the service page.
    resident.click("link", "Back")
    page.get_by_label("Yes", exact=True).check()
    resident.press()
    resident.click("link", "Return to ‘Report a missed bin collection’")
    expect(page.locator("h1")).to_have_text("Report a missed bin collection")
    assert Submission.objects.count() == 0


def test_back_link_keeps_answers(page, forms):
    resident, journey = Resident(page, js=True), forms["new_bin"]
    resident.start(journey)
    page.get_by_label("Recycling box").check()
    resident.press()
    page.get_by_label("It is damaged").check()
    resident.press()

    resident.click("link", "Back")
    expect(page.locator("h1")).to_have_text("Why do you need it?")
    expect(page.get_by_label("It is damaged")).to_be_checked()
    resident.click("link", "Back")
    expect(page.locator("h1")).to_have_text("Which bin do you need?")
    expect(page.get_by_label("Recycling box")).to_be_checked()
    # From the first question, back is the service page the resident started from.
    resident.click("link", "Back")
    expect(page.locator("h1")).to_have_text("Request a new or replacement bin")
    expect(page.get_by_role("button", name="Start now")).to_be_visible()

    # Starting again carries on with the answers given so far.
    resident.click("button", "Start now")
    expect(page.get_by_label("Recycling box")).to_be_checked()
    resident.press()
    expect(page.get_by_label("It is damaged")).to_be_checked()
    resident.press()
    resident.on_question("Where should we deliver it?")


# ---------------------------------------------------------------------------------------------
# Pages as a browser without JavaScript renders them
# ---------------------------------------------------------------------------------------------


def test_form_pages_without_javascript_are_accessible(page, forms):
    fly_tipping, new_bin = forms["fly_tipping"], forms["new_bin"]
    resident = Resident(page, js=True)

    # A long answer: without JavaScript the character count is a plain hint.
    goto_as_without_javascript(page, f"{fly_tipping.url}location/")
    assert "js-enabled" not in (page.get_attribute("body", "class") or "")
    expect(page.locator("h1")).to_have_text("Where is it?")
    expect(page.get_by_text("You can enter up to 5000 characters")).to_be_visible()
    assert axe_violations(page) == []
    # Its error state: the form posts back to the same address, which is served without
    # scripts too, so no script moves focus or adds anything.
    resident.press()
    assert page.title().startswith("Error: ")
    assert "js-enabled" not in (page.get_attribute("body", "class") or "")
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    expect(page.locator(".govuk-error-summary")).not_to_be_focused()
    assert field_problems(page) == []
    assert axe_violations(page) == []

    # Radios, an address, contact details and "Check your answers". Each page is answered once
    # checked, as a browser without scripts would send it, with the interception removed.
    goto_as_without_javascript(page, f"{new_bin.url}which-bin/")
    expect(page.locator("h1")).to_have_text("Which bin do you need?")
    assert axe_violations(page) == []
    page.unroute_all()
    page.get_by_label("Food waste caddy").check()
    resident.press()
    page.get_by_label("I have moved into a new home").check()
    resident.press()

    goto_as_without_javascript(page, f"{new_bin.url}address/")
    assert "js-enabled" not in (page.get_attribute("body", "class") or "")
    expect(page.locator("h1")).to_have_text("Where should we deliver it?")
    assert axe_violations(page) == []
    page.unroute_all()
    page.get_by_label("Address line 1").fill("7 Station Road")
    page.get_by_label("Town or city").fill("Testtown")
    page.get_by_label("Postcode", exact=True).fill("TE1 1ST")
    resident.press()

    goto_as_without_javascript(page, f"{new_bin.url}contact-details/")
    expect(page.locator("h1")).to_have_text("Your contact details")
    assert axe_violations(page) == []
    page.unroute_all()
    page.get_by_label("Full name").fill("Ceri Jones")
    page.get_by_label("Email address").fill("ceri@example.com")
    resident.press()

    goto_as_without_javascript(page, f"{new_bin.url}check-your-answers/")
    assert "js-enabled" not in (page.get_attribute("body", "class") or "")
    expect(page.locator("h1")).to_have_text(CHECK_ANSWERS)
    assert axe_violations(page) == []
