"""7. Races on the stack's PostgreSQL (`make bench`, after `make stack`): what must happen once
happens once when many app processes try it at the same moment.

- Booking race: one time with 3 desks at a demo location, for an appointment type of the
  benchmark's own. 50 residents confirm it at once: 5 processes of 10 threads, each process with
  its own connections (as separate app servers), every thread waiting at one barrier first. Met
  when exactly 3 are booked, 47 are told the time was taken, nothing else goes wrong, and the
  slot's counter says 3.
- AUDDIS race: two `manage.py auddis_file` at once (two processes, as two schedulers or two
  members of staff would), with the demo's pending Direct Debit instructions. Met when every
  instruction that was pending is in exactly one of the files made (lodged once) and nothing else
  went in twice.

Everything a run makes is removed afterwards, and the instructions are put back as they were
(status, cancellation request, the case notes and audit entries the files added), so the demo
council is left as it was and the benchmark can be run again.
"""

import datetime as dt
import multiprocessing
import queue
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import stackenv  # noqa: E402

stackenv.setup()

from django.db import connection, transaction  # noqa: E402
from django.utils import timezone  # noqa: E402

from wagtail.models import ModelLogEntry  # noqa: E402

from results import record  # noqa: E402

from forms_app.bookings.models import (  # noqa: E402
    AppointmentType,
    BookableSchedule,
    Booking,
    ScheduleHours,
    SlotSeats,
)
from forms_app.bookings.seats import SlotTaken, take_seat  # noqa: E402
from forms_app.cases.models import CaseUpdate  # noqa: E402
from forms_app.direct_debit.bacs.models import AuddisEntry, AuddisFile  # noqa: E402
from forms_app.direct_debit.enums import InstructionStatus  # noqa: E402
from forms_app.direct_debit.models import Instruction  # noqa: E402
from services.models import LocationPage  # noqa: E402

PROCESSES = 5
THREADS = 10
RESIDENTS = PROCESSES * THREADS
DESKS = 3
BENCH_TYPE = "bench-race"


# The booking race.


def take_in_threads(job, count, barrier, results):
    """One worker process: `count` threads, each confirming the same time once."""

    def one():
        try:
            appointment_type = AppointmentType.objects.get(pk=job["type"])
            location = LocationPage.objects.get(pk=job["location"])
            starts_at = dt.datetime.fromisoformat(job["starts_at"])
            barrier.wait(timeout=120)
            with transaction.atomic():
                take_seat(appointment_type, location, starts_at)
            results.put("booked")
        except SlotTaken:
            results.put("taken")
        except Exception as error:  # noqa: BLE001 - anything else is what the race looks for
            results.put(f"error: {error!r}")
        finally:
            connection.close()

    threads = [threading.Thread(target=one) for _ in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


def bench_schedule():
    """A type of the benchmark's own at the first demo location, bookable every day, 3 desks."""
    location = LocationPage.objects.filter(locale__language_code="en").order_by("pk").first()
    if location is None:
        raise SystemExit("no location in the stack's database: `make stack` seeds the demo")
    remove_bench_bookings()
    appointment_type = AppointmentType.objects.create(
        name="Benchmark race",
        slug=BENCH_TYPE,
        duration_minutes=30,
        minimum_notice_amount=0,
        minimum_notice_unit="hours",
        window_days=14,
    )
    schedule = BookableSchedule.objects.create(
        location=location,
        appointment_type=appointment_type,
        capacity=DESKS,
        open_on_bank_holidays=True,
    )
    for weekday in range(7):
        ScheduleHours.objects.create(
            schedule=schedule, weekday=weekday, starts=dt.time(8), ends=dt.time(18)
        )
    return schedule


def remove_bench_bookings():
    for appointment_type in AppointmentType.objects.filter(slug=BENCH_TYPE):
        Booking.objects.filter(appointment_type=appointment_type).delete()
        SlotSeats.objects.filter(schedule__appointment_type=appointment_type).delete()
        appointment_type.delete()  # its schedule and hours with it


def booking_race():
    schedule = bench_schedule()
    tomorrow = timezone.localdate() + dt.timedelta(days=1)
    wanted = dt.datetime.combine(tomorrow, dt.time(10), tzinfo=timezone.get_default_timezone())
    job = {
        "type": schedule.appointment_type_id,
        "location": schedule.location_id,
        "starts_at": wanted.isoformat(),
    }
    connection.close()  # the children must not share this process's connection
    context = multiprocessing.get_context("spawn")
    barrier = context.Barrier(RESIDENTS)
    results = context.Queue()
    workers = [
        context.Process(target=take_in_threads, args=(job, THREADS, barrier, results))
        for _ in range(PROCESSES)
    ]
    started = time.monotonic()
    for worker in workers:
        worker.start()
    outcomes = Counter()
    try:
        for _ in range(RESIDENTS):
            outcomes[results.get(timeout=300)] += 1
    except queue.Empty:
        outcomes["no answer"] = RESIDENTS - sum(outcomes.values())
    for worker in workers:
        worker.join(timeout=60)
    elapsed = time.monotonic() - started
    try:
        booked = Booking.objects.filter(
            starts_at=wanted, appointment_type=schedule.appointment_type
        )
        counter = SlotSeats.objects.filter(schedule=schedule, starts_at=wanted).first()
        held = (booked.count(), counter.taken if counter else 0)
    finally:
        remove_bench_bookings()
    errors = {outcome: n for outcome, n in outcomes.items() if outcome not in ("booked", "taken")}
    met = (
        outcomes["booked"] == DESKS
        and outcomes["taken"] == RESIDENTS - DESKS
        and not errors
        and held == (DESKS, DESKS)
        and all(worker.exitcode == 0 for worker in workers)
    )
    record(
        7,
        f"Booking race: {RESIDENTS} residents confirm one time with {DESKS} desks at once"
        f" ({PROCESSES} processes × {THREADS} threads)",
        f"{outcomes['booked']} of {RESIDENTS} booked, {outcomes['taken']} told taken"
        + (f", other outcomes {errors}" if errors else "")
        + f"; {held[0]} bookings, counter {held[1]} ({elapsed:.1f} s)",
        "exactly the capacity",
        met,
    )
    return met


# The AUDDIS race.


def snapshot():
    return {
        pk: (status, requested)
        for pk, status, requested in Instruction.objects.values_list(
            "pk", "status", "cancel_requested_at"
        )
    }


def auddis_race():
    before = snapshot()
    pending = {pk for pk, (status, _requested) in before.items() if status == "pending"}
    if not pending:
        record(7, "AUDDIS race: two `auddis_file` at once", "no pending instruction", "", None)
        return None
    last_file = AuddisFile.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    marker = timezone.now()
    root = Path(__file__).resolve().parent.parent
    command = [sys.executable, str(root / "manage.py"), "auddis_file"]
    runs = [
        # Our own manage.py with fixed arguments: nothing from outside goes into the command.
        subprocess.Popen(command, cwd=root, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)  # noqa: S603
        for _ in range(2)
    ]
    outputs = [run.communicate(timeout=300)[0].decode() for run in runs]
    try:
        files = list(AuddisFile.objects.filter(pk__gt=last_file))
        entries = Counter(
            AuddisEntry.objects.filter(file__in=files).values_list("instruction_id", flat=True)
        )
        lodged = {
            pk
            for pk in entries
            if Instruction.objects.filter(pk=pk, status=InstructionStatus.LODGED).exists()
        }
    finally:
        restore(before, last_file, marker)
    twice = sorted(pk for pk, n in entries.items() if n > 1)
    met = (
        all(run.returncode == 0 for run in runs)
        and not twice
        and pending <= set(entries)
        and pending == lodged
    )
    record(
        7,
        "AUDDIS race: two `manage.py auddis_file` at once with the demo's pending instructions",
        f"{len(pending)} pending, {len(pending & set(entries))} lodged once, {len(twice)} twice,"
        f" in {len(files)} file(s); exit codes {[run.returncode for run in runs]}",
        "each instruction lodged once",
        met,
        note=" | ".join(output.strip().replace("\n", "; ") for output in outputs),
    )
    return met


def restore(before, last_file, marker):
    """Put the instructions back as they were and remove what the files added."""
    with transaction.atomic():
        files = AuddisFile.objects.filter(pk__gt=last_file)
        AuddisEntry.objects.filter(file__in=files).delete()
        files.delete()
        changed = []
        for instruction in Instruction.objects.filter(pk__in=before):
            status, requested = before[instruction.pk]
            if (instruction.status, instruction.cancel_requested_at) != (status, requested):
                Instruction.objects.filter(pk=instruction.pk).update(
                    status=status, cancel_requested_at=requested
                )
                changed.append(instruction)
        cases = [instruction.case_id for instruction in changed]
        CaseUpdate.objects.filter(
            case_id__in=cases, created_at__gte=marker, text__startswith="Direct Debit instruction"
        ).delete()
        ModelLogEntry.objects.filter(
            action="direct_debit.status", timestamp__gte=marker, object_id__in=map(str, cases)
        ).delete()


def main():
    print("bench/races.py: a booking race and an AUDDIS race on the stack's PostgreSQL")
    booking_race()
    auddis_race()


if __name__ == "__main__":
    main()
