"""Which page of a journey comes next: the branching rules, decided on the server.

A journey is a list of steps (question pages, content pages, exit pages). From the first step a
resident follows the order editors gave, except where a rule on a question page sends a
particular answer elsewhere; exit pages are reached only by a rule. Answers on steps a resident's
path no longer reaches are dropped, so changing an early answer leaves no stale answers behind.
"""

from dataclasses import dataclass, field

QUESTION = "question_page"
CONTENT = "content_page"
EXIT = "exit_page"


@dataclass
class Step:
    kind: str
    slug: str
    heading: str = ""
    questions: list = field(default_factory=list)  # every block on the page, content included
    answerable: list = field(default_factory=list)  # (question block, name) for each question
    branch_question: str | None = None  # the name of the question rules look at
    rules: dict = field(default_factory=dict)  # answer value -> slug of the step to go to
    body: object = None

    @property
    def is_exit(self):
        return self.kind == EXIT

    @property
    def question_names(self):
        return [name for _, name in self.answerable]


class Journey:
    def __init__(self, steps):
        self.steps = list(steps)
        self.by_slug = {step.slug: step for step in self.steps}

    def first(self):
        for step in self.steps:
            if not step.is_exit:
                return step
        return None

    def next_after(self, step, answers):
        """The step after `step` given the answers so far; None means 'check your answers'."""
        if step.branch_question:
            target = step.rules.get(_branch_value(answers.get(step.branch_question)))
            if target in self.by_slug:
                return self.by_slug[target]
        position = self.steps.index(step)
        for later in self.steps[position + 1 :]:
            if not later.is_exit:
                return later
        return None

    def path(self, answers):
        """The steps a resident with these answers passes through, in order.

        It stops at the first question page that still needs answers (the resident has not got
        past it yet), at an exit page, or at the end. `complete` says whether it reached the end.
        """
        steps, step, seen = [], self.first(), set()
        while step is not None and step.slug not in seen:
            seen.add(step.slug)
            steps.append(step)
            if step.is_exit or (step.kind == QUESTION and not _answered(step, answers)):
                return steps, False
            step = self.next_after(step, answers)
        # A rule pointing back up the journey (editors are warned on publish) ends it rather than
        # sending the resident round in circles.
        return steps, True

    def reachable(self, answers):
        """Every step the resident's answers can still lead to, including pages after one they
        have not answered yet (their answers there are kept for when they get back to them)."""
        steps, step, seen = [], self.first(), set()
        while step is not None and step.slug not in seen and not step.is_exit:
            seen.add(step.slug)
            steps.append(step)
            step = self.next_after(step, answers)
        return steps

    def reached_answers(self, answers):
        """Only the answers to questions the resident's answers still lead to."""
        names = {name for step in self.reachable(answers) for name in step.question_names}
        return {name: value for name, value in answers.items() if name in names}

    def previous(self, step, answers):
        steps, _ = self.path(answers)
        slugs = [s.slug for s in steps]
        if step.slug in slugs and slugs.index(step.slug) > 0:
            return steps[slugs.index(step.slug) - 1]
        return None


def _answered(step, answers):
    return all(name in answers for name in step.question_names)


def _branch_value(answer):
    if isinstance(answer, bool):
        return "yes" if answer else "no"
    return str(answer).strip().lower() if answer is not None else None
