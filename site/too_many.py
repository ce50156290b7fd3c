"""The "Too many attempts" answer of every rate-limited public form (townhall/ratelimit.py counts).

HTTP 429 with Retry-After (the seconds until the client's window ends), never kept by a cache,
and a GOV.UK page saying how long to wait and what else the resident can do. Forms with wording of
their own (sending a form, saving it, checking progress, feedback) use their own template through
`refused()`; the rest use `limit_posts`.
"""

import math
from functools import wraps

from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers

from . import ratelimit

TEMPLATE = "too_many_attempts.html"
# "Hide cookie message" and "Hide this alert": a person clicks them a few times a visit.
SMALL_FORM_POSTS = 60
SMALL_FORM_WINDOW_SECONDS = 10 * 60


def _value(setting):
    return setting() if callable(setting) else setting


def refused(request, scope, window_seconds, template=TEMPLATE, context=None, response=None):
    """The 429 response for `scope`, or `response` (already rendered by the caller) made into it."""
    seconds = ratelimit.seconds_left(scope, request, window_seconds)
    if response is None:
        context = {"minutes": max(1, math.ceil(seconds / 60)), **(context or {})}
        response = TemplateResponse(request, template, context, status=429)
    response.status_code = 429
    response["Retry-After"] = str(seconds)
    add_never_cache_headers(response)
    return response


def limit_posts(scope, limit, window_seconds, exempt=None, template=TEMPLATE):
    """Count each POST to the view in `scope`, refusing it once the client has sent `limit` in
    `window_seconds` (numbers, or callables reading settings). `exempt(request)` skips counting."""

    def decorator(view):
        @wraps(view)
        def limited(request, *args, **kwargs):
            if request.method == "POST" and not (exempt and exempt(request)):
                window = _value(window_seconds)
                if not ratelimit.hit(scope, request, _value(limit), window):
                    return refused(request, scope, window, template)
            return view(request, *args, **kwargs)

        return limited

    return decorator
