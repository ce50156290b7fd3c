"""The register of answer types: what the ``type`` named in a stored question means.

A question reaches this package's API either as a block value, which knows its block, or as raw
JSON such as ``{"type": "postcode", "value": {...}}`` from a saved copy of a page, which only names
its type. The register turns that name back into a block, so the API can check, store and display
an answer of any registered type, whichever sub-app defines it. Each name is a ``question_type``;
"content", the text between questions, is registered too, because page JSON names it the same way.

How a sub-app (forms_app/direct_debit's bank details, say) adds an answer type:

1. Subclass ``BaseQuestionBlock`` and set ``question_type`` to a name no other type uses. Stored
   answers are known by it, so it must not change once there are answers.
2. Implement ``form_field()``: a Django field built with ``field_kwargs()``, which brings the label,
   hint and the editor's "Message if left empty". Override ``answer_for_storage()`` (cleaned value
   to plain JSON), ``form_initial()`` (that JSON back into the field), ``display()`` (the answer as
   text for "Check your answers" and the case view) and ``layout_field()`` where the defaults (keep
   the value as it is, show it with ``str()``, lay it out as a single text input) do not fit.
3. Decorate the class with ``@registry.register``.
4. Import its module from the sub-app's ``AppConfig.ready()``, so the type is registered before any
   stored answer is read, and use the block in the sub-app's own page type.

Registering does not put the type in ``QuestionsBlock``, the answer types editors choose from in a
generic online form: a sub-app's type belongs to the page type that knows what to do with it.
"""

from contextlib import contextmanager

from django.core.exceptions import ImproperlyConfigured

_classes = {}
# One block per type, made when first asked for: a block holds no state of its own, so every
# answer of that type can share it.
_instances = {}


def register(block_class):
    """Register a block class under its ``question_type``. Usable as a class decorator."""
    name = getattr(block_class, "question_type", "")
    if not name:
        raise ImproperlyConfigured(
            f"{_path(block_class)} has no question_type, so answers of it cannot be found again."
        )
    if name in _classes:
        raise ImproperlyConfigured(
            f"The answer type {name!r} is already registered, by {_path(_classes[name])}: "
            f"give {_path(block_class)} a question_type of its own."
        )
    _classes[name] = block_class
    return block_class


def unregister(question_type):
    """Forget a type: for tests, which must leave the register as they found it."""
    _classes.pop(question_type, None)
    _instances.pop(question_type, None)


@contextmanager
def registered(block_class):
    """The block class registered for the length of a ``with`` block."""
    register(block_class)
    try:
        yield block_class
    finally:
        unregister(block_class.question_type)


def get(question_type):
    """The shared block for this type. A KeyError for a type nobody registered, as for a stream
    child that does not exist."""
    if question_type not in _instances:
        try:
            block_class = _classes[question_type]
        except KeyError:
            raise KeyError(f"No answer type is registered as {question_type!r}.") from None
        block = block_class()
        # Named as it would be as a child of a StreamBlock, so it looks the same either way.
        block.set_name(question_type)
        _instances.setdefault(question_type, block)
    return _instances[question_type]


def types():
    """Every registered type's name, in the order they were registered."""
    return tuple(_classes)


def _path(block_class):
    return f"{block_class.__module__}.{block_class.__qualname__}"
