from django.urls import path

from . import views

app_name = "two_factor"

urlpatterns = [
    path("set-up/", views.set_up, name="set_up"),
    path("verify/", views.verify, name="verify"),
]
