"""Load from Debian's wrk: requests a second and latency percentiles of an address on loopback."""

import re
import subprocess
from dataclasses import dataclass

UNITS = {"us": 1e-3, "ms": 1.0, "s": 1000.0}


@dataclass
class Load:
    requests: int
    per_second: float
    p50_ms: float
    p99_ms: float
    errors: int


def _ms(text):
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s)", text).groups()
    return float(number) * UNITS[unit]


def wrk(url, *, seconds=10, connections=16, threads=2, headers=(), script=None):
    """Run wrk against `url` for `seconds`; refuses anything but this machine."""
    if not url.startswith(("http://127.0.0.1:", "http://localhost:")):
        raise ValueError("the benchmarks load this machine's loopback only")
    command = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--latency"]
    for header in headers:
        command += ["-H", header]
    if script:
        command += ["-s", script]
    output = subprocess.run(  # noqa: S603 - Debian's wrk with our own arguments
        [*command, url], check=True, capture_output=True, text=True
    ).stdout
    latency = dict(re.findall(r"^\s+(50|99)%\s+(\S+)\s*$", output, re.MULTILINE))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    socket_errors = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )
    return Load(
        requests=int(re.search(r"(\d+) requests in", output).group(1)),
        per_second=float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        p50_ms=_ms(latency["50"]),
        p99_ms=_ms(latency["99"]),
        errors=(int(errors.group(1)) if errors else 0)
        + (sum(map(int, socket_errors.groups())) if socket_errors else 0),
    )
