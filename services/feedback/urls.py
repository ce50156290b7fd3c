from django.urls import path

from . import views

app_name = "feedback"

urlpatterns = [
    path("<int:page_id>/", views.answer, name="answer"),
    path("<int:page_id>/problem/", views.problem, name="problem"),
]
