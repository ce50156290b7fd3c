"""Editors manage alert banners as a snippet in Wagtail's admin."""

import datetime
import json
import re

from django.urls import reverse
from django.utils import timezone

import pytest

from home.alerts.enums import AlertLevel
from home.alerts.models import AlertBanner
from tests.factories import UserFactory
from tests.factories.alerts import AlertBannerFactory
from tests.factories.users import sign_in_verified

pytestmark = pytest.mark.django_db

LIST_URL = reverse("wagtailsnippets_alerts_alertbanner:list")
ADD_URL = reverse("wagtailsnippets_alerts_alertbanner:add")


@pytest.fixture
def editor_client(client, home_page):
    sign_in_verified(client, UserFactory(username="editor", is_superuser=True, is_staff=True))
    return client


def listing(html):
    """The alert list as an editor reads it: column headings, and each row's text by title."""
    table = html.split('<table class="listing">')[1].split("</table>")[0]
    head, body = table.split("</thead>")

    def text(fragment):
        return " ".join(re.sub(r"<[^>]+>", " ", fragment).split())

    headings = [text(th) for th in head.split("</th>") if text(th)]
    rows = {}
    for row in body.split("</tr>")[:-1]:
        title = re.search(r'id="snippet_\d+_title">([^<]+)<', row).group(1)
        cells = re.findall(r"<td[^>]*>(.*?)</td>", row, flags=re.DOTALL)
        # The title cell also holds the Edit/Copy/Delete menu; the other cells are plain values.
        rows[title] = [text(cell) for cell in cells[2:]]
    return headings, rows


def draftail(text):
    """Rich text as the admin's editor submits it."""
    block = {
        "key": "a1b2c",
        "type": "unstyled",
        "depth": 0,
        "text": text,
        "inlineStyleRanges": [],
        "entityRanges": [],
    }
    return json.dumps({"blocks": [block], "entityMap": {}})


def test_the_alert_list_shows_what_each_alert_does_and_whether_it_is_live(
    editor_client, bins_section
):
    now = timezone.now()
    AlertBannerFactory(title="Flood warning", level=AlertLevel.EMERGENCY)
    AlertBannerFactory(title="Collections delayed", scope=bins_section)
    AlertBannerFactory(title="Election day", starts_at=now + datetime.timedelta(days=3))
    AlertBannerFactory(
        title="Heatwave",
        starts_at=now - datetime.timedelta(days=3),
        ends_at=now - datetime.timedelta(days=1),
    )
    response = editor_client.get(LIST_URL)
    assert response.status_code == 200
    headings, rows = listing(response.content.decode())
    assert headings == [
        "Title",
        "Level",
        "Where it shows",
        "Start showing",
        "Stop showing",
        "Live",
    ]
    assert rows["Flood warning"][0] == "Emergency"
    assert rows["Flood warning"][1] == "Whole site"
    assert rows["Flood warning"][-1] == "Live"
    assert rows["Collections delayed"][1] == "Bins and recycling"
    assert rows["Election day"][-1] == "Scheduled"
    assert rows["Heatwave"][-1] == "Ended"
    assert rows["Heatwave"][3] != ""


def test_editors_can_filter_the_list_by_level(editor_client):
    AlertBannerFactory(title="Flood warning", level=AlertLevel.EMERGENCY)
    AlertBannerFactory(title="New library hours")
    _, rows = listing(editor_client.get(LIST_URL, {"level": AlertLevel.EMERGENCY}).content.decode())
    assert list(rows) == ["Flood warning"]


def test_editors_can_download_the_list(editor_client, bins_section):
    AlertBannerFactory(title="Collections delayed", scope=bins_section, level=AlertLevel.WARNING)
    response = editor_client.get(LIST_URL, {"export": "csv"})
    assert response.status_code == 200
    lines = b"".join(response.streaming_content).decode().splitlines()
    assert lines[0] == "Title,Level,Where it shows,Start showing,Stop showing,Live"
    assert lines[1].startswith("Collections delayed,Warning,Bins and recycling,")
    assert lines[1].endswith(",Live")


def test_an_editor_adds_an_alert_and_residents_see_it(editor_client):
    response = editor_client.post(
        ADD_URL,
        {
            "title": "Roadworks on the High Street",
            "message": draftail("Expect delays to buses."),
            "level": AlertLevel.WARNING,
            "starts_at": (timezone.localtime() - datetime.timedelta(minutes=5)).strftime(
                "%Y-%m-%d %H:%M"
            ),
            "ends_at": "",
            "scope": "",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    alert = AlertBanner.objects.get()
    assert alert.locale.language_code == "en"
    html = editor_client.get("/").content.decode()
    assert "Roadworks on the High Street" in html
    assert "Expect delays to buses." in html


def test_an_alert_cannot_stop_before_it_starts(editor_client):
    start = timezone.localtime() + datetime.timedelta(days=1)
    response = editor_client.post(
        ADD_URL,
        {
            "title": "Roadworks on the High Street",
            "message": draftail("Expect delays to buses."),
            "level": AlertLevel.WARNING,
            "starts_at": start.strftime("%Y-%m-%d %H:%M"),
            "ends_at": (start - datetime.timedelta(hours=2)).strftime("%Y-%m-%d %H:%M"),
            "scope": "",
        },
    )
    assert response.status_code == 200
    assert "The time it stops showing must be after the time it starts." in (
        response.content.decode()
    )
    assert not AlertBanner.objects.exists()
