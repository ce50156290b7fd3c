"""The answers in the cases export: one column per question, across the cases exported.

Columns are named by the question as staff read it (a Welsh form's question by its English words,
so Welsh and English cases of one form share columns), in the order first met. Each cell is the
answer as the case page shows it: a sensitive answer masked as it was stored, a file by the name
the resident gave it, a Welsh answer with the English beside it ("Ydy (Yes)"). Everything is read
from the cases already loaded, plus the few queries that find translated forms' English pages, so
an export of a thousand cases costs what one of ten does.
"""

from django.conf import settings

from forms_app.journeys.source_language import SourceLanguage, in_both_languages

ANSWER_FIELD = "answer:"


def plain_value(value):
    """A stored value with no display text (rows stored before there was one), as text."""
    if value is None or value == "":
        return ""
    if isinstance(value, list):
        return ", ".join(str(item) for item in value)
    if isinstance(value, dict):
        return "\n".join(str(item) for item in value.values() if item)
    return str(value)


def _text(answer):
    stored = answer.file
    if stored is not None:
        return stored.original_name
    return answer.display or plain_value(answer.value)


class AnswerColumns:
    """The answer columns for `cases`: `headings` ({field: heading}, in order) and `cells(case)`."""

    def __init__(self, cases):
        translated = [case.journey_id for case in cases if case.language != settings.LANGUAGE_CODE]
        source = SourceLanguage(translated)
        self.headings = {}
        self._cells = {}
        for case in cases:
            answers = case.get_answers()
            words = (
                source.words(case.journey_id, answers)
                if case.language != settings.LANGUAGE_CODE
                else [None] * len(answers)
            )
            cells = {}
            for answer, source_words in zip(answers, words, strict=True):
                heading = (source_words and source_words.label) or answer.label
                field = ANSWER_FIELD + heading
                self.headings.setdefault(field, heading)
                text = in_both_languages(_text(answer), source_words and source_words.display)
                # Two questions worded alike in one form share the column, one line each.
                cells[field] = f"{cells[field]}\n{text}" if field in cells else text
            self._cells[case.pk] = cells

    def cells(self, case):
        return {field: self._cells.get(case.pk, {}).get(field, "") for field in self.headings}
