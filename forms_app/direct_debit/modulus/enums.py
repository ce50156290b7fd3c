# Placeholder (drop on merge): ddmod's branch brings the real module.
from django.db import models


class Verdict(models.TextChoices):
    VALID = "valid", "Valid"
    INVALID = "invalid", "Invalid"
    NOT_CHECKABLE = "not_checkable", "Not checkable"
