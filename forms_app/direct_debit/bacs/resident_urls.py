"""Residents' page for cancelling a Direct Debit, at /cancel-direct-debit/ (and in Welsh under
/cy/)."""

from django.urls import path

from . import resident_views

app_name = "cancel_direct_debit"

urlpatterns = [
    path("", resident_views.cancel_direct_debit, name="cancel"),
]
