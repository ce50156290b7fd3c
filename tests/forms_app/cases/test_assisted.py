"""Assisted digital: reception staff complete online forms on a resident's behalf."""

import copy
import io

from django.contrib.auth.models import Group, Permission
from django.test import Client

import pytest
from bs4 import BeautifulSoup
from PIL import Image

from forms_app.cases.enums import Channel
from forms_app.cases.models import Case, RoutingRule
from forms_app.journeys.assisted import SESSION_KEY, assisted_optional_fields
from forms_app.journeys.demo import FLY_TIPPING, MISSED_BIN
from forms_app.journeys.models import JourneyPage
from forms_app.journeys.questions import build_form
from tests.baseline import migrate
from tests.factories import UserFactory
from tests.factories.journeys import ADDRESS, CONTACT
from tests.factories.users import sign_in_verified

pytestmark = pytest.mark.django_db

BANNER = "You are completing this on behalf of a resident"
START = "/check-progress/assisted/start/"
STOP = "/check-progress/assisted/stop/"


def _soup(response):
    return BeautifulSoup(response.content.decode(), "html.parser")


def _text(response):
    return " ".join(_soup(response).get_text(" ").split())


def _staff(username, *groups):
    user = UserFactory(username=username, first_name="Rhian", last_name="Evans")
    for name in groups:
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(Permission.objects.get(codename="access_admin"))
        user.groups.add(group)
    return user


RECEPTION_GROUP = "Customer services"


@pytest.fixture
def reception(db):
    user = _staff("reception", RECEPTION_GROUP)
    Group.objects.get(name=RECEPTION_GROUP).permissions.add(
        Permission.objects.get(codename="assist_residents")
    )
    return user


@pytest.fixture
def waste_officer(waste_group):
    return _staff("waste_officer", waste_group.name)


def _routed_form(service_page, queue, title, slug, steps, what_happens_next):
    """A form under the service page whose cases go to `queue`."""
    page = JourneyPage(
        title=title,
        slug=slug,
        steps=copy.deepcopy(steps),
        what_happens_next=what_happens_next,
        confirmation_heading="Report sent",
    )
    service_page.add_child(instance=page)
    RoutingRule.objects.create(journey=page, queue=queue)
    return page


@pytest.fixture
def missed_bin(service_page, waste_queue):
    return _routed_form(
        service_page,
        waste_queue,
        "Report a missed bin collection",
        "form",
        MISSED_BIN,
        "<p>We will collect it.</p>",
    )


def answer_missed_bin(client, page, contact=CONTACT):
    """Answer every page of the missed-bin form."""
    for slug, data in [
        ("bin-type", {"bin": "general"}),
        ("collection-day", {"due_today": "no"}),
        ("address", ADDRESS),
        ("contact-details", contact),
    ]:
        response = client.post(f"{page.url}{slug}/", data)
        assert response.status_code == 302, (slug, _text(response))


def complete_missed_bin(client, page, contact=CONTACT):
    """Answer every page of the missed-bin form and send it; returns the confirmation page."""
    answer_missed_bin(client, page, contact)
    check = client.get(f"{page.url}check-your-answers/")
    token = _soup(check).find("input", attrs={"name": "token"})["value"]
    sent = client.post(f"{page.url}check-your-answers/", {"token": token, "website": ""})
    assert sent.status_code == 302
    return client.get(sent["Location"])


def _start(client, **data):
    return client.post(START, data)


def test_reception_staff_can_start_and_stop_helping_a_resident(client, reception, home_page):
    sign_in_verified(client, reception)
    assert BANNER not in _text(client.get("/"))

    started = _start(client, next="/")
    assert started.status_code == 302
    assert started["Location"] == "/"
    assert client.session[SESSION_KEY] is True
    home = client.get("/")
    banner = _soup(home).select_one(".townhall-assisted")
    assert BANNER in " ".join(banner.get_text(" ").split())
    assert "Signed in as Rhian Evans." in " ".join(banner.get_text(" ").split())
    stop = banner.find("form")
    assert stop["method"] == "post"
    assert stop["action"] == STOP
    assert stop.find("input", attrs={"name": "csrfmiddlewaretoken"})

    stopped = client.post(STOP, {"next": "/bins-and-recycling/"})
    assert stopped["Location"] == "/bins-and-recycling/"
    assert SESSION_KEY not in client.session
    assert BANNER not in _text(client.get("/"))


def test_a_superuser_can_help_a_resident(client, django_user_model, home_page):
    sign_in_verified(
        client, django_user_model.objects.create_superuser("boss", "b@example.com", "x")
    )
    _start(client)
    assert BANNER in _text(client.get("/"))


def test_staff_outside_reception_cannot_start(client, waste_officer, home_page):
    sign_in_verified(client, waste_officer)
    assert _start(client).status_code == 403
    assert SESSION_KEY not in client.session
    assert BANNER not in _text(client.get("/"))


def test_it_is_the_permission_that_counts_not_the_group_name(client, reception, waste_officer):
    # Renaming the reception group keeps its staff helping residents...
    Group.objects.filter(name=RECEPTION_GROUP).update(name="Front desk")
    sign_in_verified(client, reception)
    assert _start(client).status_code == 302
    assert client.session[SESSION_KEY] is True
    # ...and any group given the permission can help too.
    waste_officer.groups.first().permissions.add(
        Permission.objects.get(codename="assist_residents")
    )
    sign_in_verified(client, waste_officer)
    assert _start(client).status_code == 302


@pytest.mark.django_db(transaction=True)
def test_the_customer_services_group_of_an_existing_site_keeps_assisting():
    """Assisted digital was a group name checked in code; the migration gives that group the
    permission that replaced it."""
    try:
        migrate([("journeys", "0003_journeys_any_page_type_and_assist_permission")])
        Group.objects.create(name=RECEPTION_GROUP)
        Permission.objects.filter(codename="assist_residents").delete()  # not made yet, then
    finally:
        migrate()

    user = UserFactory(username="desk")
    user.groups.add(Group.objects.get(name=RECEPTION_GROUP))
    assert user.has_perm("journeys.assist_residents")


def test_residents_cannot_start(client, home_page):
    assert _start(client).status_code == 403
    assert client.post(STOP).status_code == 403


def test_start_and_stop_only_accept_posts_with_a_csrf_token(reception, home_page):
    client = Client(enforce_csrf_checks=True)
    sign_in_verified(client, reception)
    assert client.get(START).status_code == 405
    assert client.get(STOP).status_code == 405
    assert client.post(START).status_code == 403
    assert SESSION_KEY not in client.session


def test_start_never_redirects_to_another_site(client, reception, home_page):
    sign_in_verified(client, reception)
    assert _start(client, next="https://evil.example/").status_code == 302
    assert _start(client, next="https://evil.example/")["Location"] == "/"


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/bins-and-recycling/",
        "/bins-and-recycling/report-a-missed-bin/",
        "/bins-and-recycling/report-a-missed-bin/form/bin-type/",
        "/check-progress/",
        "/cookies/",
        "/no-such-page/",
    ],
)
def test_the_banner_is_on_every_public_page_while_assisting(client, reception, missed_bin, path):
    sign_in_verified(client, reception)
    _start(client)
    response = client.get(path, follow=True)
    assert BANNER in _text(response)
    assert _soup(response).select(".townhall-assisted form button")[0].get_text(strip=True) == (
        "Stop helping a resident"
    )


def test_signing_out_ends_assisted_mode(client, reception, home_page):
    sign_in_verified(client, reception)
    _start(client)
    client.logout()
    assert BANNER not in _text(client.get("/"))


def test_a_form_sent_while_assisting_is_recorded_as_assisted(client, reception, missed_bin):
    sign_in_verified(client, reception)
    _start(client)
    confirmation = complete_missed_bin(client, missed_bin)
    assert "Report sent" in _text(confirmation)

    case = Case.objects.get()
    assert case.channel == Channel.ASSISTED
    assert case.assisted_by == reception
    assert case.resident_email == "sam@example.com"


def test_a_resident_sending_it_themselves_is_recorded_as_online(client, missed_bin):
    complete_missed_bin(client, missed_bin)
    case = Case.objects.get()
    assert (case.channel, case.assisted_by) == (Channel.ONLINE, None)


def test_staff_not_in_assisted_mode_send_forms_as_online(client, reception, missed_bin):
    sign_in_verified(client, reception)
    complete_missed_bin(client, missed_bin)
    assert Case.objects.get().channel == Channel.ONLINE


def _contact_form(**data):
    """The missed-bin form's "Your contact details" page, as the journey builds it."""
    step = JourneyPage(steps=copy.deepcopy(MISSED_BIN)).journey().by_slug["contact-details"]
    return build_form(step.questions, data=data, single_question_heading=False)


def test_contact_details_are_optional_only_while_assisting(rf, reception, waste_officer):
    assisting = rf.post("/")
    assisting.user = reception
    assisting.session = {SESSION_KEY: True}
    form = _contact_form(full_name="", email="", phone="")
    assert sorted(assisted_optional_fields(assisting, form)) == ["email", "full_name"]
    assert form.is_valid(), form.errors
    # Staff see which details the resident may leave out.
    assert str(form.fields["email"].label).endswith("(optional)")

    not_assisting = rf.post("/")
    not_assisting.user = waste_officer
    not_assisting.session = {SESSION_KEY: True}  # left over, but they may not assist
    form = _contact_form(full_name="", email="", phone="")
    assert assisted_optional_fields(not_assisting, form) == []
    assert set(form.errors) == {"full_name", "email"}


def test_a_resident_with_no_email_can_be_helped(client, reception, missed_bin):
    sign_in_verified(client, reception)
    _start(client)
    complete_missed_bin(client, missed_bin, contact={"full_name": "", "email": "", "phone": ""})
    case = Case.objects.get()
    assert (case.channel, case.resident_email, case.resident_name) == (Channel.ASSISTED, "", "")


def test_residents_must_still_give_contact_details(client, missed_bin):
    for slug, data in [
        ("bin-type", {"bin": "general"}),
        ("collection-day", {"due_today": "no"}),
        ("address", ADDRESS),
    ]:
        client.post(f"{missed_bin.url}{slug}/", data)
    response = client.post(
        f"{missed_bin.url}contact-details/", {"full_name": "", "email": "", "phone": ""}
    )
    assert response.status_code == 200
    assert "Enter an email address" in _text(response)


def test_reception_staff_find_the_admin_page_and_start_there(client, reception, home_page):
    sign_in_verified(client, reception)
    dashboard = client.get("/admin/")
    assert "Help a resident online" in dashboard.content.decode()

    response = client.get("/admin/help-a-resident/")
    assert response.status_code == 200
    start = _soup(response).find("form", attrs={"action": START})
    assert start.find("button").get_text(strip=True) == "Start helping a resident"
    assert "start its online form" in _text(response)

    client.post(START, {"next": start.find("input", attrs={"name": "next"})["value"]})
    assert BANNER in _text(client.get("/"))
    assert "You are already helping a resident." in _text(client.get("/admin/help-a-resident/"))


def test_other_staff_do_not_see_the_admin_page(client, waste_officer, home_page):
    sign_in_verified(client, waste_officer)
    assert "Help a resident online" not in client.get("/admin/").content.decode()
    # Wagtail turns "permission denied" into a trip back to the dashboard with a message.
    refused = client.get("/admin/help-a-resident/", follow=True)
    assert refused.redirect_chain == [("/admin/", 302)]
    assert "Sorry, you do not have permission to access this area." in _text(refused)


@pytest.mark.parametrize("switch", [START, STOP])
def test_the_next_resident_never_sees_the_last_ones_answers(client, reception, missed_bin, switch):
    sign_in_verified(client, reception)
    _start(client, next="/")
    client.post(f"{missed_bin.url}bin-type/", {"bin": "general"})
    client.post(f"{missed_bin.url}collection-day/", {"due_today": "no"})
    client.post(f"{missed_bin.url}address/", ADDRESS)
    address = client.get(f"{missed_bin.url}address/")
    assert ADDRESS["address_0"] in address.content.decode()

    # The resident leaves half-way; staff start with the next one (or stop helping).
    client.post(switch, {"next": "/"})

    address = client.get(f"{missed_bin.url}address/")
    assert ADDRESS["address_0"] not in address.content.decode()
    check = client.get(f"{missed_bin.url}check-your-answers/")
    assert ADDRESS["address_0"] not in check.content.decode()


def test_reception_is_not_stopped_after_ten_forms_an_hour(client, reception, missed_bin):
    sign_in_verified(client, reception)
    _start(client)
    for _resident in range(12):
        complete_missed_bin(client, missed_bin)
    assert Case.objects.filter(channel=Channel.ASSISTED).count() == 12


def test_the_public_limit_still_holds_on_the_same_computer(client, reception, missed_bin):
    for _resident in range(10):
        complete_missed_bin(client, missed_bin)
    check = client.get(f"{missed_bin.url}check-your-answers/")
    assert check.status_code == 302  # the eleventh starts again from the first question
    answer_missed_bin(client, missed_bin)
    check = client.get(f"{missed_bin.url}check-your-answers/")
    token = _soup(check).find("input", attrs={"name": "token"})["value"]
    refused = client.post(f"{missed_bin.url}check-your-answers/", {"token": token, "website": ""})
    assert refused.status_code == 429
    assert Case.objects.count() == 10


@pytest.fixture
def photo_form(service_page, waste_queue, settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private-media"
    return _routed_form(
        service_page,
        waste_queue,
        "Report fly-tipping",
        "fly-tipping",
        FLY_TIPPING,
        "<p>We will clear it.</p>",
    )


def _photo():
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), "green").save(buffer, format="PNG")
    buffer.name = "fly-tip.png"
    buffer.seek(0)
    return buffer


def test_reception_is_not_held_to_the_publics_uploads_an_hour(client, reception, photo_form):
    sign_in_verified(client, reception)
    _start(client)
    # Four residents at the desk, each trying a few photos before the right one: 32 in the hour.
    for _resident in range(4):
        client.post(f"{photo_form.url}location/", {"location": "By the bus stop", "postcode": ""})
        client.post(f"{photo_form.url}what/", {"waste_types": ["tyres"]})
        for _attempt in range(8):
            response = client.post(f"{photo_form.url}photo/", {"photo": _photo()})
            assert response.status_code == 302, _text(response)
        client.post(f"{photo_form.url}contact-details/", {"email": ""})
        check = client.get(f"{photo_form.url}check-your-answers/")
        token = _soup(check).find("input", attrs={"name": "token"})["value"]
        client.post(f"{photo_form.url}check-your-answers/", {"token": token, "website": ""})

    cases = Case.objects.filter(channel=Channel.ASSISTED)
    assert [case.get_answers().get("photo").display for case in cases] == ["fly-tip.png"] * 4
