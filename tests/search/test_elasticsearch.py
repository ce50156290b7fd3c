"""Search against a real Elasticsearch 8 server. No server can be installed on the development
machines, so these run only when one is given:

    ELASTICSEARCH_URL=http://localhost:9200 .venv/bin/pytest -p no:cov -m elasticsearch tests/search

(e.g. `docker run -p 9200:9200 -e discovery.type=single-node -e xpack.security.enabled=false
docker.elastic.co/elasticsearch/elasticsearch:8.19.0`). Without ELASTICSEARCH_URL they are reported
as skipped, never run against a stand-in. The tests write to indexes prefixed `townhall_test_`.
"""

import io
import os

from django.core.management import call_command
from django.test import override_settings

import pytest

from search.demo import seed_search
from search.ranking import search

ELASTICSEARCH_URL = os.environ.get("ELASTICSEARCH_URL")

pytestmark = [
    pytest.mark.elasticsearch,
    pytest.mark.django_db,
    pytest.mark.skipif(
        not ELASTICSEARCH_URL,
        reason="needs a real Elasticsearch 8 server: set ELASTICSEARCH_URL to run these",
    ),
]

BACKENDS = {
    "default": {
        "BACKEND": "wagtail.search.backends.elasticsearch8",
        "URLS": [ELASTICSEARCH_URL],
        "INDEX_PREFIX": "townhall_test_",
        "TIMEOUT": 10,
    }
}


@pytest.fixture
def indexed_demo_council():
    with override_settings(WAGTAILSEARCH_BACKENDS=BACKENDS):
        call_command("seed_demo", stdout=io.StringIO())
        seed_search(io.StringIO())
        call_command("update_index", stdout=io.StringIO())
        yield


def titles(query):
    results = search(query)
    return [hit.page.title for hit in [*results.promoted, *results.hits]]


def test_the_relevance_table_holds_on_elasticsearch(indexed_demo_council):
    from .test_relevance import RELEVANCE, misses

    assert misses(RELEVANCE) == []


def test_unpublishing_takes_a_page_out_of_the_index(indexed_demo_council):
    from services.models import ServicePage

    page = ServicePage.objects.get(title="Report a pothole")
    assert "Report a pothole" in titles("pothole")
    page.unpublish()
    assert "Report a pothole" not in titles("pothole")


def test_the_results_page_works_on_elasticsearch(indexed_demo_council, client):
    html = client.get("/search/", {"q": "blue badge"}).content.decode()
    assert "Apply for a Blue Badge</a>" in html
