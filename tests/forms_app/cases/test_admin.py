"""Casework in the Wagtail admin: the case list, a case's work page, its actions and the export.

What the scope hides from other teams is tested in test_permissions.py; these tests are about what
a member of staff working their own queue sees and does.
"""

import csv
import datetime
import io

from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from forms_app.cases.enums import CaseStatus, Channel, UpdateKind
from forms_app.cases.models import Case, CaseLogEntry, RoutingRule
from forms_app.cases.views import CaseIndexView
from forms_app.journeys.demo import MISSED_BIN
from forms_app.journeys.models import JourneyPage
from forms_app.journeys.uploads import store_upload
from tests.factories import UserFactory
from tests.factories.casework import CaseFactory, SubmissionFactory, answer, missed_bin_answers
from tests.factories.users import sign_in_verified

pytestmark = pytest.mark.django_db

# Where the photo comes among a bin report's answers (see resident_rows()).
PHOTO = 5

INDEX = reverse("cases:index")
# References use an alphabet without 0 and 1.
DIGITS = str.maketrans("01", "AB")
STAFF_PERMISSIONS = [
    ("wagtailadmin", "access_admin"),
    ("cases", "view_case"),
    ("cases", "change_case"),
    ("cases", "export_case"),
]


def grant(group_or_user, *codenames):
    """Add permissions, given as "app_label.codename", to a group or a user."""
    permissions = [
        Permission.objects.get(content_type__app_label=app, codename=codename)
        for app, codename in (name.split(".") for name in codenames)
    ]
    target = getattr(group_or_user, "user_permissions", None) or group_or_user.permissions
    target.add(*permissions)


@pytest.fixture
def staff_permissions(waste_group, housing_group):
    """Both teams get what the issue says officers have: admin access and view/change/export."""
    for group in (waste_group, housing_group):
        grant(group, *(f"{app}.{codename}" for app, codename in STAFF_PERMISSIONS))


@pytest.fixture
def waste_officer_client(client, waste_officer, staff_permissions):
    sign_in_verified(client, waste_officer)
    return client


@pytest.fixture
def waste_colleague(waste_group, staff_permissions):
    user = UserFactory(username="waste_colleague", first_name="Carys", last_name="Lloyd")
    user.groups.add(waste_group)
    return user


@pytest.fixture
def private_media(settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    return settings.PRIVATE_MEDIA_ROOT


@pytest.fixture
def missed_bin(service_page):
    page = JourneyPage(
        title="Report a missed bin collection",
        slug="form",
        steps=MISSED_BIN,
        what_happens_next="<p>We will collect it.</p>",
    )
    service_page.add_child(instance=page)
    return page


def resident_rows(photo=None, name="Alys Morgan"):
    extra = []
    if photo is not None:
        extra.append(
            answer(
                "photo",
                photo,
                type="file_upload",
                label="Photo of the bin",
                display=photo["original_name"],
            )
        )
    rows = missed_bin_answers(
        name=name, email="alys@example.com", line_1="4 Stryd Fawr", extra=extra
    )
    rows[0]["display"] = "General rubbish"
    return rows


@pytest.fixture
def bin_report(missed_bin, waste_queue, housing_queue, private_media):
    """A resident's missed-bin report with a photo, routed to Waste as a real submission is."""
    RoutingRule.objects.create(journey=missed_bin, queue=waste_queue)
    photo = store_upload(SimpleUploadedFile("bin photo.txt", b"the bin, not emptied"))
    submission = SubmissionFactory(
        reference="HT7K9QWX", journey=missed_bin, answers=resident_rows(photo)
    )
    return CaseFactory(submission=submission)


def make_case(queue, reference, **fields):
    defaults = {
        "summary": "Report a missed bin collection",
        "due_date": timezone.localdate() + datetime.timedelta(days=2),
        "resident_name": "Dewi Price",
        "resident_email": "dewi@example.com",
        "resident_postcode": "GR2 3EF",
        "answers": resident_rows(name="Dewi Price"),
    }
    defaults.update(fields)
    return Case.objects.create(queue=queue, reference=reference, **defaults)


def assert_denied(response):
    """Wagtail's admin answers PermissionDenied by sending the user home with a message."""
    assert response.status_code == 403 or (
        response.status_code == 302 and response.url == reverse("wagtailadmin_home")
    ), response


def listed_references(response):
    return [case.reference for case in response.context["object_list"]]


def export_rows(response):
    assert response["Content-Type"].startswith("text/csv")
    body = b"".join(response.streaming_content).decode()
    return list(csv.reader(io.StringIO(body)))


# The list


def test_list_shows_columns_staff_need_and_orders_by_due_date(
    waste_officer_client, waste_queue, waste_colleague
):
    later = make_case(
        waste_queue, "BBBB2222", due_date=timezone.localdate() + datetime.timedelta(5)
    )
    sooner = make_case(waste_queue, "AAAA3333", assignee=waste_colleague)
    response = waste_officer_client.get(INDEX)
    assert response.status_code == 200
    assert listed_references(response) == [sooner.reference, later.reference]
    html = response.content.decode()
    assert "AAAA 3333" in html  # references as residents read them out
    assert "Report a missed bin collection" in html
    assert "Carys Lloyd" in html
    assert "Unassigned" in html
    assert 'class="case-tag case-tag--new">New<' in html


def test_overdue_cases_are_labelled_in_words_not_colour_alone(waste_officer_client, waste_queue):
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    make_case(waste_queue, "TARD2222", due_date=yesterday)
    make_case(waste_queue, "DUNE3333", due_date=yesterday, status=CaseStatus.RESOLVED)
    html = waste_officer_client.get(INDEX).content.decode()
    late_row = html[html.index("TARD 2222") :].split("</tr>")[0]
    resolved_row = html[html.index("DUNE 3333") :].split("</tr>")[0]
    assert "Overdue" in late_row
    assert "case-due--overdue" in late_row
    assert "Overdue" not in resolved_row  # a finished case is not overdue, however old


def test_filters_narrow_the_list(waste_officer_client, waste_officer, waste_colleague, waste_queue):
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    mine = make_case(waste_queue, "MYNE2222", assignee=waste_officer, status="in_progress")
    theirs = make_case(waste_queue, "THEM3333", assignee=waste_colleague)
    late = make_case(waste_queue, "TARD4444", due_date=yesterday)
    assisted = make_case(waste_queue, "HEWP5555", channel=Channel.ASSISTED, status="resolved")

    def listed(**params):
        return set(listed_references(waste_officer_client.get(INDEX, params)))

    assert listed(assignee="me") == {mine.reference}
    assert listed(assignee=str(waste_colleague.pk)) == {theirs.reference}
    assert listed(assignee="nobody") == {late.reference, assisted.reference}
    assert listed(status="in_progress") == {mine.reference}
    assert listed(status="open") == {mine.reference, theirs.reference, late.reference}
    assert listed(overdue="yes") == {late.reference}
    assert late.reference not in listed(overdue="no")
    assert listed(channel="assisted") == {assisted.reference}
    assert len(listed(queue=waste_queue.pk)) == 4


@pytest.mark.parametrize(
    "query",
    ["HT7K 9QWX", "ht7k-9qwx", "HT7K", "Alys Morgan", "alys@example", "GR12BD", "gr1 2bd"],
)
def test_search_finds_a_case_by_reference_name_email_or_postcode(
    waste_officer_client, bin_report, waste_queue, query
):
    make_case(waste_queue, "ZZZZ2222")
    response = waste_officer_client.get(INDEX, {"q": query})
    assert listed_references(response) == ["HT7K9QWX"]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's trigram indexes")
@pytest.mark.parametrize("query", ["gr1 2bd", "Alys Morgan", "HT7K"])
def test_a_search_of_the_case_list_is_answered_from_indexes(query):
    # At 100,000 cases, reading every case for each search took a worker most of 50 ms. Each
    # thing the search box matches (reference, name, email, postcode with or without its space)
    # has an index holding exactly what the search compares.
    view = CaseIndexView()
    view.search_query = query
    view.is_searching = True
    sql, params = view.search_queryset(Case.objects.all()).query.sql_with_params()
    with connection.cursor() as cursor:
        # The test database is tiny, and PostgreSQL would rightly read it all: reading the table
        # is made to look dear, so only a search every part of which has an index avoids it.
        for setting in ["enable_seqscan", "enable_indexscan", "enable_indexonlyscan"]:
            cursor.execute(f"SET LOCAL {setting} = off")
        cursor.execute(f"EXPLAIN {sql}", params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "Seq Scan" not in plan
    for index in [
        "case_search_reference_trgm",
        "case_search_name_trgm",
        "case_search_email_trgm",
        "case_search_postcode_trgm",
    ]:
        assert f"Bitmap Index Scan on {index}" in plan, plan


def test_list_queries_do_not_grow_with_the_number_of_cases(
    waste_officer_client, waste_queue, waste_colleague, django_assert_max_num_queries
):
    def make(count, start):
        for number in range(start, start + count):
            make_case(waste_queue, f"QC{number:06d}".translate(DIGITS), assignee=waste_colleague)

    make(5, 0)
    waste_officer_client.get(INDEX)  # warm caches (content types, site) as a real server has
    with django_assert_max_num_queries(20) as five:
        assert waste_officer_client.get(INDEX).status_code == 200
    make(45, 5)
    with django_assert_max_num_queries(20) as fifty:
        response = waste_officer_client.get(INDEX)
    assert len(response.context["object_list"]) == 50
    assert len(fifty.captured_queries) == len(five.captured_queries)


# Export


def test_csv_export_has_the_filtered_rows_with_their_answers(
    waste_officer_client, bin_report, waste_queue, waste_colleague
):
    make_case(waste_queue, "DUNE2222", status=CaseStatus.CLOSED, assignee=waste_colleague)
    response = waste_officer_client.get(INDEX, {"export": "csv", "status": "new"})
    assert response.status_code == 200
    assert 'filename="cases-' in response["Content-Disposition"]
    header, *rows = export_rows(response)
    assert header == [
        "Reference",
        "Received",
        "Form",
        "Queue",
        "Status",
        "Assigned to",
        "Due",
        "Channel",
        # The answers, one column per question, as the case page shows them.
        "Which bin was missed?",
        "Full name",
        "Email address",
        "Phone number",
        "Address",
        "Photo of the bin",
    ]
    assert rows == [
        [
            "HT7K 9QWX",
            timezone.localtime(bin_report.created_at).strftime("%Y-%m-%d %H:%M"),
            "Report a missed bin collection",
            "Waste",
            "New",
            "",
            bin_report.due_date.isoformat(),
            "Online",
            "General rubbish",
            "Alys Morgan",
            "alys@example.com",
            "",
            "4 Stryd Fawr\nGlanrhyd\nGR1 2BD",
            "bin photo.txt",  # a file by the name the resident gave it, never where it is kept
        ]
    ]


def test_export_needs_the_export_permission(client, waste_officer, waste_group, bin_report):
    grant(waste_group, "wagtailadmin.access_admin", "cases.view_case", "cases.change_case")
    sign_in_verified(client, waste_officer)
    assert_denied(client.get(INDEX, {"export": "csv"}))
    html = client.get(INDEX).content.decode()
    assert "HT7K 9QWX" in html
    assert "Download CSV" not in html


def test_export_button_is_offered_to_exporters(waste_officer_client, bin_report):
    assert "Download CSV" in waste_officer_client.get(INDEX).content.decode()


# The case page


def test_case_page_shows_answers_contact_details_history_and_audit_log(
    waste_officer_client, bin_report
):
    response = waste_officer_client.get(reverse("cases:inspect", args=[bin_report.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    # The answers as the resident saw them: the question and the displayed answer.
    assert "Which bin was missed?" in html
    assert "General rubbish" in html
    assert "Photo of the bin" in html
    assert reverse("cases:file", args=[bin_report.pk, PHOTO]) in html
    # Contact details, channel, history and the audit log.
    assert "alys@example.com" in html
    assert "Online" in html
    assert "Case created" in html
    assert "Resident can see this" in html
    assert "Audit log" in html
    assert "csrfmiddlewaretoken" in html


def test_assisted_cases_say_who_helped(waste_officer_client, waste_queue, django_user_model):
    reception = UserFactory(username="reception", first_name="Megan", last_name="Hughes")
    case = make_case(waste_queue, "HEWP2222", channel=Channel.ASSISTED, assisted_by=reception)
    html = waste_officer_client.get(reverse("cases:inspect", args=[case.pk])).content.decode()
    assert "Assisted" in html
    assert "completed by Megan Hughes" in html


def test_only_allowed_next_statuses_are_offered(waste_officer_client, waste_queue):
    case = make_case(waste_queue, "RSVP2222", status=CaseStatus.RESOLVED)
    form = waste_officer_client.get(reverse("cases:inspect", args=[case.pk])).context["status_form"]
    offered = [value for value, _label in form.fields["status"].widget.choices]
    assert offered == ["in_progress", "closed"]


def test_the_resident_file_downloads_for_the_team(waste_officer_client, bin_report):
    response = waste_officer_client.get(reverse("cases:file", args=[bin_report.pk, PHOTO]))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"the bin, not emptied"
    assert 'attachment; filename="bin photo.txt"' in response["Content-Disposition"]
    assert CaseLogEntry.objects.filter(case=bin_report, action="cases.file_download").exists()


PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
HTA = b"<html><script>new ActiveXObject('WScript.Shell').Run('calc')</script></html>"


@pytest.mark.parametrize(
    ("sent_as", "content", "downloaded_as", "content_type"),
    [
        # An HTML application runs when opened on Windows; its contents are only text.
        ("invoice.hta", HTA, "invoice.txt", "text/plain"),
        ("invoice.hta", PDF, "invoice.pdf", "application/pdf"),
        ("letter", PDF, "letter.pdf", "application/pdf"),
        ("Council tax v2.1", PDF, "Council tax v2.1.pdf", "application/pdf"),
        ("bill\u202egpj.hta", HTA, "billgpj.txt", "text/plain"),
    ],
)
def test_a_download_is_named_for_what_the_file_contains(
    waste_officer_client,
    waste_queue,
    private_media,
    settings,
    sent_as,
    content,
    downloaded_as,
    content_type,
):
    # The download says "do not guess the type" itself, whatever the site-wide setting.
    settings.SECURE_CONTENT_TYPE_NOSNIFF = False
    photo = store_upload(SimpleUploadedFile(sent_as, content))
    case = make_case(waste_queue, "HTAH2222", answers=resident_rows(photo))

    response = waste_officer_client.get(reverse("cases:file", args=[case.pk, PHOTO]))

    assert response.status_code == 200
    assert response["Content-Disposition"] == f'attachment; filename="{downloaded_as}"'
    assert response["Content-Type"] == content_type
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content) == content


def test_an_answer_that_is_not_a_file_is_not_downloadable(waste_officer_client, bin_report):
    for index in (0, 3, 99):
        url = reverse("cases:file", args=[bin_report.pk, index])
        assert waste_officer_client.get(url).status_code == 404


def test_a_file_removed_from_storage_is_a_404(waste_officer_client, bin_report, private_media):
    stored = bin_report.answers[PHOTO]["value"]["name"]
    (private_media / stored).unlink()
    url = reverse("cases:file", args=[bin_report.pk, PHOTO])
    assert waste_officer_client.get(url).status_code == 404


# Actions


def test_assign_to_me(waste_officer_client, waste_officer, bin_report):
    response = waste_officer_client.post(reverse("cases:assign_to_me", args=[bin_report.pk]))
    assert response.status_code == 302
    bin_report.refresh_from_db()
    assert bin_report.assignee == waste_officer
    assert bin_report.updates.filter(kind=UpdateKind.ASSIGNED, author=waste_officer).exists()
    assert CaseLogEntry.objects.filter(
        case=bin_report, action="cases.assign", user=waste_officer
    ).exists()
    page = waste_officer_client.get(response.url).content.decode()
    assert "The case is assigned to you." in page


def test_assign_to_a_colleague_in_the_same_team(
    waste_officer_client, bin_report, waste_colleague, housing_officer
):
    url = reverse("cases:assign", args=[bin_report.pk])
    waste_officer_client.post(url, {"assign-assignee": waste_colleague.pk})
    bin_report.refresh_from_db()
    assert bin_report.assignee == waste_colleague
    # Someone from another team is not a choice, so the case stays where it was.
    response = waste_officer_client.post(url, {"assign-assignee": housing_officer.pk})
    assert response.status_code == 200
    assert "The case was not changed" in response.content.decode()
    bin_report.refresh_from_db()
    assert bin_report.assignee == waste_colleague


def test_status_change_with_a_message_to_the_resident_is_public(
    waste_officer_client, waste_officer, bin_report
):
    response = waste_officer_client.post(
        reverse("cases:status", args=[bin_report.pk]),
        {
            "status-status": "resolved",
            "status-audience": "resident",
            "status-text": "We collected your bin this morning.",
        },
    )
    assert response.status_code == 302
    bin_report.refresh_from_db()
    assert bin_report.status == CaseStatus.RESOLVED
    update = bin_report.updates.get(kind=UpdateKind.STATUS)
    assert update.public
    assert update.text == "We collected your bin this morning."
    assert update.author == waste_officer
    assert (update.status_from, update.status_to) == ("new", "resolved")


def test_status_change_with_an_internal_note_stays_internal(waste_officer_client, bin_report):
    waste_officer_client.post(
        reverse("cases:status", args=[bin_report.pk]),
        {"status-status": "in_progress", "status-audience": "internal", "status-text": "Crew"},
    )
    update = bin_report.updates.get(kind=UpdateKind.STATUS)
    assert (update.public, update.text) == (False, "Crew")


def test_a_message_to_the_resident_needs_words(waste_officer_client, bin_report):
    response = waste_officer_client.post(
        reverse("cases:status", args=[bin_report.pk]),
        {"status-status": "resolved", "status-audience": "resident", "status-text": " "},
    )
    assert response.status_code == 200
    assert "Write the message to the resident" in response.content.decode()
    bin_report.refresh_from_db()
    assert bin_report.status == CaseStatus.NEW


def test_a_disallowed_transition_is_refused_with_a_message(waste_officer_client, bin_report):
    response = waste_officer_client.post(
        reverse("cases:status", args=[bin_report.pk]),
        {"status-status": "closed", "status-audience": "internal"},
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "A case that is new cannot become closed." in html
    assert "The case was not changed" in html
    bin_report.refresh_from_db()
    assert bin_report.status == CaseStatus.NEW
    assert not bin_report.updates.filter(kind=UpdateKind.STATUS).exists()


def test_notes_are_internal_and_messages_are_public(waste_officer_client, bin_report):
    url = reverse("cases:note", args=[bin_report.pk])
    waste_officer_client.post(url, {"note-audience": "internal", "note-text": "Called crew"})
    waste_officer_client.post(url, {"note-audience": "resident", "note-text": "On our way"})
    assert list(
        bin_report.updates.exclude(kind=UpdateKind.CREATED).values_list("kind", "public", "text")
    ) == [("note", False, "Called crew"), ("message", True, "On our way")]
    html = waste_officer_client.get(reverse("cases:inspect", args=[bin_report.pk])).content
    assert b"Internal: staff only" in html
    assert b"Internal note added" in html  # the audit log


def test_actions_are_posts_only(waste_officer_client, bin_report):
    for name in ("assign_to_me", "assign", "status", "note"):
        response = waste_officer_client.get(reverse(f"cases:{name}", args=[bin_report.pk]))
        assert response.status_code == 405


def test_staff_who_may_only_view_see_no_actions_and_cannot_act(
    client, waste_officer, waste_group, bin_report
):
    grant(waste_group, "wagtailadmin.access_admin", "cases.view_case")
    sign_in_verified(client, waste_officer)
    html = client.get(reverse("cases:inspect", args=[bin_report.pk])).content.decode()
    assert "Work on this case" not in html
    assert_denied(client.post(reverse("cases:assign_to_me", args=[bin_report.pk])))
    bin_report.refresh_from_db()
    assert bin_report.assignee is None


# Bulk actions


def test_bulk_assign_to_me_and_to_a_colleague(
    waste_officer_client, waste_officer, waste_colleague, waste_queue
):
    first, second = make_case(waste_queue, "BUNK2222"), make_case(waste_queue, "BUNK3333")
    response = waste_officer_client.post(
        reverse("cases:bulk"),
        {"action": "assign_to_me", "case": [first.pk, second.pk], "next": INDEX + "?status=new"},
    )
    assert response.status_code == 302
    assert response.url == INDEX + "?status=new"
    assert set(Case.objects.values_list("assignee", flat=True)) == {waste_officer.pk}
    waste_officer_client.post(
        reverse("cases:bulk"),
        {"action": "assign", "assignee": waste_colleague.pk, "case": [first.pk]},
    )
    first.refresh_from_db()
    assert first.assignee == waste_colleague


def test_bulk_close_closes_resolved_cases_and_reports_the_rest(waste_officer_client, waste_queue):
    resolved = make_case(waste_queue, "RSVP2222", status=CaseStatus.RESOLVED)
    still_open = make_case(waste_queue, "UPEN3333", status=CaseStatus.IN_PROGRESS)
    response = waste_officer_client.post(
        reverse("cases:bulk"),
        {"action": "close", "case": [resolved.pk, still_open.pk]},
        follow=True,
    )
    resolved.refresh_from_db()
    still_open.refresh_from_db()
    assert resolved.status == CaseStatus.CLOSED
    assert still_open.status == CaseStatus.IN_PROGRESS
    shown = [str(message).strip() for message in response.context["messages"]]
    assert "1 case closed." in shown
    assert "UPEN 3333 was not changed: A case that is in progress cannot become closed." in shown


def test_bulk_assign_to_a_colleague_needs_the_colleague(waste_officer_client, waste_queue):
    case = make_case(waste_queue, "BUNK2222")
    response = waste_officer_client.post(
        reverse("cases:bulk"), {"action": "assign", "case": [case.pk]}, follow=True
    )
    assert "Choose who to assign the cases to" in response.content.decode()
    case.refresh_from_db()
    assert case.assignee is None


def test_the_list_offers_bulk_actions_to_staff_who_can_act(waste_officer_client, bin_report):
    html = waste_officer_client.get(INDEX).content.decode()
    assert 'id="case-bulk-form"' in html
    assert f'name="case" value="{bin_report.pk}" form="case-bulk-form"' in html


# Menu and dashboard


def test_casework_menu_and_dashboard_for_staff(waste_officer_client, bin_report, waste_queue):
    response = waste_officer_client.get(reverse("wagtailadmin_home"))
    html = response.content.decode()
    assert "Casework" in html
    assert "Your queues" in html
    assert f"{INDEX}?queue={waste_queue.pk}&amp;overdue=yes" in html


def test_dashboard_counts_new_open_and_overdue(
    waste_officer_client, waste_queue, django_assert_max_num_queries
):
    from forms_app.cases.panels import queue_counts

    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    make_case(waste_queue, "NEWW2222")
    make_case(waste_queue, "TARD3333", status=CaseStatus.IN_PROGRESS, due_date=yesterday)
    make_case(waste_queue, "SHUT4444", status=CaseStatus.CLOSED, due_date=yesterday)
    user = waste_officer_client.get(INDEX).wsgi_request.user
    with django_assert_max_num_queries(2):
        counts = queue_counts(user)
    assert [(queue.name, count) for queue, count in counts] == [
        ("Waste", {"new": 1, "open": 2, "overdue": 1})
    ]


def test_managers_configure_queues_and_routing_rules(client, django_user_model, missed_bin):
    boss = django_user_model.objects.create_superuser("boss", "boss@example.com", "x")
    sign_in_verified(client, boss)
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Casework" in home
    assert "Routing rules" in home
    for url in (
        reverse("queues:index"),
        reverse("queues:add"),
        reverse("routing_rules:index"),
        reverse("routing_rules:add"),
    ):
        assert client.get(url).status_code == 200, url


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    hostile=st.lists(
        st.one_of(
            st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=25),
            st.integers(min_value=-(10**30), max_value=10**30).map(str),
            st.sampled_from(["²", "٣", "9" * 40, "-1", "0", "1e3", " 1"]),
        ),
        max_size=4,
    )
)
def test_bulk_action_with_any_case_ids_is_never_a_server_error(
    waste_officer_client, waste_queue, hostile
):
    Case.objects.filter(reference="BUNK4444").delete()  # left by an earlier example
    case = make_case(waste_queue, "BUNK4444")
    for action in ("assign_to_me", "close"):
        response = waste_officer_client.post(
            reverse("cases:bulk"), {"action": action, "case": [*hostile, case.pk]}
        )
        assert response.status_code == 302
    case.refresh_from_db()
    assert case.assignee is not None  # the real id among them was still acted on


def test_site_history_and_its_export_list_case_entries(client, bin_report, django_user_model):
    boss = django_user_model.objects.create_superuser("boss", "boss@example.com", "x")
    sign_in_verified(client, boss)
    bin_report.change_status(CaseStatus.IN_PROGRESS, boss)

    history = client.get("/admin/reports/site-history/")
    assert history.status_code == 200
    assert "HT7K9QWX" in history.content.decode()
    export = client.get("/admin/reports/site-history/?export=csv")
    assert export.status_code == 200
    rows = export_rows(export)
    assert [rows[1][0], rows[1][2].lower()] == [str(bin_report.pk), "case"]


@pytest.mark.parametrize("via", ["status", "note"])
def test_a_message_to_a_resident_who_cannot_be_reached_says_so_and_is_noted(
    waste_officer_client, waste_queue, via
):
    case = make_case(waste_queue, "NOPE2222", resident_email="", resident_phone="01632 960001")
    if via == "status":
        url = reverse("cases:status", args=[case.pk])
        data = {"status-status": "resolved", "status-audience": "resident", "status-text": "Done"}
    else:
        url = reverse("cases:note", args=[case.pk])
        data = {"note-audience": "resident", "note-text": "We will call round."}

    response = waste_officer_client.post(url, data, follow=True)

    shown = " ".join(str(message) for message in response.context["messages"])
    assert "has been sent your message" not in shown
    assert "Your message was not sent" in shown and "Phone or write to them" in shown
    note = case.updates.get(kind=UpdateKind.NOTE)
    assert not note.public and note.text.startswith("Not sent to the resident")
    assert CaseLogEntry.objects.filter(case=case, action="cases.message_not_sent").exists()
    assert "Not sent to the resident" in response.content.decode()  # in the case's history


def test_a_message_to_a_resident_with_an_email_is_sent(waste_officer_client, waste_queue):
    case = make_case(waste_queue, "YEPS2222")
    response = waste_officer_client.post(
        reverse("cases:note", args=[case.pk]),
        {"note-audience": "resident", "note-text": "We will call round."},
        follow=True,
    )
    shown = " ".join(str(message) for message in response.context["messages"])
    assert "The resident has been sent your message." in shown
    assert not case.updates.filter(kind=UpdateKind.NOTE).exists()


def test_the_list_opens_with_open_cases_most_urgent_first(waste_officer_client, waste_queue):
    today = timezone.localdate()
    closed_long_ago = make_case(
        waste_queue, "CLSD2222", status=CaseStatus.CLOSED, due_date=today - datetime.timedelta(90)
    )
    due_later = make_case(waste_queue, "LATR2222", due_date=today + datetime.timedelta(5))
    overdue = make_case(waste_queue, "OVER2222", due_date=today - datetime.timedelta(2))
    resolved = make_case(
        waste_queue, "RSLV2222", status=CaseStatus.RESOLVED, due_date=today - datetime.timedelta(30)
    )

    listed = listed_references(waste_officer_client.get(INDEX))

    assert listed[:2] == [overdue.reference, due_later.reference]
    assert set(listed[2:]) == {closed_long_ago.reference, resolved.reference}
    # Sorting by a column is still the column's order.
    by_due = listed_references(waste_officer_client.get(INDEX + "?ordering=due_date"))
    assert by_due[0] == closed_long_ago.reference


def test_a_case_that_is_resolved_leaves_the_work_at_the_top(
    waste_officer_client, waste_officer, waste_queue
):
    today = timezone.localdate()
    most_urgent = make_case(waste_queue, "URGE2222", due_date=today - datetime.timedelta(3))
    next_up = make_case(waste_queue, "NEXT2222", due_date=today + datetime.timedelta(1))
    assert listed_references(waste_officer_client.get(INDEX)) == [
        most_urgent.reference,
        next_up.reference,
    ]

    most_urgent.change_status(CaseStatus.RESOLVED, waste_officer)
    assert listed_references(waste_officer_client.get(INDEX)) == [
        next_up.reference,
        most_urgent.reference,
    ]

    # Reopened, it is work again, and the most urgent.
    most_urgent.change_status(CaseStatus.IN_PROGRESS, waste_officer)
    assert listed_references(waste_officer_client.get(INDEX)) == [
        most_urgent.reference,
        next_up.reference,
    ]


def test_the_list_rows_show_status_assignee_due_date_and_a_checkbox(
    waste_officer_client, waste_queue, waste_colleague
):
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    case = make_case(
        waste_queue, "HKWX2222", due_date=yesterday, assignee=waste_colleague, status="waiting"
    )
    html = waste_officer_client.get(INDEX).content.decode()
    row = html[html.index('<input type="checkbox" name="case"') :].split("</tr>")[0]
    assert (
        f'<input type="checkbox" name="case" value="{case.pk}" form="case-bulk-form" '
        f'id="case-select-{case.pk}" aria-label="Select case HKWX 2222">'
    ) in row
    assert "<td>Report a missed bin collection</td>" in row
    assert "<td>Waste</td>" in row
    assert '<strong class="case-tag case-tag--waiting">Waiting for resident</strong>' in row
    assert "<td>Carys Lloyd</td>" in row
    assert '<strong class="case-tag case-tag--overdue">Overdue</strong>' in row
    assert f'<time datetime="{yesterday.isoformat()}">{yesterday:%-d %b %Y}</time>' in row


def test_the_list_reads_at_most_fifteen_queries_however_many_cases(
    waste_officer_client, waste_queue, waste_colleague
):
    for number in range(60):
        make_case(
            waste_queue,
            f"QF{number:06d}".translate(DIGITS),
            assignee=waste_colleague if number % 2 else None,
            status=CaseStatus.CLOSED if number % 3 == 0 else CaseStatus.NEW,
        )
    waste_officer_client.get(INDEX)  # warm caches (content types, site) as a real server has
    with CaptureQueriesContext(connection) as captured:
        response = waste_officer_client.get(INDEX)
    # The session is read from the database here; in production from Redis (cached_db), so
    # it is not one of the fifteen a server spends on the list.
    queries = [q["sql"] for q in captured.captured_queries if "django_session" not in q["sql"]]
    assert len(queries) <= 15, "\n".join(queries)
    assert len(response.context["object_list"]) == 50
    assert response.context["paginator"].count == 60
