import pytest

from forms_app.journeys import references
from forms_app.journeys.references import (
    ALPHABET,
    ReferenceCollisionError,
    format_reference,
    new_reference,
    normalise_reference,
    unique_reference,
)


def test_alphabet_is_digits_and_letters_without_look_alikes():
    assert set(ALPHABET) == set("23456789ABCDEFGHJKMNPQRSTUVWXYZ")
    assert len(ALPHABET) == len(set(ALPHABET)) == 31
    assert not set(ALPHABET) & set("0O1IL")


def test_new_references_are_valid_and_practically_unique():
    generated = [new_reference() for _ in range(10_000)]

    assert all(len(ref) == 8 and set(ref) <= set(ALPHABET) for ref in generated)
    assert all(normalise_reference(ref) == ref for ref in generated)
    # 31**8 is about 8.5e11, so even one repeat in 10,000 would mean a broken generator.
    assert len(set(generated)) == len(generated)


def test_format_groups_four_and_four():
    assert format_reference("HT7K9QWX") == "HT7K 9QWX"


def test_format_then_normalise_round_trips():
    for _ in range(100):
        ref = new_reference()
        assert normalise_reference(format_reference(ref)) == ref


@pytest.mark.parametrize(
    "typed",
    ["ht7k 9qwx", " HT7K-9QWX ", "ht7k–9qwx", "HT 7K 9Q WX", "ht7k\u00a09qwx", "HT7K_9QWX"],
)
def test_normalise_forgives_case_spaces_and_hyphens(typed):
    assert normalise_reference(typed) == "HT7K9QWX"


@pytest.mark.parametrize(
    "typed",
    [
        "",
        "HT7K9QW",  # too short
        "HT7K9QWXY",  # too long
        "HT7K 9QW0",  # zero
        "HT7K 9QWO",  # letter O
        "HT7K 9QW1",  # one
        "HT7K 9QWI",
        "HT7K 9QWL",
        "HT7K.9QWX",
        "HT7K9QW\u00c9",
        None,
        12345678,
    ],
)
def test_normalise_rejects_what_cannot_be_a_reference(typed):
    assert normalise_reference(typed) is None


def test_format_refuses_what_is_not_a_reference():
    with pytest.raises(ValueError, match="Not a case reference"):
        format_reference("HT7K9QW0")


def test_unique_reference_retries_past_collisions(monkeypatch):
    offered = iter(["AAAAAAAA", "BBBBBBBB", "CCCCCCCC"])
    monkeypatch.setattr(references, "new_reference", lambda: next(offered))
    taken = {"AAAAAAAA", "BBBBBBBB"}
    asked = []

    def exists(ref):
        asked.append(ref)
        return ref in taken

    assert unique_reference(exists) == "CCCCCCCC"
    assert asked == ["AAAAAAAA", "BBBBBBBB", "CCCCCCCC"]


def test_unique_reference_gives_up_after_the_attempts_allowed():
    asked = []

    def exists(ref):
        asked.append(ref)
        return True

    with pytest.raises(ReferenceCollisionError, match="after 5 attempts"):
        unique_reference(exists, attempts=5)
    assert len(asked) == 5
