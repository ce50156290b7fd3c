"""wagtail-localize's "Sync translated pages", kept inside the moderation workflow."""

from django import forms
from django.contrib import messages
from django.utils.translation import gettext as _

from wagtail.models import Page
from wagtail_localize.views.update_translations import UpdateTranslationsView


class SyncAsDraftsUnlessModeratorView(UpdateTranslationsView):
    """The sync page, where "Publish immediately" is offered only to someone who may publish every
    translated page it updates. For anyone else (editors) the sync leaves drafts for a moderator
    to publish, as the workflow asks; wagtail-localize on its own lets anyone who may translate
    publish from here."""

    def may_publish_every_translation(self):
        for translation in self.object.translations.filter(enabled=True):
            target = translation.get_target_instance()
            if (
                isinstance(target, Page)
                and not target.permissions_for_user(self.request.user).can_publish()
            ):
                return False
        return True

    def get_form(self):
        form = super().get_form()
        if not self.may_publish_every_translation():
            publish = form.fields["publish_translations"]
            publish.disabled = True  # ignores whatever a hand-made request sends
            publish.widget = forms.HiddenInput()
        return form

    def form_valid(self, form):
        if form.fields["publish_translations"].disabled:
            messages.info(
                self.request,
                _("The translations were updated as drafts. A moderator will publish them."),
            )
        return super().form_valid(form)
