"""What the journey engine asks of a question, whatever its type.

Each function takes a question as a StructValue, a stream child (``.value``) or a raw
``{"type": ..., "value": {...}}`` dict, and leaves the answer type's own block to do the work, so
it knows no answer type by name beyond the file upload the engine stores itself.
"""

from collections.abc import Mapping
from contextlib import nullcontext

from django.utils import translation
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from wagtail import blocks

from . import registry

NAME_MAX_LENGTH = 50


def _value(question):
    """The StructValue of a question given as a StructValue, a stream child (``.value``), or a
    raw ``{"type": ..., "value": {...}}`` dict such as a saved copy of the page's JSON."""
    if isinstance(question, blocks.StructValue):
        return question
    inner = getattr(question, "value", None)
    if isinstance(inner, blocks.StructValue):
        return inner
    if isinstance(question, Mapping) and "type" in question:
        # Through the register, so an answer type a sub-app registered is found as well.
        block = registry.get(question["type"])
        return block.to_python(question.get("value") or {})
    raise TypeError(f"Not a question block value: {question!r}")


def _block(question):
    return _value(question).block


def question_type(question):
    """'postcode', 'radios', ... or 'content' for text between questions."""
    return _block(question).question_type


def is_question(question):
    """False for content blocks, which ask nothing and have no answer."""
    return _block(question).is_question


def is_file_question(question):
    return question_type(question) == "file_upload"


def question_name(question):
    """The key of this question's answer: the editor's name, or one made from the question.

    A made name depends only on the wording, so it is stable until an editor rewords the
    question: 'What is your postcode?' is always 'what_is_your_postcode'.
    """
    value = _value(question)
    if not value.block.is_question:
        raise ValueError("Content blocks ask nothing, so they have no name.")
    explicit = (value.get("name") or "").strip()
    if explicit:
        return explicit
    made = slugify(str(value["label"])).replace("-", "_")[:NAME_MAX_LENGTH].strip("_")
    return made or "question"


def branch_values(question):
    """The answers a branching rule on this question may match: option values, or yes and no.
    Other types cannot branch and give an empty list."""
    value = _value(question)
    return list(value.block.branch_values(value)) if value.block.is_question else []


def answer_for_storage(question, cleaned_value):
    """The answer from ``cleaned_data``, as JSON. None means not answered (and, for a file, that
    the engine fills in its own description of the stored file)."""
    value = _value(question)
    if not value.block.is_question:
        return None
    return value.block.answer_for_storage(value, cleaned_value)


def form_initial(question, stored_value):
    """A stored answer as the form's initial value, for a resident coming back to change it."""
    value = _value(question)
    if stored_value is None or not value.block.is_question:
        return None
    return value.block.form_initial(value, stored_value)


def display_answer(question, stored_value, language=None):
    """The stored answer as text for people, lines separated by "\\n"; "Not provided" if none."""
    value = _value(question)
    with translation.override(language) if language else nullcontext():
        if stored_value in (None, "", [], {}):
            return str(_("Not provided"))
        return value.block.display(value, stored_value)


def stored_in_translation(question, other_question, stored_value):
    """An answer stored for `question` as `other_question` (the same question in another
    language) would have stored it; as it is when the two are not of one type."""
    value, other = _value(question), _value(other_question)
    if type(value.block) is not type(other.block) or not value.block.is_question:
        return stored_value
    return value.block.stored_in(value, other, stored_value)


def question_label(question):
    """The question as residents read it."""
    return str(_value(question)["label"])


def answer_role(question):
    """What the question's answer says about the resident (an AnswerRole), or ""."""
    value = _value(question)
    return value.block.answer_role(value) if value.block.is_question else ""


def is_sensitive(question):
    """Whether the answer is kept only masked (see answers.py)."""
    return bool(getattr(_value(question).block, "sensitive", False))


def masked_answer(question, stored):
    """A sensitive answer as staff, exports and webhooks see it."""
    value = _value(question)
    return value.block.masked_display(value, stored)
