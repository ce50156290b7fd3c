from django.utils.translation import gettext_lazy as _

from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.snippets.views.snippets import SnippetViewSet

from townhall.spreadsheets import SafeSnippetIndexView

from .models import PromotedResult, Synonym


class SynonymViewSet(SnippetViewSet):
    model = Synonym
    index_view_class = SafeSnippetIndexView
    icon = "link"
    menu_label = _("Synonyms")
    list_display = ["term", "synonyms", "language"]
    list_export = ["term", "synonyms", "language"]
    list_filter = ["language"]
    search_fields = ["term", "synonyms"]
    ordering = ["term", "language"]


class PromotedResultViewSet(SnippetViewSet):
    model = PromotedResult
    index_view_class = SafeSnippetIndexView
    icon = "pick"
    menu_label = _("Promoted results")
    list_display = [
        Column("__str__", label=_("Searches"), accessor=str),
        Column(
            "page_titles",
            label=_("Recommended pages"),
            accessor=lambda promotion: ", ".join(
                promoted.page.title for promoted in promotion.pages.all()
            ),
        ),
    ]
    search_fields = ["phrases"]

    def get_queryset(self, request):
        # The listing names each promotion's pages: fetch them with the promotions.
        return self.model.objects.prefetch_related("pages__page")


class SearchViewSetGroup(ViewSetGroup):
    menu_label = _("Search")
    menu_icon = "search"
    menu_order = 260
    items = (PromotedResultViewSet, SynonymViewSet)
