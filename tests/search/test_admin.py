"""What editors see: the search snippets and the two reports from the anonymous search log."""

import re

from django.contrib.auth.models import Group, Permission
from django.utils import timezone

from wagtail.models import GroupPagePermission, Page

import pytest

from search.models import DailySearchCount, Synonym
from tests.factories.users import UserFactory, sign_in_verified

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
    sign_in_verified(client, user)
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
        "Search,Language,Times searched,Results",
        "snow day,English,3,0",
    ]


def test_the_reports_show_each_search_with_its_language(editor, search_log):
    today = timezone.localdate()
    DailySearchCount.objects.create(query="bins", language="cy", day=today, searches=2, results=3)
    DailySearchCount.objects.create(query="sbwriel", language="cy", day=today, searches=5)

    response = editor.get("/admin/reports/top-searches/", {"export": "csv"})
    assert b"".join(response.streaming_content).decode().splitlines() == [
        "Search,Language,Times searched,Results",
        "bins,English,7,4",
        "sbwriel,Welsh,5,0",
        "snow day,English,3,0",
        "bins,Welsh,2,3",
    ]
    # The Welsh gaps, for the editor who looks after the Welsh synonyms.
    html = editor.get("/admin/reports/no-results/", {"language": "cy"}).content.decode()
    assert "sbwriel" in html
    assert "snow day" not in html


def test_staff_who_cannot_edit_pages_cannot_see_the_reports(client, search_log):
    user = UserFactory()
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    sign_in_verified(client, user)
    assert client.get("/admin/reports/top-searches/").status_code in (302, 403)
    assert client.get("/admin/reports/no-results/").status_code in (302, 403)


def test_synonyms_are_tidied_when_saved(admin_client):
    form = admin_client.get("/admin/snippets/search/synonym/add/").content.decode()
    # English, the site's default language, is chosen unless the editor picks another.
    assert '<option value="en" selected>English</option>' in form
    assert '<option value="cy">Welsh</option>' in form
    response = admin_client.post(
        "/admin/snippets/search/synonym/add/",
        {"language": "en", "term": "  Rubbish ", "synonyms": "Waste, bins,,  refuse, rubbish"},
    )
    assert response.status_code == 302
    synonym = Synonym.objects.get()
    assert (synonym.language, synonym.term, synonym.synonyms) == (
        "en",
        "rubbish",
        "waste, bins, refuse",
    )
    listing = admin_client.get("/admin/snippets/search/synonym/").content.decode()
    assert "waste, bins, refuse" in listing
    assert admin_client.get("/admin/snippets/search/promotedresult/").status_code == 200


def listed(admin_client, **filters):
    """The text of the synonyms listing's cells, as the editor reads them."""
    html = admin_client.get("/admin/snippets/search/synonym/", filters).content.decode()
    rows = html.split('id="listing-results"', 1)[1]
    return [
        re.sub(r"<[^>]+>", "", cell).strip()
        for cell in re.findall(r"<td[^>]*>(.*?)</td>", rows, re.DOTALL)
    ]


def test_editors_see_and_filter_synonyms_by_language(admin_client):
    Synonym.objects.create(language="en", term="rubbish", synonyms="waste")
    Synonym.objects.create(language="cy", term="sbwriel", synonyms="gwastraff")
    cells = listed(admin_client)
    assert {"waste", "English", "gwastraff", "Welsh"} <= set(cells)

    cells = listed(admin_client, language="cy")
    assert {"gwastraff", "Welsh"} <= set(cells)
    assert not {"waste", "English"} & set(cells)
    assert "rubbish" not in " ".join(cells)


def test_a_term_has_one_synonym_per_language(admin_client):
    Synonym.objects.create(language="en", term="tip", synonyms="recycling centre")
    url = "/admin/snippets/search/synonym/add/"
    response = admin_client.post(
        url, {"language": "cy", "term": "Tip", "synonyms": "canolfan ailgylchu"}
    )
    assert response.status_code == 302

    response = admin_client.post(url, {"language": "en", "term": " TIP", "synonyms": "dump"})
    assert response.status_code == 200
    assert "There is already a synonym for this search in this language." in (
        response.content.decode()
    )
    assert sorted(Synonym.objects.values_list("language", "synonyms")) == [
        ("cy", "canolfan ailgylchu"),
        ("en", "recycling centre"),
    ]
