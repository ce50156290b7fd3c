"""A resident's browser over real HTTP: cookies, CSRF tokens from each page, redirects followed."""

from .servers import REQUEST_TIMEOUT, http_session, soup
from .walk import ANSWERS


class Resident:
    def __init__(self, name, email, forwarded_for=None):
        self.name = name
        self.email = email
        self.session = http_session()
        if forwarded_for:
            self.session.headers["X-Forwarded-For"] = forwarded_for

    def request(self, method, url, data=None, **kwargs):
        return self.session.request(method, url, data=data, timeout=REQUEST_TIMEOUT, **kwargs)

    def answer_every_question(self, form_url):
        """Every step of the missed-bin form; returns the "Check your answers" response."""
        page = self.request("GET", form_url)
        assert page.status_code == 200, (form_url, page.status_code)
        contact = {"full_name": self.name, "email": self.email, "phone": ""}
        for slug, data in (*ANSWERS, ("contact-details", contact)):
            csrf = soup(page).find("input", attrs={"name": "csrfmiddlewaretoken"})["value"]
            page = self.request("POST", f"{form_url}{slug}/", {"csrfmiddlewaretoken": csrf, **data})
            assert page.status_code == 200, (slug, page.status_code)
        assert page.url.endswith("/check-your-answers/"), page.url
        return page


def send_fields(check_answers):
    """The fields "Send form" posts (CSRF token, journey token, answers fingerprint)."""
    form = soup(check_answers).find("input", attrs={"name": "token"}).find_parent("form")
    return {field["name"]: field.get("value", "") for field in form.find_all("input")}


def reference_on(confirmation):
    panel = soup(confirmation).select_one(".govuk-panel__body strong")
    return panel and panel.get_text().replace(" ", "").strip()
