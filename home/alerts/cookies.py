"""The cookie that remembers which alerts a resident hid: essential, and holding alert ids only."""

from townhall.ids import parse_id

HIDDEN_ALERTS_COOKIE = "townhall_hidden_alerts"
HIDDEN_ALERTS_MAX_AGE = 28 * 24 * 60 * 60
# Alerts come and go; the oldest hidden ones have almost certainly ended, and this keeps the
# cookie small on every request.
MAX_HIDDEN_ALERTS = 20
# Dots, because a comma would make Django quote the cookie value.
SEPARATOR = "."


def hidden_alert_ids(request):
    """The ids in the resident's cookie, oldest first; anything that is not an id is ignored."""
    raw = request.COOKIES.get(HIDDEN_ALERTS_COOKIE, "")
    ids = []
    for part in raw.split(SEPARATOR):
        alert_id = parse_id(part)
        if alert_id is not None and alert_id not in ids:
            ids.append(alert_id)
    return ids[-MAX_HIDDEN_ALERTS:]


def remember_hidden_alert(request, response, alert_id):
    ids = [i for i in hidden_alert_ids(request) if i != alert_id] + [alert_id]
    response.set_cookie(
        HIDDEN_ALERTS_COOKIE,
        SEPARATOR.join(str(i) for i in ids[-MAX_HIDDEN_ALERTS:]),
        max_age=HIDDEN_ALERTS_MAX_AGE,
        secure=request.is_secure(),
        httponly=True,
        samesite="Lax",
    )
