"""The rows Wagtail's own migrations make, which every page needs."""

from django.conf import settings

from wagtail.models import Locale, Page


def restore_wagtail_baseline():
    """Put back the default locale and the root page. Transactional tests (browser tests, the
    migration test) commit for real and end by emptying the database, so a transactional test that
    runs after another finds neither. (Django's serialized_rollback would restore them, but keeps
    its copy on a connection object that Playwright's greenlet context does not share.)"""
    locale, _ = Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
    if not Page.objects.filter(depth=1).exists():
        Page.add_root(instance=Page(title="Root", slug="root", locale=locale))


def migrate(targets=None):
    """Migrate the test database to `targets` ([(app, migration)]), or to the latest of every
    app; returns the apps as they were then, for a migration test to build old rows with."""
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    targets = targets or executor.loader.graph.leaf_nodes()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps
