"""Load from Debian's wrk: requests a second and latency percentiles of an address on loopback."""

import re
import subprocess
import tempfile
from dataclasses import dataclass

# Every run prints the percentiles wrk's own summary leaves out (it has no 95th), in microseconds.
PERCENTILES_LUA = """
done = function(summary, latency, requests)
  io.write(string.format("townhall-percentiles %d %d %d\\n",
    latency:percentile(50), latency:percentile(95), latency:percentile(99)))
end
"""


@dataclass
class Load:
    requests: int
    per_second: float
    p50_ms: float
    p95_ms: float
    p99_ms: float
    errors: int
    output: str


def wrk(url, *, seconds=10, connections=16, threads=2, headers=(), lua=""):
    """Run wrk against `url` for `seconds`, with `lua` (a wrk script) if given; refuses anything
    but this machine."""
    if not url.startswith(("http://127.0.0.1:", "http://localhost:")):
        raise ValueError("the benchmarks load this machine's loopback only")
    with tempfile.NamedTemporaryFile("w", suffix=".lua") as script:
        script.write(lua + PERCENTILES_LUA)
        script.flush()
        command = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "-s", script.name]
        for header in headers:
            command += ["-H", header]
        output = subprocess.run(  # noqa: S603 - Debian's wrk with our own arguments
            [*command, url], check=True, capture_output=True, text=True
        ).stdout
    percentiles = re.search(r"townhall-percentiles (\d+) (\d+) (\d+)", output).groups()
    p50, p95, p99 = (int(us) / 1000 for us in percentiles)
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    socket_errors = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )
    return Load(
        requests=int(re.search(r"(\d+) requests in", output).group(1)),
        per_second=float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        p50_ms=p50,
        p95_ms=p95,
        p99_ms=p99,
        errors=(int(errors.group(1)) if errors else 0)
        + (sum(map(int, socket_errors.groups())) if socket_errors else 0),
        output=output,
    )
