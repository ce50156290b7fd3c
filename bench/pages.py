"""SQL queries a page type costs to render, with 10 and with 1,000 children (figure 2's counts).

Run by `make bench`. It builds the demo council in a throwaway test database, then renders each page
type once the site chrome is warm, with the app's kept copy of the page forgotten, so what is
counted is a real render. Then the category and the news index grow to 1,000 children each and the
same pages are counted again: a count that grows with the children is the thing to look for.
The time a render takes is measured on the served stack (bench/served.py), not here.
"""

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "townhall.settings.test")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402

from results import record  # noqa: E402

from townhall.pagecache import forget_every_page  # noqa: E402

CATEGORY = "/bins-and-recycling/"
NEWS = "/news/"
PAGES = {
    "home": "/",
    "category": CATEGORY,
    "service": "/bins-and-recycling/report-a-missed-bin-collection/",
    "guide": "/bins-and-recycling/recycling-guide-what-goes-in-which-bin/",
    "news index": NEWS,
    "location": "/contact-the-council/glanrhyd-civic-centre-reception/",
    "Welsh service": "/cy/biniau-ac-ailgylchu/rhoi-gwybod-am-fin-heb-ei-gasglu/",
}
MAX_QUERIES = 10


def queries(client, path):
    """Queries of one render of `path`, the site chrome warm."""
    response = client.get(path)
    if response.status_code != 200:
        raise SystemExit(f"{path} answered {response.status_code}: fix PAGES in bench/pages.py")
    forget_every_page()
    with CaptureQueriesContext(connection) as captured:
        client.get(path)
    return len(captured)


def grow_to(children):
    """The category and the news index with `children` children each."""
    from wagtail.models import Page

    from services.models import NewsPage, ServicePage

    for path, model, word in ((CATEGORY, ServicePage, "Service"), (NEWS, NewsPage, "News")):
        parent = Page.objects.get(url_path__endswith=path, locale__language_code="en").specific
        for number in range(parent.get_children().count(), children):
            parent.add_child(
                instance=model(title=f"{word} {number:04d}", summary="Generated.", live=True)
            )


def main():
    setup_test_environment()
    connection.creation.create_test_db(verbosity=0)
    with open(os.devnull, "w") as quiet:
        call_command("seed_demo", stdout=quiet)
    client = Client()
    print("bench/pages.py: queries per page type, a real render with the site chrome warm")
    grow_to(10)
    small = {name: queries(client, path) for name, path in PAGES.items()}
    grow_to(1000)
    large = {name: queries(client, path) for name, path in PAGES.items()}
    for name in PAGES:
        worst = max(small[name], large[name])
        record(
            2,
            f"SQL queries, {name} page, 10 and 1,000 children",
            f"{small[name]} and {large[name]}",
            f"≤ {MAX_QUERIES}, the same",
            worst <= MAX_QUERIES and small[name] == large[name],
        )


if __name__ == "__main__":
    main()
