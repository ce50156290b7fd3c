"""Branching decided on the server: next pages, exits, and answers dropped when a path changes."""

from forms_app.journeys.engine import CONTENT, EXIT, QUESTION, Journey, Step


def _journey():
    return Journey(
        [
            Step(
                QUESTION,
                "bin-type",
                answerable=[(None, "bin")],
                branch_question="bin",
                rules={"garden": "garden-waste"},
            ),
            Step(
                QUESTION,
                "when",
                answerable=[(None, "collected_today")],
                branch_question="collected_today",
                rules={"yes": "too-early"},
            ),
            Step(CONTENT, "before-you-continue"),
            Step(QUESTION, "address", answerable=[(None, "address"), (None, "notes")]),
            Step(EXIT, "too-early"),
            Step(QUESTION, "garden-waste", answerable=[(None, "subscription")]),
        ]
    )


def _slugs(steps):
    return [step.slug for step in steps]


def test_follows_editor_order_and_skips_exit_pages():
    journey = _journey()
    answers = {"bin": "black", "collected_today": False, "address": "1 High St", "notes": ""}
    steps, complete = journey.path(answers)
    assert _slugs(steps) == ["bin-type", "when", "before-you-continue", "address", "garden-waste"]
    assert not complete  # garden-waste follows address in the editor's order


def test_a_rule_sends_an_answer_to_an_exit_page():
    steps, complete = _journey().path({"bin": "black", "collected_today": True})
    assert _slugs(steps)[-1] == "too-early"
    assert not complete


def test_path_stops_at_the_first_unanswered_question_page():
    steps, complete = _journey().path({"bin": "black"})
    assert _slugs(steps) == ["bin-type", "when"]
    assert not complete


def test_branch_to_a_later_page_completes_the_journey():
    steps, complete = _journey().path({"bin": "Garden", "subscription": "yes"})
    assert _slugs(steps) == ["bin-type", "garden-waste"]
    assert complete


def test_answers_on_pages_no_longer_reached_are_dropped():
    journey = _journey()
    answers = {
        "bin": "garden",
        "collected_today": False,
        "address": "1 High St",
        "notes": "",
        "subscription": "yes",
    }
    assert journey.reached_answers(answers) == {"bin": "garden", "subscription": "yes"}


def test_answers_after_a_newly_opened_question_are_kept():
    journey = _journey()
    answers = {"bin": "black", "collected_today": False, "address": "1 High St", "notes": ""}
    # Changing to a bin type whose rule opens a page further on keeps what lies between only if
    # the answers still lead there; here the garden rule skips everything, so it all goes.
    assert journey.reached_answers({**answers, "bin": "garden"}) == {"bin": "garden"}
    # A page added in the middle (not yet answered) does not throw away answers after it.
    journey.steps.insert(1, Step(QUESTION, "new-page", answerable=[(None, "new")]))
    journey.by_slug["new-page"] = journey.steps[1]
    assert journey.reached_answers(answers) == answers


def test_previous_page_follows_the_path_taken():
    journey = _journey()
    answers = {"bin": "garden"}
    garden = journey.by_slug["garden-waste"]
    assert journey.previous(garden, answers).slug == "bin-type"
    assert journey.previous(journey.first(), answers) is None


def test_a_rule_loop_cannot_trap_the_resident():
    journey = Journey(
        [
            Step(QUESTION, "a", answerable=[(None, "x")], branch_question="x", rules={"1": "b"}),
            Step(QUESTION, "b", answerable=[(None, "y")], branch_question="y", rules={"1": "a"}),
        ]
    )
    steps, complete = journey.path({"x": "1", "y": "1"})
    assert _slugs(steps) == ["a", "b"]
    assert complete
