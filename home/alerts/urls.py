from django.urls import path

from . import views

app_name = "alerts"

urlpatterns = [
    path("hide/", views.hide_alert, name="hide"),
]
