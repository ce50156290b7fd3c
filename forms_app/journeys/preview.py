"""Walking a draft online form in Wagtail's preview: every step, without publishing or sending it.

Wagtail previews a page by rendering one response for an unsaved copy of it: the editor's unsaved
changes (the preview panel and its new tab), the latest draft ("View draft", a revision in the
history) or the revision a moderator is asked to review. A form is many pages, so `begin()` keeps
that copy in the staff member's own session and sends them to /admin/form-preview/<key>/, where
each step rebuilds the draft from the session. Those addresses are staff-only (Wagtail's admin)
and check on every step that the person may still edit, publish or moderate the page. A walk's
answers are kept apart from any real journey (`AbstractJourneyPage.journey_key`), and its send
button says "nothing was sent": no submission, case or message is ever made from a preview.
"""

import json

from django.apps import apps
from django.core.exceptions import PermissionDenied
from django.core.serializers.json import DjangoJSONEncoder
from django.http import Http404, HttpResponseRedirect
from django.urls import path, reverse
from django.utils import translation
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.decorators.http import require_POST

from wagtail.models import Page

from . import views
from .progress import STATE_PREFIX, preview_journey_key, state_key

DRAFTS = "journey-previews"
# A draft is a few kilobytes of the session; the oldest goes once this many newer ones are kept.
KEPT_DRAFTS = 10


def begin(request, page):
    """Keep the draft Wagtail is previewing in the session and walk it from where this preview
    was last left: the preview panel reloads on every change, and the editor stays on the step
    they were checking, with its new wording."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        raise Http404
    parent = page.get_parent()
    key = _key(request, page, parent)
    drafts = request.session.get(DRAFTS, {})
    earlier = drafts.pop(key, {})
    drafts[key] = {
        "user": user.pk,
        "model": page._meta.label_lower,
        "page": page.pk,
        "parent": parent.pk,
        "content": json.dumps(page.serializable_data(), cls=DjangoJSONEncoder),
        "at": earlier.get("at", ""),
    }
    for old in list(drafts)[:-KEPT_DRAFTS]:
        drafts.pop(old)
        request.session.pop(_answers_key(old), None)
    request.session[DRAFTS] = drafts
    return HttpResponseRedirect(reverse("journeys_preview:start", args=[key]))


def _key(request, page, parent):
    """One walk for each thing previewed: a page's unsaved changes, its latest draft, or the
    revision under review. Opening the same preview again replaces its draft, keeping the
    answers."""
    owner = str(page.pk) if page.pk else f"new-{parent.pk}"
    revision = getattr(request, "revision_id", None)
    if revision:
        return f"{owner}-revision-{revision}"
    return f"{owner}-{'edit' if getattr(request, 'is_editing', False) else 'draft'}"


def _answers_key(key):
    return f"{STATE_PREFIX}{preview_journey_key(key)}"


def may_walk(user, page_id, parent_id):
    """Whether this person may see the draft: who may edit or publish the page, or act on the
    moderation task it waits in; for a form not yet created, who may add it under its service."""
    if page_id is None:
        parent = Page.objects.filter(pk=parent_id).first()
        return parent is not None and parent.permissions_for_user(user).can_add_subpage()
    page = Page.objects.filter(pk=page_id).first()
    if page is None:
        return False
    permissions = page.permissions_for_user(user)
    if permissions.can_edit() or permissions.can_publish():
        return True
    task = page.current_workflow_task
    return bool(task and task.specific.get_actions(page, user))


def _draft(request, key):
    entry = request.session.get(DRAFTS, {}).get(key)
    if entry is None or entry["user"] != request.user.pk:
        raise Http404
    if not may_walk(request.user, entry["page"], entry["parent"]):
        raise PermissionDenied
    model = apps.get_model(entry["model"])
    page = model.from_serializable_data(json.loads(entry["content"]))
    page.preview_key = key
    # A saved form would email a link to the draft to whoever asks: the preview does not offer it.
    page.allow_save_and_return = False
    # As the page's own routes do before building its journey (its answers are the preview's).
    page.prepare(request)
    return page


def _remember_step(request, key, at):
    drafts = request.session.get(DRAFTS, {})
    if key in drafts and drafts[key].get("at") != at:
        drafts[key]["at"] = at
        request.session.modified = True


def _walk(view, at=None):
    """A journey view, for the draft in the session instead of the published form."""

    @xframe_options_sameorigin  # the editor's preview panel shows it in a frame
    def walked(request, key, **kwargs):
        page = _draft(request, key)
        request.is_preview = True
        # The draft speaks its own language, whatever the admin's is.
        with translation.override(page.locale.language_code):
            response = view(request, page, **kwargs)
            if hasattr(response, "render"):
                response.render()
        if request.method == "GET" and response.status_code == 200:
            _remember_step(request, key, at or kwargs.get("step_slug", ""))
        return response

    return walked


@xframe_options_sameorigin
def start(request, key):
    page = _draft(request, key)
    at = request.session[DRAFTS][key].get("at")
    # Back to the step last seen, if the draft still has it.
    if at == "check-your-answers" or at in page.journey().by_slug:
        return HttpResponseRedirect(f"{page.journey_url}{at}/")
    with translation.override(page.locale.language_code):
        return views.start(request, page)


@require_POST
@xframe_options_sameorigin
def restart(request, key):
    """Forget the answers given in this preview and go back to its first page."""
    page = _draft(request, key)
    request.session.pop(state_key(page), None)
    _remember_step(request, key, "")
    return HttpResponseRedirect(page.journey_url)


urlpatterns = [
    path("restart/<str:key>/", restart, name="restart"),
    path("<str:key>/", start, name="start"),
    path(
        "<str:key>/check-your-answers/",
        _walk(views.check_answers, at="check-your-answers"),
        name="check_answers",
    ),
    path("<str:key>/confirmation/", _walk(views.confirmation), name="confirmation"),
    path("<str:key>/<slug:step_slug>/", _walk(views.step), name="step"),
]
