"""The answers a submission carries: one typed row per question the resident reached.

This is the contract between journeys and everything downstream of a submission: casework (its
case page, CSV export and retention), webhooks, reports and the sub-apps that plug in through the
submit hook. Rows are stored as JSON on `Submission.answers` and `Case.answers`; `Answer.as_json()`
and `Answers.from_json()` are the only ways in and out, so a reader never re-learns the keys.

Each row keeps the question as the resident saw it (its label, in their language), the stored
value, the value as text for people (`display`), what the answer says about the resident (`role`:
their name, email, phone, postcode or address) and whether it is `sensitive`. A sensitive answer
(bank details) is stored masked: its value never reaches a submission, a case, an export, a
webhook, a notification or the audit log. Only the submit hook sees it whole, to keep it where
it belongs (encrypted, in its own sub-app).
"""

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from .enums import AnswerRole
from .questions import (
    answer_role,
    display_answer,
    is_sensitive,
    masked_answer,
    question_label,
    question_type,
)
from .uploads import StoredFile

# What retention leaves in place of an answer.
REMOVED = "[removed]"


@dataclass(frozen=True)
class Answer:
    name: str
    type: str
    label: str
    value: Any = None
    display: str = ""
    role: str = ""
    sensitive: bool = False

    @property
    def is_answered(self):
        return self.value not in (None, "", [], {})

    @property
    def file(self):
        return StoredFile.from_value(self.value)

    def as_json(self):
        return {
            "name": self.name,
            "type": self.type,
            "label": self.label,
            "value": self.value,
            "display": self.display,
            "role": self.role,
            "sensitive": self.sensitive,
        }

    @classmethod
    def from_json(cls, row):
        # Rows stored before roles and sensitivity existed have neither: they are plain answers.
        return cls(
            name=str(row.get("name", "")),
            type=str(row.get("type", "")),
            label=str(row.get("label") or row.get("name", "")),
            value=row.get("value"),
            display=str(row.get("display") or ""),
            role=str(row.get("role") or ""),
            sensitive=bool(row.get("sensitive", False)),
        )

    def scrubbed(self):
        """The answer with what the resident said removed and the question kept (retention)."""
        return replace(
            self,
            value=REMOVED if self.is_answered else self.value,
            display=REMOVED if self.display else self.display,
        )


class Answers(Sequence):
    """The answers of one submission, in the order the resident gave them."""

    def __init__(self, answers: Iterable[Answer] = ()):
        self._answers = list(answers)

    def __getitem__(self, index):
        return self._answers[index]

    def __len__(self):
        return len(self._answers)

    def __eq__(self, other):
        return isinstance(other, Answers) and self._answers == other._answers

    def __repr__(self):
        return f"Answers({self._answers!r})"

    @classmethod
    def from_json(cls, rows):
        return cls(Answer.from_json(row) for row in rows or [] if isinstance(row, Mapping))

    def as_json(self):
        return [answer.as_json() for answer in self._answers]

    def get(self, name):
        return next((answer for answer in self._answers if answer.name == name), None)

    def values(self):
        """{name: stored value}, for routing rules and the submit hook."""
        return {answer.name: answer.value for answer in self._answers}

    def with_role(self, role):
        """The first answered question holding this role, or None."""
        return next(
            (answer for answer in self._answers if answer.role == role and answer.is_answered),
            None,
        )

    def files(self):
        return [answer.file for answer in self._answers if answer.file is not None]

    def scrubbed(self):
        return Answers(answer.scrubbed() for answer in self._answers)

    def resident(self):
        """Who the resident is, from the questions that hold those roles ("" where none does)."""
        address = self.with_role(AnswerRole.ADDRESS)
        postcode = self.with_role(AnswerRole.POSTCODE)
        address_postcode = address.value.get("postcode") if address and _is_map(address) else ""
        return {
            "name": _text(self.with_role(AnswerRole.NAME)),
            "email": _text(self.with_role(AnswerRole.EMAIL)),
            "phone": _text(self.with_role(AnswerRole.PHONE)),
            "postcode": _text(postcode) or address_postcode or "",
        }


def _is_map(answer):
    return isinstance(answer.value, Mapping)


def _text(answer):
    return str(answer.value) if answer is not None and not answer.sensitive else ""


def answer_for(question, name, stored, *, for_storage=False):
    """The Answer to one question. `for_storage` masks a sensitive answer: what a submission and a
    case keep. Without it, a sensitive answer is whole, for the resident's own check page and the
    submit hook."""
    sensitive = is_sensitive(question)
    display = display_answer(question, stored)
    value = stored
    if sensitive and for_storage:
        value = None
        if stored not in (None, "", [], {}):  # unanswered stays "Not provided"
            display = masked_answer(question, stored)
    return Answer(
        name=name,
        type=question_type(question),
        label=question_label(question),
        value=value,
        display=display,
        role=answer_role(question) or "",
        sensitive=sensitive,
    )


def answers_on_path(journey, stored, *, for_storage=False):
    """(step, Answer) for each question on the resident's path through the journey, in order."""
    steps, _complete = journey.path(stored)
    for step in steps:
        for question, name in step.answerable:
            yield step, answer_for(question, name, stored.get(name), for_storage=for_storage)


def collect_answers(journey, stored, *, for_storage=False):
    rows = answers_on_path(journey, stored, for_storage=for_storage)
    return Answers(answer for _step, answer in rows)


def sensitive_names(journey):
    """The names of the journey's questions whose answers are sensitive."""
    return {
        name
        for step in journey.steps
        for question, name in step.answerable
        if is_sensitive(question)
    }
