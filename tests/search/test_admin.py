"""What editors see: the search snippets and the two reports from the anonymous search log."""

from django.contrib.auth.models import Group, Permission
from django.utils import timezone

from wagtail.models import GroupPagePermission, Page

import pytest

from search.models import DailySearchCount, Synonym
from tests.factories.users import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def search_log():
    today = timezone.localdate()
    DailySearchCount.objects.create(query="bins", language="en", day=today, searches=7, results=4)
    DailySearchCount.objects.create(query="snow day", language="en", day=today, searches=3)


@pytest.fixture
def editor(client, home_page):
    group = Group.objects.create(name="Page editors")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    GroupPagePermission.objects.create(
        group=group,
        page=Page.get_first_root_node(),
        permission=Permission.objects.get(codename="change_page"),
    )
    user = UserFactory()
    user.groups.add(group)
    client.force_login(user)
    return client


def test_editors_see_top_searches_and_searches_with_no_results(editor, search_log):
    top = editor.get("/admin/reports/top-searches/").content.decode()
    assert top.index("bins") < top.index("snow day")
    gaps = editor.get("/admin/reports/no-results/").content.decode()
    assert "snow day" in gaps
    assert "bins" not in gaps
    menu = editor.get("/admin/").content.decode()
    assert "Top searches" in menu
    assert "Searches with no results" in menu


def test_the_report_downloads_as_a_spreadsheet(editor, search_log):
    response = editor.get("/admin/reports/no-results/", {"export": "csv"})
    assert response.status_code == 200
    assert b"".join(response.streaming_content).decode().splitlines()[:2] == [
        "Search,Times searched,Results",
        "snow day,3,0",
    ]


def test_staff_who_cannot_edit_pages_cannot_see_the_reports(client, search_log):
    user = UserFactory()
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    assert client.get("/admin/reports/top-searches/").status_code in (302, 403)
    assert client.get("/admin/reports/no-results/").status_code in (302, 403)


def test_synonyms_are_tidied_when_saved(admin_client):
    response = admin_client.post(
        "/admin/snippets/search/synonym/add/",
        {"term": "  Rubbish ", "synonyms": "Waste, bins,,  refuse, rubbish"},
    )
    assert response.status_code == 302
    synonym = Synonym.objects.get()
    assert (synonym.term, synonym.synonyms) == ("rubbish", "waste, bins, refuse")
    listing = admin_client.get("/admin/snippets/search/synonym/").content.decode()
    assert "waste, bins, refuse" in listing
    assert admin_client.get("/admin/snippets/search/promotedresult/").status_code == 200
