"""The casework issue, end to end in the browser.

A resident reports a missed bin; a waste officer signs in to the admin, filters the case list,
finds the case by its reference, takes it, works it and resolves it with a message; the resident
then checks progress and sees it is done, with the message and without the team's internal notes.
With JavaScript on, axe checks every resident page on the way. Another team's officer cannot see
the case, in the list or at its address.
"""

import re

from django.contrib.auth.models import Group, Permission
from django.utils import timezone

from wagtail.models import Page

import pytest
from playwright.sync_api import expect

from forms_app.cases.enums import CaseStatus
from forms_app.cases.models import Case, Queue, RoutingRule
from forms_app.cases.working_days import add_working_days
from forms_app.journeys.demo import MISSED_BIN
from forms_app.journeys.models import JourneyPage
from services.models import ServicePage
from tests.factories import UserFactory

from .conftest import axe_violations, sign_in_to_admin

pytestmark = pytest.mark.django_db(transaction=True)

# Two groups of four from the alphabet without look-alikes: no 0/O, 1/I/L.
REFERENCE = re.compile(r"[2-9A-HJKMNP-Z]{4} [2-9A-HJKMNP-Z]{4}")
PASSWORDS = {
    "waste_officer": "bins-on-tuesday-42",
    "housing_officer": "tenancy-audit-77",
    "reception": "front-desk-2026",
}
STAFF_PERMISSIONS = [
    ("wagtailadmin", "access_admin"),
    ("cases", "view_case"),
    ("cases", "change_case"),
    ("cases", "export_case"),
]
RESIDENT_EMAIL = "ceri.jones@example.com"
INTERNAL_NOTE = "Crew 4 to go back to Heol Ddu after lunch."
PUBLIC_MESSAGE = "We collected your bin this morning."
WASTE_SLA_DAYS = 2


# ---------------------------------------------------------------------------------------------
# The council: the form, two teams and their queues, an officer in each
# ---------------------------------------------------------------------------------------------


def staff_member(username, group, first_name, last_name):
    user = UserFactory(username=username, first_name=first_name, last_name=last_name)
    user.groups.add(group)
    user.set_password(PASSWORDS[username])
    user.save()
    return user


@pytest.fixture
def council(service_page):
    journey = JourneyPage(
        title="Report a missed bin collection",
        slug="form",
        steps=MISSED_BIN,
        confirmation_heading="Report sent",
        what_happens_next="<p>Our team will look at it within 2 working days.</p>",
    )
    service_page.add_child(instance=journey)
    journey.save_revision().publish()
    service = ServicePage.objects.get(pk=service_page.pk)
    service.start_page = Page.objects.get(pk=journey.pk)
    service.save_revision().publish()

    permissions = [
        Permission.objects.get(content_type__app_label=app, codename=codename)
        for app, codename in STAFF_PERMISSIONS
    ]
    waste = Group.objects.create(name="Waste")
    housing = Group.objects.create(name="Housing")
    # Both teams may work cases at all; only their queues say which ones.
    for group in (waste, housing):
        group.permissions.add(*permissions)
    waste_queue = Queue.objects.create(name="Waste", group=waste, sla_working_days=WASTE_SLA_DAYS)
    housing_queue = Queue.objects.create(name="Housing", group=housing, is_default=True)
    RoutingRule.objects.create(journey=journey, queue=waste_queue)
    return {
        "journey": journey,
        "waste_queue": waste_queue,
        "housing_queue": housing_queue,
        "waste_officer": staff_member("waste_officer", waste, "Rhys", "Williams"),
        "housing_officer": staff_member("housing_officer", housing, "Priya", "Shah"),
    }


def other_case(queue, reference, status=CaseStatus.NEW, summary="Report a missed bin collection"):
    """A case already in a queue, not the resident's: what a busy list has around theirs."""
    return Case.objects.create(
        queue=queue,
        reference=reference,
        summary=summary,
        status=status,
        due_date=add_working_days(timezone.localdate(), 5),
        resident_name="Dewi Price",
        resident_email="dewi@example.com",
        resident_postcode="GR2 3EF",
    )


# ---------------------------------------------------------------------------------------------
# Steps people take
# ---------------------------------------------------------------------------------------------


def squash(text):
    return " ".join(text.split())


def no_axe_violations(page):
    assert axe_violations(page) == [], page.url


def click(page, role, name, within=None):
    with page.expect_navigation():
        (within or page).get_by_role(role, name=name, exact=True).click()


def report_missed_bin(page):
    """The resident fills in the form with JavaScript on; the reference they are given."""
    page.goto("/bins-and-recycling/report-a-missed-bin/")
    if page.get_by_role("button", name="Hide cookie message").count():
        click(page, "button", "Hide cookie message")
    expect(page.locator(".govuk-cookie-banner")).to_have_count(0)
    click(page, "button", "Start now")

    expect(page.locator("h1")).to_have_text("Which bin was missed?")
    no_axe_violations(page)
    page.get_by_label("General waste (black bin)").check()
    click(page, "button", "Continue")

    expect(page.locator("h1")).to_have_text("Was your bin due to be collected today?")
    no_axe_violations(page)
    page.get_by_label("No", exact=True).check()
    click(page, "button", "Continue")

    expect(page.locator("h1")).to_have_text("Where was the bin missed?")
    no_axe_violations(page)
    page.get_by_label("Address line 1").fill("12 Heol Ddu")
    page.get_by_label("Town or city").fill("Testtown")
    page.get_by_label("Postcode", exact=True).fill("GR1 2BD")
    click(page, "button", "Continue")

    expect(page.locator("h1")).to_have_text("Your contact details")
    no_axe_violations(page)
    page.get_by_label("Full name").fill("Ceri Jones")
    page.get_by_label("Email address").fill(RESIDENT_EMAIL)
    click(page, "button", "Continue")

    expect(page.locator("h1")).to_have_text("Check your answers before sending your form")
    expect(page.locator(".govuk-summary-list")).to_contain_text(RESIDENT_EMAIL)
    no_axe_violations(page)
    click(page, "button", "Send form")

    panel = page.locator(".govuk-panel--confirmation")
    expect(panel.get_by_role("heading", level=1)).to_have_text("Report sent")
    shown = squash(panel.locator(".govuk-panel__body").inner_text())
    assert shown.startswith("Your reference number "), shown
    reference = shown.removeprefix("Your reference number ")
    assert REFERENCE.fullmatch(reference), reference
    no_axe_violations(page)
    return reference


def sign_in(page, username):
    sign_in_to_admin(page, username, PASSWORDS[username])
    expect(page).to_have_url(re.compile(r"/admin/$"))


def open_case_list(page):
    """From the dashboard, through the Casework menu, to the list of cases."""
    page.get_by_role("button", name="Casework").click()
    click(page, "link", "Cases")
    expect(page).to_have_url(re.compile(r"/admin/cases/$"))
    expect(page.get_by_role("heading", name="Cases", level=1)).to_be_attached()


def row_for(page, reference):
    return page.locator("#listing-results tbody tr").filter(has_text=reference)


def choose_filter(page, name, choose):
    """Open the admin's filter menu, go into one filter and pick a value; the list updates in
    place and the address records the filter."""
    drilldown = page.locator("#filters-drilldown")
    toggle = page.get_by_role("button", name="Show filters")
    if toggle.get_attribute("aria-expanded") != "true":
        toggle.click()
    drilldown.get_by_role("button", name=name, exact=True).click()
    panel = drilldown.locator(f"#drilldown-id_{name.lower()}")
    expect(panel).to_be_visible()
    choose(panel)
    # Back to the list of filters, as a person would to pick the next one.
    panel.get_by_role("button", name="Back").click()
    expect(panel).to_be_hidden()


def status_page_lookup(page, reference, contact):
    page.get_by_label("Reference number").fill(reference)
    page.get_by_label("Email address or postcode").fill(contact)
    click(page, "button", "Check progress")


def sees_resolved_case(page, reference):
    """The resident's view of the finished case: done, the message, nothing internal."""
    main = page.locator("main")
    expect(main.locator("h1")).to_have_text("Report a missed bin collection")
    expect(main).to_contain_text(f"Reference {reference}")
    expect(main.locator(".govuk-tag")).to_have_text("Done")
    expect(main.locator(".townhall-case-updates")).to_contain_text(PUBLIC_MESSAGE)
    text = main.inner_text()
    assert INTERNAL_NOTE not in text
    assert "Crew 4" not in text
    assert "Rhys" not in text  # who worked the case is the council's business
    # A finished case has no promise of when it will be finished.
    assert "We aim to finish by" not in text


# ---------------------------------------------------------------------------------------------
# The story
# ---------------------------------------------------------------------------------------------


def test_resident_reports_staff_resolve_and_resident_sees_it_done(
    browser, live_server, page, page_without_js, council, mailoutbox
):
    waste_queue = council["waste_queue"]
    # Already in the Waste queue: a case being worked, which the "New" filter must hide.
    other_case(waste_queue, "WXYZ3456", status=CaseStatus.IN_PROGRESS)

    # 1. The resident reports a missed bin (the `page` fixture's context, JavaScript on).
    reference = report_missed_bin(page)
    case = Case.objects.get(reference=reference.replace(" ", ""))
    assert case.queue == waste_queue
    due = add_working_days(timezone.localdate(), WASTE_SLA_DAYS)

    # 2. A waste officer, in a browser of their own.
    staff_context = browser.new_context(base_url=live_server.url)
    try:
        staff = staff_context.new_page()
        sign_in(staff, "waste_officer")
        open_case_list(staff)
        expect(row_for(staff, "WXYZ 3456")).to_have_count(1)

        # Filter with the admin's own filter menu: queue Waste, status New.
        choose_filter(
            staff, "Queue", lambda panel: panel.get_by_label("Queue").select_option(label="Waste")
        )
        expect(staff).to_have_url(re.compile(rf"[?&]queue={waste_queue.pk}\b"))
        choose_filter(staff, "Status", lambda panel: panel.get_by_label("New", exact=True).check())
        expect(staff).to_have_url(re.compile(r"[?&]status=new\b"))
        expect(row_for(staff, "WXYZ 3456")).to_have_count(0)
        # The filters in force are shown above the list, and can be seen after the menu closes.
        staff.keyboard.press("Escape")
        expect(staff.get_by_role("button", name="Show filters")).to_have_attribute(
            "aria-expanded", "false"
        )
        active = staff.locator("[data-w-active-filter-id]")
        expect(active).to_have_count(2)
        expect(active.nth(0)).to_contain_text("Queue: Waste")
        expect(active.nth(1)).to_contain_text("Status: New")

        row = row_for(staff, reference)
        expect(row).to_have_count(1)
        expect(row).to_contain_text("Report a missed bin collection")
        expect(row).to_contain_text("Waste")
        expect(row).to_contain_text("New")
        expect(row).to_contain_text("Unassigned")
        due_cell = row.locator("time")
        expect(due_cell).to_have_attribute("datetime", due.isoformat())
        expect(due_cell).to_have_text(f"{due.day} {due:%b %Y}")
        expect(row).not_to_contain_text("Overdue")

        click(staff, "link", reference, within=row)
        expect(staff.get_by_role("heading", level=1)).to_contain_text(f"Case {reference}")
        summary = staff.locator(".case-summary").first
        expect(summary).to_contain_text("Unassigned")
        answers = staff.locator("section", has=staff.locator("#case-answers-heading"))
        expect(answers).to_contain_text("General waste (black bin)")
        expect(answers).to_contain_text("12 Heol Ddu")

        # Take the case.
        click(staff, "button", "Assign to me")
        expect(staff.locator(".messages")).to_contain_text("The case is assigned to you.")
        expect(summary).to_contain_text("Rhys Williams")
        expect(staff.get_by_role("button", name="Assign to me", exact=True)).to_have_count(0)

        # Start work, with a note only the team sees.
        status_form = staff.locator("form[action$='/status/']")
        status_form.get_by_label("New status").select_option(label="In progress")
        status_form.get_by_label("Internal note: only staff see it").check()
        status_form.get_by_label("Note or message").fill(INTERNAL_NOTE)
        click(staff, "button", "Change status", within=status_form)
        expect(staff.locator(".messages")).to_contain_text("The case is now in progress.")
        expect(summary).to_contain_text("In progress")

        # Finish it, telling the resident.
        status_form.get_by_label("New status").select_option(label="Resolved")
        status_form.get_by_label(
            "Message to the resident: they see it and are told about it"
        ).check()
        status_form.get_by_label("Note or message").fill(PUBLIC_MESSAGE)
        click(staff, "button", "Change status", within=status_form)
        expect(staff.locator(".messages")).to_contain_text(
            "The case is now resolved. The resident has been sent your message."
        )
        expect(summary).to_contain_text("Resolved")

        history = staff.locator(".case-history > li")
        public = history.filter(has_text=PUBLIC_MESSAGE)
        expect(public).to_have_count(1)
        expect(public).to_contain_text("Resident can see this")
        expect(public).to_contain_text("In progress → Resolved")
        internal = history.filter(has_text=INTERNAL_NOTE)
        expect(internal).to_have_count(1)
        expect(internal).to_contain_text("Internal: staff only")
        expect(internal).to_contain_text("New → In progress")
    finally:
        staff_context.close()

    # The resident was told, in words, with the message and nothing internal.
    told = [
        mail for mail in mailoutbox if RESIDENT_EMAIL in mail.to and PUBLIC_MESSAGE in mail.body
    ]
    assert len(told) == 1, [(mail.to, mail.subject) for mail in mailoutbox]
    assert "resolved" in told[0].subject.lower()
    assert all(INTERNAL_NOTE not in mail.body for mail in mailoutbox)

    # 3. The resident checks progress later, in a fresh browser, JavaScript on.
    resident_context = browser.new_context(base_url=live_server.url)
    try:
        resident = resident_context.new_page()
        resident.goto("/check-progress/")
        expect(resident.locator("h1")).to_have_text("Check the progress of your form")
        no_axe_violations(resident)
        status_page_lookup(resident, reference, RESIDENT_EMAIL)
        sees_resolved_case(resident, reference)
        no_axe_violations(resident)
    finally:
        resident_context.close()

    # 4. And once more with JavaScript off, typing the reference as people do.
    page = page_without_js
    page.goto("/check-progress/")
    status_page_lookup(page, reference.lower(), RESIDENT_EMAIL.upper())
    sees_resolved_case(page, reference)


def test_another_team_cannot_see_the_case(page, live_server, council):
    """Housing's officer works cases too, but a Waste case is not in their list, not found by
    its reference and not at its address: the admin answers as if it did not exist."""
    waste_case = other_case(council["waste_queue"], "HT7K9QWX")
    other_case(council["housing_queue"], "RPRB3456", summary="Report a repair")

    sign_in(page, "housing_officer")
    open_case_list(page)
    expect(row_for(page, "RPRB 3456")).to_have_count(1)
    expect(row_for(page, "HT7K 9QWX")).to_have_count(0)
    expect(page.locator("#listing-results")).not_to_contain_text("Dewi Price")

    # Searching for it by reference finds nothing either.
    page.get_by_label("Search term").fill("HT7K 9QWX")
    expect(page).to_have_url(re.compile(r"[?&]q=HT7K"))
    expect(row_for(page, "RPRB 3456")).to_have_count(0)
    expect(row_for(page, "HT7K 9QWX")).to_have_count(0)

    # Its address, typed in, is a 404 with nothing of the case on it.
    response = page.goto(f"/admin/cases/{waste_case.pk}/")
    assert response.status == 404
    body = page.locator("body")
    expect(body).to_contain_text("The requested page could not be found.")
    for leaked in ("HT7K 9QWX", "HT7K9QWX", "Dewi Price", "dewi@example.com", "Assign to me"):
        expect(body).not_to_contain_text(leaked)
    # Nor can they act on it, with a signed-in session and a valid CSRF token.
    csrf = next(c["value"] for c in page.context.cookies() if c["name"] == "csrftoken")
    response = page.request.post(
        f"/admin/cases/{waste_case.pk}/assign-to-me/", headers={"X-CSRFToken": csrf}
    )
    assert response.status == 404
    waste_case.refresh_from_db()
    assert waste_case.assignee is None


def test_a_misrouted_case_is_moved_to_the_team_whose_work_it_is(browser, live_server, council):
    """A housing repair reported through the bin form lands in Waste. The waste officer moves it
    to Housing with a reason; it leaves Waste's list and address, and Housing's officer finds it
    in their list, unassigned, with who moved it, from where and why in its history."""
    for group in Group.objects.filter(name__in=["Waste", "Housing"]):
        group.permissions.add(Permission.objects.get(codename="transfer_case"))
    case = other_case(council["waste_queue"], "RPRB3456", summary="Report a missed bin collection")
    case.assignee = council["waste_officer"]
    case.save()
    due = case.due_date
    reason = "The resident is reporting a leaking roof, not a bin."

    waste = browser.new_context(base_url=live_server.url)
    try:
        staff = waste.new_page()
        sign_in(staff, "waste_officer")
        staff.goto(f"/admin/cases/{case.pk}/")
        move = staff.locator("form[action$='/transfer/']")
        expect(move.get_by_label("Move to queue")).to_be_visible()

        # Without a reason, nothing moves and the form says what is missing.
        move.get_by_label("Move to queue").select_option(label="Housing")
        click(staff, "button", "Move case", within=move)
        expect(staff.locator(".messages")).to_contain_text(
            "The case was not changed. Check the form below."
        )
        move = staff.locator("form[action$='/transfer/']")
        expect(move).to_contain_text("Enter why the case is moving to another queue")

        move.get_by_label("Move to queue").select_option(label="Housing")
        move.get_by_label("Why is it moving?").fill(reason)
        click(staff, "button", "Move case", within=move)
        expect(staff).to_have_url(re.compile(r"/admin/cases/$"))
        expect(staff.locator(".messages")).to_contain_text("Case RPRB 3456 moved to Housing.")
        expect(row_for(staff, "RPRB 3456")).to_have_count(0)
        response = staff.goto(f"/admin/cases/{case.pk}/")
        assert response.status == 404
    finally:
        waste.close()

    housing = browser.new_context(base_url=live_server.url)
    try:
        staff = housing.new_page()
        sign_in(staff, "housing_officer")
        open_case_list(staff)
        row = row_for(staff, "RPRB 3456")
        expect(row).to_have_count(1)
        expect(row).to_contain_text("Housing")
        expect(row).to_contain_text("Unassigned")
        expect(row.locator("time")).to_have_attribute("datetime", due.isoformat())
        click(staff, "link", "RPRB 3456", within=row)
        moved = staff.locator(".case-history > li").filter(has_text="Moved to another queue")
        expect(moved).to_have_count(1)
        expect(moved).to_contain_text("Rhys Williams")
        expect(moved).to_contain_text("Moved from Waste to Housing")
        expect(moved).to_contain_text(reason)
        expect(moved).to_contain_text("Internal: staff only")
        expect(staff.locator("#case-audit-heading + table")).to_contain_text(
            "Moved from Waste to Housing"
        )
    finally:
        housing.close()


def visible_text(page):
    """What a person sees of the page as it stands (on screen, or on paper under print media)."""
    return squash(page.locator("body").inner_text())


def test_reception_prints_a_slip_for_a_resident_with_no_email(page, live_server, council, settings):
    """Reception staff send the missed-bin form for a resident at the desk who has no email, and
    print the confirmation for them. The paper names the council, the form, when, the reference
    and the whole address to check progress at, says no email was sent, and carries none of the
    staff's chrome: no Wagtail toolbar, no "helping a resident" banner, no site navigation."""
    settings.PUBLIC_BASE_URL = "https://www.testshire.gov.uk"
    reception = Group.objects.create(name="Customer services")
    reception.permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="assist_residents"),
    )
    staff_member("reception", reception, "Rhian", "Evans")

    sign_in(page, "reception")
    page.goto("/admin/help-a-resident/")
    click(page, "button", "Start helping a resident")
    expect(page.locator(".townhall-assisted")).to_contain_text("Helping a resident")

    page.goto("/bins-and-recycling/report-a-missed-bin/")
    if page.get_by_role("button", name="Hide cookie message").count():
        click(page, "button", "Hide cookie message")
    click(page, "button", "Start now")
    page.get_by_label("General waste (black bin)").check()
    click(page, "button", "Continue")
    page.get_by_label("No", exact=True).check()
    click(page, "button", "Continue")
    page.get_by_label("Address line 1").fill("12 Heol Ddu")
    page.get_by_label("Town or city").fill("Testtown")
    page.get_by_label("Postcode", exact=True).fill("GR1 2BD")
    click(page, "button", "Continue")
    page.get_by_label("Full name (optional)").fill("Ceri Jones")
    click(page, "button", "Continue")
    click(page, "button", "Send form")

    panel = page.locator(".govuk-panel--confirmation")
    reference = squash(panel.locator(".govuk-panel__body").inner_text()).removeprefix(
        "Your reference number "
    )
    assert REFERENCE.fullmatch(reference), reference
    case = Case.objects.get(reference=reference.replace(" ", ""))
    sent = timezone.localtime(case.created_at)
    # On screen, staff see the toolbar, their banner and the print button.
    expect(page.locator("#wagtail-userbar-trigger")).to_be_visible()
    expect(page.get_by_role("button", name="Print this page for the resident")).to_be_visible()
    no_axe_violations(page)

    page.emulate_media(media="print")
    printed = visible_text(page)
    assert printed.startswith("Testshire Council Report sent"), printed[:80]
    assert f"Your reference number {reference}" in printed
    assert "Form Report a missed bin collection" in printed
    assert f"Sent {sent:%-d %B %Y, %H:%M}" in printed
    assert f"Reference number {reference}" in printed
    assert "No confirmation email or text message was sent." in printed
    assert "We have sent a confirmation email" not in printed
    assert (
        "You can check the progress of your form at "
        "https://www.testshire.gov.uk/check-progress/ with your reference number." in printed
    )
    assert "What happens next Our team will look at it within 2 working days." in printed
    assert "Phone: 01632 960 999" in printed
    # Nothing of the staff's screen, or of the site's navigation, is on the paper.
    expect(page.locator("#wagtail-userbar-trigger")).to_be_hidden()
    for chrome in ("Helping a resident", "Stop helping a resident", "Print this page", "Return to"):
        assert chrome not in printed, chrome
    expect(page.locator(".govuk-header")).to_be_hidden()
    expect(page.locator(".govuk-footer")).to_be_hidden()
    # No link prints as a bare path: the check-progress link's words are its address already.
    after = page.evaluate(
        """() => [...document.querySelectorAll('main a')]
            .filter(a => a.offsetParent !== null)
            .map(a => getComputedStyle(a, '::after').content)"""
    )
    assert not [content for content in after if '"/' in content or "(/" in content], after
