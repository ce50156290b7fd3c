"""The register of answer types: a sub-app's own type is read back from stored JSON like a built-in
one, without being offered to editors building a generic online form."""

import re

from django import forms
from django.core.exceptions import ImproperlyConfigured
from django.core.validators import RegexValidator

import pytest

from forms_app.journeys.blocks import QuestionPageBlock
from forms_app.journeys.questions import (
    QUESTION_TYPES,
    BaseQuestionBlock,
    QuestionsBlock,
    answer_for_storage,
    build_form,
    display_answer,
    form_initial,
    is_question,
    question_name,
    question_type,
    registry,
)


class AccountNumberQuestionBlock(BaseQuestionBlock):
    """What a sub-app might add: a council tax account number, shown in two groups of four."""

    question_type = "council_tax_account"
    required_message = "Enter your account number"

    def form_field(self, value):
        return forms.CharField(
            validators=[RegexValidator(r"^\d{8}$", "Enter the 8 numbers of your account")],
            **self.field_kwargs(value),
        )

    def answer_for_storage(self, value, cleaned):
        return re.sub(r"\D", "", cleaned) or None

    def display(self, value, stored):
        return f"{stored[:4]} {stored[4:]}"


STORED = {
    "type": "council_tax_account",
    "value": {"label": "What is your council tax account number?"},
}
NAME = "what_is_your_council_tax_account_number"
PALETTE = [*QUESTION_TYPES, "content"]


@pytest.fixture
def account_number():
    with registry.registered(AccountNumberQuestionBlock) as block_class:
        yield block_class


def test_every_built_in_type_is_registered_as_the_block_editors_use():
    for name in PALETTE:
        assert name in registry.types()
        block = registry.get(name)
        assert type(block) is type(QuestionsBlock.base_blocks[name])
        assert block.question_type == name
        assert registry.get(name) is block


@pytest.mark.usefixtures("account_number")
def test_a_registered_type_is_read_back_from_stored_json():
    assert question_type(STORED) == "council_tax_account"
    assert is_question(STORED)
    assert question_name(STORED) == NAME

    form = build_form([STORED], data={NAME: "12345678"})
    assert form.is_valid()
    stored = answer_for_storage(STORED, form.cleaned_data[NAME])
    assert stored == "12345678"
    assert display_answer(STORED, stored) == "1234 5678"
    assert display_answer(STORED, None) == "Not provided"
    assert form_initial(STORED, stored) == "12345678"


@pytest.mark.usefixtures("account_number")
def test_a_registered_type_checks_answers_with_its_own_messages():
    form = build_form([STORED], data={NAME: ""})
    assert not form.is_valid()
    assert form.errors[NAME] == ["Enter your account number"]


@pytest.mark.usefixtures("account_number")
def test_a_registered_type_is_not_offered_to_editors():
    assert list(QuestionsBlock.base_blocks) == PALETTE
    assert "council_tax_account" not in QuestionsBlock().child_blocks
    # The question page editors put in a form's steps offers the same types.
    offered = QuestionPageBlock().child_blocks["questions"].child_blocks
    assert list(offered) == PALETTE


def test_a_type_is_gone_once_its_test_unregisters_it(account_number):
    assert "council_tax_account" in registry.types()
    registry.unregister("council_tax_account")
    assert "council_tax_account" not in registry.types()
    with pytest.raises(KeyError, match="council_tax_account"):
        registry.get("council_tax_account")
    with pytest.raises(KeyError):
        display_answer(STORED, "12345678")


def test_a_second_class_for_one_type_is_refused():
    class AnotherTextQuestionBlock(BaseQuestionBlock):
        question_type = "text"

    built_in = type(registry.get("text"))
    with pytest.raises(ImproperlyConfigured, match="'text' is already registered"):
        registry.register(AnotherTextQuestionBlock)
    assert type(registry.get("text")) is built_in


@pytest.mark.usefixtures("account_number")
def test_a_second_class_for_a_sub_apps_type_is_refused():
    class OtherAccountNumberQuestionBlock(AccountNumberQuestionBlock):
        pass

    with pytest.raises(ImproperlyConfigured, match="'council_tax_account' is already registered"):
        registry.register(OtherAccountNumberQuestionBlock)
    assert type(registry.get("council_tax_account")) is AccountNumberQuestionBlock


def test_a_class_without_a_question_type_is_refused():
    class UnnamedQuestionBlock(BaseQuestionBlock):
        pass

    with pytest.raises(ImproperlyConfigured, match="has no question_type"):
        registry.register(UnnamedQuestionBlock)
    assert "" not in registry.types()
