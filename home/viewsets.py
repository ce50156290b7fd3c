from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import CouncilDetails


class CouncilDetailsViewSet(SnippetViewSet):
    """Under Settings, beside the council settings that choose which details every page shows."""

    model = CouncilDetails
    icon = "home"
    menu_label = _("Council details")
    add_to_settings_menu = True

    list_display = ["council_name", "contact_hours"]
    ordering = ["council_name"]

    panels = [
        FieldPanel("council_name"),
        MultiFieldPanel(
            [FieldPanel("contact_hours"), FieldPanel("contact_address")],
            heading=_("Contact details"),
        ),
        FieldPanel("footer_links"),
    ]
