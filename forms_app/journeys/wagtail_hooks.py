"""Online forms in the Wagtail admin: registration only."""

from django.urls import include, path

from wagtail import hooks

from . import preview
from .pages import AbstractJourneyPage
from .service_link import link_to_service


@hooks.register("register_admin_urls")
def register_preview_urls():
    return [path("form-preview/", include((preview.urlpatterns, "journeys_preview")))]


@hooks.register("after_create_page")
def link_new_form_to_its_service(request, page):
    if isinstance(page.specific, AbstractJourneyPage):
        link_to_service(page, user=request.user)
