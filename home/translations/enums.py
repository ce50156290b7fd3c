from django.db import models
from django.utils.translation import gettext_lazy as _


class UpdateReason(models.TextChoices):
    """Why a translated page is in "Translations to update", most important first."""

    SOURCE_CHANGED = "source_changed", _("English page changed")
    NOT_TRANSLATED = "not_translated", _("Text still to translate")
    NOT_PUBLISHED = "not_published", _("Changes not published")
    # A new translation: nothing of it is live yet, so nothing of it is out of date either.
    NEVER_PUBLISHED = "never_published", _("Not yet published")
