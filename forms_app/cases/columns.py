"""The columns of the staff case list (viewsets.CaseViewSet, views.CaseIndexView).

Wagtail renders each cell with a template of its own: fifty rows of seven cells are 350 template
renders, about a quarter of the list's time. The plain cells here are written in Python instead
(the same HTML); the reference cell, with its link, keeps Wagtail's template.
"""

from django.template.defaultfilters import date as date_filter
from django.utils.html import format_html
from django.utils.translation import gettext as _

from wagtail.admin.ui.tables import BaseColumn, Column, TitleColumn

from forms_app.journeys.references import display_reference

from .enums import CaseStatus


class PlainCellMixin:
    """A `<td>` holding `cell_html(instance)`, with the column's class, and no template."""

    def render_cell_html(self, instance, parent_context):
        if self.classname:
            return format_html('<td class="{}">{}</td>', self.classname, self.cell_html(instance))
        return format_html("<td>{}</td>", self.cell_html(instance))

    def cell_html(self, instance):
        value = self.get_value(instance)
        return "" if value is None else value


class TextColumn(PlainCellMixin, Column):
    """A field's text, e.g. the summary or the queue."""


class ReferenceColumn(TitleColumn):
    def get_value(self, instance):
        return display_reference(instance.reference)


class StatusColumn(PlainCellMixin, Column):
    def get_value(self, instance):
        # The label straight from the enum: get_status_display() hashes every choice's label
        # (translating each) for every row.
        return CaseStatus(instance.status).label

    def cell_html(self, instance):
        # As cases/status_tag.html: the words carry the meaning, the colour only helps.
        return format_html(
            '<strong class="case-tag case-tag--{}">{}</strong>',
            instance.status,
            self.get_value(instance),
        )


class AssigneeColumn(PlainCellMixin, Column):
    def get_value(self, instance):
        user = instance.assignee
        if user is None:
            return _("Unassigned")
        return user.get_full_name().strip() or user.get_username()


class DueColumn(PlainCellMixin, Column):
    """The due date, with overdue cases labelled in words as well as colour."""

    def cell_html(self, instance):
        due = instance.due_date
        when = format_html(
            '<time datetime="{}">{}</time>', date_filter(due, "Y-m-d"), date_filter(due, "j M Y")
        )
        if not instance.is_overdue:
            return when
        return format_html(
            '<span class="case-due case-due--overdue">'
            '<strong class="case-tag case-tag--overdue">{}</strong> {}</span>',
            _("Overdue"),
            when,
        )


class SelectCaseColumn(BaseColumn):
    """A checkbox per row, belonging to the bulk action form above the table."""

    header_template_name = "cases/columns/select_header.html"

    def render_cell_html(self, instance, parent_context):
        return format_html(
            '<td class="case-select"><input type="checkbox" name="case" value="{}" '
            'form="case-bulk-form" id="case-select-{}" aria-label="{}"></td>',
            instance.pk,
            instance.pk,
            _("Select case %(reference)s") % {"reference": display_reference(instance.reference)},
        )
