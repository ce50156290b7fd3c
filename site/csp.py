"""Content-Security-Policy: which scripts, styles and frames a page of ours may use.

django-csp's middleware sends CONTENT_SECURITY_POLICY (settings) on every response: the public
pages' policy. Public pages are kept by the page and front caches for every visitor, so the policy
is the same for everyone: scripts from this site only ('self'), never inline, no nonces.

The Wagtail admin (/admin/) gets admin_directives(), as strict as Wagtail 8 allows:
- scripts: 'self' and the hashes of wagtail-localize's two fixed inline scripts
  (admin_script_hashes); the inline scripts that carry per-field data
  (choosers, date pickers, inline panels) are rendered as JSON and started by
  townhall/js/admin-init.js instead (home/admin_scripts.py). No 'unsafe-inline', no 'unsafe-eval'.
- styles: 'unsafe-inline', as Wagtail's templates and its React editors set style attributes.
- frames: a response Django marks SAMEORIGIN (the page and form previews shown in the editor's
  preview panel) may be framed by this site; every other response by no one.
"""

import base64
import functools
import hashlib

from django.conf import settings
from django.urls import reverse

from csp.constants import SELF, UNSAFE_INLINE
from csp.middleware import CSPMiddleware


def script_hash(source):
    """The CSP source for an inline script whose text is exactly `source`."""
    digest = hashlib.sha256(source.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


# wagtail-localize's "Translate" page ticks every language with one box (submit_translation.html).
LOCALIZE_SELECT_ALL = """
        document.addEventListener('DOMContentLoaded', function() {
            var selectAll = document.querySelector('[name="select_all"]');
            var locales = document.querySelectorAll('[name="locales"]');

            selectAll.addEventListener('change', function() {
                for (var i = 0; i < locales.length; i++) {
                    locales[i].checked = selectAll.checked;
                }
            });
        });
    """

# wagtail-localize's translation editor tells its choosers where they are (edit_translation.html).
LOCALIZE_CHOOSER_URLS = """
        if (typeof window.chooserUrls === "undefined") {{
            window.chooserUrls = {{
                imageChooser: "{image}",
                documentChooser: "{document}",
                pageChooser: "{page}",
            }}
        }}
    """


@functools.cache
def admin_script_hashes():
    chooser_urls = LOCALIZE_CHOOSER_URLS.format(
        image=reverse("wagtailimages_chooser:choose"),
        document=reverse("wagtaildocs_chooser:choose"),
        page=reverse("wagtailadmin_choose_page"),
    )
    return [script_hash(LOCALIZE_SELECT_ALL), script_hash(chooser_urls)]


def admin_directives():
    """The public policy, loosened where Wagtail's admin needs it."""
    public = settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]
    return {
        **public,
        "script-src": [*public["script-src"], *admin_script_hashes()],
        "style-src": [*public["style-src"], UNSAFE_INLINE],
        "img-src": [*public["img-src"], "blob:"],
        "font-src": [*public["font-src"], "data:"],
    }


def is_admin(request):
    return request.path_info.startswith("/admin/")


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, with the admin's policy under /admin/ and same-origin framing for
    the responses Django's clickjacking protection lets this site frame."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if report_only:
            return parts
        if parts.config is None and is_admin(request):
            parts.config = admin_directives()
        if response.get("X-Frame-Options", "").upper() == "SAMEORIGIN":
            parts.replace = {**(parts.replace or {}), "frame-ancestors": [SELF]}
        return parts
