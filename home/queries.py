"""Query helpers shared by the page types."""

from django.db.models import Exists, OuterRef
from django.db.models.functions import Length, Substr

from wagtail.models import PageViewRestriction


def page_and_ancestor_paths(page):
    """Treebeard stores each page's path as its ancestors' paths run together, one step per level,
    so the whole branch above a page is known without asking the database."""
    step = page.steplen
    return [page.path[:end] for end in range(step, len(page.path) + 1, step)]


def public(pages):
    """Pages that no view restriction hides, with the check inside the same query.

    Wagtail's `.public()` first fetches every restriction in a query of its own; with one per
    listing that adds up on a page. A restriction on a page hides it and everything below it,
    i.e. every page whose path starts with the restricted page's path.
    """
    restricted = PageViewRestriction.objects.filter(
        page__path=Substr(OuterRef("path"), 1, Length("page__path"))
    )
    return pages.exclude(Exists(restricted))
