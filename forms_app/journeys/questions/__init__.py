"""The answer types editors can put in an online form, and what each one knows about its answers.

This package is the contract between editors' StreamField content and the journey engine:

- ``QuestionsBlock``: the StreamBlock of answer types editors add to a question page.
- ``build_form()``: a Django form for some of those questions, with GOV.UK error messages and a
  crispy-forms-gds layout (no <form> tag: the engine wraps it, with its CSRF token).
- ``answer_for_storage()``, ``form_initial()``, ``display_answer()``: an answer's journey from
  ``cleaned_data`` to JSON in the session or a submission, back into the form after "Change",
  and onto the "Check your answers" page and the staff case view.
- ``branch_values()``: what a branching rule on a radios or yes/no question may match.
- ``registry``: every answer type by its ``question_type``, so a question stored as raw JSON can
  be read back, including the types other sub-apps register for their own page types.

Stored values are plain JSON: strings, numbers, lists and dicts, with None for "not answered".
Phone numbers are stored in E.164 ("+441632960001") because it is unambiguous and what SMS
providers take; they are shown to people in the national format ("01632 960 001").

The modules, lowest first; each imports only those above it:

- ``uk``, ``files``, ``widgets``: UK postcodes and phone numbers, the file types allowed and how
  an upload's contents are recognised, the GOV.UK inputs.
- ``fields``: the form fields that check answers.
- ``registry``: the register of answer types.
- ``api``: what the engine asks of any question, through its block or the register.
- ``base``: ``BaseQuestionBlock``, which every answer type subclasses, and ``ContentBlock``.
- ``text``, ``number``, ``contact``, ``dates``, ``choices``, ``file_upload``: the twelve
  built-in answer types.
- ``palette``: ``QuestionsBlock``, the types editors choose from.
- ``forms``: ``QuestionForm`` and ``build_form()``.

Everything the rest of the project uses is importable from here, as it was when this package was
one module (and as migrations written then name it).
"""

from . import registry
from .api import (
    NAME_MAX_LENGTH,
    answer_for_storage,
    answer_role,
    branch_values,
    display_answer,
    form_initial,
    is_file_question,
    is_question,
    is_sensitive,
    masked_answer,
    question_label,
    question_name,
    question_type,
    stored_in_translation,
)
from .base import BaseQuestionBlock, ContentBlock
from .choices import (
    NONE_OF_THESE,
    AnswerOptionBlock,
    CheckboxesQuestionBlock,
    RadiosQuestionBlock,
    YesNoQuestionBlock,
)
from .contact import (
    EMAIL_MAX_LENGTH,
    AddressQuestionBlock,
    EmailQuestionBlock,
    PhoneQuestionBlock,
    PostcodeQuestionBlock,
)
from .dates import DateQuestionBlock
from .fields import (
    ADDRESS_LINE_MAX_LENGTH,
    AddressAnswerField,
    CheckboxesAnswerField,
    DateAnswerField,
    FileAnswerField,
    LowerDomainEmailField,
    NumberAnswerField,
    UKPhoneField,
    UKPostcodeField,
)
from .file_upload import FileUploadQuestionBlock
from .files import (
    DEFAULT_FILE_TYPES,
    DEFAULT_MAX_FILE_MB,
    FILE_TYPES,
    MAX_FILE_MB,
    detect_file_type,
)
from .forms import QuestionForm, build_form
from .number import NumberQuestionBlock
from .palette import BRANCHING_TYPES, QUESTION_TYPES, QuestionsBlock, question_types_that_branch
from .text import LONG_TEXT_MAX_LENGTH, TEXT_MAX_LENGTH, LongTextQuestionBlock, TextQuestionBlock
from .uk import format_uk_phone, normalise_uk_phone, normalise_uk_postcode
from .widgets import AddressWidget, DateWidget, Textarea

__all__ = [
    # What the engine and the rest of the project use.
    "BRANCHING_TYPES",
    "QUESTION_TYPES",
    "QuestionForm",
    "QuestionsBlock",
    "answer_for_storage",
    "branch_values",
    "build_form",
    "display_answer",
    "form_initial",
    "format_uk_phone",
    "is_file_question",
    "is_question",
    "is_sensitive",
    "masked_answer",
    "question_label",
    "answer_role",
    "normalise_uk_phone",
    "normalise_uk_postcode",
    "question_name",
    "question_type",
    "question_types_that_branch",
    "stored_in_translation",
    # For a sub-app adding an answer type of its own.
    "BaseQuestionBlock",
    "registry",
    # The parts the built-in types are made of.
    "ADDRESS_LINE_MAX_LENGTH",
    "DEFAULT_FILE_TYPES",
    "DEFAULT_MAX_FILE_MB",
    "FILE_TYPES",
    "EMAIL_MAX_LENGTH",
    "LONG_TEXT_MAX_LENGTH",
    "MAX_FILE_MB",
    "NAME_MAX_LENGTH",
    "NONE_OF_THESE",
    "TEXT_MAX_LENGTH",
    "AddressAnswerField",
    "AddressQuestionBlock",
    "AddressWidget",
    "AnswerOptionBlock",
    "CheckboxesAnswerField",
    "CheckboxesQuestionBlock",
    "ContentBlock",
    "DateAnswerField",
    "DateQuestionBlock",
    "DateWidget",
    "EmailQuestionBlock",
    "FileAnswerField",
    "FileUploadQuestionBlock",
    "LongTextQuestionBlock",
    "LowerDomainEmailField",
    "NumberAnswerField",
    "NumberQuestionBlock",
    "PhoneQuestionBlock",
    "PostcodeQuestionBlock",
    "RadiosQuestionBlock",
    "Textarea",
    "TextQuestionBlock",
    "UKPhoneField",
    "UKPostcodeField",
    "YesNoQuestionBlock",
    "detect_file_type",
]
