from wagtail.snippets.models import register_snippet

from .viewsets import AppointmentsViewSetGroup

register_snippet(AppointmentsViewSetGroup)
