"""Submissions, queues and cases for tests, with answer rows stored the way a journey stores them.

`answer()` makes one stored row through the project's own Answer type; `missed_bin_answers()` the
rows of a typical missed-bin report. Cases are opened through casework's intake (`open_case`), so
routing, due dates and the resident's details are worked out as they are for a real submission.
"""

import uuid

import factory

from forms_app.cases.enums import Channel
from forms_app.cases.models import Case, Queue
from forms_app.cases.routing import open_case
from forms_app.journeys.answers import Answer
from forms_app.journeys.enums import AnswerRole
from forms_app.journeys.models import Submission
from forms_app.journeys.references import ALPHABET

# Which role each answer type holds in a journey (a short answer holds the name only when an editor
# marks it so: pass role=AnswerRole.NAME).
ROLE_OF_TYPE = {
    "email": AnswerRole.EMAIL,
    "phone": AnswerRole.PHONE,
    "postcode": AnswerRole.POSTCODE,
    "address": AnswerRole.ADDRESS,
}


def answer(name, value, *, type="text", label=None, display=None, role=None, sensitive=False):
    """One stored answer row."""
    if display is None:
        display = value if isinstance(value, str) else ""
    return Answer(
        name=name,
        type=type,
        label=label or name.replace("_", " ").capitalize(),
        value=value,
        display=display,
        role=ROLE_OF_TYPE.get(type, "") if role is None else role,
        sensitive=sensitive,
    ).as_json()


def address(line_1="1 High St", town="Glanrhyd", postcode="GR1 2BD", line_2=""):
    return {"line_1": line_1, "line_2": line_2, "town": town, "postcode": postcode}


def missed_bin_answers(
    *,
    bin="general",
    name="Sam Jones",
    email="sam@example.com",
    phone="",
    line_1="1 High St",
    postcode="GR1 2BD",
    extra=(),
):
    """A missed-bin report's answers: the bin, the resident's name, email, phone and address."""
    where = address(line_1=line_1, postcode=postcode)
    return [
        answer("bin", bin, type="radios", label="Which bin was missed?"),
        answer("full_name", name, label="Full name", role=AnswerRole.NAME),
        answer("email", email, type="email", label="Email address"),
        answer("phone", phone, type="phone", label="Phone number"),
        answer(
            "address",
            where,
            type="address",
            label="Address",
            display="\n".join(line for line in where.values() if line),
        ),
        *extra,
    ]


def _reference(n):
    """A valid, distinct reference for the nth object: 8 characters of the reference alphabet."""
    digits = []
    for _position in range(8):
        n, digit = divmod(n, len(ALPHABET))
        digits.append(ALPHABET[digit])
    return "".join(reversed(digits))


class SubmissionFactory(factory.django.DjangoModelFactory):
    reference = factory.Sequence(lambda n: _reference(n + 1000))
    token = factory.LazyFunction(uuid.uuid4)
    journey = None
    journey_title = factory.LazyAttribute(
        lambda submission: (
            submission.journey.title if submission.journey else "Report a missed bin collection"
        )
    )
    answers = factory.LazyFunction(missed_bin_answers)
    language = "en"
    retention_days = 90

    class Meta:
        model = Submission


class QueueFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Queue {n}")
    sla_working_days = 10

    class Meta:
        model = Queue
        django_get_or_create = ("name",)


class CaseFactory(factory.Factory):
    """A case opened from a submission by casework's intake. Extra fields are set afterwards."""

    submission = factory.SubFactory(SubmissionFactory)
    channel = Channel.ONLINE
    assisted_by = None

    class Meta:
        model = Case

    @classmethod
    def _create(cls, model_class, *, submission, channel, assisted_by, **fields):
        case = open_case(submission, channel=channel, assisted_by=assisted_by)
        if fields:
            for name, value in fields.items():
                setattr(case, name, value)
            case.save(update_fields=[*fields, "updated_at"])
        return case
