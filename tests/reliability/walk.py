"""Walking the demo missed-bin form as a resident, through Django's test client."""

from bs4 import BeautifulSoup

from tests.factories.journeys import ADDRESS

ANSWERS = (
    ("bin-type", {"bin": "general"}),
    ("collection-day", {"due_today": "no"}),
    ("address", ADDRESS),
)


def soup(response):
    return BeautifulSoup(response.content.decode(), "html.parser")


def answer_every_question(client, page, name="Sam Jones", email="sam@example.com", phone=""):
    """Answer each step of the missed-bin form; returns the "Check your answers" response."""
    contact = {"full_name": name, "email": email, "phone": phone}
    for slug, data in (*ANSWERS, ("contact-details", contact)):
        response = client.post(f"{page.url}{slug}/", data)
        assert response.status_code == 302, (slug, response.status_code)
    response = client.get(f"{page.url}check-your-answers/")
    assert response.status_code == 200
    return response


def send_fields(check_answers):
    """The hidden fields of the "Send form" button, as the browser would send them."""
    form = soup(check_answers).find("input", attrs={"name": "token"}).find_parent("form")
    return {field["name"]: field.get("value", "") for field in form.find_all("input")}


def send(client, page, **contact):
    """Answer everything and send the form; returns the reference the confirmation shows."""
    fields = send_fields(answer_every_question(client, page, **contact))
    sent = client.post(f"{page.url}check-your-answers/", fields)
    assert sent.status_code == 302 and sent["Location"] == f"{page.url}confirmation/", sent
    confirmation = client.get(sent["Location"])
    assert confirmation.status_code == 200
    return soup(confirmation).select_one(".govuk-panel__body strong").get_text().replace(" ", "")
