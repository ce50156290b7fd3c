"""Parts of a journey page's edit form that other apps contribute, such as where its cases go.

Journeys sit below casework in the layers, so the page editor cannot ask casework itself. An app
adds a part with the ``journey_edit_panels`` hook: ``fn(request, page)`` returning HTML (shown
read-only in the page editor), or None to add nothing. Casework uses it for "Where cases go".
"""

from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.panels import Panel

HOOK = "journey_edit_panels"


class ContributedPanel(Panel):
    """What the ``journey_edit_panels`` hooks give for the page being edited (nothing is shown
    if none gives anything)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("heading", _("Where cases go"))
        super().__init__(**kwargs)

    @property
    def clean_name(self):
        return super().clean_name or "contributed"

    class BoundPanel(Panel.BoundPanel):
        template_name = "journeys/admin/contributed_panel.html"

        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            self.parts = [
                part for fn in hooks.get_hooks(HOOK) if (part := fn(self.request, self.instance))
            ]

        def is_shown(self):
            return bool(self.parts)

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["parts"] = self.parts
            return context
