"""The site search results page: live, public pages in the resident's language, best first."""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.template.response import TemplateResponse
from django.utils import translation
from django.views.decorators.http import require_GET

from wagtail.models import Page

from . import ranking
from .enums import ResultType
from .models import MAX_QUERY_LENGTH, DailySearchCount

RESULTS_PER_PAGE = 10


def _parents(pages):
    """Each page's parent (its category, or News), fetched together in one query."""
    steplen = Page.steplen
    parent_paths = {page.path[:-steplen] for page in pages}
    parents = {
        parent.path: parent
        for parent in Page.objects.filter(path__in=parent_paths, depth__gt=2).only(
            "id", "path", "depth", "title", "url_path"
        )
    }
    return {page.pk: parents.get(page.path[:-steplen]) for page in pages}


def _page_of(items, number):
    paginator = Paginator(items, RESULTS_PER_PAGE)
    try:
        return paginator.page(number)
    except PageNotAnInteger:
        return paginator.page(1)
    except EmptyPage:
        return paginator.page(paginator.num_pages)


@require_GET
def search(request):
    query = request.GET.get("q", "").strip()[:MAX_QUERY_LENGTH]
    chosen_types = [kind for kind in request.GET.getlist("type") if kind in ResultType.values]
    context = {"search_query": query, "chosen_types": chosen_types, "search_results": None}
    if query:
        results = ranking.search(query)
        wanted = set(chosen_types or ResultType.values)
        hits = [hit for hit in results.hits if hit.kind in wanted]
        promoted = [hit for hit in results.promoted if hit.kind in wanted]
        results_page = _page_of(hits, request.GET.get("page", 1))
        shown = [hit.page for hit in [*promoted, *results_page.object_list]]
        parents = _parents(shown)
        for hit in [*promoted, *results_page.object_list]:
            hit.parent = parents[hit.page.pk]
        counts = results.counts()
        context.update(
            search_results=results_page,
            promoted=promoted if results_page.number == 1 else [],
            result_count=len(hits) + len(promoted),
            more_results=results.capped,
            ranked=ranking.MAX_CANDIDATES,
            type_filters=[
                {"value": value, "label": label, "count": counts.get(value, 0)}
                for value, label in ResultType.choices
            ],
            page_range=results_page.paginator.get_elided_page_range(
                results_page.number, on_each_side=1, on_ends=1
            ),
        )
        # Only a search's first page is counted: moving through pages is not a new search.
        if "page" not in request.GET:
            DailySearchCount.record(
                query, translation.get_language() or "", len(results.hits) + len(results.promoted)
            )
    response = TemplateResponse(request, "search/search.html", context)
    # Results pages are not worth indexing.
    response.headers["X-Robots-Tag"] = "noindex"
    return response
