"""The channel-shift report: online and assisted cases per online form per month."""

import csv
import datetime
import io

from django.contrib.auth.models import Permission
from django.utils import timezone

from wagtail.models import Locale

import pytest
from bs4 import BeautifulSoup
from openpyxl import load_workbook

from forms_app.cases.enums import Channel
from forms_app.cases.models import Case, Queue
from forms_app.cases.reports import channel_shift
from tests.factories import UserFactory, publish_translation
from tests.factories.users import sign_in_verified

from .test_assisted import complete_missed_bin, missed_bin  # noqa: F401 - a fixture

pytestmark = pytest.mark.django_db

URL = "/admin/channel-shift-report/"
THIS_MONTH = timezone.localdate().replace(day=1)


def _staff_with_report(username, group):
    group.permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="view_case"),
    )
    user = UserFactory(username=username)
    user.groups.add(group)
    return user


@pytest.fixture
def waste_officer(waste_group):
    return _staff_with_report("waste_officer", waste_group)


@pytest.fixture
def housing_officer(housing_group):
    return _staff_with_report("housing_officer", housing_group)


@pytest.fixture
def reception(db):
    user = UserFactory(username="reception")
    group = user.groups.create(name="Customer services")
    group.permissions.add(Permission.objects.get(codename="assist_residents"))
    return user


def _case(journey, queue, reference, channel, received):
    return Case.objects.create(
        reference=reference,
        journey=journey,
        summary=journey.title if journey else "Old form",
        queue=queue,
        due_date=received,
        channel=channel,
        created_at=timezone.make_aware(datetime.datetime.combine(received, datetime.time(11))),
    )


@pytest.fixture
def cases(client, reception, missed_bin, waste_queue, housing_queue):  # noqa: F811
    """This month: one missed-bin report sent by a resident and one by reception staff, through
    the form itself. Last September: three more, one assisted. And one for another team."""
    complete_missed_bin(client, missed_bin)
    sign_in_verified(client, reception)
    client.post("/check-progress/assisted/start/")
    complete_missed_bin(client, missed_bin)
    client.logout()

    september = datetime.date(THIS_MONTH.year - 1, 9, 15)
    _case(missed_bin, waste_queue, "AAAA2222", Channel.ONLINE, september)
    _case(missed_bin, waste_queue, "AAAA3333", Channel.ONLINE, september)
    _case(missed_bin, waste_queue, "AAAA4444", Channel.ASSISTED, september)
    _case(missed_bin, housing_queue, "BBBB2222", Channel.ASSISTED, september)


def _table(response):
    soup = BeautifulSoup(response.content.decode(), "html.parser")
    return [
        [" ".join(cell.get_text().split()) for cell in row.select("td")]
        for row in soup.select("table tbody tr")
    ]


def _csv(response):
    assert response["Content-Type"] == "text/csv"
    content = b"".join(response.streaming_content).decode()
    return list(csv.reader(io.StringIO(content)))


def test_the_journeys_cases_are_counted_by_channel(cases, reception):
    this_month = Case.objects.filter(created_at__date__gte=THIS_MONTH)
    assert sorted(this_month.values_list("channel", "assisted_by")) == [
        (Channel.ASSISTED, reception.pk),
        (Channel.ONLINE, None),
    ]


def test_staff_see_counts_per_form_and_month_for_their_queues(client, cases, waste_officer):
    sign_in_verified(client, waste_officer)
    response = client.get(URL)
    assert response.status_code == 200
    last_september = f"September {THIS_MONTH.year - 1}"
    assert _table(response) == [
        ["Report a missed bin collection", THIS_MONTH.strftime("%B %Y"), "1", "1", "50%"],
        ["Report a missed bin collection", last_september, "2", "1", "33.3%"],
    ]


def test_the_csv_export_has_the_same_counts(client, cases, waste_officer):
    sign_in_verified(client, waste_officer)
    rows = _csv(client.get(URL, {"export": "csv"}))
    assert rows == [
        ["Online form", "Month", "Online", "Assisted", "Assisted share (%)"],
        ["Report a missed bin collection", THIS_MONTH.strftime("%Y-%m"), "1", "1", "50.0"],
        ["Report a missed bin collection", f"{THIS_MONTH.year - 1}-09", "2", "1", "33.3"],
    ]


def test_the_spreadsheet_export_has_real_dates_and_numbers(client, cases, waste_officer):
    sign_in_verified(client, waste_officer)
    response = client.get(URL, {"export": "xlsx"})
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == ("Online form", "Month", "Online", "Assisted", "Assisted share (%)")
    form, month, online, assisted, share = rows[2]
    assert form == "Report a missed bin collection"
    assert month == datetime.date(THIS_MONTH.year - 1, 9, 1)
    assert (online, assisted, share) == (2, 1, 33.3)


def test_the_date_range_limits_the_cases_counted(client, cases, waste_officer):
    sign_in_verified(client, waste_officer)
    response = client.get(URL, {"created_at_from": THIS_MONTH.isoformat()})
    assert [row[1] for row in _table(response)] == [THIS_MONTH.strftime("%B %Y")]
    rows = _csv(
        client.get(
            URL,
            {
                "created_at_from": f"{THIS_MONTH.year - 1}-09-01",
                "created_at_to": f"{THIS_MONTH.year - 1}-09-30",
                "export": "csv",
            },
        )
    )
    assert rows[1:] == [
        ["Report a missed bin collection", f"{THIS_MONTH.year - 1}-09", "2", "1", "33.3"]
    ]


def test_other_teams_see_only_their_own_queue(client, cases, housing_officer):
    sign_in_verified(client, housing_officer)
    assert _table(client.get(URL)) == [
        ["Report a missed bin collection", f"September {THIS_MONTH.year - 1}", "0", "1", "100%"]
    ]


def test_the_report_takes_three_queries_however_many_forms(
    cases, waste_officer, django_assert_num_queries
):
    # The counts, the default language, and the forms' titles.
    with django_assert_num_queries(3):
        rows = channel_shift(Case.objects.for_user(waste_officer))
    assert [(row.online, row.assisted) for row in rows] == [(1, 1), (2, 1)]


def test_the_menu_item_is_under_reports_for_staff_who_can_view_cases(client, waste_officer):
    sign_in_verified(client, waste_officer)
    assert f'"{URL}"' in client.get("/admin/").content.decode().replace("\\u0022", '"')


def test_staff_who_cannot_view_cases_cannot_see_the_report(client, cases, reception):
    reception.groups.get().permissions.add(Permission.objects.get(codename="access_admin"))
    sign_in_verified(client, reception)
    assert URL not in client.get("/admin/").content.decode()
    refused = client.get(URL, {"export": "csv"})
    assert refused.status_code == 302
    assert refused["Location"] == "/admin/"


def test_a_form_no_longer_on_the_website_is_still_counted(client, waste_officer, waste_queue):
    _case(None, waste_queue, "CCCC2222", Channel.ONLINE, THIS_MONTH)
    sign_in_verified(client, waste_officer)
    assert _table(client.get(URL)) == [
        ["Form no longer on the website", THIS_MONTH.strftime("%B %Y"), "1", "0", "0%"]
    ]
    assert Queue.objects.count() == 1


def test_a_form_and_its_welsh_translation_are_one_row(
    client,
    waste_officer,
    missed_bin,  # noqa: F811 - a fixture
    waste_queue,
):
    welsh = Locale.objects.get_or_create(language_code="cy")[0]
    for page in missed_bin.get_ancestors().filter(depth__gt=1):  # from the home page down
        if not page.specific.get_translations().filter(locale=welsh).exists():
            publish_translation(page.specific, welsh)
    welsh_form = publish_translation(missed_bin, welsh, title="Rhoi gwybod am fin heb ei gasglu")
    received = THIS_MONTH + datetime.timedelta(days=1)
    _case(missed_bin, waste_queue, "AAAA5555", Channel.ONLINE, received)
    _case(welsh_form, waste_queue, "AAAA6666", Channel.ONLINE, received)
    _case(welsh_form, waste_queue, "AAAA7777", Channel.ASSISTED, received)
    sign_in_verified(client, waste_officer)

    assert _table(client.get(URL)) == [
        ["Report a missed bin collection", THIS_MONTH.strftime("%B %Y"), "2", "1", "33.3%"]
    ]
