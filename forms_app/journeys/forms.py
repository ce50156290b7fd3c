"""The online form's edit form in the page editor."""

from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.blocks import BlockWidget

from .blocks import JourneyStepsBlock

# A form sits under its service page, which has the same title: with this address its pages read
# /report-a-dead-animal/form/where/ rather than repeating the service's slug.
FORM_SLUG = "form"


class JourneyPageForm(WagtailAdminPageForm):
    """A new form's address is `form`; rules on question pages are picked from lists of this
    form's options and pages.

    The lists are made from the form as last saved (the draft being edited), when the editor
    opens it: no JavaScript builds them. What the editor sends is checked against itself.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._offer_the_address_form()
        self._pick_rules_from_lists()

    def _offer_the_address_form(self):
        adding = self.instance._state.adding and not self.instance.slug
        # A second form under one service keeps the address made from its title.
        if (
            adding
            and not self.is_bound
            and self.parent_page is not None
            and not self.parent_page.get_children().filter(slug=FORM_SLUG).exists()
        ):
            self.initial["slug"] = FORM_SLUG

    def _pick_rules_from_lists(self):
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
