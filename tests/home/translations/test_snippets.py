"""An editor translates an alert banner, a translatable snippet, into Welsh."""

from django.urls import reverse

import pytest
from bs4 import BeautifulSoup

from home.alerts.models import AlertBanner
from tests.factories.alerts import AlertBannerFactory

from .conftest import translation_editor, type_translation

pytestmark = pytest.mark.django_db

WELSH = {
    "Bin collections are delayed because of snow": "Mae casgliadau biniau’n hwyr oherwydd eira",
    "Check before you travel.": "Gwiriwch cyn i chi deithio.",
}


def banners(response):
    assert response.status_code == 200
    soup = BeautifulSoup(response.text, "html.parser")
    return [
        " ".join(banner.get_text(" ").split())
        for banner in soup.select(".govuk-notification-banner__content")
    ]


def test_an_editor_translates_an_alert_banner_and_residents_see_it_in_welsh(
    editor_client, bins_section, welsh, client
):
    alert = AlertBannerFactory(title="Bin collections are delayed because of snow")
    list_url = reverse("wagtailsnippets_alerts_alertbanner:list")
    submit_url = reverse(
        "wagtail_localize:submit_snippet_translation", args=["alerts", "alertbanner", alert.pk]
    )
    # The alert list offers the editor a way to translate it.
    assert submit_url in editor_client.get(list_url).text

    response = editor_client.post(submit_url, {"locales": [welsh.pk]})
    welsh_alert = alert.get_translation(welsh)
    edit_url = reverse("wagtailsnippets_alerts_alertbanner:edit", args=[welsh_alert.pk])
    assert response["Location"] == edit_url

    to_translate, saved = translation_editor(editor_client.get(edit_url))
    assert set(to_translate) == set(WELSH)
    assert saved == {}
    for english, address in to_translate.items():
        assert type_translation(editor_client, address, WELSH[english]).status_code == 201
    # Alerts have no drafts: saving the translation puts it live, as any alert edit does.
    assert editor_client.post(edit_url, {"action": "publish"})["Location"] == edit_url

    welsh_alert = AlertBanner.objects.get(pk=welsh_alert.pk)
    assert welsh_alert.title == "Mae casgliadau biniau’n hwyr oherwydd eira"
    [welsh_banner] = banners(client.get("/cy/"))
    assert "Mae casgliadau biniau’n hwyr oherwydd eira" in welsh_banner
    assert "Gwiriwch cyn i chi deithio." in welsh_banner
    [english_banner] = banners(client.get("/"))
    assert "Bin collections are delayed because of snow" in english_banner
