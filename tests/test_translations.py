"""Every built-in string has a Welsh translation, and the catalogues are up to date with the code.

`makemessages` runs on a copy of the source, so a string added to a template or to Python without
a translation fails here (as untranslated, or as fuzzy when gettext guesses from a similar one),
and so does a catalogue whose compiled .mo is older than its .po.
"""

import shutil
from pathlib import Path

from django.conf import settings
from django.core.management import call_command

import polib
import pytest

ROOT = Path(settings.BASE_DIR)
LANGUAGES = [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]
# Not the project's own source: what makemessages is told to skip, and what is not worth copying.
IGNORED = [".venv", "node_modules", "var", ".git", ".ruff_cache", "townhall.egg-info", "htmlcov"]
DJANGO_CATALOGUE = Path(__import__("django").__file__).parent / "conf" / "locale"


def _catalogues(root, language):
    """Every django.po for this language: the project's (locale/) and any app's own."""
    return sorted(
        path
        for path in root.glob(f"**/locale/{language}/LC_MESSAGES/django.po")
        if not any(part in IGNORED for part in path.relative_to(root).parts)
    )


def _missing(catalogue):
    """Entries a resident would see in English: untranslated, or fuzzy (gettext's guess)."""
    return [
        entry.msgid
        for entry in catalogue
        if not entry.obsolete and (not entry.translated() or "fuzzy" in entry.flags)
    ]


def _msgids(catalogue):
    return {(e.msgctxt, e.msgid, e.msgid_plural) for e in catalogue if not e.obsolete}


@pytest.fixture(scope="module", params=LANGUAGES)
def language(request):
    return request.param


@pytest.fixture(scope="module")
def regenerated(language, tmp_path_factory):
    """makemessages run on a copy of the source, with the committed catalogues as its start."""
    copy = tmp_path_factory.mktemp("source") / "townhall"
    shutil.copytree(ROOT, copy, ignore=shutil.ignore_patterns(*IGNORED, "*.sqlite3", "__pycache__"))
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(copy)
        patch.setattr(settings, "LOCALE_PATHS", [copy / "locale"])
        call_command(
            "makemessages",
            locale=[language],
            ignore_patterns=IGNORED,
            verbosity=0,
            no_obsolete=True,
        )
    return copy


def test_there_is_a_project_catalogue(language):
    assert (ROOT / "locale" / language / "LC_MESSAGES" / "django.po").exists()


def test_every_string_is_translated(language):
    for path in _catalogues(ROOT, language):
        catalogue = polib.pofile(str(path))
        assert not catalogue.metadata_is_fuzzy, f"{path}: the header is still marked fuzzy"
        assert _missing(catalogue) == [], f"{path.relative_to(ROOT)} has untranslated strings"


def test_catalogues_are_up_to_date_with_the_code(language, regenerated):
    committed = _catalogues(ROOT, language)
    fresh = _catalogues(regenerated, language)
    assert [p.relative_to(regenerated) for p in fresh] == [p.relative_to(ROOT) for p in committed]
    for path in fresh:
        catalogue = polib.pofile(str(path))
        where = path.relative_to(regenerated)
        assert _missing(catalogue) == [], f"run makemessages and translate the new strings: {where}"
        assert _msgids(catalogue) == _msgids(polib.pofile(str(ROOT / where))), (
            f"run makemessages: {where} has strings the code no longer uses, or misses new ones"
        )


def test_compiled_catalogues_match_their_sources(language):
    for path in _catalogues(ROOT, language):
        compiled = path.with_suffix(".mo")
        assert compiled.exists(), f"run compilemessages: {compiled.relative_to(ROOT)} is missing"
        mo = {
            (e.msgctxt, e.msgid): (e.msgstr, e.msgstr_plural) for e in polib.mofile(str(compiled))
        }
        po = {
            (e.msgctxt, e.msgid): (e.msgstr, e.msgstr_plural)
            for e in polib.pofile(str(path))
            if not e.obsolete and e.translated() and "fuzzy" not in e.flags
        }
        assert mo == po, f"run compilemessages: {compiled.relative_to(ROOT)} is out of date"


def test_plural_forms_are_djangos_own(language):
    """Welsh counts in four forms (1, 2, 8 and 11, the rest); the project agrees with Django."""
    django_po = DJANGO_CATALOGUE / language / "LC_MESSAGES" / "django.po"
    expected = polib.pofile(str(django_po)).metadata["Plural-Forms"]
    for path in _catalogues(ROOT, language):
        assert polib.pofile(str(path)).metadata["Plural-Forms"] == expected, path
