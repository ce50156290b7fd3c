"""Residents' side of feedback: plain forms that work without JavaScript.

Every answer redirects back to the page with ?feedback=… so the page itself can say thank you:
the page stays cacheable, and no session or cookie is needed to remember the answer.
"""

from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from django.http import Http404, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.views.decorators.http import require_http_methods, require_POST

from wagtail.models import Page

from home.languages import translations_of
from townhall import ratelimit, too_many
from townhall.origin import same_site_form
from townhall.redirects import local_path

from . import throttle
from .forms import COMMENT_MAX_LENGTH, AnswerForm, ProblemForm
from .models import PageFeedback

STATE_PARAMETER = "feedback"
THANKS, ASK_WHAT_WENT_WRONG = "thanks", "no"
ANCHOR = "page-feedback"


def _live_page(page_id):
    page = Page.objects.live().select_related("locale").filter(pk=page_id).first()
    if page is None:
        raise Http404
    return page


def _page_url(request, page, source):
    """Where the resident came from if it is on this site, otherwise the page's own address."""
    return local_path(source.get("next"), default=page.get_url(request=request) or "/")


def _with_state(url, state):
    parts = urlsplit(url)
    query = [
        (key, value)
        for key, value in parse_qsl(parts.query, keep_blank_values=True)
        if key != STATE_PARAMETER
    ]
    query.append((STATE_PARAMETER, state))
    return urlunsplit(parts._replace(query=urlencode(query), fragment=ANCHOR))


def _problem_in_each_language(request, page):
    """The language switcher's links: this form about the page's translation, or the nearest
    translated page when there is none (the address has no language prefix to swap)."""
    links = {}
    for language, link in translations_of(page, request).items():
        if link["exact"]:
            query = urlencode({"next": link["href"]})
            href = f"{reverse('feedback:problem', args=[link['pk']])}?{query}"
            link = {**link, "href": href}
        # A form is no alternate version of a page for search engines.
        links[language] = {**link, "exact": False}
    return links


def _render_in_page_language(request, page, template, context, status=200):
    # /feedback/ has no language prefix, so speak the language of the page being commented on.
    with translation.override(page.locale.language_code):
        context = {
            "target_page": page,
            "language_links": _problem_in_each_language(request, page),
            **context,
        }
        return render(request, template, context, status=status)


def _too_many(request, page, source):
    seconds = ratelimit.seconds_left(throttle.SCOPE, request, throttle.window_seconds())
    response = _render_in_page_language(
        request,
        page,
        "feedback/rate_limited.html",
        {"back_url": _page_url(request, page, source), "minutes": max(1, -(-seconds // 60))},
        status=429,
    )
    return too_many.refused(request, throttle.SCOPE, throttle.window_seconds(), response=response)


@same_site_form
@require_POST
def answer(request, page_id):
    """Yes or No to "Is this page useful?"."""
    page = _live_page(page_id)
    form = AnswerForm(request.POST)
    if not form.is_valid():
        # The buttons always send an answer, so only a tampered form gets here: ask again.
        return HttpResponseRedirect(_page_url(request, page, request.POST))
    if not throttle.allow(request):
        return _too_many(request, page, request.POST)
    useful = form.cleaned_data["useful"]
    PageFeedback.objects.create(page=page, useful=useful, locale=page.locale)
    state = THANKS if useful else ASK_WHAT_WENT_WRONG
    return HttpResponseRedirect(_with_state(_page_url(request, page, request.POST), state))


@same_site_form
@require_http_methods(["GET", "POST"])
def problem(request, page_id):
    """ "What went wrong?": after answering No, or from "Report a problem with this page"."""
    page = _live_page(page_id)
    if request.method == "POST":
        source = request.POST
        if not throttle.allow(request):
            return _too_many(request, page, source)
        form = ProblemForm(request.POST)
        if form.is_valid():
            PageFeedback.objects.create(
                page=page, comment=form.cleaned_data["comment"], locale=page.locale
            )
            return HttpResponseRedirect(_with_state(_page_url(request, page, source), THANKS))
    else:
        source = request.GET
        form = ProblemForm()
    return _render_in_page_language(
        request,
        page,
        "feedback/problem.html",
        {
            "form": form,
            "next": _page_url(request, page, source),
            "max_length": COMMENT_MAX_LENGTH,
        },
    )
