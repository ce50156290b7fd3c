"""How a search's words are compared with a page's, language by language (search/words.py)."""

from django.utils import translation

import pytest

from search.ranking import parse
from search.words import (
    English,
    Language,
    Welsh,
    accented,
    fold,
    for_language,
    mutations,
    normalise,
    welsh_singular,
)


def test_accents_are_folded_but_kept_where_people_read_them():
    assert fold("Caniatâd, sŵn, tŷ, polisïau") == "Caniatad, swn, ty, polisiau"
    # The log and the admin show what was typed.
    assert normalise("  Sŵn  cymdogion?! ") == "sŵn cymdogion"


@pytest.mark.parametrize(
    ("typed", "on_the_page"),
    [
        ("bathodyn", "fathodyn"),  # soft: am Fathodyn Glas
        ("bin", "fin"),
        ("twll", "dwll"),
        ("casglu", "gasglu"),
        ("digartref", "ddigartref"),
        ("gostyngiad", "ostyngiad"),  # soft mutation drops a g
        ("gwastraff", "wastraff"),
        ("llyfrgell", "lyfrgell"),
        ("cyngor", "nghyngor"),  # nasal: fy nghyngor
        ("treth", "threth"),  # aspirate: a threth
        ("parcio", "mharcio"),
        ("glanrhyd", "lanrhyd"),  # i Lanrhyd
        # And the other way round: a mutated word typed finds the word it came from.
        ("fathodyn", "bathodyn"),
        ("dreth", "treth"),
        ("ostyngiad", "gostyngiad"),
        ("nghyngor", "cyngor"),
    ],
)
def test_a_welsh_word_meets_its_mutations(typed, on_the_page):
    assert on_the_page in mutations(typed)


def test_letters_that_do_not_mutate_stay_as_they_are():
    assert mutations("ffon") == {"ffon"}
    assert mutations("sbwriel") == {"sbwriel"}


def test_common_welsh_plurals_meet_the_singular():
    assert welsh_singular("biniau") == "bin"
    assert welsh_singular("llyfrau") == "llyfr"
    assert welsh_singular("llyfrgelloedd") == "llyfrgell"
    assert welsh_singular("canolfannau") == "canolfan"
    # Too short to be one of these plurals: 'cau' (close), 'Iau' (Thursday).
    assert welsh_singular("cau") == "cau"
    assert welsh_singular("iau") == "iau"


def test_english_rules_are_not_applied_to_welsh():
    # English would take 'glas' (blue) for a plural and 'to' (roof) for a stop word.
    assert English().keys("Bathodyn Glas") == {"bathodyn", "gla"}
    assert Welsh().keys("Bathodyn Glas") == {"bathodyn", "glas"}
    assert English().is_stop_word("to")
    assert not Welsh().is_stop_word("to")
    assert Welsh().is_stop_word("yr")


def test_a_welsh_word_is_asked_for_with_its_accents_mutations_and_plurals():
    spellings = Welsh().word("ffon").spellings
    assert "ffôn" in spellings  # PostgreSQL and Elasticsearch match accents exactly
    spellings = Welsh().word("bin").spellings
    assert {"bin", "biniau", "fin", "min"} <= set(spellings)
    assert "sŵn" in accented("swn")


def test_each_language_has_its_rules():
    assert isinstance(for_language("cy"), Welsh)
    assert isinstance(for_language("en-gb"), English)
    # A language nobody has written rules for: accents and case only, no English plurals.
    other = for_language("ga")
    assert type(other) is Language
    assert other.keys("Cártaí bruscair") == {"cartai", "bruscair"}


@pytest.mark.django_db
def test_stop_words_are_those_of_the_language_searched_in():
    assert [concept.searched for concept in parse("how to fix a roof")] == ["fix", "roof"]
    with translation.override("cy"):
        searched = [concept.searched for concept in parse("Sut ydw i’n trwsio to?")]
    assert searched == ["trwsio", "to"]
