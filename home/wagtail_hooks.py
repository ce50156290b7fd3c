from wagtail import hooks
from wagtail.snippets.models import register_snippet

from townhall import frontcache

from .viewsets import CouncilDetailsViewSet

register_snippet(CouncilDetailsViewSet)


@hooks.register("before_serve_page")
def share_public_pages_with_the_front_cache(page, request, serve_args, serve_kwargs):
    """A public page may be kept by the front cache unless its type says otherwise (forms do)."""
    if getattr(page, "front_cache", True):
        frontcache.allow_sharing(request)
