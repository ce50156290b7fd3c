"""3. Form submissions a second end to end, on the stack (`make bench`, after `make stack`).

What is measured is the final POST, "Send form" on check your answers: the answers in the session
become a submission, a case in its queue and the outbox rows of its messages, in one transaction.

One resident walks "Report a missed bin collection" to check your answers over HTTP. Their session
is then copied, each copy with a journey token of its own (the token is what makes a submission
happen once, so a copy is a different resident's journey), and wrk sends each copy's final POST
once, to both app processes at the same time, each request from an address of its own (as the
load balancer would pass it on: the per-address limit on submissions is for one household, not
for a borough). The rate is the cases made over the seconds of load; p50 and p99 come from wrk.
"""

import os
import re
import secrets
import sys
import threading
import time
import uuid
from importlib import import_module
from pathlib import Path
from urllib.parse import urlencode

import requests

sys.path.insert(0, str(Path(__file__).resolve().parent))

import stackenv  # noqa: E402

stackenv.setup()

from django.conf import settings  # noqa: E402

from load import wrk  # noqa: E402
from results import record  # noqa: E402

from forms_app.cases.models import Case  # noqa: E402
from forms_app.connectors.models import WebhookDelivery  # noqa: E402
from forms_app.journeys.models import JourneyPage, Submission  # noqa: E402
from forms_app.journeys.progress import state_key  # noqa: E402
from forms_app.notifications.models import Notification  # noqa: E402

PORT = int(os.environ.get("STACK_PORT", "8100"))
APPS = [f"http://127.0.0.1:{PORT + 1}", f"http://127.0.0.1:{PORT + 2}"]
SECONDS = int(os.environ.get("BENCH_SECONDS", "8"))
# Enough journeys that no copy is sent twice at up to this many submissions a second.
MOST_PER_SECOND = int(os.environ.get("BENCH_MOST_SUBMISSIONS", "600"))

FORM = "/bins-and-recycling/report-a-missed-bin-collection/form/"
ANSWERS = {
    "bin": "general",
    "due_today": "no",
    "address_0": "1 Stryd Fawr",
    "address_1": "",
    "address_2": "Glanrhyd",
    "address_3": "GR1 1AB",
    "full_name": "Bench Resident",
    "email": "bench@example.com",
    "phone": "",
}
STEP_FORM = re.compile(
    r'<form method="post" enctype="multipart/form-data" novalidate>(.*?)</form>', re.S
)  # noqa: E501
FIELD = re.compile(r'name="([^"]+)"')
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def outbox_rows():
    """Messages and webhook deliveries waiting or sent: the outbox's rows of every kind."""
    return Notification.objects.count() + WebhookDelivery.objects.count()


def walk_to_check_answers():
    """One resident's journey over HTTP: the session cookie and the check page's hidden fields."""
    session = requests.Session()
    session.headers["X-Forwarded-For"] = "10.255.255.254"
    response = session.get(APPS[0] + FORM, timeout=30)
    for _ in range(10):
        step = STEP_FORM.search(response.text)
        if step is None:
            break
        fields = set(FIELD.findall(step.group(1)))
        data = {"csrfmiddlewaretoken": CSRF.search(step.group(1)).group(1)}
        data.update({name: value for name, value in ANSWERS.items() if name in fields})
        response = session.post(response.url, data=data, timeout=30)
    if not response.url.endswith("/check-your-answers/"):
        raise SystemExit(f"the walk ended at {response.url}, not check your answers: fix ANSWERS")
    send = re.search(r'<form method="post" novalidate>(.*?)</form>', response.text, re.S).group(1)
    hidden = dict(re.findall(r'type="hidden" name="([^"]+)" value="([^"]*)"', send))
    return session.cookies.get_dict(), hidden, response.url


def copies(cookies, count):
    """`count` sessions like the walked one, each journey with a token of its own."""
    page = JourneyPage.objects.get(url_path__endswith="/report-a-missed-bin-collection/form/")
    engine = import_module(settings.SESSION_ENGINE)
    walked = engine.SessionStore(cookies[settings.SESSION_COOKIE_NAME])
    data = walked.load()
    made = []
    for _ in range(count):
        store = engine.SessionStore()
        store.update(data)
        token = str(uuid.uuid4())
        store[state_key(page)] = {**data[state_key(page)], "token": token}
        store.save()
        made.append((store.session_key, token))
    return made


LUA = """
items = {%s}
local threads = 0
setup = function(thread)
  thread:set("id", threads)
  threads = threads + 1
end
init = function(args)
  sent = 0
end
request = function()
  local item = items[(sent * %d + id) %% #items + 1]
  sent = sent + 1
  return wrk.format("POST", nil, {
    ["Cookie"] = item[1],
    ["Content-Type"] = "application/x-www-form-urlencoded",
    ["X-Forwarded-For"] = item[3],
  }, item[2])
end
"""
THREADS = 2
CONNECTIONS = 8


# Each run's addresses start somewhere new in 10.0.0.0/8: the limit on submissions is per address
# and per hour, so a second run within the hour from the same addresses would be refused (429).
FIRST_ADDRESS = secrets.randbelow(1 << 23)


def lua_for(items, cookies, hidden):
    rows = []
    for item, (session_key, token) in items:
        number = FIRST_ADDRESS + item
        body = urlencode({**hidden, "token": token, "website": ""})
        cookie = (
            f"{settings.SESSION_COOKIE_NAME}={session_key}; "
            f"{settings.CSRF_COOKIE_NAME}={cookies[settings.CSRF_COOKIE_NAME]}"
        )
        address = f"10.{number >> 16 & 255}.{number >> 8 & 255}.{number & 255}"
        rows.append(f'{{"{cookie}", "{body}", "{address}"}}')
    return LUA % (",\n".join(rows), THREADS)


def main():
    print(f"bench/submissions.py: final POSTs to {' and '.join(APPS)}, {SECONDS} s of load")
    cookies, hidden, check_url = walk_to_check_answers()
    path = check_url.split(str(PORT + 1), 1)[1].lstrip("/")
    count = MOST_PER_SECOND * SECONDS
    print(f"  copying the walked journey {count:,} times", flush=True)
    items = list(enumerate(copies(cookies, count)))
    halves = [items[0::2], items[1::2]]
    before = (Submission.objects.count(), Case.objects.count(), outbox_rows())
    loads = [None, None]

    def run(index):
        lua = lua_for(halves[index], cookies, hidden)
        loads[index] = wrk(
            f"{APPS[index]}/{path}",
            seconds=SECONDS,
            connections=CONNECTIONS,
            threads=THREADS,
            lua=lua,
        )

    started = time.monotonic()
    workers = [threading.Thread(target=run, args=(index,)) for index in (0, 1)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    elapsed = time.monotonic() - started
    # A POST still in flight when wrk stops its clock is answered after it: wait for those.
    time.sleep(2)
    submissions = Submission.objects.count() - before[0]
    cases = Case.objects.count() - before[1]
    outbox = outbox_rows() - before[2]
    requests_sent = sum(load.requests for load in loads)
    errors = sum(load.errors for load in loads)
    if requests_sent > count:
        raise SystemExit(f"{requests_sent:,} POSTs for {count:,} journeys: raise MOST_PER_SECOND")
    in_flight = 2 * CONNECTIONS
    if errors or cases != submissions or not requests_sent <= cases <= requests_sent + in_flight:
        raise SystemExit(
            f"{requests_sent:,} final POSTs made {submissions:,} submissions and {cases:,} cases"
            f" with {errors:,} errors:\n{loads[0].output}\n{loads[1].output}"
        )
    # What wrk saw answered within its seconds (the few answered after are not counted).
    per_second = requests_sent / SECONDS
    p50 = max(load.p50_ms for load in loads)
    p99 = max(load.p99_ms for load in loads)
    record(
        3,
        "Form submissions a second end to end (final POST → submission, case, outbox), p50/p99",
        f"{per_second:,.0f}/s ({cases:,} cases, {outbox:,} outbox rows in {SECONDS} s of"
        f" load, {elapsed:.0f} s in all), p50 {p50:.0f} ms, p99 {p99:.0f} ms (the slower app"
        " process)",
        "≥ 300/s, p99 < 200 ms",
        per_second >= 300 and p99 < 200,
    )


if __name__ == "__main__":
    main()
