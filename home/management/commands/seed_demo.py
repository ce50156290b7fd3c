from importlib import import_module

from django.core.management.base import BaseCommand
from django.db import transaction

# Each app that has demo content adds its seeder here, in the order the content depends on.
SEEDERS = [
    "home.demo.seed_site",
    "home.demo.seed_users",
    "home.demo.seed_workflow",
    "home.translations.demo.seed_translation_permissions",
    "services.demo.seed_services",
    "forms_app.journeys.demo.seed_journeys",
    "search.demo.seed_search",
    "forms_app.cases.demo.seed_queues",
    "home.demo.seed_council_settings",
    "home.alerts.demo.seed_alerts",
    "services.feedback.demo.seed_feedback",
    "forms_app.cases.demo.seed_cases",
    "forms_app.direct_debit.bacs.demo.seed_bacs",
    "forms_app.direct_debit.demo.seed_direct_debit",
    "forms_app.direct_debit.bacs.demo.seed_auddis_file",
    "home.demo_cy.seed_welsh",
    "forms_app.direct_debit.demo.seed_direct_debit_welsh",
    "forms_app.bookings.demo.seed_bookings",
    "forms_app.bookings.demo_journey.seed_booking_page",
    "forms_app.bookings.demo_journey.seed_booking_page_welsh",
]


class Command(BaseCommand):
    help = "Build the fictional demo council, or top it up. Running it again changes nothing."

    def handle(self, *args, **options):
        with transaction.atomic():
            for dotted in SEEDERS:
                module_name, function_name = dotted.rsplit(".", 1)
                getattr(import_module(module_name), function_name)(self.stdout)
        self.stdout.write(self.style.SUCCESS("The demo council is ready."))
