import re

from django.contrib.auth.models import Group, Permission

import pytest
from bs4 import BeautifulSoup

from forms_app.cases.models import Queue, RoutingRule
from forms_app.direct_debit.models import DirectDebitPage
from tests.factories import UserFactory

GOOD_ACCOUNT = "66374958"
BAD_ACCOUNT = "66374959"
SORT_CODE = "08-99-99"

DETAILS = {
    "payer_name": "Sam Jones",
    "payer_address_0": "1 High St",
    "payer_address_1": "",
    "payer_address_2": "Glanrhyd",
    "payer_address_3": "GR1 2BD",
    "payer_email": "sam@example.com",
    "account_reference": "1234 5678",
    "payment_day": "15",
}
BANK = {"bank_details_0": "S Jones", "bank_details_1": SORT_CODE, "bank_details_2": GOOD_ACCOUNT}


@pytest.fixture
def revenues(db):
    group = Group.objects.create(name="Revenues")
    group.permissions.add(
        *Permission.objects.filter(
            content_type__app_label="cases", codename__in=["view_case", "change_case"]
        ),
        Permission.objects.get(codename="access_admin"),
    )
    return Queue.objects.create(name="Revenues", group=group, is_default=True)


@pytest.fixture
def revenues_officer(revenues):
    user = UserFactory(username="revenues_officer")
    user.groups.add(revenues.group)
    return user


@pytest.fixture
def dd_page(service_page, revenues):
    page = DirectDebitPage(
        title="Pay your council tax by Direct Debit",
        slug="direct-debit",
        service_user_name="GLANRHYD COUNCIL",
        service_user_number="123456",
        reference_label="Council tax account number",
        reference_digits=8,
        reference_example="12345678",
        payment_days="1, 15",
        confirmation_heading="Direct Debit set up",
        what_happens_next="<p>We will write to you with your payment dates.</p>",
    )
    service_page.add_child(instance=page)
    RoutingRule.objects.create(journey=page, queue=revenues)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def text(response):
    return " ".join(BeautifulSoup(response.content.decode(), "html.parser").get_text(" ").split())


def token(response):
    return re.search(r'name="token" value="([^"]+)"', response.content.decode())[1]


def fill_in(client, page, *, bank=None, sole="yes"):
    """Walk the journey to check your answers; returns the responses in order."""
    responses = [client.get(f"{page.url}start/"), client.post(f"{page.url}start/")]
    responses.append(client.post(f"{page.url}your-details/", DETAILS))
    responses.append(client.post(f"{page.url}bank-details/", bank or BANK))
    responses.append(client.post(f"{page.url}authorise/", {"sole_signatory": sole}))
    return responses


def send(client, page, **extra):
    check = client.get(f"{page.url}check-your-answers/")
    assert check.status_code == 200
    data = {"token": token(check), "website": "", **extra}
    return check, client.post(f"{page.url}check-your-answers/", data, follow=True)
