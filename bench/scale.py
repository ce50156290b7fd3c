"""The stack with a large council's data in it (`make bench`, after `make stack`).

4. Search at 10,000 pages: 10,000 news pages are added to the stack's PostgreSQL (once: a second
   run finds them there), then the search results page is loaded straight to one app process,
   a different query each request: p50 and p95 from wrk.
5. The staff case list at 100,000 cases: 100,000 cases are added to one queue (once), then the
   list is loaded by a member of that queue's team: p95 from wrk, and the SQL queries of one
   request counted with the demo's cases alone and again with 100,000 (they must not grow).

The data is written as the app would write it (pages saved one by one, so Wagtail indexes them for
search as it does on publish; cases in bulk, as nothing but the row matters to the list).

`bench/scale.py search` (or `cases`) measures one figure alone; with none named, both.
"""

import argparse
import datetime
import os
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import stackenv  # noqa: E402

stackenv.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.contrib.auth.models import Group  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.utils import timezone  # noqa: E402

from wagtail.models import Page  # noqa: E402

from load import wrk  # noqa: E402
from results import record  # noqa: E402

from forms_app.cases.enums import CaseStatus  # noqa: E402
from forms_app.cases.models import Case, Queue  # noqa: E402
from services.models import NewsIndexPage, NewsPage  # noqa: E402

PORT = int(os.environ.get("STACK_PORT", "8100"))
APP = f"http://127.0.0.1:{PORT + 1}"
SECONDS = int(os.environ.get("BENCH_SECONDS", "8"))
# Gunicorn workers in each of the stack's app processes (deploy/stack/start).
WORKERS = int(os.environ.get("STACK_WORKERS", "2"))

PAGES = 10_000
CASES = 100_000
ARCHIVE_SLUG = "bench-news-archive"
BENCH_QUEUE = "Waste"
CASEWORKER = "bench-caseworker"
SMALL_TEAM_USER = "revenues_officer"
BENCH_SUMMARY = "Report a missed bin collection (benchmark)"

PLACES = ["Glanrhyd", "Aberhafren", "Pentre", "Llanfair", "Castle ward", "Mill ward"]
TOPICS = [
    ("bin collections", "recycling boxes, food waste caddies and garden waste"),
    ("council tax", "bills, discounts, reductions and paying by Direct Debit"),
    ("library", "opening hours, events, e-books and computer sessions"),
    ("planning", "applications, decisions, appeals and building control"),
    ("parking", "permits, penalty charges and car park charges"),
    ("roads", "potholes, gritting routes, street lights and road closures"),
    ("housing", "homelessness advice, repairs and the housing register"),
    ("schools", "admissions, term dates, free school meals and transport"),
]
QUERIES = [
    "bins",
    "council tax",
    "library opening hours",
    "planning application",
    "parking permit",
    "pothole",
    "housing register",
    "school admissions",
    "recycling",
    "road closures",
]


def generate_pages(rng):
    """10,000 live news pages under one news index of their own, added once."""
    home = Page.objects.get(depth=2, locale__language_code="en")
    archive = NewsIndexPage.objects.filter(slug=ARCHIVE_SLUG).first()
    if archive is None:
        archive = home.add_child(
            instance=NewsIndexPage(title="News archive (benchmark)", slug=ARCHIVE_SLUG)
        )
        archive.save_revision().publish()
    have = archive.get_children().count()
    if have >= PAGES:
        return
    print(f"  adding {PAGES - have:,} news pages (once; about a minute a thousand)", flush=True)
    archive = NewsIndexPage.objects.get(pk=archive.pk)
    now = timezone.now()
    for number in range(have + 1, PAGES + 1):
        topic, detail = rng.choice(TOPICS)
        place = rng.choice(PLACES)
        page = NewsPage(
            title=f"{place}: changes to {topic} ({number})",
            slug=f"bench-{number}",
            summary=f"What is changing about {topic} in {place}: {detail}.",
            date=now.date() - datetime.timedelta(days=number % 700),
            live=True,
            has_unpublished_changes=False,
            first_published_at=now,
            last_published_at=now,
            locale_id=archive.locale_id,
            depth=archive.depth + 1,
            path=Page._get_path(archive.path, archive.depth + 1, number),
            numchild=0,
        )
        # Paths are given, so no per-page tree lock: the pages are saved (and indexed) one by one.
        with transaction.atomic():
            page.save()
        if number % 1000 == 0:
            Page.objects.filter(pk=archive.pk).update(numchild=number)
            print(f"    {number:,}", flush=True)
    Page.objects.filter(pk=archive.pk).update(numchild=PAGES)


def search_latency():
    rng = random.Random(14)  # noqa: S311 - benchmark data, not security
    generate_pages(rng)
    pages = Page.objects.live().count()
    paths = ", ".join(f'"/search/?q={query.replace(" ", "+")}"' for query in QUERIES)
    rotate = f"""
paths = {{{paths}}}
counter = 0
request = function()
  counter = counter + 1
  return wrk.format("GET", paths[(counter % #paths) + 1])
end
"""
    # As many searches at once as the app process has workers: latency, not a queue's length.
    load = wrk(f"{APP}/search/", seconds=SECONDS, connections=WORKERS, threads=WORKERS, lua=rotate)
    if load.errors:
        raise SystemExit(f"search answered with errors:\n{load.output}")
    record(
        4,
        f"Search p50/p95 at {pages:,} live pages on PostgreSQL",
        f"p50 {load.p50_ms:.0f} ms, p95 {load.p95_ms:.0f} ms ({load.per_second:,.0f} searches/s)",
        "p95 < 50 ms",
        load.p95_ms < 50,
    )


def caseworker():
    user, _ = get_user_model().objects.get_or_create(
        username=CASEWORKER, defaults={"email": "bench@example.com", "first_name": "Bench"}
    )
    user.groups.add(Group.objects.get(name=BENCH_QUEUE))
    return user


def list_queries(user):
    client = Client(HTTP_HOST="127.0.0.1")
    client.cookies.load(stackenv.signed_in_cookie(user))
    first = client.get("/admin/cases/")
    if first.status_code != 200:
        raise SystemExit(f"/admin/cases/ answered {first.status_code} to the bench caseworker")
    with CaptureQueriesContext(connection) as captured:
        client.get("/admin/cases/")
    return len(captured)


def generate_cases(rng):
    queue = Queue.objects.get(name=BENCH_QUEUE)
    existing = set(Case.objects.filter(summary=BENCH_SUMMARY).values_list("reference", flat=True))
    if len(existing) >= CASES:
        return
    have = len(existing)
    print(f"  adding {CASES - have:,} cases to the {BENCH_QUEUE} queue (once)", flush=True)
    statuses = [CaseStatus.NEW, CaseStatus.IN_PROGRESS, CaseStatus.WAITING, CaseStatus.CLOSED]
    today = timezone.localdate()
    batch = []
    numbers = (n for n in range(CASES * 2) if f"X{n:07d}" not in existing)
    for _, number in zip(range(CASES - have), numbers, strict=False):
        received = timezone.now() - datetime.timedelta(minutes=number)
        batch.append(
            Case(
                reference=f"X{number:07d}",  # "0" is never in a real reference
                summary=BENCH_SUMMARY,
                queue=queue,
                status=rng.choice(statuses),
                due_date=today + datetime.timedelta(days=rng.randint(-10, 10)),
                resident_name=f"Resident {number}",
                resident_email=f"resident{number}@example.com",
                resident_postcode=f"GR{number % 9 + 1} {number % 7 + 1}AB",
                created_at=received,
            )
        )
        if len(batch) == 5000:
            Case.objects.bulk_create(batch)
            batch = []
    Case.objects.bulk_create(batch)


def case_list():
    rng = random.Random(15)  # noqa: S311 - benchmark data, not security
    user = caseworker()
    generate_cases(rng)
    # The same list for a member of a small team (the demo's Revenues officer) and for one whose
    # queue holds the 100,000: the queries must not depend on how many cases there are.
    small_team = get_user_model().objects.get(username=SMALL_TEAM_USER)
    few = Case.objects.for_user(small_team).count()
    queries_few = list_queries(small_team)
    many = Case.objects.for_user(user).count()
    queries_many = list_queries(user)
    record(
        5,
        "Staff case list: SQL queries of one request",
        f"{queries_few} with {few:,} cases in the team's queues and {queries_many} with {many:,}",
        "≤ 15, the same",
        queries_few == queries_many and queries_many <= 15,
    )
    cookie = stackenv.signed_in_cookie(user)
    load = wrk(
        f"{APP}/admin/cases/",
        seconds=SECONDS,
        connections=WORKERS,
        threads=WORKERS,
        headers=[f"Cookie: {cookie}"],
    )
    if load.errors:
        raise SystemExit(f"the case list answered with errors:\n{load.output}")
    record(
        5,
        f"Staff case list at {many:,} cases in the team's queues: p95",
        f"p50 {load.p50_ms:.0f} ms, p95 {load.p95_ms:.0f} ms ({load.per_second:,.0f} requests/s)",
        "p95 < 150 ms",
        load.p95_ms < 150,
    )


FIGURES = {"search": search_latency, "cases": case_list}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "figures",
        nargs="*",
        metavar="|".join(FIGURES),
        help="the figures to measure: all of them if none is named",
    )
    chosen = parser.parse_args().figures or list(FIGURES)
    unknown = [name for name in chosen if name not in FIGURES]
    if unknown:
        parser.error(f"no figure called {', '.join(unknown)}: choose from {', '.join(FIGURES)}")
    print(f"bench/scale.py: the stack at {APP}, {SECONDS} s of load a figure")
    for name in chosen:
        FIGURES[name]()


if __name__ == "__main__":
    main()
