"""A form's edit page says which queue its cases go to; those who may manage routing rules can
change it from there, and come back to the form after saving."""

import re
from urllib.parse import parse_qs, urlparse

from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from wagtail.models import GroupPagePermission, Page

import pytest
from bs4 import BeautifulSoup

from forms_app.cases.models import RoutingRule
from tests.factories import UserFactory
from tests.factories.journeys import JourneyPageFactory
from tests.factories.users import sign_in_verified

pytestmark = pytest.mark.django_db


@pytest.fixture
def missed_bin(service_page):
    return JourneyPageFactory(parent=service_page, title="Report a missed bin collection")


def _editor(*routing_permissions):
    """A web editor who may edit and publish pages, and perhaps manage routing rules."""
    group = Group.objects.create(name=f"Editors {len(routing_permissions)}")
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"),
        *Permission.objects.filter(
            content_type__app_label="cases", codename__in=routing_permissions
        ),
    )
    for codename in ("add_page", "change_page", "publish_page"):
        GroupPagePermission.objects.create(
            group=group,
            page=Page.get_first_root_node(),
            permission=Permission.objects.get(
                content_type__app_label="wagtailcore", codename=codename
            ),
        )
    user = UserFactory(username=f"editor{len(routing_permissions)}")
    user.groups.add(group)
    return user


def _panel(client, page):
    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code == 200
    soup = BeautifulSoup(response.content.decode(), "html.parser")
    panel = soup.find(id=re.compile(r"where_cases_go-content$"))
    assert panel is not None, "no 'Where cases go' panel on the form's edit page"
    return panel


def _text(panel):
    return " ".join(panel.get_text(" ", strip=True).split())


def test_the_form_edit_page_says_where_its_cases_go(client, missed_bin, waste_queue, housing_queue):
    RoutingRule.objects.create(
        journey=missed_bin, question_name="bin", answer="garden", queue=waste_queue
    )
    RoutingRule.objects.create(
        journey=missed_bin, question_name="bin", answer="glass", queue=waste_queue, order=1
    )
    sign_in_verified(client, _editor())

    text = _text(_panel(client, missed_bin))

    assert "‘Which bin was missed?’ is ‘Garden waste (brown bin)’: Waste" in text
    # A rule the form has outgrown is flagged where the editor will see it.
    assert "‘glass’ is not an option of ‘Which bin was missed?’" in text
    assert "All other cases from this form go to the default queue: Housing" in text


def test_a_rule_for_every_case_names_its_queue(client, missed_bin, waste_queue, housing_queue):
    RoutingRule.objects.create(journey=missed_bin, queue=waste_queue)
    sign_in_verified(client, _editor())

    assert "Cases from this form go to: Waste" in _text(_panel(client, missed_bin))


def test_an_editor_who_may_not_manage_routing_sees_the_queue_but_no_links(
    client, missed_bin, waste_queue, housing_queue
):
    RoutingRule.objects.create(journey=missed_bin, queue=waste_queue)
    sign_in_verified(client, _editor())

    panel = _panel(client, missed_bin)

    assert "Cases from this form go to: Waste" in _text(panel)
    assert panel.find_all("a") == []
    # And the routing rule screens stay closed to them.
    assert client.get(reverse("routing_rules:add")).status_code == 302


def test_whoever_may_manage_routing_changes_it_from_the_form_and_comes_back(
    client, missed_bin, waste_queue, housing_queue
):
    rule = RoutingRule.objects.create(journey=missed_bin, queue=housing_queue)
    sign_in_verified(client, _editor("add_routingrule", "change_routingrule", "view_routingrule"))
    form_url = reverse("wagtailadmin_pages:edit", args=[missed_bin.pk])

    panel = _panel(client, missed_bin)
    links = {link.get_text(" ", strip=True): link["href"] for link in panel.find_all("a")}
    assert links["Change this rule"].startswith(reverse("routing_rules:edit", args=[rule.pk]))
    add_url = links["Send this form’s cases to a queue"]
    assert parse_qs(urlparse(add_url).query) == {
        "journey": [str(missed_bin.pk)],
        "next": [form_url],
    }

    # The add form comes with this form chosen, and saving goes back to it.
    add = client.get(add_url)
    assert add.status_code == 200, add.get("Location")
    soup = BeautifulSoup(add.content.decode(), "html.parser")
    assert soup.find("input", attrs={"name": "journey"})["value"] == str(missed_bin.pk)
    action = soup.find("form", id="w-editor-form")["action"]
    saved = client.post(
        action,
        {
            "journey": missed_bin.pk,
            "listed_for": missed_bin.pk,
            "condition": '["bin", "garden"]',
            "queue": waste_queue.pk,
            "order": 0,
        },
    )
    assert saved.status_code == 302
    assert saved["Location"] == form_url
    # Tried after the rule for every case (same order number, added later): the editor is told.
    text = _text(_panel(client, missed_bin))
    assert "Cases from this form go to: Housing" in text
    assert (
        "Never used, because the rule above sends every case to its queue first (rules are "
        "tried from the lowest order number): ‘Which bin was missed?’ is ‘Garden waste (brown "
        "bin)’: Waste"
    ) in text

    # With a lower number, it is tried first.
    new_rule = RoutingRule.objects.get(question_name="bin")
    edit_url = reverse("routing_rules:edit", args=[new_rule.pk])
    changed = client.post(
        f"{edit_url}?next={form_url}",
        {
            "journey": missed_bin.pk,
            "listed_for": missed_bin.pk,
            "condition": '["bin", "garden"]',
            "queue": waste_queue.pk,
            "order": 0,
        },
    )
    assert changed["Location"] == form_url
    RoutingRule.objects.filter(pk=rule.pk).update(order=5)
    text = _text(_panel(client, missed_bin))
    assert "‘Which bin was missed?’ is ‘Garden waste (brown bin)’: Waste" in text
    assert "All other cases from this form go to: Housing" in text
    assert "Never used" not in text
