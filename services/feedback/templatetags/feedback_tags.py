from django import template

from ..forms import COMMENT_MAX_LENGTH, ProblemForm

register = template.Library()


@register.inclusion_tag("feedback/page_feedback_widget.html", takes_context=True)
def page_feedback(context):
    """The question at the foot of every page, in a context of its own: a page's template may use
    names like `form` for something else (a Wagtail form page does)."""
    request = context.get("request")
    page = context.get("page")
    return {
        "request": request,
        "page": page,
        # A page shown in preview, or not yet saved, has nowhere to send answers.
        "show": bool(page is not None and getattr(page, "pk", None))
        and not getattr(request, "is_preview", False),
        "state": request.GET.get("feedback", "") if request else "",
        "form": ProblemForm(),
        "max_length": COMMENT_MAX_LENGTH,
        "csrf_token": context.get("csrf_token"),
    }
