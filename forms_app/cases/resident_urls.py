"""Residents' pages about their cases, at /check-progress/ (and /cy/check-progress/)."""

from django.urls import path

from . import resident_views

app_name = "check_progress"

urlpatterns = [
    path("", resident_views.check_progress, name="check_progress"),
    path("assisted/start/", resident_views.start_assisting, name="assisted_start"),
    path("assisted/stop/", resident_views.stop_assisting, name="assisted_stop"),
]
