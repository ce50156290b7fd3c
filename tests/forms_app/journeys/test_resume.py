import time
from datetime import timedelta

from django.core import signing

import pytest

from forms_app.journeys import resume
from forms_app.journeys.resume import (
    RESUME_LINK_DAYS,
    ResumeLinkExpired,
    ResumeLinkInvalid,
    make_resume_token,
    read_resume_token,
)

DRAFT_ID = "6f1c2a9e-3b7d-4c55-9a2e-0d8f1b7c4e21"


def _token_made_ago(days):
    """A token as make_resume_token would have made it `days` ago."""

    class Backdated(signing.TimestampSigner):
        def timestamp(self):
            return signing.b62_encode(int(time.time() - timedelta(days=days).total_seconds()))

    return Backdated(salt=resume.SALT).sign(DRAFT_ID)


def test_links_last_a_week():
    assert RESUME_LINK_DAYS == 7


def test_token_round_trips():
    assert read_resume_token(make_resume_token(DRAFT_ID)) == DRAFT_ID


def test_token_is_url_safe():
    token = make_resume_token(DRAFT_ID)

    assert all(char.isalnum() or char in "-_:" for char in token)


def test_expired_token_is_reported_as_expired():
    token = make_resume_token(DRAFT_ID)

    with pytest.raises(ResumeLinkExpired):
        read_resume_token(token, max_age=timedelta(seconds=-1))


def test_token_older_than_a_week_has_expired():
    with pytest.raises(ResumeLinkExpired):
        read_resume_token(_token_made_ago(days=RESUME_LINK_DAYS + 1))
    with pytest.raises(ResumeLinkExpired):
        read_resume_token(_token_made_ago(days=RESUME_LINK_DAYS + 0.01))


def test_token_within_the_week_still_works():
    assert read_resume_token(_token_made_ago(days=RESUME_LINK_DAYS - 1)) == DRAFT_ID


def test_changing_one_character_makes_the_token_invalid():
    token = make_resume_token(DRAFT_ID)
    for position in (0, len(token) // 2, len(token) - 1):
        replacement = "A" if token[position] != "A" else "B"
        tampered = token[:position] + replacement + token[position + 1 :]
        with pytest.raises(ResumeLinkInvalid):
            read_resume_token(tampered)


def test_pointing_a_token_at_another_draft_makes_it_invalid():
    token = make_resume_token(DRAFT_ID)
    other = token.replace(DRAFT_ID, "0" * len(DRAFT_ID), 1)

    with pytest.raises(ResumeLinkInvalid):
        read_resume_token(other)


def test_a_value_signed_for_another_purpose_is_invalid():
    elsewhere = signing.TimestampSigner(salt="townhall.something-else").sign(DRAFT_ID)

    with pytest.raises(ResumeLinkInvalid):
        read_resume_token(elsewhere)


@pytest.mark.parametrize("garbled", ["", "not-a-token", "a:b:c", None, 42])
def test_garbled_tokens_are_invalid(garbled):
    with pytest.raises(ResumeLinkInvalid):
        read_resume_token(garbled)


def test_a_token_made_with_another_secret_key_is_invalid(settings):
    token = make_resume_token(DRAFT_ID)
    settings.SECRET_KEY = "a-different-key"

    with pytest.raises(ResumeLinkInvalid):
        read_resume_token(token)
