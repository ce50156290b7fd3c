"""The addresses of a booking's links, at /appointments/… (and /cy/appointments/… in Welsh).

The signed token is part of the path: Django's `str` converter takes its colons as they are.
"""

from django.urls import path

from . import views

app_name = "bookings"

urlpatterns = [
    path("change/<str:token>/", views.change, name="change"),
    path("cancel/<str:token>/", views.cancel, name="cancel"),
    path("calendar/<str:token>/", views.calendar, name="calendar"),
]
