from django.templatetags.static import static
from django.utils.html import format_html

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


@hooks.register("insert_global_admin_js")
def start_admin_widgets_without_inline_scripts():
    """The admin's Content-Security-Policy allows no inline script: see home/admin_scripts.py."""
    return format_html('<script src="{}"></script>', static("townhall/js/admin-init.js"))
