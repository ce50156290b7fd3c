from django.apps import AppConfig


class TestAppConfig(AppConfig):
    """Page types that exist only in the test suite, to prove the seams sub-apps plug into."""

    name = "tests.testapp"
    label = "testapp"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # As a sub-app does: its answer types are registered when the app loads.
        from . import answer_types  # noqa: F401
