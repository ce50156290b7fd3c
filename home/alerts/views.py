"""The no-JavaScript 'Hide this alert' button: a form posting here."""

from django.http import HttpResponseBadRequest
from django.shortcuts import redirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .cookies import remember_hidden_alert
from .models import AlertBanner


@require_POST
def hide_alert(request):
    alert_id = request.POST.get("alert", "")
    if not alert_id.isdigit():
        return HttpResponseBadRequest(_("Choose an alert to hide."))
    alert = AlertBanner.objects.filter(pk=int(alert_id)).only("pk", "level").first()
    if alert is not None and not alert.can_be_hidden:
        return HttpResponseBadRequest(_("Emergency alerts cannot be hidden."))

    next_url = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        next_url = "/"
    response = redirect(next_url)
    # An alert deleted since the page was shown has nothing left to hide: just go back.
    if alert is not None:
        remember_hidden_alert(request, response, alert.pk)
    return response
