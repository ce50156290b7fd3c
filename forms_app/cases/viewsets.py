"""The "Casework" admin menu: cases (for the teams who work them), queues and routing rules."""

from django.urls import path
from django.utils.translation import gettext_lazy as _

from wagtail.admin.admin_url_finder import ModelAdminURLFinder
from wagtail.admin.panels import FieldPanel, ObjectList, PageChooserPanel
from wagtail.admin.ui.tables import Column
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.admin.views.generic import CreateView, EditView, IndexView
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from forms_app.journeys.pages import journey_page_models
from townhall.spreadsheets import SafeSpreadsheetMixin

from . import views
from .columns import AssigneeColumn, DueColumn, ReferenceColumn, StatusColumn, TextColumn
from .filters import CaseFilterSet
from .forms import RoutingRuleForm
from .models import Case, Queue, RoutingRule


class CaseViewSet(ModelViewSet):
    model = Case
    name = "cases"
    icon = "clipboard-list"
    menu_label = _("Cases")
    menu_order = 100
    add_to_reference_index = False
    copy_view_enabled = False
    inspect_view_enabled = True

    index_view_class = views.CaseIndexView
    index_template_name = "cases/case_index.html"
    index_results_template_name = "cases/case_index_results.html"

    list_display = [
        ReferenceColumn("reference", label=_("Reference"), url_name="cases:inspect"),
        TextColumn("summary", label=_("Summary")),
        TextColumn("queue", label=_("Queue"), sort_key="queue__name"),
        StatusColumn("status", label=_("Status"), sort_key="status"),
        AssigneeColumn("assignee", label=_("Assigned to")),
        DueColumn("due_date", label=_("Due"), sort_key="due_date"),
    ]
    filterset_class = CaseFilterSet
    # The index view reads these; it normalises references ("HT7K 9QWX") and postcodes itself.
    search_fields = ["reference", "resident_name", "resident_email", "resident_postcode"]
    search_backend_name = None
    ordering = "due_date"
    list_per_page = 50

    list_export = [
        "reference",
        "created_at",
        "summary",
        "queue",
        "status",
        "assignee",
        "due_date",
        "channel",
    ]
    export_headings = {
        "reference": _("Reference"),
        "created_at": _("Received"),
        "summary": _("Form"),
        "queue": _("Queue"),
        "status": _("Status"),
        "assignee": _("Assigned to"),
        "due_date": _("Due"),
        "channel": _("Channel"),
    }

    def get_common_view_kwargs(self, **kwargs):
        # Cases are never added, edited as a form, copied or deleted in the admin; they are
        # worked on their own page, so those views (and links to them) do not exist.
        return super().get_common_view_kwargs(
            add_url_name=None,
            edit_url_name=None,
            delete_url_name=None,
            copy_url_name=None,
            history_url_name=None,
            usage_url_name=None,
            **kwargs,
        )

    def get_permissions_to_register(self):
        # Only the permissions that mean something here appear on the group editing screen.
        return (
            super()
            .get_permissions_to_register()
            .filter(codename__in=["view_case", "change_case", "export_case", "transfer_case"])
        )

    @property
    def inspect_view(self):
        return views.CaseDetailView.as_view()

    @property
    def url_finder_class(self):
        # Audit log listings link a case to its work page, for users whose scope includes it.
        return type(
            "CaseAdminURLFinder",
            (ModelAdminURLFinder,),
            {"edit_url_name": self.get_url_name("inspect")},
        )

    def get_urlpatterns(self):
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("bulk/", views.BulkActionView.as_view(), name="bulk"),
            path("<int:pk>/", self.inspect_view, name="inspect"),
            path("<int:pk>/assign-to-me/", views.AssignToMeView.as_view(), name="assign_to_me"),
            path("<int:pk>/assign/", views.AssignView.as_view(), name="assign"),
            path("<int:pk>/status/", views.StatusView.as_view(), name="status"),
            path("<int:pk>/note/", views.NoteView.as_view(), name="note"),
            path("<int:pk>/transfer/", views.TransferView.as_view(), name="transfer"),
            path("<int:pk>/files/<int:index>/", views.CaseFileView.as_view(), name="file"),
        ]


class QueueViewSet(ModelViewSet):
    """Teams' queues: for superusers and managers given the queue permissions."""

    model = Queue
    name = "queues"
    url_prefix = "casework/queues"
    icon = "group"
    menu_label = _("Queues")
    menu_order = 200
    copy_view_enabled = False
    list_display = ["name", "group", "sla_working_days", "is_default"]
    search_fields = ["name"]
    search_backend_name = None
    panels = [
        FieldPanel("name"),
        FieldPanel("group"),
        FieldPanel("sla_working_days"),
        FieldPanel("team_email"),
        FieldPanel("notify_resident"),
        FieldPanel("webhook_url"),
        FieldPanel("is_default"),
    ]


class BackToTheFormMixin:
    """Opened from a form's edit page ("Where cases go"), saving goes back there."""

    def _keep_query(self, url):
        query = self.request.GET.urlencode()
        return f"{url}?{query}" if query else url

    def get_success_url(self):
        return get_valid_next_url_from_request(self.request) or super().get_success_url()


class RoutingRuleCreateView(BackToTheFormMixin, CreateView):
    def get_add_url(self):
        return self._keep_query(super().get_add_url())

    def get_initial(self):
        # "Send this form's cases to a queue", from a form's edit page, comes with the form.
        initial = super().get_initial()
        journey = self.request.GET.get("journey", "")
        if journey.isdigit():
            initial["journey"] = int(journey)
        return initial


class RoutingRuleEditView(BackToTheFormMixin, EditView):
    def get_edit_url(self):
        return self._keep_query(super().get_edit_url())


class RoutingRuleIndexView(SafeSpreadsheetMixin, IndexView):
    def get_base_queryset(self):
        # Each row says whether its rule can still match, which reads the rule's form.
        return super().get_base_queryset().select_related("journey", "queue")


def _cannot_match(rule):
    return " ".join(str(message) for messages in rule.problems().values() for message in messages)


class RoutingRuleViewSet(ModelViewSet):
    model = RoutingRule
    name = "routing_rules"
    url_prefix = "casework/routing-rules"
    icon = "redirect"
    menu_label = _("Routing rules")
    menu_order = 300
    copy_view_enabled = False
    index_view_class = RoutingRuleIndexView
    add_view_class = RoutingRuleCreateView
    edit_view_class = RoutingRuleEditView
    list_display = [
        "__str__",
        "queue",
        "order",
        # A rule written before its form changed (a question renamed, an option removed).
        Column("cannot_match", label=_("Problem"), accessor=_cannot_match),
    ]
    list_filter = ["queue"]
    edit_handler = ObjectList(
        [
            PageChooserPanel("journey", page_type=journey_page_models()),
            FieldPanel("condition"),
            FieldPanel("queue"),
            FieldPanel("order"),
        ],
        base_form_class=RoutingRuleForm,
    )


class CaseworkViewSetGroup(ViewSetGroup):
    menu_label = _("Casework")
    menu_icon = "clipboard-list"
    menu_order = 150
    items = (CaseViewSet(), QueueViewSet(), RoutingRuleViewSet())
