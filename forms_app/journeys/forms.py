"""The online form's editing form in the Wagtail admin."""

from wagtail.admin.forms import WagtailAdminPageForm

# A form sits under its service page, which has the same title: with this address its pages read
# /report-a-dead-animal/form/where/ rather than repeating the service's slug.
FORM_SLUG = "form"


class JourneyPageForm(WagtailAdminPageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        adding = self.instance._state.adding and not self.instance.slug
        # A second form under one service keeps the address made from its title.
        if (
            adding
            and not self.is_bound
            and self.parent_page is not None
            and not self.parent_page.get_children().filter(slug=FORM_SLUG).exists()
        ):
            self.initial["slug"] = FORM_SLUG
