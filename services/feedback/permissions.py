"""Who sees feedback and review reports: people who can edit pages, and only for those pages."""

from wagtail.models import Page
from wagtail.permissions import policy_registry


def page_policy():
    return policy_registry.get_by_type(Page)


def can_see_reports(user):
    return page_policy().user_has_permission(user, "change")


def pages_user_can_edit(user):
    """The scope for every list, count, detail page and export, so they cannot disagree."""
    return page_policy().instances_user_has_permission_for(user, "change")
