"""The chrome every page shows (council details, navigation, footer), cached per site and language.

Building it costs a dozen queries (settings, the council details in this language, menu pages,
each footer link's page in the right language), yet it only changes when an editor publishes, moves
or deletes a page or edits the council settings or details (or any of their translations). So it
is built once, kept in the cache (shared by every app process when Redis is configured), and
rebuilt after any of those: home/signal_handlers.py bumps the version.
"""

from django.core.cache import cache
from django.utils import translation

from wagtail.models import Site

from townhall import versions

from .models import FALLBACK_COUNCIL_NAME, CouncilSettings, Phase

VERSION_KEY = "townhall:chrome:version"
TIMEOUT = 60 * 60  # a backstop: every change that matters bumps the version at once

DEFAULTS = {
    "council_name": FALLBACK_COUNCIL_NAME,
    "logo_url": "",
    "phase": "live",
    "phase_label": "",
    "feedback_url": "",
    "contact_phone": "",
    "contact_hours": "",
    "contact_email": "",
    "contact_address": "",
    "social_links": [],
    "footer_links": [],
    "nav": [],
    "home_url": "/",
}


def bump_version(**kwargs):
    """Make every cached chrome stale (a signal receiver, hence **kwargs)."""
    versions.bump(VERSION_KEY)


def get_chrome(request):
    site = Site.find_for_request(request)
    if site is None:
        return DEFAULTS
    version = versions.current(VERSION_KEY)
    key = f"townhall:chrome:{version}:{site.pk}:{translation.get_language()}"
    chrome = cache.get(key)
    if chrome is None:
        chrome = build_chrome(site)
        cache.set(key, chrome, TIMEOUT)
    return chrome


def default_council_name():
    """The council's name in the active language on the default site, for what is written without
    a request (the emails and texts residents are sent): kept with the chrome, and made stale by
    the same changes, so a case does not pay three queries to sign its confirmation."""
    key = (
        f"townhall:chrome:{versions.current(VERSION_KEY)}:council-name:{translation.get_language()}"
    )
    name = cache.get(key)
    if name is None:
        site = Site.objects.filter(is_default_site=True).first()
        details = CouncilSettings.for_site(site).localized_details() if site else None
        name = details.council_name if details else FALLBACK_COUNCIL_NAME
        cache.set(key, name, TIMEOUT)
    return name


def build_chrome(site):
    """The chrome in the active language: build_chrome is called inside the request's."""
    council = CouncilSettings.for_site(site)
    details = council.localized_details()
    home = site.root_page.localized
    nav = [
        {"text": page.title, "href": page.url}
        for page in home.get_children().live().public().in_menu().specific(defer=True)
    ]
    chrome = {
        **DEFAULTS,
        "logo_url": council.logo.get_rendition("height-40").url if council.logo else "",
        "phase": council.phase,
        "phase_label": str(Phase(council.phase).label) if council.phase != Phase.LIVE else "",
        "feedback_url": council.feedback_url,
        "contact_phone": council.contact_phone,
        "contact_email": council.contact_email,
        "social_links": [
            {"url": link.value["url"], "name": link.value.network_name()}
            for link in council.social_links
        ],
        "nav": nav,
        "home_url": home.url or "/",
    }
    if details is not None:
        chrome.update(
            council_name=details.council_name,
            contact_hours=details.contact_hours,
            contact_address=details.contact_address,
            footer_links=[
                {"href": link.value.href(), "text": link.value.link_text()}
                for link in details.footer_links
            ],
        )
    return chrome
