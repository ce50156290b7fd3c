"""Answers given to a translated form, read again in the words of the form's source language.

A submission keeps each question and answer as the resident read them (answers.py): a Welsh
report says "Ydy" to "Oedd eich bin i fod i gael ei gasglu heddiw?". Staff who read no Welsh need
the English beside it. The English is the form's source page: the page of the same translation_key
(wagtail-localize) in the site's default language. Its questions have the same names as the
translation's (translatable.py keeps names and option values unchanged), so each answer is read
again through the source page's question; where it reads the same (a name, an address) nothing is
added.

`SourceLanguage` loads every page it needs at once, so a list or an export of many cases costs
the same few queries as one.
"""

from dataclasses import dataclass

from django.conf import settings

from wagtail.models import Page

from .answers import REMOVED
from .questions import display_answer, question_label, stored_in_translation


@dataclass(frozen=True)
class SourceWords:
    """One answer in the source language: each is "" where it reads as the resident saw it."""

    label: str = ""
    display: str = ""

    def __bool__(self):
        return bool(self.label or self.display)


def _questions(page):
    journey = getattr(page, "journey", None)
    if journey is None:
        return {}
    return {name: question for step in journey().steps for question, name in step.answerable}


class SourceLanguage:
    """Reads answers to translations of forms in the source language.

    `journey_ids` are the pages the answers were given to (a case's `journey_id`); pages in the
    source language, and pages whose source page is gone, get no source words.
    """

    def __init__(self, journey_ids, language=None):
        self.language = language or settings.LANGUAGE_CODE
        ids = {pk for pk in journey_ids if pk}
        translations = (
            Page.objects.filter(pk__in=ids).exclude(locale__language_code=self.language).specific()
            if ids
            else []
        )
        translations = list(translations)
        keys = {page.translation_key for page in translations}
        sources = {
            page.translation_key: page
            for page in (
                Page.objects.filter(
                    translation_key__in=keys, locale__language_code=self.language
                ).specific()
                if keys
                else []
            )
        }
        self._questions = {}
        for page in translations:
            source = sources.get(page.translation_key)
            if source is not None:
                self._questions[page.pk] = (_questions(page), _questions(source))

    def words(self, journey_id, answers):
        """A SourceWords for each of `answers` (falsy where nothing reads differently)."""
        translated, source = self._questions.get(journey_id, ({}, {}))
        return [self._answer(translated.get(a.name), source.get(a.name), a) for a in answers]

    def _answer(self, translated, source, answer):
        if source is None:
            return SourceWords()
        label = question_label(source)
        display = ""
        readable = answer.is_answered and not answer.sensitive and answer.file is None
        if readable and answer.value != REMOVED:
            stored = answer.value
            if translated is not None:
                stored = stored_in_translation(translated, source, stored)
            try:
                display = display_answer(source, stored, self.language)
            except (AttributeError, KeyError, TypeError, ValueError):
                # The source page's question changed type since: its words cannot read this.
                display = ""
        return SourceWords(
            label=label if label != answer.label else "",
            display=display if display != answer.display else "",
        )


def source_words(journey_id, answers, language=None):
    """The source-language words for one case's answers (see SourceLanguage)."""
    return SourceLanguage([journey_id], language).words(journey_id, answers)


def in_both_languages(text, source_text):
    """'Ydy (Yes)': the resident's words with the source language's beside them, if different."""
    return f"{text} ({source_text})" if source_text else text
