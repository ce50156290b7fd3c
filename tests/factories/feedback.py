import factory

from services.feedback.models import PageFeedback


class PageFeedbackFactory(factory.django.DjangoModelFactory):
    useful = True
    comment = ""
    locale = factory.LazyAttribute(lambda feedback: feedback.page.locale)

    class Meta:
        model = PageFeedback

    class Params:
        # A "Report a problem with this page" comment, which answers neither Yes nor No.
        problem = factory.Trait(useful=None, comment="The opening times are wrong.")
