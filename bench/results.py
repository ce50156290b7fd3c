"""One file of figures per `make bench` run, and the page that shows them (docs/performance.md).

Each benchmark script records its figures with `record()`; `bench/report.py` prints them as a table
and writes docs/performance.md with the machine they were measured on.
"""

import json
import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = Path(os.environ.get("BENCH_RESULTS", ROOT / "var" / "bench" / "results.json"))


def load():
    if not RESULTS.exists():
        return []
    return json.loads(RESULTS.read_text())


def record(number, figure, value, target, met, *, note=""):
    """Add one figure: `number` is the issue's numbering (1 to 7), `met` True, False or None."""
    rows = [row for row in load() if row["figure"] != figure]
    rows.append(
        {
            "number": number,
            "figure": figure,
            "value": value,
            "target": target,
            "met": met,
            "note": note,
        }
    )
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(sorted(rows, key=lambda row: row["number"]), indent=1))
    mark = {True: "met", False: "NOT MET", None: ""}[met]
    print(f"  [{number}] {figure}: {value} (target {target}) {mark}", flush=True)


def start_run():
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text("[]")


if __name__ == "__main__":
    start_run()
