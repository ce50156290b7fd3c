"""The served stack under load (`make bench` starts it with `make stack` first).

1. A cached page through Varnish, in requests a second, as a share of nginx serving the very same
   bytes as a static file on this machine in the same run.
2. Each page type straight to one app process (no front cache), as a share of `/healthz` in the
   same process: how close a page comes to the framework's own ceiling.
6. The resident memory of each app worker after it has answered 10,000 requests between them.

Ratios from one run, so machines can be compared; the load is wrk on loopback, bounded in time.
"""

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import requests

sys.path.insert(0, str(Path(__file__).resolve().parent))

from load import wrk  # noqa: E402
from results import ROOT, record  # noqa: E402

PORT = int(os.environ.get("STACK_PORT", "8100"))
VARNISH = f"http://127.0.0.1:{PORT}"
APP = f"http://127.0.0.1:{PORT + 1}"
NGINX_PORT = PORT + 10
SECONDS = int(os.environ.get("BENCH_SECONDS", "8"))

PAGE_TYPES = {
    "home": "/",
    "category": "/bins-and-recycling/",
    "service": "/bins-and-recycling/report-a-missed-bin-collection/",
    "guide": "/bins-and-recycling/recycling-guide-what-goes-in-which-bin/",
    "news index": "/news/",
    "location": "/contact-the-council/glanrhyd-civic-centre-reception/",
    "Welsh service": "/cy/biniau-ac-ailgylchu/rhoi-gwybod-am-fin-heb-ei-gasglu/",
}


def _get(url):
    response = requests.get(url, timeout=30)
    if response.status_code != 200:
        raise SystemExit(f"{url} answered {response.status_code}: is `make stack` up?")
    return response


ROUNDS = 3


def _middle(loads):
    return sorted(loads, key=lambda load: load.per_second)[len(loads) // 2]


def cached_page_against_nginx():
    path = "/bins-and-recycling/report-a-missed-bin-collection/"
    _get(VARNISH + path)
    warm = _get(VARNISH + path)
    if warm.headers.get("X-Cache") != "HIT":
        record(
            1, "Cached page through Varnish, share of nginx static", "not cached", "≥ 80%", False
        )
        return
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        (root / "page.html").write_bytes(warm.content)
        (root / "nginx.conf").write_text(
            f"""
worker_processes auto;
pid {root}/nginx.pid;
error_log {root}/error.log;
events {{ worker_connections 1024; }}
http {{
    access_log off;
    client_body_temp_path {root}; proxy_temp_path {root}; fastcgi_temp_path {root};
    uwsgi_temp_path {root}; scgi_temp_path {root};
    server {{
        listen 127.0.0.1:{NGINX_PORT};
        root {root};
        location / {{ default_type text/html; try_files /page.html =404; }}
    }}
}}
"""
        )
        nginx = shutil.which("nginx") or "/usr/sbin/nginx"
        subprocess.run([nginx, "-c", str(root / "nginx.conf"), "-p", str(root)], check=True)  # noqa: S603
        try:
            time.sleep(0.5)
            # In turns, three of each, and the middle run of each kept: on a machine whose cores
            # the load generator shares, one run alone swings by a fifth either way.
            # The same address asked of both (nginx answers any with the page), so the requests
            # are byte for byte the same too.
            nginx_workers = _children(int((root / "nginx.pid").read_text()))
            varnish_child = _children(int((ROOT / "var" / "stack" / "varnish.pid").read_text()))
            statics, cacheds = [], []
            static_cpu, cached_cpu = [], []
            for _ in range(ROUNDS):
                load, cpu = _with_cpu(
                    nginx_workers,
                    lambda: wrk(
                        f"http://127.0.0.1:{NGINX_PORT}{path}", seconds=SECONDS, connections=32
                    ),
                )
                statics.append(load)
                static_cpu.append(cpu)
                load, cpu = _with_cpu(
                    varnish_child, lambda: wrk(VARNISH + path, seconds=SECONDS, connections=32)
                )
                cacheds.append(load)
                cached_cpu.append(cpu)
            static = _middle(statics)
            cached = _middle(cacheds)
        finally:
            subprocess.run([nginx, "-c", str(root / "nginx.conf"), "-p", str(root), "-s", "stop"])  # noqa: S603
    share = cached.per_second / static.per_second
    record(
        1,
        "Cached page through Varnish, share of nginx serving the same bytes",
        f"{share:.0%} ({cached.per_second:,.0f} against {static.per_second:,.0f} requests/s,"
        f" the middle of {ROUNDS} runs each, in turns)",
        "≥ 80%",
        share >= 0.8,
    )
    # What the share comes from: each server's own processor time a request, in the same runs.
    # Other work on the machine changes requests a second far more than it changes this.
    static_us, cached_us = sorted(static_cpu)[ROUNDS // 2], sorted(cached_cpu)[ROUNDS // 2]
    record(
        1,
        "Processor time a cached page costs the server, Varnish against nginx (same runs)",
        f"{cached_us:.1f} µs against {static_us:.1f} µs a request ({cached_us / static_us:.1f}×),"
        f" the middle of {ROUNDS} runs each; wrk shares the same cores",
        "for the record",
        None,
    )


def _children(pid):
    return [int(child) for child in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]


def _cpu_seconds(pids):
    """User and system time of the processes so far (every thread of each), in seconds."""
    ticks = 0
    for pid in pids:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        ticks += int(fields[11]) + int(fields[12])
    return ticks / os.sysconf("SC_CLK_TCK")


def _with_cpu(pids, run):
    """The load `run` makes, and the processor time `pids` spent a request meanwhile, in µs."""
    before = _cpu_seconds(pids)
    load = run()
    return load, (_cpu_seconds(pids) - before) * 1e6 / max(load.requests, 1)


# A session cookie the app does not know: the visitor is anonymous, but the app neither answers
# from its kept copy nor keeps the page, so every request renders the page afresh.
UNKNOWN_SESSION = "Cookie: sessionid=bench-no-such-session"


def pages_against_healthz():
    """Each page type as anonymous visitors get it (from the app's kept copy after the first),
    and, for the record, rendered afresh every time."""
    ceiling = wrk(f"{APP}/healthz", seconds=SECONDS)
    for name, path in PAGE_TYPES.items():
        _get(APP + path)
        kept = wrk(APP + path, seconds=SECONDS)
        share = kept.per_second / ceiling.per_second
        record(
            2,
            f"{name} page straight to the app, share of /healthz",
            f"{share:.1%} ({kept.per_second:,.0f} against {ceiling.per_second:,.0f} requests/s,"
            f" p50 {kept.p50_ms:.0f} ms)",
            "≥ 25%",
            share >= 0.25,
        )
        fresh = wrk(APP + path, seconds=SECONDS, headers=[UNKNOWN_SESSION])
        record(
            2,
            f"{name} page rendered afresh every time, share of /healthz",
            f"{fresh.per_second / ceiling.per_second:.1%} ({fresh.per_second:,.0f} requests/s,"
            f" p50 {fresh.p50_ms:.0f} ms)",
            "for the record",
            None,
        )


ROTATE_LUA = """
paths = {%s}
counter = 0
request = function()
  counter = counter + 1
  return wrk.format("GET", paths[(counter %% #paths) + 1])
end
"""


def _pages_served(access_log):
    """Requests for pages the process has answered (its health checks and /healthz not counted)."""
    return sum("/healthz" not in line for line in access_log.read_text().splitlines())


def worker_memory():
    """Memory after 10,000 requests of the page types in turn (those of figure 2 count too)."""
    stack = ROOT / "var" / "stack"
    master = int((stack / f"app-{PORT + 1}.pid").read_text())
    access_log = stack / f"app-{PORT + 1}.access.log"
    rotate = ROTATE_LUA % ", ".join(f'"{path}"' for path in PAGE_TYPES.values())
    while (served := _pages_served(access_log)) < 10_000:
        wrk(f"{APP}/", seconds=SECONDS, lua=rotate)
    workers = Path(f"/proc/{master}/task/{master}/children").read_text().split()
    sizes, shares = [], []
    for pid in workers:
        status = Path(f"/proc/{pid}/status").read_text()
        rss_kb = int(
            next(line for line in status.splitlines() if line.startswith("VmRSS")).split()[1]
        )
        sizes.append(rss_kb / 1024)
        rollup = Path(f"/proc/{pid}/smaps_rollup").read_text()
        pss_kb = int(
            next(line for line in rollup.splitlines() if line.startswith("Pss:")).split()[1]
        )
        shares.append(pss_kb / 1024)
    largest = max(sizes)
    record(
        6,
        "App worker memory after 10,000 page requests or more (largest worker of the process)",
        f"{largest:.0f} MB after {served:,} requests ({len(sizes)} workers)",
        "< 150 MB",
        largest < 150,
    )
    # The target is on resident memory (VmRSS, above), which counts in full the pages a worker
    # shares with its siblings (libraries, the master's memory): what each worker adds is its
    # proportional share (PSS), kept for the record to size machines by.
    record(
        6,
        "App worker memory as its proportional share (PSS), largest worker of the process",
        f"{max(shares):.0f} MB (VmRSS counts shared pages in full; the target is on VmRSS)",
        "for the record",
        None,
    )


def main():
    print(f"bench/served.py: the stack at {VARNISH}, {SECONDS} s of load a figure")
    cached_page_against_nginx()
    pages_against_healthz()
    worker_memory()


if __name__ == "__main__":
    main()
