"""Page routing in a fixed number of queries, however deep the page is.

Wagtail routes a request one path segment at a time (two queries a level). Every page stores its
full `url_path`, so the home page can find the deepest page matching the requested path, and all its
ancestors on the way, in one query, then load that page's own model in one more. What is left of
the path goes to that page's own `route()`, so routable pages (guide parts, news feed) still work.
"""

from django.contrib.contenttypes.models import ContentType

from wagtail.models import Page, PageViewRestriction

from .queries import page_and_ancestor_paths


def route_target(home, path_components):
    """(page, how many of `path_components` its address takes) for the deepest page below `home`
    whose address begins the path, its ancestors in `page.route_ancestors`; None if no page's does.

    Only `home`'s own columns are read (its path, address, title), so the site's root page as
    Wagtail loads it will do: routing need not load the home page's own model first.
    """
    wanted = [
        f"{home.url_path}{'/'.join(path_components[:length])}/"
        for length in range(1, len(path_components) + 1)
    ]
    chain = list(
        Page.objects.filter(url_path__in=wanted, path__startswith=home.path)
        .order_by("depth")
        .values("pk", "content_type_id", "url_path", "title", "alias_of_id")
    )
    # Only an unbroken run of ancestors from this page counts as a match.
    matched = []
    for length, row in enumerate(chain, start=1):
        if row["url_path"] != wanted[length - 1]:
            break
        matched.append(row)
    if not matched:
        return None
    target = matched[-1]
    model = ContentType.objects.get_for_id(target["content_type_id"]).model_class()
    related = getattr(model, "route_select_related", ())
    page = model.objects.select_related(*related).get(pk=target["pk"])
    home_url = home.url or "/"
    page.route_ancestors = [
        {"title": home.title, "href": home_url, "alias_of_id": home.alias_of_id, "pk": home.pk}
    ] + [
        {
            "title": row["title"],
            "href": home_url + row["url_path"][len(home.url_path) :],
            "alias_of_id": row["alias_of_id"],
            "pk": row["pk"],
        }
        for row in matched[:-1]
    ]
    return page, len(matched)


class PathRoutingMixin:
    """For the root page of a site (HomePage)."""

    def route(self, request, path_components):
        if not path_components:
            self.route_ancestors = []
            return super().route(request, path_components)
        found = route_target(self, path_components)
        if found is None:
            return super().route(request, path_components)
        page, taken = found
        return page.route(request, path_components[taken:])


class RoutedPageMixin:
    """For pages reached through PathRoutingMixin: reuse the ancestors it found."""

    route_ancestors = None
    # Foreign keys the page's template always follows, loaded with the page itself.
    route_select_related = ()

    def get_view_restrictions(self):
        ancestors = self.route_ancestors
        if ancestors is None or self.alias_of_id or any(a["alias_of_id"] for a in ancestors):
            return super().get_view_restrictions()
        # No alias on the way, so the restrictions are those on this page and its ancestors: one
        # query by path (ancestors' paths are prefixes of this one) instead of two.
        return PageViewRestriction.objects.filter(page__path__in=page_and_ancestor_paths(self))

    def breadcrumbs(self):
        """Ancestors below the tree root, as {title, href}; free when the route found them."""
        if self.route_ancestors is not None:
            return self.route_ancestors
        return [
            {"title": ancestor.title, "href": ancestor.url}
            for ancestor in self.get_ancestors().filter(depth__gt=1)
        ]
