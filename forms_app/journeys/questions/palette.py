"""The answer types editors choose from when they build a generic online form.

Only the twelve built-in types and the text between them: a type a sub-app registers (bank
details, an appointment slot) needs the page type that knows what to do with its answer, so it is
left out of here even though the register can read its answers back.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from wagtail import blocks

from .api import is_question, question_name
from .base import ContentBlock
from .choices import CheckboxesQuestionBlock, RadiosQuestionBlock, YesNoQuestionBlock
from .contact import (
    AddressQuestionBlock,
    EmailQuestionBlock,
    PhoneQuestionBlock,
    PostcodeQuestionBlock,
)
from .dates import DateQuestionBlock
from .file_upload import FileUploadQuestionBlock
from .number import NumberQuestionBlock
from .text import LongTextQuestionBlock, TextQuestionBlock

QUESTION_TYPES = (
    "text",
    "long_text",
    "number",
    "email",
    "phone",
    "postcode",
    "address",
    "date",
    "radios",
    "checkboxes",
    "yes_no",
    "file_upload",
)
question_types_that_branch = frozenset({"radios", "yes_no"})
# The engine's name for the same set.
BRANCHING_TYPES = question_types_that_branch


class QuestionsBlock(blocks.StreamBlock):
    """The questions on one page of a form, in the order residents see them."""

    text = TextQuestionBlock()
    long_text = LongTextQuestionBlock()
    number = NumberQuestionBlock()
    email = EmailQuestionBlock()
    phone = PhoneQuestionBlock()
    postcode = PostcodeQuestionBlock()
    address = AddressQuestionBlock()
    date = DateQuestionBlock()
    radios = RadiosQuestionBlock()
    checkboxes = CheckboxesQuestionBlock()
    yes_no = YesNoQuestionBlock()
    file_upload = FileUploadQuestionBlock()
    content = ContentBlock()

    class Meta:
        min_num = 1

    def clean(self, value):
        value = super().clean(value)
        seen, errors = set(), {}
        for index, child in enumerate(value):
            if not is_question(child):
                continue
            name = question_name(child)
            if name in seen:
                errors[index] = blocks.StructBlockValidationError(
                    block_errors={
                        "name": ValidationError(
                            _(
                                "Another question on this page has the name ‘%(name)s’. Give "
                                "this one a different name in exports."
                            )
                            % {"name": name}
                        )
                    }
                )
            seen.add(name)
        if errors:
            raise blocks.StreamBlockValidationError(block_errors=errors)
        return value
