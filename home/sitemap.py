"""The sitemap: every public page in every language, each with its other languages' addresses.

Wagtail's own sitemap lists the site's root page and what is below it: the English tree only,
since each language has its own tree. This one lists every language's tree, and gives each
address `xhtml:link rel="alternate" hreflang` links to the same page (or guide part) in the other
languages. Addresses are written with the site's configured address (`PUBLIC_BASE_URL`, through
`townhall.public_urls.public_base_url()`), as robots.txt writes the sitemap's own, never with
whatever host a request happened to name.
"""

from collections import defaultdict
from urllib.parse import urlsplit

from django.conf import settings
from django.db.models import Q

from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Locale, Page

from townhall.public_urls import public_base_url

from .queries import public


def absolute(url):
    """`url` (a page's full or relative address) at the site's configured address."""
    parts = urlsplit(url)
    path = parts.path + (f"?{parts.query}" if parts.query else "")
    return f"{public_base_url()}{path}"


class CouncilSitemap(Sitemap):
    def items(self):
        root = self.get_wagtail_site().root_page
        roots = Page.objects.filter(translation_key=root.translation_key).values_list(
            "path", flat=True
        )
        in_a_tree = Q()
        for path in roots:
            in_a_tree |= Q(path__startswith=path)
        pages = public(Page.objects.live().filter(in_a_tree))
        return pages.order_by("path").defer_streamfields().specific()

    def _all_urls(self):
        """[(page, its address entries)] for the whole site, with their alternates, built once:
        a page's translations may fall on another of the paginator's pages."""
        if hasattr(self, "_built"):
            return self._built
        languages = dict(Locale.objects.values_list("pk", "language_code"))
        built, by_key = [], defaultdict(dict)
        for page in self.items():
            urls = [
                {**url, "location": absolute(url["location"])}
                for url in page.get_sitemap_urls(self.request)
            ]
            built.append((page, urls))
            by_key[page.translation_key][languages[page.locale_id]] = urls
        for page, urls in built:
            versions = by_key[page.translation_key]
            if len(versions) < 2:
                continue
            # The n-th address of a page (its n-th guide part) is the n-th of each translation.
            for number, url in enumerate(urls):
                alternates = [
                    {"lang_code": language, "location": others[number]["location"]}
                    for language, _name in settings.LANGUAGES
                    if (others := versions.get(language)) and number < len(others)
                ]
                if len(alternates) > 1:
                    url["alternates"] = alternates
        self._built = built
        return built

    def _urls(self, page, protocol, domain):
        on_this_page = {item.pk for item in self.paginator.page(page).object_list}
        urls = [
            url for item, entries in self._all_urls() if item.pk in on_this_page for url in entries
        ]
        last_mods = {url.get("lastmod") for url in urls}
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        return urls
