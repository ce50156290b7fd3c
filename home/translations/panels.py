from django.utils.text import capfirst

from wagtail.admin.ui.components import Component

from .permissions import pages_user_can_edit
from .queries import counts_by_page_type


class TranslationsToUpdatePanel(Component):
    """On the admin home: how many translated pages need updating, and how many new translations
    are not yet published, each by page type, with a way into the report. Shows nothing when
    there are none."""

    name = "translations_to_update"
    template_name = "translations/dashboard_panel.html"
    order = 160

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context):
        to_update, new = [], []
        for model, never_published, total in counts_by_page_type(pages_user_can_edit(self.user)):
            row = {"page_type": capfirst(model._meta.verbose_name), "count": total}
            (new if never_published else to_update).append(row)
        return {
            "to_update": to_update,
            "to_update_count": sum(row["count"] for row in to_update),
            "new": new,
            "new_count": sum(row["count"] for row in new),
        }
