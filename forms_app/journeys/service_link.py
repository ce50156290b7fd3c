"""A new online form becomes its service's "Start now" target.

Editors build a form under the service page it belongs to; a service with no "Start now" target
yet gets the new form as its target, so nobody has to remember to go back and link them. The
service's button only ever opens a published form (ServicePage.start_href), so the link is safe
to make before the form is approved:

- a live service with nothing else waiting (no draft changes, not in moderation, not locked) is
  published with the link straight away: residents see no change until the form goes live, and
  then its button appears;
- otherwise the link is added to the service's latest draft, as a new revision on top of any
  changes waiting there, and goes live when that draft is published.

Information pages never import the forms app, so the link is made from here.
"""

from django.db import transaction

from wagtail.models import Page

from services.models import ServicePage


@transaction.atomic
def link_to_service(form, user=None):
    """Make `form` its parent service's "Start now" target if the service has none; the new
    revision of the service, or None when nothing changed."""
    service = form.get_parent().specific
    if not isinstance(service, ServicePage):
        return None
    latest = service.get_latest_revision_as_object()
    if any((service.start_page_id, service.start_url, latest.start_page_id, latest.start_url)):
        return None
    latest.start_page = Page.objects.get(pk=form.pk)
    publish = (
        service.live
        and not service.has_unpublished_changes
        and not service.locked
        and not service.workflow_in_progress
    )
    revision = latest.save_revision(user=user, log_action=True, clean=False)
    if publish:
        # Only the link changes, and its button waits for the form to be published: the
        # service's moderation is about what residents read, which stays as approved.
        revision.publish(user=user, skip_permission_checks=True)
    return revision
