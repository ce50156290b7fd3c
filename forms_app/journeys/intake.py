"""Where a stored submission goes next: the intake, which casework registers when it loads.

Journeys sit below casework in the layers (casework imports journeys, never the other way), so
the submit step cannot import casework to open a case. Instead casework registers one intake
callable in its AppConfig.ready(), and the submit hook calls it by name: `hand_over()` is the
visible step "submission → case", returns what the intake made of it, and fails loudly (and a
system check fails at start-up) when nothing has registered, where a signal with no receivers
would silently drop every form.
"""

from django.core.checks import Error, register
from django.core.exceptions import ImproperlyConfigured

_intake = None


def register_intake(handler):
    """Make `handler(submission, request=None)` the one that receives every submission."""
    global _intake
    _intake = handler


def hand_over(submission, *, request=None):
    if _intake is None:
        raise ImproperlyConfigured(
            "No app takes online form submissions: add forms_app.cases to INSTALLED_APPS."
        )
    return _intake(submission, request=request)


@register()
def check_intake_registered(app_configs, **kwargs):
    if _intake is None:
        return [
            Error(
                "Nothing receives online form submissions.",
                hint="Add forms_app.cases (which registers the intake) to INSTALLED_APPS.",
                id="journeys.E001",
            )
        ]
    return []
