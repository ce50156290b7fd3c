from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem

from . import views
from .permissions import can_work_bacs_files
from .retention import cases_in_force


class BacsMenuItem(MenuItem):
    def is_shown(self, request):
        return can_work_bacs_files(request.user)


class BacsSubmenuItem(SubmenuMenuItem):
    def is_shown(self, request):
        return can_work_bacs_files(request.user)


@hooks.register("register_admin_urls")
def register_bacs_urls():
    return [
        path("bacs/auddis-files/", views.AuddisFilesView.as_view(), name="bacs_auddis_files"),
        path(
            "bacs/auddis-files/<int:pk>/download/",
            views.download_auddis_file,
            name="bacs_auddis_file_download",
        ),
        path("bacs/reports/", views.BankReportsView.as_view(), name="bacs_bank_reports"),
        path("bacs/reports/<int:pk>/", views.BankReportView.as_view(), name="bacs_bank_report"),
    ]


@hooks.register("register_admin_menu_item")
def register_bacs_menu():
    menu = Menu(
        items=[
            BacsMenuItem(
                _("AUDDIS files"), reverse("bacs_auddis_files"), name="auddis-files", order=100
            ),
            BacsMenuItem(
                _("Bank reports"), reverse("bacs_bank_reports"), name="bank-reports", order=200
            ),
        ]
    )
    return BacsSubmenuItem(_("Direct Debit files"), menu, name="bacs", icon_name="table", order=260)


@hooks.register("register_log_actions")
def register_bacs_actions(actions):
    actions.register_action("bacs.produce", _("AUDDIS file produced"), _("AUDDIS file produced"))
    actions.register_action(
        "bacs.download", _("AUDDIS file downloaded"), _("AUDDIS file downloaded")
    )
    actions.register_action(
        "bacs.import_report", _("Bank report imported"), _("Bank report imported")
    )
    actions.register_action(
        "direct_debit.bank_details_removed",
        _("Direct Debit bank details removed"),
        _("Direct Debit bank details removed"),
    )
    actions.register_action(
        "direct_debit.anonymised",
        _("Direct Debit payer's details removed"),
        _("Direct Debit payer's details removed"),
    )


@hooks.register("case_retention_holds")
def keep_cases_of_instructions_in_force(cases):
    """An instruction the bank may still act on keeps its case whole."""
    return cases_in_force(cases)
