"""Answers that are a file: a photo, a scanned letter, a document.

The block only checks the upload; the engine stores the file and keeps its own description of it
as the answer.
"""

from collections.abc import Mapping
from pathlib import PureWindowsPath

from django import forms
from django.utils.translation import gettext_lazy as _

from wagtail import blocks

from . import registry
from .base import BaseQuestionBlock
from .fields import FileAnswerField
from .files import (
    DEFAULT_FILE_TYPES,
    DEFAULT_MAX_FILE_MB,
    FILE_TYPES,
    MAX_FILE_MB,
    MAX_OPENED_MB,
)


@registry.register
class FileUploadQuestionBlock(BaseQuestionBlock):
    question_type = "file_upload"
    required_message = _("Select a file")

    allowed = blocks.MultipleChoiceBlock(
        choices=[(kind, label) for kind, (label, _accept) in FILE_TYPES.items()],
        default=DEFAULT_FILE_TYPES,
        widget=forms.CheckboxSelectMultiple,
        label=_("Types of file allowed"),
        help_text=_(
            "Files are checked by what is in them, not by their name. JPG, PNG and HEIC are "
            "photos (HEIC is what iPhones take); DOCX is a Word document."
        ),
    )
    max_size_mb = blocks.IntegerBlock(
        default=DEFAULT_MAX_FILE_MB,
        min_value=1,
        max_value=MAX_FILE_MB,
        label=_("Largest file (MB)"),
        help_text=_("10 MB is enough for a photo or a scanned letter."),
    )

    class Meta:
        icon = "upload"
        label = _("File upload")

    def form_field(self, value):
        allowed = [kind for kind in FILE_TYPES if kind in (value.get("allowed") or [])]
        allowed = allowed or DEFAULT_FILE_TYPES
        max_size_mb = value.get("max_size_mb") or DEFAULT_MAX_FILE_MB
        names = _list_in_words(FILE_TYPES[kind][0] for kind in allowed)
        return FileAnswerField(
            allowed=allowed,
            max_size_mb=max_size_mb,
            **self.field_kwargs(
                value,
                invalid=_("Select a file"),
                missing=_("Select a file"),
                empty=_("The selected file is empty"),
                contradiction=_("Select a file"),
                too_big=_("The selected file must be smaller than %(size)sMB")
                % {"size": max_size_mb},
                file_type=_("The selected file must be a %(types)s") % {"types": names},
                opened_too_big=_("The selected file must be smaller than %(size)sMB when opened")
                % {"size": MAX_OPENED_MB},
                damaged=_("The selected file is damaged – choose a different file"),
            ),
        )

    def answer_for_storage(self, value, cleaned):
        # The engine stores the file and puts its own description here.
        return None

    def form_initial(self, value, stored):
        return None

    def display(self, value, stored):
        if isinstance(stored, Mapping):
            name = stored.get("original_name") or stored.get("name") or ""
        else:
            name = getattr(stored, "name", stored)
        # Browsers on Windows have been known to send the whole path.
        return PureWindowsPath(str(name)).name


def _list_in_words(items):
    items = [str(item) for item in items]
    if len(items) <= 1:
        return "".join(items)
    return _("%(items)s or %(last)s") % {"items": ", ".join(items[:-1]), "last": items[-1]}
