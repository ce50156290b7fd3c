import pytest

pytestmark = pytest.mark.django_db


def test_search_finds_a_live_service_and_is_not_indexed(client, service_page):
    response = client.get("/search/", {"q": "missed bin"})
    assert response.status_code == 200
    html = response.content.decode()
    assert f'href="{service_page.url}">Report a missed bin collection</a>' in html
    assert response["X-Robots-Tag"] == "noindex"
    assert '<meta name="robots" content="noindex">' in html


def test_search_with_no_results_helps_the_resident(client, service_page):
    html = client.get("/search/", {"q": "zzzzqqq"}).content.decode()
    assert "0 results for ‘zzzzqqq’" in html
    assert "Check your spelling" in html


def test_search_leaves_out_unpublished_pages(client, service_page):
    service_page.unpublish()
    html = client.get("/search/", {"q": "missed bin"}).content.decode()
    assert "Report a missed bin collection</a>" not in html
