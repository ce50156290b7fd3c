import html
import json
import re
from urllib.parse import urlencode

from django.urls import reverse

from wagtail.models import Locale, Page, Site

import pytest
from bs4 import BeautifulSoup

from home.demo import seed_workflow
from home.translations.demo import seed_translation_permissions
from tests.factories import (
    HomePageFactory,
    ServiceIndexPageFactory,
    ServicePageFactory,
    publish_translation,
)
from tests.factories.users import signed_in_member_of

REPORT_URL = reverse("translations_to_update")


class Silent:
    def write(self, text):
        pass


@pytest.fixture
def welsh(db):
    return Locale.objects.get_or_create(language_code="cy")[0]


@pytest.fixture
def english_home(db):
    """A council home page at the root of the default site, as seed_demo leaves it."""
    home = HomePageFactory(
        parent=Page.get_first_root_node(), slug="council-home", title="Testshire Council"
    )
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": home},
    )
    return home


@pytest.fixture
def bins_section(english_home, welsh):
    """'Bins and recycling', with the home page and itself already in Welsh (as in the demo), so a
    page below it can be translated and served at /cy/."""
    section = ServiceIndexPageFactory(
        parent=english_home, title="Bins and recycling", slug="bins-and-recycling"
    )
    section.save_revision().publish()
    publish_translation(english_home, welsh, title="Cyngor Testshire", slug="cartref")
    publish_translation(section, welsh, title="Biniau ac ailgylchu", slug="biniau-ac-ailgylchu")
    return section


@pytest.fixture
def service_page(bins_section):
    page = ServicePageFactory(
        parent=bins_section,
        title="Report a missed bin collection",
        slug="report-a-missed-bin",
        summary="Tell us if your bin was not emptied on your collection day.",
        body=[("heading", "Before you start"), ("paragraph", "<p>Wait until 6pm.</p>")],
    )
    page.save_revision().publish()
    return page


@pytest.fixture
def demo_groups(db):
    """The demo's Editors and Moderators, with their translation permissions."""
    seed_workflow(Silent())
    seed_translation_permissions(Silent())


def staff_client(username, group_name):
    return signed_in_member_of(group_name, username)


@pytest.fixture
def editor_client(demo_groups):
    return staff_client("editor", "Editors")


@pytest.fixture
def moderator_client(demo_groups):
    return staff_client("moderator", "Moderators")


def translation_editor(response):
    """What wagtail-localize's translation editor (a React app) is given to show: each piece of
    text to translate as {English text: the address it saves the Welsh to}, and the Welsh saved
    so far as {English text: Welsh text}."""
    assert response.status_code == 200, response.status_code
    found = re.search(r'class="js-translation-editor" data-props="([^"]*)"', response.text)
    assert found, "the translation editor is not on the page"
    props = json.loads(html.unescape(found.group(1)))
    segments = {s["id"]: s for s in props["segments"] if s["type"] == "string"}
    saved = {
        segments[t["segment_id"]]["source"]: t["data"]
        for t in props["initialStringTranslations"]
        if t["segment_id"] in segments
    }
    return {s["source"]: s["editUrl"] for s in segments.values()}, saved


def type_translation(client, edit_url, welsh_text):
    """Save one translation as the translation editor does when an editor types it in."""
    return client.put(
        edit_url,
        urlencode({"value": welsh_text}),
        content_type="application/x-www-form-urlencoded",
    )


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def report(client):
    """The report as an editor reads it: {page title: {column heading: cell text}}."""
    response = client.get(REPORT_URL)
    assert response.status_code == 200
    table = BeautifulSoup(response.text, "html.parser").select_one("table.listing")
    if table is None:
        return {}
    headings = [" ".join(th.get_text(" ").split()) for th in table.select("thead th")]
    rows = {}
    for tr in table.select("tbody tr"):
        cells = [" ".join(td.get_text(" ").split()) for td in tr.select("td")]
        rows[cells[0]] = dict(zip(headings, cells, strict=True))
    return rows


def notices(response):
    """The messages at the top of an admin page: {text: {button text: address}}."""
    soup = BeautifulSoup(response.text, "html.parser")
    return {
        " ".join(li.get_text(" ").split()): {
            a.get_text(strip=True): a["href"] for a in li.select("a[href]")
        }
        for li in soup.select(".messages li")
    }
