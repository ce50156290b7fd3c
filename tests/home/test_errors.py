"""The 500 page must render with no request context and no database."""

from django.test import Client, override_settings
from django.urls import path

import pytest


def _broken_view(request):
    raise RuntimeError("boom")


urlpatterns = [path("broken/", _broken_view)]


@pytest.mark.django_db
@override_settings(ROOT_URLCONF=__name__)
def test_server_error_page_is_govuk_styled_and_reassures_the_resident():
    response = Client(raise_request_exception=False).get("/broken/")
    assert response.status_code == 500
    html = response.content.decode()
    assert '<h1 class="govuk-heading-l">Sorry, there is a problem with the service</h1>' in html
    assert "/static/townhall/townhall.css" in html
