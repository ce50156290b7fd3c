"""The online form's edit form in the page editor."""

from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.blocks import BlockWidget

from .blocks import JourneyStepsBlock


class JourneyPageForm(WagtailAdminPageForm):
    """Rules on question pages are picked from lists of this form's options and pages.

    The lists are made from the form as last saved (the draft being edited), when the editor
    opens it: no JavaScript builds them. What the editor sends is checked against itself.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("steps")
        if field is None:
            return
        saved = self.instance.steps
        block = JourneyStepsBlock.for_form(saved)
        block.set_name("steps")
        field.block = block
        field.widget = BlockWidget(block)
        if "steps" in self.initial:
            # Drawn by this block, so a rule typed as "Yes" shows the option "yes" picked.
            self.initial["steps"] = block.to_python(saved.stream_block.get_prep_value(saved))
