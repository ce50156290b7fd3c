"""Keep the cached site chrome (home/chrome.py) and the front cache in step with editors."""

from django.apps import apps
from django.db.models.signals import post_delete, post_save

from wagtail.models import Locale, Page, Site
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from forms_app.cases.signals import retention_due
from townhall.frontcache import purge_everything
from townhall.lockout import forget_old_sign_in_records
from townhall.pagecache import forget_every_page

from .alerts.models import AlertBanner
from .chrome import bump_version
from .locales import forget_locales
from .models import CouncilDetails, CouncilSettings


def _forget_old_sign_in_records(sender, now, **kwargs):
    forget_old_sign_in_records(now)


def register_signal_handlers():
    # The daily retention run also deletes old sign-in records (staff usernames and addresses).
    retention_due.connect(_forget_old_sign_in_records, dispatch_uid="townhall-sign-in-records")
    for signal in (page_published, page_unpublished, post_page_move, page_slug_changed):
        signal.connect(bump_version, dispatch_uid=f"townhall-chrome-{signal}")
    # Every translation of the council details is a row of its own, so saving or deleting any of
    # them (wagtail-localize publishes a translation by saving it) makes the chrome stale.
    for model in (CouncilSettings, CouncilDetails, Site):
        post_save.connect(bump_version, sender=model, dispatch_uid=f"townhall-chrome-{model}")
        post_delete.connect(bump_version, sender=model, dispatch_uid=f"townhall-chrome-d-{model}")
    post_delete.connect(bump_version, sender=Page, dispatch_uid="townhall-chrome-page-delete")
    # The front cache is emptied by the same changes, and by any change to an alert banner.
    for signal in (page_published, page_unpublished, post_page_move, page_slug_changed):
        signal.connect(purge_everything, dispatch_uid=f"townhall-front-cache-{signal}")
    for model in (CouncilSettings, CouncilDetails, Site, AlertBanner):
        post_save.connect(purge_everything, sender=model, dispatch_uid=f"townhall-fc-{model}")
        post_delete.connect(purge_everything, sender=model, dispatch_uid=f"townhall-fc-d-{model}")
    post_delete.connect(purge_everything, sender=Page, dispatch_uid="townhall-fc-page-delete")
    # Saving a page's row (each page type's own signal) makes the app's kept pages stale.
    for model in apps.get_models():
        if issubclass(model, Page):
            post_save.connect(forget_every_page, sender=model, dispatch_uid=f"townhall-pc-{model}")
    post_save.connect(forget_locales, sender=Locale, dispatch_uid="townhall-locales")
    post_delete.connect(forget_locales, sender=Locale, dispatch_uid="townhall-locales-delete")
