"""Editors can only build a sensible tree: each page type goes only where it belongs."""

from wagtail.test.utils import WagtailPageTestCase

from forms_app.bookings.pages import BookingPage
from forms_app.direct_debit.pages import DirectDebitPage
from forms_app.journeys.models import JourneyPage
from home.models import HomePage
from services.models import (
    GuidePage,
    LocationPage,
    NewsIndexPage,
    NewsPage,
    ServiceIndexPage,
    ServicePage,
    StepByStepPage,
)


class TestPageTree(WagtailPageTestCase):
    def test_home_page_holds_categories_and_news_only(self):
        self.assertAllowedSubpageTypes(HomePage, {ServiceIndexPage, NewsIndexPage})

    def test_category_holds_services_guides_step_by_steps_and_locations(self):
        self.assertAllowedSubpageTypes(
            ServiceIndexPage, {ServicePage, GuidePage, StepByStepPage, LocationPage}
        )
        self.assertAllowedParentPageTypes(ServicePage, {ServiceIndexPage})
        self.assertAllowedParentPageTypes(LocationPage, {ServiceIndexPage})

    def test_news_lives_in_the_news_index(self):
        self.assertAllowedSubpageTypes(NewsIndexPage, {NewsPage})
        self.assertCanNotCreateAt(ServiceIndexPage, NewsPage)

    def test_online_forms_live_under_their_service(self):
        # An online form, a Direct Debit sign-up or an appointment booking starts from a service.
        journeys = {JourneyPage, DirectDebitPage, BookingPage}
        self.assertAllowedSubpageTypes(ServicePage, journeys)
        for journey in journeys:
            self.assertAllowedParentPageTypes(journey, {ServicePage})

    def test_leaf_pages_have_no_children(self):
        for model in (
            GuidePage,
            StepByStepPage,
            NewsPage,
            LocationPage,
            JourneyPage,
            DirectDebitPage,
            BookingPage,
        ):
            self.assertAllowedSubpageTypes(model, set())
