"""Wagtail's admin without inline scripts, so its Content-Security-Policy need not allow them.

Wagtail 8 starts some widgets with a small inline script carrying that field's data: choosers
(`new PageChooser("id_page", {...})`), date and time pickers and inline panels. Here each of those
becomes a `<script type="application/json" data-townhall-run="new PageChooser">` holding the
arguments, which browsers never run; townhall/js/admin-init.js (a static file) calls the named
function, and only names on its list, with them: at page load, and when a modal or a new inline
panel child adds more. Choosers are patched where Wagtail renders them; the templates are
overridden in templates/wagtailadmin/.
"""

import json
import re

from django.utils.safestring import mark_safe

from wagtail.admin.widgets.chooser import BaseChooser

# What Wagtail's render_js_init() writes: `new Name(json, json);` or `name(json);`.
INIT_CALL = re.compile(r"^\s*(new\s+)?([A-Za-z_$][\w$]*)\((.*)\);?\s*$", re.DOTALL)
INLINE_SCRIPT_AT_END = re.compile(r"<script>(.*)</script>\s*$", re.DOTALL)
JSON_IN_HTML = str.maketrans({"<": "\\u003C", ">": "\\u003E", "&": "\\u0026"})


def run_script(call, args):
    """A script element that admin-init.js turns into `call(*args)` (or `new Name(*args)`)."""
    payload = json.dumps(list(args)).translate(JSON_IN_HTML)
    return mark_safe(  # noqa: S308 - JSON with <, > and & escaped, in a non-executed script
        f'<script type="application/json" data-townhall-run="{call}">{payload}</script>'
    )


def as_run_script(source):
    """The data form of an inline script written as one call with JSON arguments, or None."""
    match = INIT_CALL.match(source)
    if not match:
        return None
    new, name, args = match.groups()
    try:
        values = json.loads(f"[{args}]")
    except ValueError:
        return None
    return run_script(f"new {name}" if new else name, values)


def _render_chooser_without_inline_script(original):
    def render(self, name, value, attrs=None, renderer=None):
        html = original(self, name, value, attrs=attrs, renderer=renderer)
        match = INLINE_SCRIPT_AT_END.search(html)
        replacement = as_run_script(match.group(1)) if match else None
        if replacement is None:
            return html
        return mark_safe(html[: match.start()] + replacement)  # noqa: S308 - Wagtail's own HTML

    render.townhall_patched = True
    return render


def install():
    if not getattr(BaseChooser.render, "townhall_patched", False):
        BaseChooser.render = _render_chooser_without_inline_script(BaseChooser.render)
