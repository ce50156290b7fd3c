"""How the words of a search meet the words of a page, in each of the site's languages.

This runs in Python, the same on every search backend, before the backend is asked (for the
spellings to look for) and after (to rank the candidates by where the words are):

- Every language: case, punctuation and accents do not matter ('FFON?' finds 'ffôn').
- English: a plural meets its singular ('centres', 'centre'), and words such as 'how' and 'the',
  which say nothing about what a resident wants, are left out.
- Welsh: no English plurals or stop words (Welsh 'to' is a roof, 'glas' is not a plural). The
  first letter of a Welsh word changes after some words: 'Bathodyn Glas' is 'Fathodyn Glas' in
  'Gwneud cais am Fathodyn Glas'. So a Welsh word finds its soft, nasal and aspirate mutations, and
  a mutated word finds the word it came from. The common plural endings -au, -iau and -oedd meet
  the singular ('biniau', 'bin'), and Welsh stop words ('sut', 'y', 'i’r') are left out.
- Any other language: accents only, until someone writes its rules here.
"""

import functools
import re
import unicodedata
from dataclasses import dataclass

MAX_QUERY_LENGTH = 200
_NOT_WORD = re.compile(r"[^\w]+")


def normalise(text):
    """Lower case words separated by single spaces: 'Bin  collection?' and 'bin collection' are
    the same search, for promoted results, synonyms and the log alike. Accents are kept, so the
    log and the admin show what residents and editors wrote."""
    return " ".join(_NOT_WORD.sub(" ", (text or "").lower()).split())[:MAX_QUERY_LENGTH].strip()


def fold(text):
    """The text without accents: 'sŵn' -> 'swn', 'caniatâd' -> 'caniatad'."""
    if text.isascii():
        # Nothing to take off (and most of what search compares is plain ASCII).
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


@dataclass(frozen=True)
class Word:
    """One word searched for: the forms a page's word is compared in (`keys`), and the spellings
    the backend is asked for."""

    keys: frozenset
    spellings: tuple

    def found_in(self, text_keys):
        return not self.keys.isdisjoint(text_keys)


class Language:
    """The rules for a language with none of its own: only accents and case do not matter."""

    stop_words = frozenset()
    # Words whose keys are remembered: a search compares the same few thousand words again and
    # again, in the titles and summaries of up to 300 pages.
    KEYS_REMEMBERED = 50_000

    def __init__(self):
        self._remembered_key = functools.lru_cache(maxsize=self.KEYS_REMEMBERED)(self.key)

    def key(self, word):
        """The form in which two words are compared: the same key, the same word."""
        return fold(word)

    def keys(self, text):
        """The keys of every word in a text (a page's title or summary, however long)."""
        key = self._remembered_key
        return {key(word) for word in _NOT_WORD.sub(" ", (text or "").lower()).split()}

    def is_stop_word(self, word):
        return fold(word) in self.stop_words

    def forms(self, word):
        """The ways a page may write the word, e.g. its mutations."""
        return {fold(word)}

    def spellings(self, word):
        """What to ask the backend for: the word as typed and without accents."""
        return {word, fold(word)}

    def word(self, word):
        return Word(
            keys=frozenset(self.key(form) for form in self.forms(word)),
            spellings=tuple(sorted(self.spellings(word))),
        )

    def lookup_forms(self, phrase):
        """The forms in which an editor's synonym for this phrase may be saved (accents folded,
        as `Synonym.match_term` is)."""
        return {fold(phrase)}


# English ------------------------------------------------------------------------------------

ENGLISH_STOP_WORDS = frozenset(
    {
        *("a", "about", "an", "and", "are", "as", "at", "be", "by", "can", "do", "does", "for"),
        *("from", "how", "i", "if", "in", "is", "it", "me", "my", "of", "on", "or", "our", "so"),
        *("that", "the", "their", "this", "to", "us", "want", "what", "when", "where", "which"),
        *("who", "why", "will", "with", "you", "your"),
    }
)
# Words whose last 's' is not a plural.
_NOT_PLURAL = frozenset(
    {"news", "series", "species", "always", "perhaps", "various", "bus", "gas", "plus"}
)


def english_singular(word):
    """The singular of an English plural, roughly: 'centres' -> 'centre', 'libraries' ->
    'library'. Enough for plural and singular to find each other on a backend that does not stem."""
    if word in _NOT_PLURAL or len(word) < 4:
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def english_plural_and_singular(singular):
    if singular.endswith("y") and len(singular) > 2 and singular[-2] not in "aeiou":
        plural = singular[:-1] + "ies"
    elif singular.endswith(("s", "x", "ch", "sh")):
        plural = singular + "es"
    else:
        plural = singular + "s"
    return {singular, plural}


class English(Language):
    stop_words = ENGLISH_STOP_WORDS

    def key(self, word):
        return english_singular(fold(word))

    def spellings(self, word):
        return {
            *english_plural_and_singular(english_singular(word)),
            *english_plural_and_singular(self.key(word)),
        }


# Welsh --------------------------------------------------------------------------------------

# Folded, as they are compared. After "i’r", "â’r", "mae’n", punctuation leaves 'r', 'n', 'i'...
WELSH_STOP_WORDS = frozenset(
    {
        # the, and, or, but, if, that, like, also
        *("y", "yr", "r", "a", "ac", "ag", "neu", "ond", "os", "bod", "fod", "fel", "hefyd"),
        # in, to, of, on, at, for, from, with, over, through, by
        *("yn", "yng", "ym", "n", "i", "o", "am", "ar", "at", "gyfer", "gan", "gyda", "gydag"),
        *("efo", "mewn", "wrth", "dros", "drwy", "trwy"),
        # my, your, his/her, our, their, and their shortened forms
        *("fy", "dy", "ei", "eich", "ein", "eu", "m", "th", "w", "u", "ch"),
        # is, are, am, there is
        *("mae", "sy", "sydd", "oes", "yw", "ydy", "ydi", "ydw", "ydych", "ydyn", "ydym"),
        *("wyf", "rwy", "rydw", "dw", "rydym", "rydych", "roedd", "oedd"),
        # I, you, we, they, she, he, it
        *("fi", "mi", "chi", "ni", "nhw", "hi", "fe", "fo", "ef", "e"),
        # what, how, where, when, why, who, which, how much, on me, on you
        *("beth", "be", "sut", "ble", "pryd", "pam", "pwy", "pa", "faint", "arnaf", "arnoch"),
        # want, can, get, this, that, here, there, not
        *("eisiau", "isio", "moyn", "gallu", "alla", "galla", "gallaf", "gallwch", "cael", "gael"),
        *("hyn", "hwn", "hon", "yma", "yna", "na", "nad"),
    }
)

# Each Welsh initial that mutates, and what it becomes: soft, nasal and aspirate mutation.
_MUTATIONS = {
    "p": ("b", "mh", "ph"),
    "t": ("d", "nh", "th"),
    "c": ("g", "ngh", "ch"),
    "b": ("f", "m"),
    "d": ("dd", "n"),
    "g": ("", "ng"),
    "m": ("f",),
    "ll": ("l",),
    "rh": ("r",),
}
# A word's initial, longest first, and the initials it may be a mutation of. 'ff', 'll' and 'rh'
# are letters of their own; before a 'g' dropped by soft mutation, see `_radicals`.
_UNMUTATIONS = (
    ("ngh", ("c",)),
    ("mh", ("p",)),
    ("nh", ("t",)),
    ("ng", ("g",)),
    ("ph", ("p",)),
    ("th", ("t",)),
    ("ch", ("c",)),
    ("dd", ("d",)),
    ("ff", ()),
    ("ll", ()),
    ("rh", ()),
    ("b", ("p",)),
    ("d", ("t",)),
    ("g", ("c",)),
    ("f", ("b", "m")),
    ("l", ("ll",)),
    ("r", ("rh",)),
    ("m", ("b",)),
    ("n", ("d",)),
)
_WELSH_VOWELS = "aeiouwy"
_CIRCUMFLEX = {vowel: unicodedata.normalize("NFC", vowel + "\u0302") for vowel in _WELSH_VOWELS}
_WELSH_PLURAL_ENDINGS = ("iau", "oedd", "au")


# Welsh letters written with two or three characters; of these only 'll' and 'rh' mutate.
_DIGRAPHS = ("ngh", "mh", "nh", "ch", "dd", "ff", "ng", "ll", "ph", "rh", "th")


def _initial(word):
    for initial in _DIGRAPHS:
        if word.startswith(initial):
            return initial
    return word[:1]


def _radicals(word):
    """The words this word may be a mutation of, and the word itself: 'fathodyn' -> 'fathodyn',
    'bathodyn', 'mathodyn'. Soft mutation drops a 'g' ('gwastraff' -> 'wastraff'), so a word
    starting with a vowel, 'w', 'l' or 'r' may also have lost one."""
    radicals = {word}
    for mutated, originals in _UNMUTATIONS:
        if word.startswith(mutated):
            radicals.update(original + word[len(mutated) :] for original in originals)
            break
    if (
        len(word) > 2
        and (word[0] in _WELSH_VOWELS or word[0] in "lr")
        and word[:2]
        not in (
            "ll",
            "rh",
        )
    ):
        radicals.add("g" + word)
    return radicals


def mutations(word):
    """Every form of a Welsh word that shares a radical with it: 'bathodyn' -> 'bathodyn',
    'fathodyn', 'mathodyn'; 'gasglu' -> 'casglu', 'gasglu', 'nghasglu', 'chasglu' and the like."""
    if len(word) < 2:
        return {word}
    forms = set()
    for radical in _radicals(word):
        initial = _initial(radical)
        forms.add(radical)
        forms.update(mutated + radical[len(initial) :] for mutated in _MUTATIONS.get(initial, ()))
    return {form for form in forms if form}


def welsh_singular(word):
    """The singular of a Welsh plural with a common ending: 'biniau' -> 'bin', 'llyfrgelloedd' ->
    'llyfrgell', 'canolfannau' -> 'canolfan'. Other plurals ('tai', 'ffyrdd') stay as they are:
    editors can add a synonym."""
    for ending in _WELSH_PLURAL_ENDINGS:
        stem = word[: -len(ending)]
        if word.endswith(ending) and len(stem) >= 3:
            return stem[:-1] if stem[-2:] in ("nn", "rr") else stem
    return word


def welsh_plurals(singular):
    forms = {singular, *(singular + ending for ending in _WELSH_PLURAL_ENDINGS)}
    if singular[-1:] in ("n", "r"):
        forms.add(singular + singular[-1] + "au")
    return forms


def accented(word):
    """The word, and the word with a circumflex (to bach) on one of its vowels: 'ffon' ->
    'ffon', 'ffôn'; 'swn' -> 'swn', 'ŝwn', 'sŵn'. Welsh rarely has more than one."""
    forms = {word}
    for position, letter in enumerate(word):
        if letter in _CIRCUMFLEX:
            forms.add(word[:position] + _CIRCUMFLEX[letter] + word[position + 1 :])
    return forms


class Welsh(Language):
    stop_words = WELSH_STOP_WORDS

    def key(self, word):
        return welsh_singular(fold(word))

    def forms(self, word):
        return mutations(fold(word))

    def spellings(self, word):
        # SQLite ignores accents, PostgreSQL and Elasticsearch do not: 'ffon' is also asked for
        # as 'ffôn'. Then the plurals of the word and of the words it may be a mutation of, and
        # its mutations as they are and in the singular ('biniau' -> 'fin', as in 'am fin').
        folded = fold(word)
        spellings = {word, *accented(folded)}
        for radical in _radicals(folded):
            spellings.update(welsh_plurals(welsh_singular(radical)))
        for form in mutations(folded):
            spellings.update((form, welsh_singular(form)))
        return spellings

    def lookup_forms(self, phrase):
        # A phrase mutates at its first word, after the word before it ('y domen' for 'tomen').
        first, *rest = fold(phrase).split()
        return {" ".join([form, *rest]) for form in mutations(first)}


LANGUAGES = {"en": English(), "cy": Welsh()}


def for_language(code):
    """The rules for a language code ('cy', 'en-gb'), or only accent folding for another."""
    code = (code or "").lower()
    return LANGUAGES.get(code) or LANGUAGES.get(code.split("-")[0]) or Language()
