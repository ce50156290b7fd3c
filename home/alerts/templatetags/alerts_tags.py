from django import template

from wagtail.models import Page

from ..cookies import hidden_alert_ids
from ..models import AlertBanner

register = template.Library()


@register.simple_tag(takes_context=True)
def alert_banners(context):
    """The alerts this resident should see on this page, most serious first (one query)."""
    request = context.get("request")
    if request is None:
        # Error pages render without a request, and may be showing because the database is down.
        return []
    page = context.get("page")
    # Non-Wagtail views may put something else called `page` in the context (a page of results).
    if not isinstance(page, Page):
        page = None
    return list(AlertBanner.objects.for_resident(page=page, hidden_ids=hidden_alert_ids(request)))
