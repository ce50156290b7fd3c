"""Appointment types and schedules for booking tests."""

import datetime

import factory

from forms_app.bookings.models import (
    AppointmentType,
    BookableSchedule,
    ScheduleException,
    ScheduleHours,
)

from .pages import LocationPageFactory


class AppointmentTypeFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Advice {n}")
    slug = factory.Sequence(lambda n: f"advice-{n}")
    duration_minutes = 30
    buffer_minutes = 0
    minimum_notice_amount = 0
    minimum_notice_unit = "hours"
    window_days = 28
    change_cutoff_hours = 2
    what_to_bring = "Your latest council tax bill."

    class Meta:
        model = AppointmentType


class BookableScheduleFactory(factory.django.DjangoModelFactory):
    """A schedule; `hours` maps weekdays to (starts, ends) pairs, weekdays 9:00–12:00 if omitted."""

    appointment_type = factory.SubFactory(AppointmentTypeFactory)
    capacity = 1

    class Meta:
        model = BookableSchedule
        skip_postgeneration_save = True

    @factory.post_generation
    def hours(self, create, extracted, **kwargs):
        if extracted is None:
            extracted = {day: [(datetime.time(9), datetime.time(12))] for day in range(5)}
        for weekday, stretches in extracted.items():
            for starts, ends in stretches:
                ScheduleHours.objects.create(
                    schedule=self, weekday=weekday, starts=starts, ends=ends
                )

    @factory.post_generation
    def exceptions(self, create, extracted, **kwargs):
        for date, starts, ends in extracted or ():
            ScheduleException.objects.create(schedule=self, date=date, starts=starts, ends=ends)


__all__ = ["AppointmentTypeFactory", "BookableScheduleFactory", "LocationPageFactory"]
