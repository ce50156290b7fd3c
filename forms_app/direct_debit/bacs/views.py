"""Admin pages for Revenues staff: AUDDIS files (produce, list, download) and bank reports
(import, list, what each line did). Every view needs `bacs.produce_auddis_file`."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.log_actions import log

from forms_app.direct_debit.enums import InstructionStatus
from forms_app.direct_debit.models import Instruction

from .enums import LineOutcome
from .forms import ImportReportForm
from .importing import AlreadyImported, import_report
from .lodging import NotReady, produce_files
from .models import AuddisFile, BankReport
from .permissions import can_work_bacs_files
from .reports import ReportFormatError


class BacsStaffMixin(WagtailAdminTemplateMixin):
    header_icon = "table"

    def dispatch(self, request, *args, **kwargs):
        if not can_work_bacs_files(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class AuddisFilesView(BacsStaffMixin, TemplateView):
    """Every file produced, newest first, and the button that produces the next."""

    template_name = "bacs/auddis_files.html"
    page_title = _("AUDDIS files")

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            files=AuddisFile.objects.select_related("created_by")[:200],
            waiting_new=Instruction.objects.filter(status=InstructionStatus.PENDING).count(),
            waiting_cancel=Instruction.objects.awaiting_cancellation().count(),
            **kwargs,
        )

    def post(self, request):
        try:
            outcome = produce_files(user=request.user)
        except NotReady as error:
            messages.error(request, str(error))
            return redirect("bacs_auddis_files")
        for auddis_file in outcome.files:
            log(auddis_file, "bacs.produce", user=request.user)
            messages.success(
                request,
                gettext(
                    "File %(serial)s produced: %(new)s new instructions, %(cancel)s cancellations."
                )
                % {
                    "serial": auddis_file.serial,
                    "new": auddis_file.new_count,
                    "cancel": auddis_file.cancel_count,
                },
            )
        for reference, why in outcome.left_out:
            messages.warning(
                request,
                gettext("%(reference)s was not sent: %(why)s. Check the instruction's case.")
                % {"reference": reference, "why": why},
            )
        if not outcome.files and not outcome.left_out:
            messages.info(request, gettext("There was nothing to send to the bank."))
        return redirect("bacs_auddis_files")


def download_auddis_file(request, pk):
    if not can_work_bacs_files(request.user):
        raise PermissionDenied
    auddis_file = get_object_or_404(AuddisFile, pk=pk)
    log(auddis_file, "bacs.download", user=request.user)
    response = HttpResponse(auddis_file.content.encode("ascii"), content_type="text/plain")
    response["Content-Disposition"] = f'attachment; filename="{auddis_file.filename}"'
    response["Cache-Control"] = "private, no-store"
    return response


class BankReportsView(BacsStaffMixin, TemplateView):
    """Import a report; every report imported, newest first."""

    template_name = "bacs/bank_reports.html"
    page_title = _("Bank reports")

    def get_context_data(self, form=None, **kwargs):
        return super().get_context_data(
            form=form or ImportReportForm(),
            reports=BankReport.objects.select_related("imported_by").prefetch_related("lines")[
                :200
            ],
            **kwargs,
        )

    def post(self, request):
        form = ImportReportForm(request.POST, request.FILES)
        if form.is_valid():
            upload = form.cleaned_data["report"]
            try:
                report = import_report(upload.read(), filename=upload.name, by=request.user)
            except ReportFormatError as error:
                form.add_error("report", str(error))
            except AlreadyImported as already:
                messages.warning(
                    request,
                    gettext("This report was already imported: nothing has changed."),
                )
                return redirect("bacs_bank_report", pk=already.report.pk)
            else:
                log(report, "bacs.import_report", user=request.user)
                not_applied = report.count(LineOutcome.NOT_APPLIED)
                messages.success(request, gettext("Report imported."))
                if not_applied:
                    messages.warning(
                        request,
                        ngettext(
                            "%(count)s line was not applied: see below.",
                            "%(count)s lines were not applied: see below.",
                            not_applied,
                        )
                        % {"count": not_applied},
                    )
                return redirect("bacs_bank_report", pk=report.pk)
        return self.render_to_response(self.get_context_data(form=form), status=400)


class BankReportView(BacsStaffMixin, TemplateView):
    """One imported report: what each of its lines did, those not applied first."""

    template_name = "bacs/bank_report.html"

    def get_page_title(self):
        return gettext("Bank report: %(name)s") % {"name": self.report}

    def dispatch(self, request, *args, pk, **kwargs):
        self.report = get_object_or_404(BankReport, pk=pk)
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        lines = list(self.report.lines.select_related("instruction__case"))
        return super().get_context_data(
            report=self.report,
            not_applied=[line for line in lines if line.outcome == LineOutcome.NOT_APPLIED],
            others=[line for line in lines if line.outcome != LineOutcome.NOT_APPLIED],
            **kwargs,
        )
