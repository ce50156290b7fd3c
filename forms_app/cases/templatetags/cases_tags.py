from django import template
from django.conf import settings

from forms_app.journeys.assisted import is_assisting

register = template.Library()


@register.simple_tag(takes_context=True)
def assisting_staff(context):
    """The member of staff completing forms on a resident's behalf in this session, or None.

    Residents without a session cookie are never being assisted, so for them neither the session
    nor the user is loaded.
    """
    request = context.get("request")
    if request is None or settings.SESSION_COOKIE_NAME not in request.COOKIES:
        return None
    return request.user if is_assisting(request) else None
