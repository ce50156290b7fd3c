"""wagtail-localize's sync page and translation editor, kept inside the moderation workflow."""

import json

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from wagtail.models import Page, WorkflowState
from wagtail_localize.views.update_translations import UpdateTranslationsView

from .editor import SUBMIT, save_draft_revision, validation_messages


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


def act_in_translation_editor(request, page, translation):
    """The actions of the translation editor's page action menu (see editor.py), posted to the
    page's edit address. wagtail-localize's own posts ("publish", convert to alias, restart) go
    on to its hook: this answers None for them."""
    if (
        request.method != "POST"
        or "action" in request.POST
        or any(name.startswith("localize-") for name in request.POST)
    ):
        return None
    permissions = page.permissions_for_user(request.user)
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    workflow_state = page.current_workflow_state
    # Whoever submitted may withdraw the submission, though moderation locks the page for them.
    if request.POST.get("action-cancel-workflow"):
        if workflow_state and workflow_state.user_can_cancel(request.user):
            workflow_state.cancel(user=request.user)
            messages.success(request, _("The workflow was cancelled."))
        return redirect(edit_url)
    lock = page.get_lock()
    if lock is not None and lock.for_user(request.user):
        messages.error(request, _("The page could not be saved as it is locked."))
        return redirect(edit_url)
    if request.POST.get("action-publish") and permissions.can_publish():
        translation.save_target(user=request.user, publish=True)
        messages.success(
            request,
            _("Published ‘%(title)s’ in %(language)s.")
            % {"title": page.title, "language": translation.target_locale.get_display_name()},
        )
        return redirect(edit_url)

    try:
        draft, _revision = save_draft_revision(translation, request.user)
    except ValidationError as error:
        for message in validation_messages(error):
            messages.error(request, message)
        return redirect(edit_url)
    title = draft.get_admin_display_title()

    if request.POST.get(SUBMIT) and permissions.can_submit_for_moderation():
        if workflow_state and workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES:
            workflow_state.resume(request.user)
        else:
            page.get_workflow().start(page, request.user)
        messages.success(
            request,
            _("The translation ‘%(title)s’ was submitted for moderation.") % {"title": title},
        )
    elif (
        request.POST.get("action-restart-workflow")
        and permissions.can_submit_for_moderation()
        and workflow_state
        and workflow_state.user_can_cancel(request.user)
    ):
        workflow_state.cancel(user=request.user)
        page.get_workflow().start(page, request.user)
        messages.success(
            request,
            _("The translation ‘%(title)s’ was submitted for moderation.") % {"title": title},
        )
    elif request.POST.get("action-workflow-action") and (task := page.current_workflow_task):
        name = request.POST.get("workflow-action-name")
        if name in [action[0] for action in task.get_actions(page, request.user)]:
            try:
                extra = json.loads(request.POST.get("workflow-action-extra-data") or "{}")
            except ValueError:
                extra = {}
            task.on_action(page.current_workflow_task_state, request.user, name, **extra)
        messages.success(request, _("The translation ‘%(title)s’ was updated.") % {"title": title})
    else:
        messages.success(
            request, _("A draft of the translation ‘%(title)s’ was saved.") % {"title": title}
        )
    return redirect(edit_url)
