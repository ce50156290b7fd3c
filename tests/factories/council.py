import factory

from home.models import CouncilDetails


class CouncilDetailsFactory(factory.django.DjangoModelFactory):
    """Council details in the default language (a Welsh one: `locale=` the Welsh Locale, and the
    English one's `translation_key`)."""

    council_name = "Testshire Council"
    contact_hours = "Monday to Friday, 9am to 5pm"
    contact_address = "County Hall\nTestshire\nTS1 1AA"
    footer_links = []

    class Meta:
        model = CouncilDetails
