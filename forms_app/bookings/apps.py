from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BookingsConfig(AppConfig):
    """Appointments at reception points: what is bookable, slots, bookings, the reception desk."""

    name = "forms_app.bookings"
    label = "bookings"
    verbose_name = _("Appointments")

    def ready(self):
        from .signal_handlers import register_signal_handlers

        register_signal_handlers()
