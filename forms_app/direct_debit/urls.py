from django.urls import path

from . import views

app_name = "direct_debit"
urlpatterns = [
    path("<int:pk>/cancel/", views.cancel_instruction, name="cancel"),
]
