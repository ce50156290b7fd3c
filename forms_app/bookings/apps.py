from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BookingsConfig(AppConfig):
    """Appointments at reception points: what is bookable, slots, bookings, the reception desk."""

    name = "forms_app.bookings"
    label = "bookings"
    verbose_name = _("Appointments")

    def ready(self):
        # The answer types and message kinds a booking needs, registered as the app loads; and
        # the booking page type (its own module, like journeys' page types), found by Django
        # and Wagtail once imported.
        from . import pages, questions  # noqa: F401
        from .notifications import register_kinds
        from .signal_handlers import register_signal_handlers

        register_kinds()
        register_signal_handlers()
