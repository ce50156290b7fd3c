"""How much work the pages residents use most cost, against a baseline measured in the same run.

Run with `make bench`. It builds the demo council in a throwaway in-memory database, then requests
each page many times with Django's test client (the whole stack: middleware, routing, templates)
and prints, per page: the median time as a multiple of the baseline (`/healthz`, one small query),
the database queries of a warm request, and the same for the page once the site has ten times the
news and services. Ratios, not seconds, so runs on different machines can be compared; a ratio
that grows with the content, or a query count that does, is the thing to look for.
"""

import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "townhall.settings.test")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402

ROUNDS = 30
PAGES = {
    "home": "/",
    "category": "/bins-and-recycling/",
    "service": "/bins-and-recycling/report-a-missed-bin-collection/",
    "news index": "/news/",
    "location": "/contact-the-council/glanrhyd-civic-centre-reception/",
    "search": "/search/?q=bins",
    "welsh service": "/cy/biniau-ac-ailgylchu/rhoi-gwybod-am-fin-heb-ei-gasglu/",
}


def measure(client, path):
    """(median seconds, queries) of a warm GET of `path`."""
    response = client.get(path)
    if response.status_code != 200:
        raise SystemExit(f"{path} answered {response.status_code}: fix PAGES in bench/pages.py")
    with CaptureQueriesContext(connection) as queries:
        client.get(path)
    count = len(queries)  # now: each request starts by emptying the connection's query log
    times = []
    for _ in range(ROUNDS):
        start = time.perf_counter()
        client.get(path)
        times.append(time.perf_counter() - start)
    return statistics.median(times), count


def grow_the_site(times):
    """Add `times` x the demo's news and services, so cost that grows with content shows."""
    from wagtail.models import Page

    from services.models import NewsIndexPage, NewsPage, ServiceIndexPage, ServicePage

    news_index = NewsIndexPage.objects.live().filter(locale__language_code="en").first()
    category = Page.objects.get(url_path__endswith="/bins-and-recycling/").specific
    for number in range(NewsPage.objects.count() * times):
        news_index.add_child(
            instance=NewsPage(title=f"Council news {number}", summary="More news.", live=True)
        )
    for number in range(ServicePage.objects.child_of(category).count() * times):
        category.add_child(
            instance=ServicePage(title=f"Bin service {number}", summary="About bins.", live=True)
        )
    assert ServiceIndexPage.objects.exists()
    call_command("update_index", verbosity=0)


def main():
    setup_test_environment()
    connection.creation.create_test_db(verbosity=0)
    call_command("seed_demo", stdout=open(os.devnull, "w"))  # noqa: SIM115
    client = Client()
    baseline, _ = measure(client, "/healthz")

    before = {name: measure(client, path) for name, path in PAGES.items()}
    grow_the_site(10)
    after = {name: measure(client, path) for name, path in PAGES.items()}

    print(f"bench/pages.py: baseline /healthz median {baseline * 1000:.2f} ms ({ROUNDS} rounds)")
    header = ("page", "x baseline", "queries", "x baseline, 10x content", "queries")
    print("{:<15}{:>12}{:>9}{:>26}{:>9}".format(*header))
    for name in PAGES:
        (t1, q1), (t2, q2) = before[name], after[name]
        print(f"{name:<15}{t1 / baseline:>12.1f}{q1:>9}{t2 / baseline:>26.1f}{q2:>9}")


if __name__ == "__main__":
    main()
