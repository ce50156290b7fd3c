"""Staff views for casework in the Wagtail admin: the list, a case's work page and its actions.

Every view starts from `Case.objects.for_user(request.user)`, so a case outside the user's queues
is a 404 wherever it is asked for (list, page, action, file, export, bulk action): the same
answer as a case that does not exist, so nothing leaks.
"""

import csv

from django.conf import settings
from django.core.exceptions import PermissionDenied, SuspiciousFileOperation, ValidationError
from django.db import transaction
from django.db.models import Q, Value
from django.db.models.functions import Replace
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views import View
from django.views.generic import TemplateView

from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.admin.views import generic
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.views.mixins import Echo
from wagtail.admin.widgets.button import Button
from wagtail.log_actions import log

from forms_app.journeys.references import display_reference, normalise_reference
from forms_app.journeys.source_language import source_words
from forms_app.journeys.uploads import open_upload
from townhall.ids import parse_id
from townhall.spreadsheets import SafeSpreadsheetMixin, spreadsheet_safe

from .columns import SelectCaseColumn
from .enums import TRANSITIONS, CaseStatus
from .exports import ANSWER_FIELD, AnswerColumns, plain_value
from .forms import RESIDENT, AssignForm, BulkActionForm, NoteForm, StatusForm, TransferForm
from .models import Case, CaseLogEntry
from .permissions import SEE, case_permission_policy, queue_ids_for

# The site's own language: the words staff read beside a translated form's.
LANGUAGE = settings.LANGUAGE_CODE


class CaseIndexView(SafeSpreadsheetMixin, generic.IndexView):
    any_permission_required = SEE
    permission_policy = case_permission_policy
    # CSV only: the export is for a quick look in a spreadsheet, and one format is one to check.
    FORMATS = ("csv",)

    def dispatch(self, request, *args, **kwargs):
        if self.is_export and not self.can_export:
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    @cached_property
    def can_export(self):
        return self.user_has_permission("export")

    @cached_property
    def can_change(self):
        return self.user_has_permission("change")

    def get_base_queryset(self):
        # The user's queues by id as well as through their groups: PostgreSQL then knows which
        # queues (and how many cases each holds) and reads the list's order from the index that
        # suits them, the queue's own for a small queue in a council with many cases.
        user = self.request.user
        return (
            Case.objects.for_user(user)
            .filter(queue_id__in=queue_ids_for(user))
            .select_related("queue", "assignee")
        )

    def order_queryset(self, queryset):
        if "ordering" in self.request.GET:
            return super().order_queryset(queryset)
        # Unless staff sort by a column: the work still to do, the most urgent first, then the
        # finished cases (which, being old, would otherwise come first by due date). Indexed.
        return queryset.order_by("finished", "due_date", "pk")

    @cached_property
    def columns(self):
        columns = list(super().columns)
        if self.can_change and not self.is_export:
            columns.insert(0, SelectCaseColumn("select", label=_("Select")))
        return columns

    def search_queryset(self, queryset):
        if not self.is_searching:
            return queryset
        query = self.search_query.strip()
        squashed = "".join(query.split())
        reference = normalise_reference(query)
        condition = (
            Q(reference=reference) if reference else Q(reference__icontains=squashed.upper())
        )
        condition |= Q(resident_name__icontains=query) | Q(resident_email__icontains=query)
        # Postcodes are typed with and without their space.
        queryset = queryset.annotate(
            _postcode_squashed=Replace("resident_postcode", Value(" "), Value(""))
        )
        condition |= Q(_postcode_squashed__icontains=squashed)
        return queryset.filter(condition)

    def get_filename(self):
        return f"cases-{timezone.localdate().isoformat()}"

    def stream_csv(self, queryset):
        # The answer columns are those of the cases exported, so the cases are read first.
        cases = list(queryset)
        self.answer_columns = AnswerColumns(cases)
        fields = [*self.list_export, *self.answer_columns.headings]
        writer = csv.DictWriter(Echo(), fieldnames=fields)
        yield writer.writerow(
            {field: spreadsheet_safe(self.get_heading(queryset, field)) for field in fields}
        )
        for case in cases:
            yield self.write_csv_row(writer, self.to_row_dict(case))

    def get_heading(self, queryset, field):
        if field.startswith(ANSWER_FIELD):
            return self.answer_columns.headings[field]
        return super().get_heading(queryset, field)

    def to_row_dict(self, case):
        # What a team needs to count and chase its work, then the answers its queue may see
        # (exports.py). The resident's contact fields stay on the case page, except where a
        # question asked for them.
        row = {
            "reference": display_reference(case.reference),
            "created_at": timezone.localtime(case.created_at).strftime("%Y-%m-%d %H:%M"),
            "summary": case.summary,
            "queue": case.queue.name,
            "status": case.get_status_display(),
            "assignee": (case.assignee.get_full_name() or case.assignee.get_username())
            if case.assignee
            else "",
            "due_date": case.due_date.isoformat(),
            "channel": case.get_channel_display(),
        }
        row = {field: row[field] for field in self.list_export}
        answer_columns = getattr(self, "answer_columns", None)
        if answer_columns is not None:
            row.update(answer_columns.cells(case))
        return row

    @cached_property
    def show_export_buttons(self):
        # The mixin would offer XLSX too; the CSV button is added below, for exporters only.
        return False

    @cached_property
    def header_more_buttons(self):
        buttons = list(super().header_more_buttons)
        if self.can_export:
            buttons.append(
                Button(
                    _("Download CSV"), url=self.csv_export_url, icon_name="download", priority=90
                )
            )
        return buttons

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        if self.can_change and not self.is_export:
            context["bulk_form"] = BulkActionForm(user=self.request.user)
            context["bulk_url"] = reverse("cases:bulk")
            context["next_url"] = self.request.get_full_path().replace(
                reverse("cases:index_results"), reverse("cases:index"), 1
            )
        return context


class CaseScopeMixin:
    """Finds the case within the user's scope, or 404: the one way these views load a case."""

    model = Case
    permission_policy = case_permission_policy

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.object = get_object_or_404(
            Case.objects.for_user(request.user).select_related(
                "queue", "assignee", "assisted_by", "journey"
            ),
            pk=kwargs["pk"],
        )


class CaseDetailView(
    CaseScopeMixin, PermissionCheckedMixin, generic.WagtailAdminTemplateMixin, TemplateView
):
    """A case's work page: what the resident told us, who they are, its history and actions."""

    any_permission_required = SEE
    template_name = "cases/case_detail.html"
    header_icon = "clipboard-list"
    forms = {}

    def get_page_title(self):
        return _("Case %(reference)s") % {"reference": display_reference(self.object.reference)}

    def get_page_subtitle(self):
        return self.object.summary

    def get_header_title(self):
        return self.get_page_title()

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("cases:index"), "label": _("Cases")},
            {"url": "", "label": self.get_page_title(), "sublabel": self.object.summary},
        ]

    @cached_property
    def can_change(self):
        return self.user_has_permission("change")

    @cached_property
    def can_transfer(self):
        return self.user_has_permission("transfer") and self.object.is_open

    def get_answers(self):
        answers = []
        case = self.object
        given = case.get_answers()
        # A Welsh submission's questions and options read in Welsh: the English beside them.
        source = source_words(case.journey_id, given) if case.language != LANGUAGE else []
        for index, answer in enumerate(given):
            row = {"label": answer.label, "display": answer.display or plain_value(answer.value)}
            if source and source[index]:
                row.update(source_label=source[index].label, source_display=source[index].display)
            stored = answer.file
            if stored is not None:
                row.update(
                    display=stored.original_name,
                    size=stored.size,
                    file_url=reverse("cases:file", args=[self.object.pk, index]),
                )
            answers.append(row)
        return answers

    def get_panels(self):
        """Panels other apps add to the case page (notifications: the messages sent), through the
        "case_detail_panels" hook: fn(request, case) returning HTML, or None to add nothing."""
        panels = (fn(self.request, self.object) for fn in hooks.get_hooks("case_detail_panels"))
        return [panel for panel in panels if panel]

    def get_forms(self):
        case = self.object
        forms = {}
        if self.can_change:
            forms.update(
                assign_form=AssignForm(case=case),
                status_form=StatusForm(case=case),
                note_form=NoteForm(),
            )
        if self.can_transfer:
            forms["transfer_form"] = TransferForm(case=case)
        forms.update(self.forms)
        return forms

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        case = self.object
        context.update(
            {
                "case": case,
                "reference": display_reference(case.reference),
                "answers": self.get_answers(),
                "source_language": LANGUAGE,
                "updates": case.updates.select_related("author"),
                "case_panels": self.get_panels(),
                "log_entries": CaseLogEntry.objects.for_instance(case)
                .select_related("user")
                .order_by("-timestamp", "-pk"),
                "can_change": self.can_change,
                "can_transfer": self.can_transfer,
                "can_close": CaseStatus.CLOSED in TRANSITIONS[case.status],
                "today": timezone.localdate(),
            }
        )
        context.update(self.get_forms())
        return context


class CaseActionView(CaseDetailView):
    """An action on one case, posted from its work page. Invalid input re-shows the page."""

    http_method_names = ["post"]
    any_permission_required = None
    permission_required = "change"
    form_class = None
    form_name = None

    def get_form(self):
        return self.form_class(self.request.POST, case=self.object)

    def post(self, request, *args, **kwargs):
        form = self.get_form()
        if form.is_valid():
            try:
                with transaction.atomic():
                    success = self.act(form)
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, success)
                return redirect(self.get_success_url())
        messages.error(request, _("The case was not changed. Check the form below."))
        self.forms = {self.form_name: form}
        return self.render_to_response(self.get_context_data())

    def act(self, form):
        raise NotImplementedError

    def get_success_url(self):
        return reverse("cases:inspect", args=[self.object.pk])


class AssignToMeView(CaseActionView):
    def post(self, request, *args, **kwargs):
        self.object.assign(request.user, request.user)
        messages.success(request, _("The case is assigned to you."))
        return redirect("cases:inspect", self.object.pk)


class AssignView(CaseActionView):
    form_class = AssignForm
    form_name = "assign_form"

    def act(self, form):
        assignee = form.cleaned_data["assignee"]
        try:
            self.object.assign(assignee, self.request.user)
        except PermissionDenied as error:
            raise ValidationError(_("That person does not work this queue.")) from error
        if assignee is None:
            return _("The case is no longer assigned to anyone.")
        return _("The case is assigned to %(name)s.") % {
            "name": assignee.get_full_name() or assignee.get_username()
        }


class StatusView(CaseActionView):
    form_class = StatusForm
    form_name = "status_form"

    def act(self, form):
        text = form.cleaned_data["text"].strip()
        public = form.cleaned_data["audience"] == RESIDENT
        self.object.change_status(
            form.cleaned_data["status"],
            self.request.user,
            note="" if public else text,
            public_message=text if public else "",
        )
        message = _("The case is now %(status)s.") % {
            "status": self.object.get_status_display().lower()
        }
        if public:
            message += " " + _sent_or_not(self.object)
        return message


class TransferView(CaseActionView):
    permission_required = "transfer"
    form_class = TransferForm
    form_name = "transfer_form"
    # The form is shown again with the reason a move was refused, even when the case has just
    # been closed by a colleague.
    can_transfer = True

    def act(self, form):
        queue = form.cleaned_data["queue"]
        try:
            self.object.transfer(queue, self.request.user, reason=form.cleaned_data["reason"])
        except PermissionDenied as error:
            raise ValidationError(_("You cannot move this case.")) from error
        return _("Case %(reference)s moved to %(queue)s.") % {
            "reference": display_reference(self.object.reference),
            "queue": queue.name,
        }

    def get_success_url(self):
        # A case moved to a queue the user does not work leaves their sight: back to the list.
        if self.object.can_be_worked_by(self.request.user):
            return super().get_success_url()
        return reverse("cases:index")


class NoteView(CaseActionView):
    form_class = NoteForm
    form_name = "note_form"

    def get_form(self):
        return self.form_class(self.request.POST)

    def act(self, form):
        public = form.cleaned_data["audience"] == RESIDENT
        self.object.add_update(self.request.user, form.cleaned_data["text"].strip(), public=public)
        return _sent_or_not(self.object) if public else _("Internal note added.")


def _sent_or_not(case):
    """What staff are told after writing to the resident: sent, or what to do instead."""
    if case.can_be_messaged:
        return _("The resident has been sent your message.")
    return _(
        "Your message was not sent: the resident gave no email address or mobile number, or "
        "this queue does not message residents. Phone or write to them. This is noted on the case."
    )


class CaseFileView(CaseScopeMixin, PermissionCheckedMixin, View):
    """A resident's file, streamed from private storage to staff who may see its case."""

    any_permission_required = SEE
    http_method_names = ["get"]

    def get(self, request, pk, index):
        answers = self.object.get_answers()
        stored = answers[index].file if index < len(answers) else None
        if stored is None:
            raise Http404
        try:
            handle = open_upload(stored.name)
        except (OSError, SuspiciousFileOperation) as error:
            # Removed by retention, or a stored name that does not stay inside the storage.
            raise Http404 from error
        log(
            self.object,
            "cases.file_download",
            user=request.user,
            data={"file": stored.original_name},
        )
        response = FileResponse(
            handle,
            as_attachment=True,
            filename=stored.download_name,
            content_type=stored.content_type,
        )
        # Named and typed for what the contents showed: no browser may second-guess the type.
        response["X-Content-Type-Options"] = "nosniff"
        return response


class BulkActionView(PermissionCheckedMixin, View):
    """Assign or close several cases at once; anything outside the user's scope is untouched."""

    model = Case
    permission_policy = case_permission_policy
    permission_required = "change"
    http_method_names = ["post"]

    def post(self, request):
        next_url = get_valid_next_url_from_request(request) or reverse("cases:index")
        form = BulkActionForm(request.POST, user=request.user)
        ids = {parse_id(value) for value in request.POST.getlist("case")} - {None}
        if not ids:
            messages.error(request, _("Select at least one case."))
            return redirect(next_url)
        if not form.is_valid():
            for errors in form.errors.values():
                for error in errors:
                    messages.error(request, error)
            return redirect(next_url)
        cases = list(Case.objects.for_user(request.user).filter(pk__in=ids).select_related("queue"))
        action = form.cleaned_data["action"]
        done, skipped = [], []
        for case in cases:
            try:
                with transaction.atomic():
                    self.act(case, action, form.cleaned_data["assignee"])
            except (PermissionDenied, ValidationError) as error:
                skipped.append((case, _reason(error)))
            else:
                done.append(case)
        self.report(action, done, skipped, missing=len(ids) - len(cases))
        return redirect(next_url)

    def act(self, case, action, assignee):
        user = self.request.user
        if action == BulkActionForm.ASSIGN_TO_ME:
            case.assign(user, user)
        elif action == BulkActionForm.ASSIGN:
            case.assign(assignee, user)
        else:
            # Only a resolved case can be closed; resolving here would send residents a message
            # nobody wrote, so open cases are skipped and reported instead.
            case.change_status(CaseStatus.CLOSED, user)

    def report(self, action, done, skipped, missing):
        request = self.request
        if done:
            count = len(done)
            if action == BulkActionForm.CLOSE:
                text = ngettext("%(count)d case closed.", "%(count)d cases closed.", count)
            else:
                text = ngettext("%(count)d case assigned.", "%(count)d cases assigned.", count)
            messages.success(request, text % {"count": count})
        for case, reason in skipped:
            messages.warning(
                request,
                _("%(reference)s was not changed: %(reason)s")
                % {"reference": display_reference(case.reference), "reason": reason},
            )
        if missing:
            messages.warning(
                request,
                ngettext(
                    "%(count)d selected case could not be found.",
                    "%(count)d selected cases could not be found.",
                    missing,
                )
                % {"count": missing},
            )


def _reason(error):
    if isinstance(error, PermissionDenied):
        return _("that person does not work this case's queue.")
    return " ".join(error.messages)
