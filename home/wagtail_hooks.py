from wagtail.snippets.models import register_snippet

from .viewsets import CouncilDetailsViewSet

register_snippet(CouncilDetailsViewSet)
