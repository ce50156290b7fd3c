from wagtail.admin.ui.components import Component

from .permissions import pages_user_can_edit
from .queries import translations_to_update


class TranslationsToUpdatePanel(Component):
    """On the admin home: how many translated pages need updating, with a way into the report.
    Shows nothing when there are none."""

    name = "translations_to_update"
    template_name = "translations/dashboard_panel.html"
    order = 160

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context):
        return {"count": translations_to_update(pages_user_can_edit(self.user)).count()}
