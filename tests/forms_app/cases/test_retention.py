"""Retention: personal details leave cases closed longer than their retention period, once."""

import copy
import datetime
import io
import os
import re
import uuid
from io import StringIO

from django.core import mail
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.test import Client, TestCase
from django.urls import reverse
from django.utils import timezone

from wagtail.models import ModelLogEntry

import pytest
from PIL import Image

from forms_app.cases.enums import CaseStatus
from forms_app.cases.models import Case, CaseLogEntry, RetentionRun
from forms_app.cases.retention import REMOVED, purge_expired_cases
from forms_app.journeys import demo
from forms_app.journeys.models import SavedProgress, Submission
from forms_app.journeys.uploads import private_storage
from tests.factories import UserFactory
from tests.factories.casework import CaseFactory, SubmissionFactory, answer, missed_bin_answers
from tests.factories.journeys import JourneyPageFactory
from tests.factories.users import sign_in_verified

pytestmark = pytest.mark.django_db

DAY = datetime.timedelta(days=1)


@pytest.fixture(autouse=True)
def private_media(settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private-media"
    return settings.PRIVATE_MEDIA_ROOT


@pytest.fixture
def boss(db):
    return UserFactory(username="boss", is_superuser=True)


def _case(reference, retention_days=30):
    """A case from a submitted form with a photo attached, as a resident leaves it."""
    stored = private_storage().save(
        f"journeys/2026/11/{uuid.uuid4().hex}.jpg", ContentFile(b"\xff\xd8\xff photo")
    )
    photo = {
        "name": stored,
        "original_name": "my bin.jpg",
        "size": 14,
        "content_type": "image/jpeg",
    }
    rows = missed_bin_answers(
        bin="garden",
        phone="+441632960001",
        extra=[
            answer(
                "photo", photo, type="file_upload", label="Photo of the bin", display="my bin.jpg"
            ),
            answer("more", "", type="long_text", label="Anything else?"),
        ],
    )
    submission = SubmissionFactory(reference=reference, answers=rows, retention_days=retention_days)
    return CaseFactory(submission=submission)


def _closed(case, boss, status=CaseStatus.CLOSED):
    if status == CaseStatus.CLOSED:
        case.change_status(CaseStatus.RESOLVED, boss, public_message="We emptied it.")
    case.change_status(status, boss)
    case.refresh_from_db()
    return case


def _file_of(case):
    return case.answers[5]["value"]["name"]


def _kept(case, stored_file):
    """What staff would see of the resident on the case, and whether their file is still there."""
    case.refresh_from_db()
    return (
        case.resident_name,
        case.resident_email,
        case.resident_phone,
        case.resident_postcode,
        case.answers[1]["display"],
        stored_file.exists(),
    )


def test_a_case_closed_longer_than_its_retention_is_anonymised(housing_queue, boss, private_media):
    case = _closed(_case("AAAA2222", retention_days=30), boss)
    stored_file = private_media / _file_of(case)
    assert stored_file.exists()
    now = case.closed_at + 31 * DAY

    out = StringIO()
    call_command("purge_expired_cases", now=now.isoformat(), stdout=out)

    assert out.getvalue().splitlines() == [
        "Removed personal details from 1 case past their retention.",
        NOTHING_ABANDONED,
    ]
    case.refresh_from_db()
    assert (
        case.resident_name,
        case.resident_email,
        case.resident_phone,
        case.resident_postcode,
    ) == ("", "", "", "")
    assert case.anonymised_at == now
    # The questions stay, so reports still count answers by form and question; what was said goes.
    assert [(row["label"], row["type"]) for row in case.answers] == [
        ("Which bin was missed?", "radios"),
        ("Full name", "text"),
        ("Email address", "email"),
        ("Phone number", "phone"),
        ("Address", "address"),
        ("Photo of the bin", "file_upload"),
        ("Anything else?", "long_text"),
    ]
    assert [row["value"] for row in case.answers] == [REMOVED] * 6 + [""]
    assert case.answers[1]["display"] == case.answers[5]["display"] == REMOVED
    for text in ("Sam Jones", "sam@example.com", "GR1 2BD", "1632960001", "my bin.jpg", "garden"):
        assert text not in str(case.answers)
        assert text not in str(case.submission.answers)
    assert case.submission.answers == case.answers
    assert not stored_file.exists()

    # Status, dates and history are the council's record and stay.
    assert case.status == CaseStatus.CLOSED
    assert case.reference == "AAAA2222"
    assert list(case.updates.values_list("kind", flat=True)) == [
        "created",
        "status",
        "status",
        "anonymised",
    ]


def test_a_cancelled_case_is_anonymised_too(housing_queue, boss, private_media):
    case = _closed(_case("BBBB3333", retention_days=0), boss, status=CaseStatus.CANCELLED)
    stored_file = private_media / _file_of(case)
    assert purge_expired_cases(case.closed_at + DAY) == 1
    assert _kept(case, stored_file) == ("", "", "", "", REMOVED, False)


def test_a_case_within_its_retention_is_untouched(housing_queue, boss, private_media):
    case = _closed(_case("CCCC4444", retention_days=30), boss)
    stored_file = private_media / _file_of(case)
    before = _kept(case, stored_file)
    assert before == ("Sam Jones", "sam@example.com", "+441632960001", "GR1 2BD", "Sam Jones", True)

    assert purge_expired_cases(case.closed_at + 29 * DAY) == 0

    assert _kept(case, stored_file) == before
    assert case.anonymised_at is None
    assert not case.updates.filter(kind="anonymised").exists()


@pytest.mark.parametrize("status", [CaseStatus.NEW, CaseStatus.WAITING, CaseStatus.RESOLVED])
def test_open_and_resolved_cases_are_untouched_however_old(
    housing_queue, boss, private_media, status
):
    case = _case("DDDD5555", retention_days=30)
    if status != CaseStatus.NEW:
        case.change_status(status, boss)
    now = case.created_at
    # Received five years ago; a resolved one resolved four years ago and never closed.
    Case.objects.filter(pk=case.pk).update(
        created_at=now - 5 * 365 * DAY,
        closed_at=now - 4 * 365 * DAY if status == CaseStatus.RESOLVED else None,
    )
    stored_file = private_media / _file_of(case)
    before = _kept(case, stored_file)

    assert purge_expired_cases(now) == 0

    assert _kept(case, stored_file) == before
    assert before == ("Sam Jones", "sam@example.com", "+441632960001", "GR1 2BD", "Sam Jones", True)
    assert case.anonymised_at is None


def test_the_audit_trail_stays_and_records_the_removal(housing_queue, boss):
    case = _closed(_case("EEEE6666", retention_days=30), boss)
    now = case.closed_at + 31 * DAY

    purge_expired_cases(now)

    entries = CaseLogEntry.objects.filter(case=case).order_by("timestamp", "pk")
    assert list(entries.values_list("action", flat=True)) == [
        "cases.create",
        "cases.status",
        "cases.status",
        "cases.anonymise",
    ]
    removal = entries.last()
    assert removal.user_id is None
    assert removal.timestamp == now
    assert "Sam Jones" not in removal.label


def test_running_again_changes_nothing_more(housing_queue, boss, private_media):
    case = _closed(_case("FFFF7777", retention_days=30), boss)
    first_run = case.closed_at + 31 * DAY
    assert purge_expired_cases(first_run) == 1
    case.refresh_from_db()
    answers, submission_answers = case.answers, case.submission.answers

    out = StringIO()
    call_command("purge_expired_cases", now=(first_run + DAY).isoformat(), stdout=out)

    assert "Removed personal details from 0 cases" in out.getvalue()
    case.refresh_from_db()
    assert case.anonymised_at == first_run
    assert case.answers == answers
    assert case.submission.answers == submission_answers
    assert case.updates.filter(kind="anonymised").count() == 1
    assert CaseLogEntry.objects.filter(case=case, action="cases.anonymise").count() == 1


def test_the_task_runs_the_same_purge(housing_queue, boss):
    from forms_app.cases.tasks import purge_expired_cases as purge_task

    expired = _closed(_case("GGGG8888", retention_days=10), boss)
    recent = _closed(_case("HHHH9999", retention_days=60), boss)

    result = purge_task.enqueue((expired.closed_at + 11 * DAY).isoformat())

    assert result.return_value == {
        "cases_anonymised": 1,
        "files_removed": 0,
        "saved_forms_removed": 0,
    }
    expired.refresh_from_db()
    recent.refresh_from_db()
    assert expired.anonymised_at is not None
    assert recent.anonymised_at is None


def test_notes_messages_and_notifications_lose_their_words_too(boss):
    from forms_app.notifications.models import Notification

    case = _case("NNNN2222")
    case.add_update(boss, "Sam Jones says the bin is behind the gate.", public=False)
    case.change_status(CaseStatus.RESOLVED, boss, public_message="Thanks Sam, we emptied it.")
    case.change_status(CaseStatus.CLOSED, boss)
    case.refresh_from_db()
    assert Notification.objects.filter(case=case, recipient="sam@example.com").exists()

    purge_expired_cases(now=case.closed_at + datetime.timedelta(days=case.retention_days + 1))

    assert not case.updates.filter(text__icontains="Sam").exists()
    assert case.updates.filter(kind="status", status_to="closed").exists()
    assert not Notification.objects.filter(case=case, recipient__icontains="sam").exists()
    assert not Notification.objects.filter(case=case, body__icontains="Sam").exists()


# What forms never sent leave behind: files uploaded on the way, and saved forms ------------------

NOTHING_ABANDONED = "Removed 0 files of forms never sent and 0 saved forms older than 7 days."


@pytest.fixture
def photo_form(service_page, housing_queue):
    """The fly-tipping form, with its optional photo page."""
    return JourneyPageFactory(
        parent=service_page, title="Report fly-tipping", steps=copy.deepcopy(demo.FLY_TIPPING)
    )


def _png():
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), "green").save(buffer, format="PNG")
    buffer.name = "fly-tip.png"
    buffer.seek(0)
    return buffer


def _upload_photo(client, page):
    """Answer the form up to its photo, upload one, and go on: what is on disk now."""
    client.post(f"{page.url}location/", {"location": "Behind the library", "postcode": ""})
    client.post(f"{page.url}what/", {"waste_types": ["tyres"]})
    response = client.post(f"{page.url}photo/", {"photo": _png()})
    assert response["Location"] == f"{page.url}contact-details/"
    return _journey_files()


def _save_for_later(client, page):
    """Save and come back later: the link is emailed through the outbox once the save commits."""
    client.post(f"{page.url}contact-details/", {"email": "", "save_and_return": "1"})
    with TestCase.captureOnCommitCallbacks(execute=True):
        client.post(f"{page.url}save/", {"email": "later@example.org"})
    return re.search(r"https?://\S+", mail.outbox[-1].body).group(0)


def _journey_files():
    root = private_storage().path("journeys")
    return sorted(
        os.path.join(folder, name) for folder, _dirs, names in os.walk(root) for name in names
    )


def _last_used(path, moment):
    os.utime(path, (moment.timestamp(), moment.timestamp()))


def _purge(now):
    out = StringIO()
    call_command("purge_expired_cases", now=now.isoformat(), stdout=out)
    return out.getvalue().splitlines()[1]


def test_a_photo_from_a_form_never_sent_goes_once_no_journey_can_use_it(photo_form):
    [photo] = _upload_photo(Client(), photo_form)
    # A sub-app's own private files, outside the journeys' folder, are none of this run's business.
    other = private_storage().save("direct-debit/mandate.pdf", ContentFile(b"%PDF-1.4"))
    _last_used(private_storage().path(other), timezone.now() - 400 * DAY)
    now = timezone.now()

    # The resident's session lives 14 days after their last change; they may still come back.
    assert _purge(now + 13 * DAY) == NOTHING_ABANDONED
    assert os.path.exists(photo)

    assert _purge(now + 15 * DAY) == (
        "Removed 1 file of forms never sent and 0 saved forms older than 7 days."
    )
    assert not os.path.exists(photo)
    assert private_storage().exists(other)


def test_a_photo_in_a_journey_the_resident_came_back_to_stays(photo_form):
    resident = Client()
    [photo] = _upload_photo(resident, photo_form)
    # Last touched 13 days ago, as if the resident had left it then...
    two_weeks_ago = timezone.now() - 13 * DAY
    session = resident.session
    session[f"journey:{photo_form.pk}"]["changed"] = two_weeks_ago.isoformat()
    session.save()
    _last_used(photo, two_weeks_ago)

    # ...and now they are back, and go on to the next page.
    resident.post(f"{photo_form.url}contact-details/", {"email": ""})

    assert _purge(timezone.now() + 2 * DAY) == NOTHING_ABANDONED
    assert os.path.exists(photo)


def test_files_of_sent_forms_stay_until_their_case_is_anonymised(photo_form, housing_queue):
    resident = Client()
    [photo] = _upload_photo(resident, photo_form)
    resident.post(f"{photo_form.url}contact-details/", {"email": ""})
    check = resident.get(f"{photo_form.url}check-your-answers/")
    token = re.search(r'name="token" value="([^"]+)"', check.content.decode()).group(1)
    resident.post(f"{photo_form.url}check-your-answers/", {"token": token, "website": ""})
    assert Submission.objects.get().case.get_answers().get("photo").file is not None
    # A case opened some other way, with no submission behind it, keeps its file too.
    other = _case("KKKK3333")
    other.submission.delete()
    other_photo = private_storage().path(_file_of(other))
    for path in (photo, other_photo):
        _last_used(path, timezone.now() - 60 * DAY)

    assert _purge(timezone.now()) == NOTHING_ABANDONED
    assert os.path.exists(photo)
    assert os.path.exists(other_photo)


def test_saved_forms_go_after_seven_days_and_their_photos_once_no_journey_can_use_them(
    photo_form,
):
    resident = Client()
    [photo] = _upload_photo(resident, photo_form)
    _save_for_later(resident, photo_form)
    now = timezone.now()

    assert _purge(now + 6 * DAY) == NOTHING_ABANDONED
    assert SavedProgress.objects.exists()

    assert _purge(now + 8 * DAY) == (
        "Removed 0 files of forms never sent and 1 saved form older than 7 days."
    )
    assert not SavedProgress.objects.exists()
    # The browser that saved it may still be going until 14 days after its last change.
    assert os.path.exists(photo)

    assert _purge(now + 15 * DAY) == (
        "Removed 1 file of forms never sent and 0 saved forms older than 7 days."
    )
    assert not os.path.exists(photo)


def test_a_saved_form_within_its_seven_days_keeps_its_photo_however_old(photo_form):
    resident = Client()
    [photo] = _upload_photo(resident, photo_form)
    link = _save_for_later(resident, photo_form)
    # Whatever the file's clock says (a restored backup, a server's clock put right).
    _last_used(photo, timezone.now() - 60 * DAY)

    assert _purge(timezone.now() + 6 * DAY) == NOTHING_ABANDONED

    assert os.path.exists(photo)
    elsewhere = Client()
    elsewhere.get(link.removeprefix("http://testserver"))
    page = elsewhere.get(f"{photo_form.url}photo/").content.decode()
    assert "You have uploaded fly-tip.png" in page


def test_what_was_removed_is_recorded_for_auditors_in_numbers_only(photo_form, boss, client):
    _upload_photo(Client(), photo_form)
    saver = Client()
    _upload_photo(saver, photo_form)
    _save_for_later(saver, photo_form)
    _closed(_case("RRRR4444", retention_days=30), boss)
    now = timezone.now() + 31 * DAY

    _purge(now)
    _purge(now + DAY)

    # One record, of the run that removed something: the next one removed nothing.
    [run] = RetentionRun.objects.all()
    assert (run.ran_at, run.cases_anonymised, run.files_removed, run.saved_forms_removed) == (
        now,
        1,
        2,
        1,
    )
    [entry] = ModelLogEntry.objects.filter(action="cases.retention_run")
    assert (entry.user, entry.timestamp) == (None, now)
    assert entry.data == {"cases_anonymised": 1, "files_removed": 2, "saved_forms_removed": 1}
    sign_in_verified(client, boss)
    history = client.get(reverse("wagtailadmin_reports:site_history"))
    text = " ".join(re.sub(r"<[^>]+>", " ", history.content.decode()).split())
    assert (
        "Cases anonymised: 1. Files of forms never sent removed: 2. Saved forms removed: 1." in text
    )
    assert entry.label.startswith("Retention run, ")
    # What the residents said and sent appears nowhere.
    for personal in ("fly-tip.png", "Behind the library"):
        assert personal not in text
