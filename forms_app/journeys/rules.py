"""What a rule on a form can match: the lists editors pick from, and the rules that cannot match.

Two kinds of rule look at a resident's answer to a choice question. A branching rule, on a question
page, sends an answer of that page's radios or yes/no question to a later page. A routing rule (in
casework) sends cases with a particular answer to a queue. Both are written against the option's
value (its words, when an editor gave none), which a Welsh translation keeps from the English form
(see translatable.py), so one rule works in every language.

Editors pick a rule's answer and page from lists made from the form as last saved; the checks here
run on what they send, so a rule for a question or page added in the same edit is still checked.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from .engine import QUESTION
from .questions import (
    BRANCHING_TYPES,
    branch_values,
    display_answer,
    is_question,
    question_label,
    question_type,
)

# The choice questions whose answers a routing rule can match, and how each stores its answer.
ROUTABLE_TYPES = frozenset({*BRANCHING_TYPES, "checkboxes"})


def branching_question(questions):
    """The question on a question page that its rules look at: its first radios or yes/no."""
    return next(
        (q for q in questions if is_question(q) and question_type(q) in BRANCHING_TYPES), None
    )


def _options(question):
    """[(value, words)] of a choice question, in the order residents see them."""
    value = getattr(question, "value", question)
    if "choices" not in value:
        # Yes or no: its values are "yes" and "no", in words in the editor's language.
        return [(answer, display_answer(question, answer)) for answer in branch_values(question)]
    return [
        ((option.get("value") or "").strip() or str(option["label"]).strip(), str(option["label"]))
        for option in value["choices"]
    ]


def _page_title(value, kind):
    if kind == QUESTION and not value.get("heading"):
        first = next((q for q in value["questions"] if is_question(q)), None)
        return question_label(first) if first is not None else ""
    return str(value.get("heading") or "")


# The lists a branching rule's answer and page are picked from.


def answer_choices(steps):
    """[(value, label)]: every option of the form's radios and yes/no questions, once each.

    One list serves every question page (a rule block does not know which page it is on), so an
    answer two questions share, such as "yes", is listed once; the check on saving makes sure the
    answer belongs to the question on the rule's own page.
    """
    seen, choices = {}, []
    for child in steps:
        if child.block_type != QUESTION:
            continue
        question = branching_question(child.value["questions"])
        if question is None:
            continue
        for value, words in _options(question):
            key = value.strip().lower()
            if key in seen:
                seen[key]["questions"] += 1
                continue
            seen[key] = {"value": value, "words": words, "question": question_label(question)}
            seen[key]["questions"] = 1
            choices.append(key)
    return [
        (
            seen[key]["value"],
            seen[key]["words"]
            if seen[key]["questions"] > 1
            else f"{seen[key]['question']} — {seen[key]['words']}",
        )
        for key in choices
    ]


def target_choices(steps):
    """[(page name, label)]: every page of the form, in order."""
    choices = []
    for child in steps:
        slug = child.value["slug"]
        title = _page_title(child.value, child.block_type)
        choices.append((slug, f"{slug}: {title}" if title else slug))
    return choices


# The rules that cannot match.


@dataclass
class RuleProblems:
    """Problems with the rules of one question page: per rule, per part ("answer", "go_to"), and
    with the page's rules as a whole."""

    rules: dict = field(default_factory=dict)  # rule index -> {"answer"|"go_to": [message]}
    page: list = field(default_factory=list)

    def add(self, index, part, message):
        self.rules.setdefault(index, {}).setdefault(part, []).append(message)

    def __bool__(self):
        return bool(self.rules or self.page)


def rule_problems(steps):
    """{step index: RuleProblems} for the question pages whose rules cannot all match.

    ``steps`` is the form's steps as a StreamValue (as saved, or as an editor sent them).
    """
    slugs = [child.value["slug"] for child in steps]
    problems = {}
    for index, child in enumerate(steps):
        if child.block_type != QUESTION or not child.value["rules"]:
            continue
        found = RuleProblems()
        slug = child.value["slug"]
        question = branching_question(child.value["questions"])
        if question is None:
            found.page.append(
                _("The page ‘%(slug)s’ has rules but no radios or yes/no question.")
                % {"slug": slug}
            )
            problems[index] = found
            continue
        allowed = {value.strip().lower() for value, _words in _options(question)}
        options = ", ".join(f"‘{words}’" for _value, words in _options(question))
        answered = set()
        for rule_index, rule in enumerate(child.value["rules"]):
            answer = (rule["answer"] or "").strip()
            target = (rule["go_to"] or "").strip()
            if answer and answer.lower() not in allowed:
                found.add(
                    rule_index,
                    "answer",
                    _(
                        "A rule on ‘%(slug)s’ is for the answer ‘%(answer)s’, which is not an "
                        "option of ‘%(question)s’. Choose one of %(options)s."
                    )
                    % {
                        "slug": slug,
                        "answer": answer,
                        "question": question_label(question),
                        "options": options,
                    },
                )
            elif answer.lower() in answered:
                found.add(
                    rule_index,
                    "answer",
                    _("Another rule on this page is for ‘%(answer)s’. Remove one of them.")
                    % {"answer": answer},
                )
            answered.add(answer.lower())
            if not target:
                continue
            if target not in slugs:
                found.add(
                    rule_index,
                    "go_to",
                    _("A rule on ‘%(slug)s’ goes to ‘%(target)s’, but no page has that name.")
                    % {"slug": slug, "target": target},
                )
            elif slugs.index(target) <= index:
                found.add(
                    rule_index,
                    "go_to",
                    _("A rule on ‘%(slug)s’ goes back to ‘%(target)s’. Rules can only go forward.")
                    % {"slug": slug, "target": target},
                )
        if found:
            problems[index] = found
    return problems


# What a routing rule can match.


@dataclass(frozen=True)
class RoutableQuestion:
    name: str
    label: str
    options: tuple  # ((value, words), ...)

    def has_option(self, answer):
        return any(value.lower() == answer.strip().lower() for value, _words in self.options)


def routable_questions(page):
    """The choice questions of a journey page (any page type), each with its options: what a
    routing rule on that page may look at."""
    found = []
    for step in page.journey().steps:
        for question, name in step.answerable:
            if question_type(question) in ROUTABLE_TYPES:
                found.append(
                    RoutableQuestion(name, question_label(question), tuple(_options(question)))
                )
    return found


def routing_keys(page, answers):
    """{question name: [option values]} for a resident's stored answers, for routing rules.

    Radios and yes/no answers are stored as option values already; checkboxes are stored as the
    options' words, in the resident's language, and are turned back into the values here.
    """
    by_name = {
        name: question for step in page.journey().steps for question, name in step.answerable
    }
    keys = {}
    for name, stored in answers.items():
        given = stored if isinstance(stored, list) else [stored]
        question = by_name.get(name)
        if question is not None and question_type(question) == "checkboxes":
            words = {str(words).lower(): value for value, words in _options(question)}
            given = [words.get(str(item).strip().lower(), item) for item in given]
        keys[name] = [str(item) for item in given if item is not None]
    return keys
