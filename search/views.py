"""The site search results page: live, public pages in the resident's language."""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.template.response import TemplateResponse
from django.views.decorators.http import require_GET

from wagtail.models import Locale, Page

RESULTS_PER_PAGE = 10


@require_GET
def search(request):
    query = request.GET.get("q", "").strip()[:200]
    results = None
    if query:
        pages = Page.objects.live().public().filter(locale=Locale.get_active()).specific()
        paginator = Paginator(pages.search(query), RESULTS_PER_PAGE)
        try:
            results = paginator.page(request.GET.get("page", 1))
        except PageNotAnInteger:
            results = paginator.page(1)
        except EmptyPage:
            results = paginator.page(paginator.num_pages)
    response = TemplateResponse(
        request, "search/search.html", {"search_query": query, "search_results": results}
    )
    # Results pages are not worth indexing.
    response.headers["X-Robots-Tag"] = "noindex"
    return response
