"""Signals other apps listen to (cases, notifications), so bookings need not import them."""

from django.dispatch import Signal

# Sent after a booking's status changed and was saved: booking, previous, by, reason.
booking_status_changed = Signal()

# Sent after a seat was taken (booking) or a booking moved (booking, previous_booking).
booking_created = Signal()
booking_moved = Signal()
