"""The answer types: what residents may enter, what they are told when it is wrong, and what is
kept and shown afterwards."""

import io
import json
import os
import struct
import zipfile
import zlib
from datetime import timedelta

from django.core.files.uploadedfile import SimpleUploadedFile
from django.template import Context, Template
from django.utils import timezone

from wagtail import blocks

import pytest
from bs4 import BeautifulSoup
from PIL import Image

from forms_app.journeys.questions import (
    BRANCHING_TYPES,
    QUESTION_TYPES,
    QuestionsBlock,
    answer_for_storage,
    branch_values,
    build_form,
    display_answer,
    form_initial,
    format_uk_phone,
    is_file_question,
    is_question,
    normalise_uk_phone,
    normalise_uk_postcode,
    question_name,
    question_type,
    question_types_that_branch,
)

MB = 1024 * 1024


def stream(*items):
    """Questions as the engine gets them: a StreamValue built from editors' raw JSON."""
    raw = [{"type": kind, "value": value} for kind, value in items]
    return QuestionsBlock().to_python(raw)


def question(kind, label="Your answer", **value):
    return stream((kind, {"label": label, **value}))[0]


def submit(item, data=None, files=None):
    """Post one question's answer; return (form, cleaned value or None)."""
    form = build_form([item], data=data or {}, files=files or {})
    name = question_name(item)
    valid = form.is_valid()
    return form, (form.cleaned_data[name] if valid else None)


def errors_for(item, data=None, files=None):
    form, _ = submit(item, data, files)
    return form.errors.get(question_name(item), [])


def render(form, *, summary=False):
    source = "{% load crispy_forms_tags crispy_forms_gds %}"
    source += "{% error_summary form %}" if summary else ""
    source += "{% crispy form %}"
    return Template(source).render(Context({"form": form}))


def date_data(name, day="", month="", year=""):
    return {f"{name}_0": day, f"{name}_1": month, f"{name}_2": year}


def address_data(name, line_1="", line_2="", town="", postcode=""):
    return {f"{name}_0": line_1, f"{name}_1": line_2, f"{name}_2": town, f"{name}_3": postcode}


# --- Text and long text -------------------------------------------------------------------------


class TestText:
    def test_accepts_and_trims(self):
        item = question("text", "What is your name?")
        form, value = submit(item, {"what_is_your_name": "  Ada Lovelace "})
        assert value == "Ada Lovelace"
        assert answer_for_storage(item, value) == "Ada Lovelace"
        assert display_answer(item, "Ada Lovelace") == "Ada Lovelace"

    def test_required_message_names_the_question(self):
        item = question("text", "What is your name?")
        assert errors_for(item) == ["Enter an answer to ‘What is your name?’"]

    def test_editor_message_wins(self):
        item = question("text", "What is your name?", error_message="Enter your full name")
        assert errors_for(item) == ["Enter your full name"]

    def test_optional_left_empty_is_not_provided(self):
        item = question("text", "Anything else?", required=False)
        _, value = submit(item, {})
        assert answer_for_storage(item, value) is None
        assert display_answer(item, None) == "Not provided"

    def test_too_long(self):
        item = question("text", "Name", max_length=5)
        assert errors_for(item, {"name": "abcdef"}) == ["Answer must be 5 characters or less"]

    def test_default_limit_is_500_and_not_a_maxlength_attribute(self):
        item = question("text", "Name")
        assert errors_for(item, {"name": "a" * 501}) == ["Answer must be 500 characters or less"]
        assert "maxlength" not in render(build_form([item]))

    def test_long_text_keeps_lines_and_counts_characters(self):
        item = question("long_text", "What happened?", max_length=200)
        _, value = submit(item, {"what_happened": "Line one\nLine two"})
        assert display_answer(item, answer_for_storage(item, value)) == "Line one\nLine two"
        html = render(build_form([item]))
        assert "govuk-textarea" in html
        assert 'data-maxlength="200"' in html
        assert errors_for(item, {"what_happened": "x" * 201}) == [
            "Answer must be 200 characters or less"
        ]

    def test_long_text_default_limit(self):
        item = question("long_text", "What happened?")
        assert errors_for(item, {"what_happened": "x" * 5001}) == [
            "Answer must be 5000 characters or less"
        ]


# --- Number -------------------------------------------------------------------------------------


class TestNumber:
    @pytest.mark.parametrize(
        ("typed", "expected"),
        [
            ("1000", 1000),
            ("1,000", 1000),
            ("1 000", 1000),
            (" £2,500 ", 2500),
            ("-3", -3),
            ("7.0", 7),
        ],
    )
    def test_whole_numbers_as_people_write_them(self, typed, expected):
        item = question("number", "How many bags?")
        _, value = submit(item, {"how_many_bags": typed})
        assert value == expected
        assert answer_for_storage(item, value) == expected

    @pytest.mark.parametrize("typed", ["lots", "1e5", "12abc", "1.2.3"])
    def test_not_a_number(self, typed):
        item = question("number", "How many bags?")
        assert errors_for(item, {"how_many_bags": typed}) == ["Enter a number"]

    def test_whole_number_needed(self):
        item = question("number", "How many bags?")
        assert errors_for(item, {"how_many_bags": "2.5"}) == ["Enter a whole number"]

    def test_decimals_when_allowed_are_stored_exactly(self):
        item = question("number", "Weight in kg", allow_decimals=True)
        _, value = submit(item, {"weight_in_kg": "1,234.50"})
        stored = answer_for_storage(item, value)
        assert stored == "1234.50"
        assert json.loads(json.dumps(stored)) == "1234.50"
        assert display_answer(item, stored) == "1,234.50"

    def test_limits(self):
        both = question("number", "Bags", min_value=1, max_value=1000)
        assert errors_for(both, {"bags": "0"}) == ["Number must be between 1 and 1,000"]
        assert errors_for(both, {"bags": "1001"}) == ["Number must be between 1 and 1,000"]
        low = question("number", "Bags", min_value=1)
        assert errors_for(low, {"bags": "0"}) == ["Number must be 1 or more"]
        high = question("number", "Bags", max_value=3)
        assert errors_for(high, {"bags": "4"}) == ["Number must be 3 or less"]
        assert submit(high, {"bags": "3"})[1] == 3

    def test_zero_is_an_answer(self):
        item = question("number", "Bags")
        _, value = submit(item, {"bags": "0"})
        assert value == 0
        assert display_answer(item, answer_for_storage(item, value)) == "0"

    def test_required_and_optional(self):
        assert errors_for(question("number", "Bags")) == ["Enter a number"]
        optional = question("number", "Bags", required=False)
        _, value = submit(optional, {"bags": "  "})
        assert answer_for_storage(optional, value) is None
        assert display_answer(optional, None) == "Not provided"

    def test_display_groups_thousands(self):
        assert display_answer(question("number", "Bags"), 1000000) == "1,000,000"

    def test_numeric_keypad(self):
        assert 'inputmode="numeric"' in render(build_form([question("number", "Bags")]))


# --- Email --------------------------------------------------------------------------------------


class TestEmail:
    def test_domain_lower_cased_not_the_name(self):
        item = question("email", "What is your email address?")
        _, value = submit(item, {"what_is_your_email_address": " Ada.L@Example.COM "})
        assert value == "Ada.L@example.com"
        assert answer_for_storage(item, value) == "Ada.L@example.com"

    @pytest.mark.parametrize("typed", ["ada", "ada@", "ada example.com", "@example.com"])
    def test_invalid(self, typed):
        item = question("email", "Email")
        assert errors_for(item, {"email": typed}) == [
            "Enter an email address in the correct format, like name@example.com"
        ]

    def test_required_and_optional(self):
        assert errors_for(question("email", "Email")) == ["Enter an email address"]
        assert display_answer(question("email", "Email", required=False), "") == "Not provided"

    def test_input_type_and_autocomplete(self):
        html = render(build_form([question("email", "Email")]))
        assert 'type="email"' in html
        assert 'autocomplete="email"' in html
        assert 'class="govuk-input"' in html


# --- Phone --------------------------------------------------------------------------------------


class TestPhone:
    @pytest.mark.parametrize(
        ("typed", "stored"),
        [
            ("01632 960 001", "+441632960001"),
            ("01632960001", "+441632960001"),
            ("(01632) 960-001", "+441632960001"),
            ("+44 1632 960001", "+441632960001"),
            ("+44 (0)1632 960001", "+441632960001"),
            ("0044 1632 960001", "+441632960001"),
            ("07700 900 982", "+447700900982"),
            ("+447700900982", "+447700900982"),
            ("020 7946 0000", "+442079460000"),
            ("0800 123 456", "+44800123456"),
        ],
    )
    def test_uk_numbers_in_any_common_form_stored_as_e164(self, typed, stored):
        item = question("phone", "Phone")
        _, value = submit(item, {"phone": typed})
        assert value == stored
        assert answer_for_storage(item, value) == stored

    @pytest.mark.parametrize(
        "typed", ["12345", "016329600", "+33 1 23 45 67 89", "07700 900 98a", "00000000000"]
    )
    def test_invalid(self, typed):
        assert errors_for(question("phone", "Phone"), {"phone": typed}) == [
            "Enter a UK phone number, like 01632 960 001 or 07700 900 982"
        ]

    @pytest.mark.parametrize(
        ("stored", "shown"),
        [
            ("+441632960001", "01632 960 001"),
            ("+447700900982", "07700 900 982"),
            ("+442079460000", "020 7946 0000"),
            ("+441134960000", "0113 496 0000"),
            ("+441614960000", "0161 496 0000"),
            ("+443001234567", "0300 123 4567"),
            ("+44800123456", "0800 123 456"),
        ],
    )
    def test_shown_in_national_format(self, stored, shown):
        item = question("phone", "Phone")
        assert display_answer(item, stored) == shown
        assert form_initial(item, stored) == shown

    def test_required_and_optional(self):
        assert errors_for(question("phone", "Phone")) == ["Enter a phone number"]
        optional = question("phone", "Phone", required=False)
        _, value = submit(optional, {"phone": ""})
        assert answer_for_storage(optional, value) is None

    def test_helpers(self):
        assert normalise_uk_phone("not a number") is None
        assert format_uk_phone("+15551234567") == "+15551234567"


# --- Postcode -----------------------------------------------------------------------------------


class TestPostcode:
    @pytest.mark.parametrize(
        ("typed", "stored"),
        [
            ("sw1a1aa", "SW1A 1AA"),
            ("SW1A 1AA", "SW1A 1AA"),
            (" sw1a  1aa ", "SW1A 1AA"),
            ("m11ae", "M1 1AE"),
            ("B33 8TH", "B33 8TH"),
            ("cr2 6xh", "CR2 6XH"),
            ("DN55-1PT", "DN55 1PT"),
            ("gir0aa", "GIR 0AA"),
        ],
    )
    def test_normalised(self, typed, stored):
        item = question("postcode", "What is your postcode?")
        _, value = submit(item, {"what_is_your_postcode": typed})
        assert value == stored
        assert normalise_uk_postcode(typed) == stored

    @pytest.mark.parametrize("typed", ["SW1A", "12345", "SW1A 1AAA", "SW1A 1CA", "hello"])
    def test_invalid(self, typed):
        item = question("postcode", "Postcode")
        assert errors_for(item, {"postcode": typed}) == ["Enter a real UK postcode, like SW1A 1AA"]

    def test_required_and_optional(self):
        assert errors_for(question("postcode", "Postcode")) == ["Enter a postcode"]
        assert display_answer(question("postcode", "P", required=False), None) == "Not provided"

    def test_narrow_input(self):
        html = render(build_form([question("postcode", "Postcode")]))
        assert "govuk-input--width-10" in html
        assert 'autocomplete="postal-code"' in html


# --- Address ------------------------------------------------------------------------------------


class TestAddress:
    def test_accepted_tidied_and_stored_as_a_dict(self):
        item = question("address", "What is your address?")
        data = address_data(
            "what_is_your_address", "  10  Downing Street ", "", "London", "sw1a2aa"
        )
        _, value = submit(item, data)
        expected = {
            "line_1": "10 Downing Street",
            "line_2": "",
            "town": "London",
            "postcode": "SW1A 2AA",
        }
        assert value == expected
        stored = answer_for_storage(item, value)
        assert json.loads(json.dumps(stored)) == expected
        assert display_answer(item, stored) == "10 Downing Street\nLondon\nSW1A 2AA"

    def test_second_line_shown_when_given(self):
        item = question("address", "Address")
        stored = {
            "line_1": "Flat 2",
            "line_2": "1 High Street",
            "town": "Leeds",
            "postcode": "LS1 1AA",
        }
        assert display_answer(item, stored) == "Flat 2\n1 High Street\nLeeds\nLS1 1AA"

    def test_each_missing_part_says_what_to_enter(self):
        item = question("address", "Address")
        assert errors_for(item, address_data("address", line_2="Somewhere")) == [
            "Enter address line 1, typically the building and street",
            "Enter town or city",
            "Enter postcode",
        ]

    def test_required_empty_gives_every_part_or_the_editor_message(self):
        assert errors_for(question("address", "Address")) == [
            "Enter address line 1, typically the building and street",
            "Enter town or city",
            "Enter postcode",
        ]
        custom = question("address", "Address", error_message="Enter the address of the fly-tip")
        assert errors_for(custom) == ["Enter the address of the fly-tip"]

    def test_bad_postcode(self):
        item = question("address", "Address")
        data = address_data("address", "1 High Street", "", "Leeds", "LS1")
        assert errors_for(item, data) == ["Enter a real UK postcode, like SW1A 1AA"]

    def test_line_too_long(self):
        item = question("address", "Address")
        data = address_data("address", "x" * 101, "", "Leeds", "LS1 1AA")
        assert errors_for(item, data) == ["Address line 1 must be 100 characters or less"]

    def test_optional_left_empty(self):
        item = question("address", "Address", required=False)
        _, value = submit(item, address_data("address"))
        assert value is None
        assert answer_for_storage(item, value) is None
        assert display_answer(item, None) == "Not provided"

    def test_renders_a_fieldset_with_labelled_lines(self):
        item = question("address", "What is your address?")
        html = render(build_form([item]))
        assert '<fieldset class="govuk-fieldset"' in html
        assert "govuk-fieldset__legend--l" in html
        assert '<h1 class="govuk-fieldset__heading">' in html
        for label in ["Address line 1", "Address line 2 (optional)", "Town or city", "Postcode"]:
            assert label in html
        assert 'for="id_what_is_your_address_3"' in html
        assert 'autocomplete="address-line1"' in html

    def test_only_the_wrong_line_is_outlined(self):
        item = question("address", "Address")
        form = build_form([item], data=address_data("address", "1 High St", "", "", "LS1 1AA"))
        assert not form.is_valid()
        html = render(form, summary=True)
        assert html.count("govuk-input--error") == 1
        assert 'href="#id_address_2"' in html

    def test_change_answer_fills_the_lines(self):
        item = question("address", "Address")
        stored = {"line_1": "1 High St", "line_2": "", "town": "Leeds", "postcode": "LS1 1AA"}
        form = build_form([item], initial={"address": form_initial(item, stored)})
        assert 'value="1 High St"' in render(form)


# --- Date ---------------------------------------------------------------------------------------


class TestDate:
    def test_accepted_stored_as_iso_and_shown_in_words(self):
        item = question("date", "When was the bin missed?")
        _, value = submit(item, date_data("when_was_the_bin_missed", "4", "3", "2026"))
        stored = answer_for_storage(item, value)
        assert stored == "2026-03-04"
        assert display_answer(item, stored) == "4 March 2026"
        assert form_initial(item, stored) == value

    def test_month_as_a_word(self):
        item = question("date", "Date")
        _, value = submit(item, date_data("date", "04", "March", "2026"))
        assert value.isoformat() == "2026-03-04"

    @pytest.mark.parametrize(
        ("day", "month", "year", "message"),
        [
            ("", "3", "2026", "Date must include a day"),
            ("4", "", "2026", "Date must include a month"),
            ("4", "3", "", "Date must include a year"),
            ("", "", "2026", "Date must include a day and month"),
            ("", "3", "", "Date must include a day and year"),
            ("4", "", "", "Date must include a month and year"),
        ],
    )
    def test_missing_part(self, day, month, year, message):
        item = question("date", "Date")
        assert errors_for(item, date_data("date", day, month, year)) == [message]

    @pytest.mark.parametrize(
        ("day", "month", "year"),
        [("31", "2", "2026"), ("30", "13", "2026"), ("0", "1", "2026"), ("a", "1", "2026")],
    )
    def test_impossible_date(self, day, month, year):
        item = question("date", "Date")
        assert errors_for(item, date_data("date", day, month, year)) == ["Date must be a real date"]

    def test_year_needs_four_numbers(self):
        item = question("date", "Date")
        assert errors_for(item, date_data("date", "4", "3", "26")) == [
            "Year must include 4 numbers"
        ]

    def test_required_and_optional(self):
        assert errors_for(question("date", "Date")) == ["Enter a date"]
        optional = question("date", "Date", required=False)
        _, value = submit(optional, date_data("date"))
        assert value is None
        assert answer_for_storage(optional, value) is None
        assert display_answer(optional, None) == "Not provided"

    def test_optional_but_started_must_be_finished(self):
        optional = question("date", "Date", required=False)
        assert errors_for(optional, date_data("date", "4")) == [
            "Date must include a month and year"
        ]

    @pytest.mark.parametrize(
        ("rule", "offset", "message"),
        [
            ("past", 0, "Date must be in the past"),
            ("past", 1, "Date must be in the past"),
            ("past_or_today", 1, "Date must be today or in the past"),
            ("future", 0, "Date must be in the future"),
            ("future", -1, "Date must be in the future"),
            ("future_or_today", -1, "Date must be today or in the future"),
        ],
    )
    def test_rules_refuse(self, rule, offset, message):
        day = timezone.localdate() + timedelta(days=offset)
        item = question("date", "Date", rule=rule)
        data = date_data("date", str(day.day), str(day.month), str(day.year))
        assert errors_for(item, data) == [message]

    @pytest.mark.parametrize(
        ("rule", "offset"),
        [("past", -1), ("past_or_today", 0), ("future", 1), ("future_or_today", 0), ("", 400)],
    )
    def test_rules_allow(self, rule, offset):
        day = timezone.localdate() + timedelta(days=offset)
        item = question("date", "Date", rule=rule)
        _, value = submit(item, date_data("date", str(day.day), str(day.month), str(day.year)))
        assert value == day

    def test_welsh_display(self):
        item = question("date", "Date")
        assert display_answer(item, "2026-03-04", language="cy") == "4 Mawrth 2026"

    def test_renders_three_inputs_with_a_hint(self):
        html = render(build_form([question("date", "When was the bin missed?")]))
        assert "govuk-date-input" in html
        assert html.count('inputmode="numeric"') == 3
        assert "For example, 27 3" in html
        assert '<h1 class="govuk-fieldset__heading">' in html

    def test_one_message_outlines_each_missing_part(self):
        item = question("date", "Date")
        form = build_form([item], data=date_data("date", "", "", "2026"))
        assert not form.is_valid()
        html = render(form, summary=True)
        assert html.count("govuk-input--error") == 2
        assert html.count("Date must include a day and month</a>") == 1
        assert 'href="#id_date_0"' in html

    def test_whole_date_wrong_outlines_all_three_once_in_summary(self):
        item = question("date", "Date")
        form = build_form([item], data=date_data("date", "31", "2", "2026"))
        assert not form.is_valid()
        html = render(form, summary=True)
        assert html.count("govuk-input--error") == 3
        assert html.count("Date must be a real date</a>") == 1


# --- Radios, yes/no, checkboxes -----------------------------------------------------------------

BIN_OPTIONS = [
    {"label": "Black bin", "value": "", "hint": "General waste"},
    {"label": "Blue bin", "value": "recycling", "hint": ""},
    {"label": "Brown bin", "value": "", "hint": ""},
]


class TestRadios:
    def test_value_stored_label_shown(self):
        item = question("radios", "Which bin was missed?", choices=BIN_OPTIONS)
        _, value = submit(item, {"which_bin_was_missed": "recycling"})
        assert value == "recycling"
        assert answer_for_storage(item, value) == "recycling"
        assert display_answer(item, "recycling") == "Blue bin"
        assert display_answer(item, "Black bin") == "Black bin"

    def test_option_words_are_the_value_when_none_given(self):
        item = question("radios", "Which bin?", choices=BIN_OPTIONS)
        assert branch_values(item) == ["Black bin", "recycling", "Brown bin"]
        _, value = submit(item, {"which_bin": "Black bin"})
        assert value == "Black bin"

    def test_unknown_and_missing(self):
        item = question("radios", "Which bin?", choices=BIN_OPTIONS)
        # The message names the question, so a page of several says which one.
        assert errors_for(item) == ["Select an answer to ‘Which bin?’"]
        assert errors_for(item, {"which_bin": "green"}) == ["Select an answer to ‘Which bin?’"]

    def test_optional(self):
        item = question("radios", "Which bin?", choices=BIN_OPTIONS, required=False)
        _, value = submit(item, {})
        assert answer_for_storage(item, value) is None
        assert display_answer(item, None) == "Not provided"

    def test_renders_a_legend_and_hints(self):
        item = question("radios", "Which bin?", choices=BIN_OPTIONS)
        html = render(build_form([item]))
        assert '<legend class="govuk-fieldset__legend govuk-fieldset__legend--l">' in html
        assert '<h1 class="govuk-fieldset__heading">' in html
        assert "govuk-radios__input" in html
        assert "General waste" in html


class TestYesNo:
    def test_answers(self):
        item = question("yes_no", "Was the bin out by 7am?")
        _, value = submit(item, {"was_the_bin_out_by_7am": "yes"})
        assert answer_for_storage(item, value) == "yes"
        assert display_answer(item, "yes") == "Yes"
        assert display_answer(item, "no") == "No"
        assert branch_values(item) == ["yes", "no"]

    def test_required_and_invalid(self):
        item = question("yes_no", "Was the bin out?")
        assert errors_for(item) == ["Select yes or no"]
        assert errors_for(item, {"was_the_bin_out": "maybe"}) == ["Select yes or no"]

    def test_optional(self):
        item = question("yes_no", "Was the bin out?", required=False)
        _, value = submit(item, {})
        assert display_answer(item, answer_for_storage(item, value)) == "Not provided"

    def test_renders_radios(self):
        html = render(build_form([question("yes_no", "Was the bin out?")]))
        assert 'value="yes"' in html
        assert 'value="no"' in html
        assert "<legend" in html


class TestCheckboxes:
    def test_labels_stored_and_shown_one_a_line(self):
        item = question("checkboxes", "Which bins?", choices=BIN_OPTIONS)
        _, value = submit(item, {"which_bins": ["Black bin", "recycling"]})
        assert value == ["Black bin", "recycling"]
        stored = answer_for_storage(item, value)
        assert stored == ["Black bin", "Blue bin"]
        assert display_answer(item, stored) == "Black bin\nBlue bin"
        assert form_initial(item, stored) == ["Black bin", "recycling"]

    def test_required_and_optional(self):
        item = question("checkboxes", "Which bins?", choices=BIN_OPTIONS)
        expected = ["Select at least one answer to ‘Which bins?’"]
        assert errors_for(item) == expected
        assert errors_for(item, {"which_bins": ["purple"]}) == expected
        optional = question("checkboxes", "Which bins?", choices=BIN_OPTIONS, required=False)
        _, value = submit(optional, {})
        assert answer_for_storage(optional, value) is None
        assert display_answer(optional, None) == "Not provided"

    def test_none_of_these_alone(self):
        item = question("checkboxes", "Which bins?", choices=BIN_OPTIONS, none_option=True)
        _, value = submit(item, {"which_bins": ["_none"]})
        stored = answer_for_storage(item, value)
        assert stored == ["None of these"]
        assert display_answer(item, stored) == "None of these"
        assert form_initial(item, stored) == ["_none"]

    def test_none_of_these_with_another_option_is_refused(self):
        item = question("checkboxes", "Which bins?", choices=BIN_OPTIONS, none_option=True)
        assert errors_for(item, {"which_bins": ["_none", "recycling"]}) == [
            "Select the options that apply, or select ‘None of these’"
        ]

    def test_none_option_words_can_change(self):
        item = question(
            "checkboxes",
            "Which bins?",
            choices=BIN_OPTIONS,
            none_option=True,
            none_label="No bins were missed",
        )
        assert errors_for(item, {"which_bins": ["_none", "recycling"]}) == [
            "Select the options that apply, or select ‘No bins were missed’"
        ]

    def test_renders_divider_and_none_option(self):
        item = question("checkboxes", "Which bins?", choices=BIN_OPTIONS, none_option=True)
        html = render(build_form([item]))
        assert '<div class="govuk-checkboxes__divider">or</div>' in html
        soup = BeautifulSoup(html, "html.parser")
        group = soup.select_one(".govuk-checkboxes")
        assert group["data-module"] == "govuk-checkboxes"
        boxes = group.select("input.govuk-checkboxes__input")
        labels = [
            soup.find("label", attrs={"for": box["id"]}).get_text(strip=True) for box in boxes
        ]
        assert labels == ["Black bin", "Blue bin", "Brown bin", "None of these"]
        # GOV.UK Frontend's script unticks the rest when "None of these" is ticked.
        assert [box.get("data-behaviour") for box in boxes] == [None, None, None, "exclusive"]
        hint = soup.find(id=boxes[0]["aria-describedby"])
        assert hint.get_text(strip=True) == "General waste"

    def test_not_a_branching_type(self):
        item = question("checkboxes", "Which bins?", choices=BIN_OPTIONS)
        assert branch_values(item) == []
        assert question_type(item) not in question_types_that_branch


# --- File upload --------------------------------------------------------------------------------


def png_bytes():
    buffer = io.BytesIO()
    Image.new("RGB", (2, 2), "red").save(buffer, "PNG")
    return buffer.getvalue()


def jpeg_bytes():
    buffer = io.BytesIO()
    Image.new("RGB", (2, 2), "blue").save(buffer, "JPEG")
    return buffer.getvalue()


def heic_bytes():
    pillow_heif = pytest.importorskip("pillow_heif")
    pillow_heif.register_heif_opener()
    buffer = io.BytesIO()
    Image.new("RGB", (2, 2), "green").save(buffer, "HEIF")
    return buffer.getvalue()


PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def zip_bytes(files):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def docx_bytes():
    return zip_bytes(
        {
            "[Content_Types].xml": "<Types/>",
            "_rels/.rels": "<Relationships/>",
            "word/document.xml": "<w:document/>",
        }
    )


def docx_parts():
    yield "[Content_Types].xml", "<Types/>"
    yield "_rels/.rels", "<Relationships/>"


def docx_with_document(write_document):
    """A .docx whose word/document.xml is written in pieces by `write_document(write)`, so a
    large document never has to be held in memory whole."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, content in docx_parts():
            archive.writestr(name, content)
        with archive.open("word/document.xml", "w") as document:
            write_document(document.write)
    return buffer.getvalue()


def with_listed_content(content, name, listed):
    """The archive with the listing (central directory) of `name` claiming the size and checksum
    of `listed` instead of those of what is really there."""
    content = bytearray(content)
    record = content.find(b"PK\x01\x02")
    while record != -1:
        name_length = struct.unpack_from("<H", content, record + 28)[0]
        if content[record + 46 : record + 46 + name_length] == name.encode():
            struct.pack_into("<I", content, record + 16, zlib.crc32(listed))
            struct.pack_into("<I", content, record + 24, len(listed))
            return bytes(content)
        record = content.find(b"PK\x01\x02", record + 4)
    raise AssertionError(f"{name} is not in the archive")


def upload(item, name, content):
    return submit(item, {}, {question_name(item): SimpleUploadedFile(name, content)})


FILE_TYPE_MESSAGE = "The selected file must be a JPG, PNG, HEIC, PDF or DOCX"
OPENED_TOO_BIG_MESSAGE = "The selected file must be smaller than 100MB when opened"
REAL_DOCUMENT = b"<w:document/>" + b" " * (5 * MB)


class TestFileUpload:
    @pytest.mark.parametrize(
        ("name", "content"),
        [
            ("photo.png", png_bytes),
            ("photo.jpg", jpeg_bytes),
            ("IMG_0001.HEIC", heic_bytes),
            ("letter.pdf", lambda: PDF),
            ("letter.docx", docx_bytes),
            # A photo saved with the wrong extension is still a photo.
            ("photo.jpg", png_bytes),
        ],
    )
    def test_allowed_contents_accepted_and_returned_unstored(self, name, content):
        item = question("file_upload", "Upload a photo")
        form, value = upload(item, name, content())
        assert form.errors == {}
        assert value.name == name
        assert value.read() == content()  # the engine reads it from the start
        assert answer_for_storage(item, value) is None

    @pytest.mark.parametrize(
        ("name", "content"),
        [
            ("photo.jpg", b"<!DOCTYPE html><html><script>alert(1)</script></html>"),
            ("photo.jpg", b"Just some text, honestly a photo"),
            ("photo.jpg", b"MZ\x90\x00\x03" + b"\x00" * 200),
            ("letter.docx", zip_bytes({"notes.txt": "not a document"})),
            ("photo.gif", b"GIF89a\x01\x00\x01\x00\x00\x00\x00;"),
        ],
    )
    def test_contents_decide_not_the_name(self, name, content):
        item = question("file_upload", "Upload a photo")
        assert errors_for(item, {}, {"upload_a_photo": SimpleUploadedFile(name, content)}) == [
            FILE_TYPE_MESSAGE
        ]

    def test_macro_document_refused(self):
        item = question("file_upload", "Upload")
        content = zip_bytes({"word/document.xml": "<w/>", "word/vbaProject.bin": "x"})
        assert errors_for(item, {}, {"upload": SimpleUploadedFile("a.docx", content)}) == [
            FILE_TYPE_MESSAGE
        ]

    def test_document_that_inflates_far_beyond_its_size_refused(self):
        # 200 MB of XML deflates to about 200 KB: small enough to upload, too big to open.
        content = docx_with_document(lambda write: [write(b" " * MB) for _ in range(200)])
        assert len(content) < MB
        item = question("file_upload", "Upload")
        assert errors_for(item, {}, {"upload": SimpleUploadedFile("a.docx", content)}) == [
            OPENED_TOO_BIG_MESSAGE
        ]

    def test_document_of_thousands_of_parts_refused(self):
        parts = {f"word/media/part{number}.xml": "" for number in range(5000)}
        content = zip_bytes({**dict(docx_parts()), **parts})
        item = question("file_upload", "Upload")
        assert errors_for(item, {}, {"upload": SimpleUploadedFile("a.docx", content)}) == [
            OPENED_TOO_BIG_MESSAGE
        ]

    def test_a_large_honest_document_is_accepted(self):
        # Photos in a Word document barely compress: 20 MB in, 20 MB when opened.
        noise = os.urandom(20 * MB)
        content = docx_with_document(lambda write: write(noise))
        item = question("file_upload", "Upload", max_size_mb=25)
        form, value = upload(item, "report.docx", content)
        assert form.errors == {}
        assert value.read() == content

    @pytest.mark.parametrize(
        "listed", [REAL_DOCUMENT[:13], REAL_DOCUMENT + b" " * MB], ids=["smaller", "bigger"]
    )
    def test_document_whose_listing_lies_about_its_size_refused(self, listed):
        # The listing gives word/document.xml the size and checksum of `listed`, but its data
        # inflates to something else: whatever opens it next would be in for a surprise.
        content = with_listed_content(
            docx_with_document(lambda write: write(REAL_DOCUMENT)), "word/document.xml", listed
        )
        item = question("file_upload", "Upload")
        assert errors_for(item, {}, {"upload": SimpleUploadedFile("a.docx", content)}) == [
            "The selected file is damaged – choose a different file"
        ]

    def test_too_big(self):
        item = question("file_upload", "Upload a photo")
        content = png_bytes()
        content += b"\x00" * (10 * MB + 1 - len(content))
        assert errors_for(item, {}, {"upload_a_photo": SimpleUploadedFile("big.png", content)}) == [
            "The selected file must be smaller than 10MB"
        ]

    def test_exactly_the_limit_is_fine(self):
        item = question("file_upload", "Upload a photo", max_size_mb=1)
        content = png_bytes()
        content += b"\x00" * (MB - len(content))
        form, value = upload(item, "ok.png", content)
        assert form.errors == {}
        assert errors_for(
            item, {}, {"upload_a_photo": SimpleUploadedFile("big.png", content + b"\x00")}
        ) == ["The selected file must be smaller than 1MB"]

    def test_editor_narrows_the_types(self):
        item = question("file_upload", "Upload", allowed=["pdf"])
        assert errors_for(item, {}, {"upload": SimpleUploadedFile("a.png", png_bytes())}) == [
            "The selected file must be a PDF"
        ]
        assert 'accept=".pdf"' in render(build_form([item]))

    def test_empty_file(self):
        item = question("file_upload", "Upload")
        assert errors_for(item, {}, {"upload": SimpleUploadedFile("a.png", b"")}) == [
            "The selected file is empty"
        ]

    def test_required_and_optional(self):
        item = question("file_upload", "Upload")
        assert errors_for(item) == ["Select a file"]
        optional = question("file_upload", "Upload", required=False)
        _, value = submit(optional, {})
        assert value is None
        assert display_answer(optional, None) == "Not provided"

    def test_display_is_the_original_name(self):
        item = question("file_upload", "Upload")
        stored = {"name": "journeys/2026/03/abc.png", "original_name": "bin.png", "size": 3}
        assert display_answer(item, stored) == "bin.png"
        assert (
            display_answer(item, SimpleUploadedFile("C:\\Users\\ada\\bin.png", b"x")) == "bin.png"
        )
        assert form_initial(item, stored) is None
        assert is_file_question(item)

    def test_renders_a_govuk_file_input(self):
        form = build_form([question("file_upload", "Upload a photo")])
        html = render(form)
        assert "govuk-file-upload" in html
        assert 'type="file"' in html
        assert form.is_multipart()


# --- Content between questions ------------------------------------------------------------------


class TestContent:
    def test_rendered_between_questions_and_not_a_field(self):
        items = stream(
            ("text", {"label": "First name"}),
            ("content", {"heading": "About you", "body": "<p>We need this {{ secret }}.</p>"}),
            ("content", {"body": "<p>Careful</p>", "inset": True}),
            ("text", {"label": "Last name"}),
        )
        form = build_form(items)
        assert list(form.fields) == ["first_name", "last_name"]
        html = render(form)
        assert html.index("First name") < html.index("About you") < html.index("Last name")
        assert '<h2 class="govuk-heading-m">About you</h2>' in html
        assert "We need this {{ secret }}." in html
        assert '<div class="govuk-inset-text"><p>Careful</p></div>' in html

    def test_asks_nothing(self):
        item = stream(("content", {"body": "<p>Hi</p>"}))[0]
        assert not is_question(item)
        assert question_type(item) == "content"
        assert answer_for_storage(item, "x") is None
        assert branch_values(item) == []
        with pytest.raises(ValueError, match="no name"):
            question_name(item)

    def test_does_not_stop_a_lone_question_being_the_heading(self):
        items = stream(("content", {"body": "<p>Hi</p>"}), ("text", {"label": "Name"}))
        assert '<h1 class="govuk-label-wrapper">' in render(build_form(items))


# --- The form as a whole ------------------------------------------------------------------------


class TestBuildForm:
    def test_single_question_label_is_the_page_heading(self):
        form = build_form([question("postcode", "What is your postcode?")])
        html = render(form)
        assert '<h1 class="govuk-label-wrapper">' in html
        assert "govuk-label--l" in html
        assert "<form" not in html
        assert form.helper.form_tag is False

    def test_page_with_its_own_heading(self):
        form = build_form([question("text", "Name")], single_question_heading=False)
        html = render(form)
        assert "<h1" not in html
        assert "govuk-label--m" in html

    def test_several_questions_no_h1(self):
        items = stream(
            ("text", {"label": "Name"}),
            ("yes_no", {"label": "Are you over 18?"}),
            ("date", {"label": "Date of birth"}),
        )
        html = render(build_form(items, single_question_heading=True))
        assert "<h1" not in html
        assert "govuk-fieldset__legend--m" in html
        assert "govuk-label--m" in html

    def test_errors_rendered_the_govuk_way(self):
        item = question("postcode", "What is your postcode?")
        form = build_form([item], data={"what_is_your_postcode": "nope"})
        assert not form.is_valid()
        html = render(form, summary=True)
        assert "govuk-error-summary" in html
        assert 'href="#id_what_is_your_postcode"' in html
        assert '<span class="govuk-visually-hidden">Error:</span>' in html
        assert "govuk-error-message" in html
        assert "govuk-form-group--error" in html
        assert "govuk-input govuk-input--width-10 govuk-input--error" in html
        assert "Enter a real UK postcode, like SW1A 1AA" in html

    def test_hint_and_label_are_escaped(self):
        item = question("text", "Is <b>this</b> bold?", hint="Line one\n<i>two</i>")
        html = render(build_form([item]))
        assert "Is &lt;b&gt;this&lt;/b&gt; bold?" in html
        assert "Line one<br>&lt;i&gt;two&lt;/i&gt;" in html
        assert "govuk-hint" in html

    def test_no_browser_validation(self):
        html = render(build_form([question("text", "Name")]))
        assert "required" not in html.replace("Answer required", "")

    def test_initial_answers_fill_the_form(self):
        items = stream(
            ("phone", {"label": "Phone"}),
            ("date", {"label": "Date"}),
            ("checkboxes", {"label": "Bins", "choices": BIN_OPTIONS}),
        )
        stored = {"phone": "+447700900982", "date": "2026-03-04", "bins": ["Blue bin"]}
        initial = {
            question_name(item): form_initial(item, stored[question_name(item)]) for item in items
        }
        html = render(build_form(items, initial=initial))
        assert 'value="07700 900 982"' in html
        assert 'value="4"' in html
        assert 'value="2026"' in html
        assert html.count('checked="checked"') == 1

    def test_a_whole_page_round_trip(self):
        raw = [
            {"type": "text", "value": {"label": "Full name", "name": "full_name"}},
            {"type": "email", "value": {"label": "Email", "required": False}},
            {"type": "yes_no", "value": {"label": "Is it blocking the road?"}},
        ]
        items = QuestionsBlock().to_python(raw)
        form = build_form(
            items,
            data={"full_name": "Ada", "email": "", "is_it_blocking_the_road": "no"},
        )
        assert form.is_valid(), form.errors
        answers = {
            name: answer_for_storage(item, form.cleaned_data[name])
            for name, item in form.questions.items()
        }
        assert json.loads(json.dumps(answers)) == {
            "full_name": "Ada",
            "email": None,
            "is_it_blocking_the_road": "no",
        }
        shown = [display_answer(item, answers[name]) for name, item in form.questions.items()]
        assert shown == ["Ada", "Not provided", "No"]

    def test_accepts_values_and_raw_dicts(self):
        raw = {"type": "postcode", "value": {"label": "Postcode"}}
        value = QuestionsBlock().to_python([raw])[0].value
        for item in (raw, value):
            form = build_form([item], data={"postcode": "ls11aa"})
            assert form.is_valid()
            assert form.cleaned_data["postcode"] == "LS1 1AA"

    def test_two_questions_with_one_name_refused(self):
        items = stream(("text", {"label": "Name"}), ("text", {"label": "Name"}))
        with pytest.raises(ValueError, match="'name'"):
            build_form(items)

    def test_every_type_builds_and_renders(self):
        options = [{"label": "A"}, {"label": "B"}]
        items = stream(
            *[
                (kind, {"label": f"Question {kind}", "choices": options})
                if kind in ("radios", "checkboxes")
                else (kind, {"label": f"Question {kind}"})
                for kind in QUESTION_TYPES
            ]
        )
        form = build_form(items)
        assert len(form.fields) == len(QUESTION_TYPES)
        assert render(form)


# --- Names and branching ------------------------------------------------------------------------


class TestNames:
    def test_made_from_the_question(self):
        assert question_name(question("postcode", "What is your postcode?")) == (
            "what_is_your_postcode"
        )
        assert question_name(question("text", "Café: name & address?")) == "cafe_name_address"

    def test_stable_and_limited(self):
        label = "Tell us everything you can remember about the day the bin was not collected"
        first, second = question("text", label), question("text", label)
        assert question_name(first) == question_name(second)
        assert len(question_name(first)) <= 50
        assert not question_name(first).endswith("_")

    def test_editor_name_wins(self):
        assert question_name(question("text", "Anything", name="notes")) == "notes"

    def test_nothing_usable(self):
        assert question_name(question("text", "???")) == "question"

    def test_branching_types(self):
        assert question_types_that_branch == BRANCHING_TYPES == {"radios", "yes_no"}
        assert branch_values(question("text", "Name")) == []


# --- Editor validation --------------------------------------------------------------------------


class TestEditorValidation:
    def test_duplicate_names_on_a_page(self):
        block = QuestionsBlock()
        value = block.to_python(
            [
                {"type": "text", "value": {"label": "Name", "required": True}},
                {"type": "email", "value": {"label": "Email", "name": "name", "required": True}},
            ]
        )
        with pytest.raises(blocks.StreamBlockValidationError) as caught:
            block.clean(value)
        assert 1 in caught.value.block_errors

    def test_name_format(self):
        block = QuestionsBlock().child_blocks["text"]
        value = block.to_python({"label": "Name", "name": "Full Name"})
        with pytest.raises(blocks.StructBlockValidationError) as caught:
            block.clean(value)
        assert "name" in caught.value.block_errors

    def test_number_limits_the_right_way_round(self):
        block = QuestionsBlock().child_blocks["number"]
        value = block.to_python({"label": "Bags", "min_value": 5, "max_value": 1})
        with pytest.raises(blocks.StructBlockValidationError) as caught:
            block.clean(value)
        assert "max_value" in caught.value.block_errors

    def test_repeated_options(self):
        block = QuestionsBlock().child_blocks["radios"]
        value = block.to_python(
            {"label": "Bin", "choices": [{"label": "Black"}, {"label": "black"}]}
        )
        with pytest.raises(blocks.StructBlockValidationError) as caught:
            block.clean(value)
        assert "choices" in caught.value.block_errors

    def test_radios_need_two_options(self):
        block = QuestionsBlock().child_blocks["radios"]
        value = block.to_python({"label": "Bin", "choices": [{"label": "Black"}]})
        with pytest.raises(blocks.StructBlockValidationError):
            block.clean(value)

    def test_a_good_page_is_clean(self):
        block = QuestionsBlock()
        value = block.to_python(
            [
                {
                    "type": "radios",
                    "value": {"label": "Bin", "choices": BIN_OPTIONS, "required": True},
                },
                {"type": "file_upload", "value": {"label": "Photo", "required": False}},
            ]
        )
        assert len(block.clean(value)) == 2

    def test_rare_settings_tucked_away(self):
        layout = QuestionsBlock().child_blocks["text"].meta.form_layout
        assert layout.settings == ["name", "error_message"]
        assert layout.children[:3] == ["label", "hint", "required"]
