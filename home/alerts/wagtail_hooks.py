from wagtail.snippets.models import register_snippet

from .viewsets import AlertBannerViewSet

register_snippet(AlertBannerViewSet)
