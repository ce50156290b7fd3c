"""The "Translations to update" report, its dashboard panel and the notice in a page's editor,
for Welsh pages made either way: wagtail-localize, or Wagtail's plain copy (as the demo does)."""

import csv
import io

from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from wagtail.models import GroupPagePermission

import pytest
from bs4 import BeautifulSoup

from forms_app.journeys.demo import MISSED_BIN
from forms_app.journeys.models import JourneyPage
from tests.factories import ServicePageFactory, publish_translation

from .conftest import REPORT_URL, edit_url, notices, report, staff_client

pytestmark = pytest.mark.django_db


def republish(page, **changes):
    page = page.specific
    for name, value in changes.items():
        setattr(page, name, value)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


@pytest.fixture
def copied_pair(service_page, welsh):
    """An English service page and its Welsh page, made as the demo makes them."""
    return service_page, publish_translation(
        service_page, welsh, title="Rhoi gwybod am fin heb ei gasglu", slug="rhoi-gwybod"
    )


def dashboard_panel(client):
    soup = BeautifulSoup(client.get(reverse("wagtailadmin_home")).text, "html.parser")
    return soup.select_one("#translations-to-update-section")


def test_a_welsh_copy_is_listed_when_its_english_page_is_published_after_it(
    editor_client, copied_pair
):
    english, welsh_page = copied_pair
    assert report(editor_client) == {}

    republish(english, summary="Tell us by 5pm the next day if your bin was not emptied.")
    english.refresh_from_db()
    row = report(editor_client)["Rhoi gwybod am fin heb ei gasglu"]
    assert row["Language"] == "Welsh"
    assert row["English page"] == "Report a missed bin collection"
    assert row["English page published"] != ""
    assert row["Translation last updated"] != ""
    assert row["What needs doing"] == "English page changed"

    response = editor_client.get(REPORT_URL)
    soup = BeautifulSoup(response.text, "html.parser")
    links = {a.get_text(strip=True): a["href"] for a in soup.select("table.listing td a")}
    assert links["Rhoi gwybod am fin heb ei gasglu"] == edit_url(welsh_page)
    assert links["Report a missed bin collection"] == edit_url(english)

    republish(welsh_page, summary="Rhowch wybod i ni erbyn 5pm y diwrnod wedyn.")
    assert report(editor_client) == {}


def test_the_page_editor_says_when_the_english_page_has_changed(editor_client, copied_pair):
    english, welsh_page = copied_pair
    assert notices(editor_client.get(edit_url(welsh_page))) == {}

    republish(english, summary="Tell us by 5pm the next day if your bin was not emptied.")
    [(notice, buttons)] = notices(editor_client.get(edit_url(welsh_page))).items()
    assert "The English page was changed and published on" in notice
    # A plain copy has nothing to sync: the editor updates it by hand from the English page.
    assert buttons == {"Open the English page": edit_url(english)}
    # English pages never carry the notice.
    assert notices(editor_client.get(edit_url(english))) == {}


def test_an_unpublished_welsh_draft_is_listed(editor_client, service_page, welsh):
    draft = service_page.copy_for_translation(welsh)
    assert report(editor_client)[draft.title]["What needs doing"] == "Not yet published"


def test_alias_pages_are_not_listed(editor_client, service_page, welsh):
    welsh_section = service_page.get_parent().get_translation(welsh)
    service_page.create_alias(parent=welsh_section, update_locale=welsh)
    republish(service_page, summary="Changed.")
    assert report(editor_client) == {}


def test_the_latest_english_change_comes_first(editor_client, copied_pair, welsh):
    english, _ = copied_pair
    other = ServicePageFactory(parent=english.get_parent(), title="Order a new bin", slug="new-bin")
    other.save_revision().publish()
    publish_translation(other, welsh, title="Archebu bin newydd", slug="bin-newydd")

    republish(other, summary="Changed first.")
    republish(english, summary="Changed second.")
    assert list(report(editor_client)) == [
        "Rhoi gwybod am fin heb ei gasglu",
        "Archebu bin newydd",
    ]


def test_a_new_localize_draft_waits_for_text_and_publishing(
    editor_client, service_page, welsh, settings, django_capture_on_commit_callbacks
):
    # With this wagtail-localize setting, starting a translation makes a draft, not a live page.
    settings.WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
    submit_url = reverse("wagtail_localize:submit_page_translation", args=[service_page.pk])
    with django_capture_on_commit_callbacks(execute=True):
        editor_client.post(submit_url, {"locales": [welsh.pk]})
    assert not service_page.get_translation(welsh).live
    assert report(editor_client)["Report a missed bin collection"]["What needs doing"] == (
        "Text still to translate Not yet published"
    )


def test_people_who_cannot_edit_pages_cannot_see_the_report(
    editor_client, demo_groups, copied_pair
):
    waste_officers = Group.objects.create(name="Waste")
    waste_officers.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    officer = staff_client("waste_officer", "Waste")

    response = officer.get(REPORT_URL)
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_home")
    assert REPORT_URL not in officer.get(reverse("wagtailadmin_home")).text
    assert REPORT_URL in editor_client.get(reverse("wagtailadmin_home")).text


def test_the_report_lists_only_pages_the_user_can_edit(demo_groups, copied_pair):
    english, welsh_page = copied_pair
    english_only = Group.objects.create(name="English editors")
    english_only.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    GroupPagePermission.objects.create(
        group=english_only,
        page=english.get_parent(),
        permission=Permission.objects.get(codename="change_page"),
    )
    republish(english, summary="Changed.")

    assert report(staff_client("english_editor", "English editors")) == {}
    assert list(report(staff_client("editor", "Editors"))) == [welsh_page.title]


def test_editors_can_download_the_report(editor_client, copied_pair):
    english, _ = copied_pair
    republish(english, summary="Changed.")
    response = editor_client.get(REPORT_URL, {"export": "csv"})
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert rows[0] == [
        "Page",
        "Page type",
        "Language",
        "English page",
        "English page published",
        "Translation last updated",
        "What needs doing",
    ]
    assert rows[1][:4] == [
        "Rhoi gwybod am fin heb ei gasglu",
        "Service page",
        "Welsh",
        english.title,
    ]
    assert rows[1][6] == "English page changed"


def test_the_dashboard_counts_translations_to_update_and_hides_when_there_are_none(
    editor_client, copied_pair
):
    english, _ = copied_pair
    assert dashboard_panel(editor_client) is None

    republish(english, summary="Changed.")
    panel = dashboard_panel(editor_client)
    assert " ".join(panel.get_text(" ").split()).startswith(
        "Translations to update 1 translated page needs updating to match its English page: "
        "Service page: 1"
    )
    assert panel.select_one("a.button")["href"] == REPORT_URL


@pytest.mark.parametrize("pages", [2, 12])
def test_the_report_takes_the_same_few_queries_however_many_pages(
    editor_client, service_page, welsh, pages, django_assert_max_num_queries
):
    section = service_page.get_parent()
    for number in range(pages):
        page = ServicePageFactory(parent=section, title=f"Service {number}", slug=f"s-{number}")
        page.save_revision().publish()
        publish_translation(page, welsh, title=f"Gwasanaeth {number}", slug=f"g-{number}")
        republish(page, summary="Changed.")

    # 15 today (session, user, the second factor's device, permissions, menus, the count and the
    # rows), for 2 pages or 12.
    with django_assert_max_num_queries(17):
        response = editor_client.get(REPORT_URL)
    assert response.text.count("Gwasanaeth ") == pages


def test_the_report_names_each_pages_type(editor_client, copied_pair, welsh):
    english, _ = copied_pair
    form = JourneyPage(
        title="Report it online", slug="form", steps=MISSED_BIN, what_happens_next="<p>Wait.</p>"
    )
    english.add_child(instance=form)
    form.save_revision().publish()
    form.copy_for_translation(welsh)
    republish(english, summary="Changed.")
    rows = report(editor_client)
    assert rows["Rhoi gwybod am fin heb ei gasglu"]["Page type"] == "Service page"
    assert rows["Report it online"]["Page type"] == "Online form"


def test_a_new_translation_is_not_called_out_of_date(editor_client, service_page, welsh):
    draft = service_page.copy_for_translation(welsh)
    row = report(editor_client)[draft.title]
    assert row["What needs doing"] == "Not yet published"
    assert row["Page type"] == "Service page"
    panel = " ".join(dashboard_panel(editor_client).get_text(" ").split())
    assert "needs updating" not in panel
    assert "1 new translation is not yet published: Service page: 1" in panel
