"""The no-JavaScript 'Hide this alert' button: a form posting here."""

from django.http import HttpResponseBadRequest
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from townhall.ids import parse_id
from townhall.origin import same_site_form
from townhall.redirects import redirect_back
from townhall.too_many import SMALL_FORM_POSTS, SMALL_FORM_WINDOW_SECONDS, limit_posts

from .cookies import remember_hidden_alert
from .models import AlertBanner


@same_site_form
@limit_posts("alerts.hide", SMALL_FORM_POSTS, SMALL_FORM_WINDOW_SECONDS)
@require_POST
def hide_alert(request):
    alert_id = parse_id(request.POST.get("alert"))
    if alert_id is None:
        return HttpResponseBadRequest(_("Choose an alert to hide."))
    alert = AlertBanner.objects.filter(pk=alert_id).only("pk", "level").first()
    if alert is not None and not alert.can_be_hidden:
        return HttpResponseBadRequest(_("Emergency alerts cannot be hidden."))

    response = redirect_back(request.POST.get("next"))
    # An alert deleted since the page was shown has nothing left to hide: just go back.
    if alert is not None:
        remember_hidden_alert(request, response, alert.pk)
    return response
