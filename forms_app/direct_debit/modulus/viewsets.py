from django.db.models import Case, CharField, Count, Value, When
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.ui.tables import Column, StatusTagColumn
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.model import ModelViewSet

from townhall.spreadsheets import SafeSpreadsheetMixin

from .enums import ReleaseState
from .models import ModulusRelease


class ModulusReleaseIndexView(SafeSpreadsheetMixin, IndexView):
    def get_base_queryset(self):
        today = timezone.localdate()
        current = ModulusRelease.objects.current(today)
        return ModulusRelease.objects.annotate(
            row_count=Count("rows"),
            state=Case(
                When(pk=current.pk if current else None, then=Value(ReleaseState.IN_FORCE)),
                When(effective_from__gt=today, then=Value(ReleaseState.UPCOMING)),
                default=Value(ReleaseState.SUPERSEDED),
                output_field=CharField(),
            ),
        )


class ModulusReleaseViewSet(ModelViewSet):
    """The releases of Vocalink's modulus data loaded so far, and which one is in force; read-only,
    for superusers."""

    model = ModulusRelease
    index_view_class = ModulusReleaseIndexView
    icon = "list-ul"
    menu_label = _("Modulus checking data")
    menu_order = 910
    add_to_settings_menu = True
    copy_view_enabled = False
    inspect_view_enabled = True
    # Nobody adds or edits a release here (see permissions.py); the viewset still wants a form.
    form_fields = []

    list_display = [
        "version",
        StatusTagColumn(
            "state",
            accessor=lambda release: ReleaseState(release.state).label,
            label=_("Status"),
            primary=lambda release: release.state == ReleaseState.IN_FORCE,
        ),
        "effective_from",
        Column("row_count", label=_("VALACDOS rows")),
        "loaded_at",
        "source",
    ]
    ordering = ["-effective_from", "-loaded_at"]
    inspect_view_fields = ["version", "effective_from", "loaded_at", "source"]

    def get_permissions_to_register(self):
        # Superusers only: nothing for the group permissions screen to offer.
        return super().get_permissions_to_register().none()
