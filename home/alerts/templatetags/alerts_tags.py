from django import template
from django.utils import timezone

from wagtail.models import Page

from townhall.frontcache import expires_within

from ..cookies import hidden_alert_ids
from ..models import AlertBanner

register = template.Library()


@register.simple_tag(takes_context=True)
def alert_banners(context):
    """The alerts this resident should see on this page, most serious first (one query).

    The same query brings the alerts scheduled to start, so the front cache keeps the page no
    longer than until the next alert starts or stops showing.
    """
    request = context.get("request")
    if request is None:
        # Error pages render without a request, and may be showing because the database is down.
        return []
    page = context.get("page")
    # Non-Wagtail views may put something else called `page` in the context (a page of results).
    if not isinstance(page, Page):
        page = None
    now = timezone.now()
    due = AlertBanner.objects.due_for_resident(
        page=page, hidden_ids=hidden_alert_ids(request), moment=now
    )
    showing, changes = [], []
    for alert in due:
        if alert.is_showing(now):
            showing.append(alert)
        else:
            changes.append(alert.starts_at)
        if alert.ends_at is not None:
            changes.append(alert.ends_at)
    if changes:
        expires_within(request, (min(changes) - now).total_seconds() + 1)
    return showing
