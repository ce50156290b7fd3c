"""Worker processes for the concurrency test: each sets Django up on its own, opens its own
connections to the test database, and fires its share of requests when every thread is ready.

Not a test module (no `test_` prefix); imports Django only inside the worker, because a spawned
process imports this module before Django is configured.
"""

import os
import threading


def run(database_url, kind, jobs, barrier, results):
    """Run `jobs` (one per thread) of `kind` ("take", "move" or "remind"); put one outcome per
    job ("remind": how many bookings that run reminded)."""
    os.environ["DJANGO_SETTINGS_MODULE"] = "townhall.settings.test"
    os.environ["DATABASE_URL"] = database_url
    import django

    django.setup()

    import datetime as dt

    from django.db import connection, transaction

    from forms_app.bookings.models import AppointmentType, Booking
    from forms_app.bookings.reminders import send_due_reminders
    from forms_app.bookings.seats import SlotTaken, move_seat, take_seat
    from services.models import LocationPage

    def one(job):
        try:
            now = dt.datetime.fromisoformat(job["now"])
            if kind == "remind":
                barrier.wait(timeout=120)
                results.put(f"reminded {send_due_reminders(now=now)}")
                return
            if kind == "take":
                starts_at = dt.datetime.fromisoformat(job["starts_at"])
                appointment_type = AppointmentType.objects.get(pk=job["appointment_type"])
                location = LocationPage.objects.get(pk=job["location"])
                barrier.wait(timeout=120)
                # As a submit would: the seat and whatever else in one transaction.
                with transaction.atomic():
                    take_seat(appointment_type, location, starts_at, now=now)
            else:
                starts_at = dt.datetime.fromisoformat(job["starts_at"])
                booking = Booking.objects.get(pk=job["booking"])
                barrier.wait(timeout=120)
                with transaction.atomic():
                    move_seat(booking, starts_at, now=now)
            results.put("booked")
        except SlotTaken:
            results.put("taken")
        except Exception as error:  # noqa: BLE001 - any other outcome is what the test looks for
            results.put(f"error: {error!r}")
        finally:
            connection.close()

    threads = [threading.Thread(target=one, args=(job,)) for job in jobs]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
