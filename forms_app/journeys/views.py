"""The resident's journey through a JourneyPage: one page at a time, check answers, submit once.

Progress lives in the session under the journey's id, with a token that makes the final submit
idempotent: a double click, a retry or a replayed request finds the same Submission again.
"""

import hashlib
import html
import json
import uuid
from urllib.parse import urlencode

from django import forms
from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.http import Http404, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import translation
from django.utils.cache import add_never_cache_headers
from django.utils.html import format_html, strip_tags
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from crispy_forms_gds.helper import FormHelper

from townhall import ratelimit, too_many
from townhall.public_urls import public_url

from . import questions as answer_types
from .answers import answers_on_path, sensitive_names
from .assisted import assisted_optional_fields, is_assisting
from .messages import email_resident
from .models import SavedProgress, Submission
from .progress import discard_file, done_key, hold_files, load_state, save_state, state_key
from .receipts import receipts_for
from .resume import ResumeLinkExpired, ResumeLinkInvalid, make_resume_token, read_resume_token
from .submit import SubmissionRefused, submit_journey
from .uploads import store_upload, stored_file

SUBMITS_PER_HOUR = 10
SAVES_PER_HOUR = 10
HONEYPOT = "website"
TOO_MANY_UPLOADS = gettext_lazy("You have uploaded too many files. Try again later or contact us")


def _state(request, page):
    state = load_state(request.session, page)
    if state is None or "changed" not in state:
        # A new journey, or one begun before journeys were stamped (see progress.py).
        state = state or {"token": str(uuid.uuid4()), "answers": {}}
        _save_state(request, page, state)
    return state


def _save_state(request, page, state):
    save_state(request.session, page, state)


def _step_url(page, step, change=False):
    return f"{page.journey_url}{step.slug}/" + ("?change=1" if change else "")


def _check_url(page):
    return f"{page.journey_url}check-your-answers/"


def _where_to_resume(page, journey, answers):
    steps, complete = journey.path(answers)
    if complete:
        return _check_url(page)
    return _step_url(page, steps[-1])


def _render(request, page, template, context, status=200):
    context = {"page": page, "self": page, **context}
    response = TemplateResponse(request, template, context, status=status)
    # Every step shows this resident's answers (in its fields, on check your answers, in the
    # confirmation): no shared cache or browser history may keep a copy for the next person.
    add_never_cache_headers(response)
    return response


def start(request, page):
    journey = page.journey()
    first = journey.first()
    if first is None:
        raise Http404
    return HttpResponseRedirect(_step_url(page, first))


def step(request, page, step_slug):
    journey = page.journey()
    current = journey.by_slug.get(step_slug)
    if current is None:
        raise Http404
    if request.method == "POST" and not _step_allowed(request):
        return too_many.refused(request, "journeys.step", 60 * 60)
    state = _state(request, page)
    answers = state["answers"]
    steps, complete = journey.path(answers)
    if current.slug not in [s.slug for s in steps]:
        # Not on this resident's path (yet): send them to where they are up to.
        return HttpResponseRedirect(_where_to_resume(page, journey, answers))

    changing = bool(request.GET.get("change"))
    previous = journey.previous(current, answers)
    if changing and complete:
        # Reached from a "Change" link: back is where the resident came from.
        back_url = _check_url(page)
    elif previous:
        back_url = _step_url(page, previous, change=changing)
    else:
        back_url = page.get_parent().url
    context = {"step": current, "back_url": back_url}
    if current.is_exit:
        return _render(request, page, "journeys/exit_page.html", context)
    if current.kind != "question_page":
        if request.method == "POST":
            return _go_on(request, page, journey, current, answers)
        return _render(request, page, "journeys/content_page.html", context)

    form = _question_form(current, answers, request)
    if request.method == "POST":
        if request.POST.get("save_and_return") and page.allow_save_and_return:
            _keep_valid_answers(form, current, answers)
            _save_state(request, page, state)
            return HttpResponseRedirect(f"{page.journey_url}save/")
        if form.is_valid() and _uploads_allowed(request, state, form, current):
            _store_answers(form, current, state)
            state["answers"] = journey.reached_answers(answers)
            for name in answers.keys() - state["answers"].keys():
                discard_file(state, answers[name])  # on a page no longer reached
            _save_state(request, page, state)
            return _go_on(request, page, journey, current, state["answers"])
    refusal = _pop_refusal(request, page, current)
    context.update(form=form, heading=_heading(current, form), refusal=refusal)
    return _render(request, page, "journeys/question_page.html", context)


def _refuse(request, page, refusal):
    """Keep the submit hook's message for the step it names, and send the resident there."""
    state = _state(request, page)
    state["refusal"] = {"step": refusal.step or "", "message": str(refusal.message)}
    _save_state(request, page, state)
    step = page.journey().by_slug.get(refusal.step or "")
    return HttpResponseRedirect(_step_url(page, step) if step else _check_url(page))


def _pop_refusal(request, page, step=None):
    """The message a refused submit left for this step (or for check your answers), once."""
    state = _state(request, page)
    refusal = state.get("refusal")
    if not refusal or refusal.get("step", "") != (step.slug if step else ""):
        return ""
    state.pop("refusal")
    _save_state(request, page, state)
    return refusal["message"]


def _heading(step, form):
    """The page's heading and title: its own, or the question it asks (as its label reads)."""
    if step.heading:
        return step.heading
    if step.answerable:
        name = step.answerable[0][1]
        # The field's label: the question, with "(optional)" if it may be skipped.
        label = form.fields[name].label if name in form.fields else ""
        return html.unescape(strip_tags(str(label)))
    return ""


def _step_allowed(request):
    """Each page of answers sent counts, generously (a long form, changed answers, going back);
    staff assisting at reception are exempt, as from every limit on the public."""
    return is_assisting(request) or ratelimit.hit(
        "journeys.step", request, settings.JOURNEY_STEP_POSTS_PER_HOUR, 60 * 60
    )


def _question_form(step, answers, request):
    initial = {
        name: answer_types.form_initial(question, answers[name])
        for question, name in step.answerable
        if name in answers
    }
    data = request.POST if request.method == "POST" else None
    files = request.FILES if request.method == "POST" else None
    form = answer_types.build_form(
        step.questions,
        data=data,
        files=files,
        initial=initial,
        single_question_heading=not step.heading,
    )
    # At reception, staff may not have the resident's contact details: they become optional.
    assisted_optional_fields(request, form)
    for name in step.question_names:
        uploaded = stored_file(answers.get(name))
        if uploaded is not None and name in form.fields:
            # A file is already uploaded: a new one replaces it, but none is needed.
            form.fields[name].required = False
            form.fields[name].help_text = format_html(
                _("You have uploaded {name}. Choose a different file only to replace it."),
                name=uploaded.original_name,
            )
    return form


def _uploads_allowed(request, state, form, step):
    """Count the files chosen on this page, about to be stored; once this form in this session, or
    this address in the hour, has stored its share, refuse them with a message on each field."""
    chosen = [
        name
        for _question, name in step.answerable
        if isinstance(form.cleaned_data.get(name), UploadedFile)
    ]
    if not chosen:
        return True
    stored = state.get("uploads", 0)
    # The session's count is checked first: a refusal there spends nothing of the address's. Staff
    # assisting at reception upload for resident after resident: the address's limit is for the
    # public (as the limit on forms sent is).
    allowed = stored + len(chosen) <= settings.UPLOADS_PER_FORM and (
        is_assisting(request)
        or all(
            ratelimit.hit(
                "journeys.upload", request, settings.UPLOADS_PER_ADDRESS_PER_HOUR, 60 * 60
            )
            for _name in chosen
        )
    )
    if not allowed:
        for name in chosen:
            form.add_error(name, TOO_MANY_UPLOADS)
        return False
    state["uploads"] = stored + len(chosen)
    return True


def _store_answers(form, step, state):
    answers = state["answers"]
    for question, name in step.answerable:
        cleaned = form.cleaned_data.get(name)
        if isinstance(cleaned, UploadedFile):
            discard_file(state, answers.get(name))  # a new file replaces the old one
            answers[name] = store_upload(cleaned)
        elif answer_types.is_file_question(question) and stored_file(answers.get(name)):
            continue  # nothing new chosen: keep the file already uploaded
        else:
            answers[name] = answer_types.answer_for_storage(question, cleaned)


def _keep_valid_answers(form, step, answers):
    """'Save and come back later' keeps what is valid on this page so far, and any file already
    uploaded (a file chosen just now is not kept: the resident will choose it again)."""
    form.is_valid()
    for question, name in step.answerable:
        if name not in form.cleaned_data or answer_types.is_file_question(question):
            continue
        answers[name] = answer_types.answer_for_storage(question, form.cleaned_data[name])


def _go_on(request, page, journey, current, answers):
    following = journey.next_after(current, answers)
    _, complete = journey.path(answers)
    changing = bool(request.GET.get("change"))
    if following is None or (changing and complete):
        return HttpResponseRedirect(_check_url(page))
    # A change that opens new questions keeps the resident on their way back to check answers.
    return HttpResponseRedirect(_step_url(page, following, change=changing))


def _summary(page, journey, answers):
    """The check your answers rows: each answer the resident gave, with its Change link."""
    return [
        {"answer": answer, "change_url": _step_url(page, step, change=True)}
        for step, answer in answers_on_path(journey, answers)
    ]


def answers_version(answers):
    """A fingerprint of the answers check your answers shows: sent back with "Send form", so what
    is sent is exactly what the resident saw (another tab may have changed them since)."""
    text = json.dumps(answers, sort_keys=True, default=str)
    return hashlib.sha256(text.encode()).hexdigest()


class SubmitForm(forms.Form):
    token = forms.UUIDField(widget=forms.HiddenInput)
    answers = forms.CharField(required=False, widget=forms.HiddenInput)
    # Hidden from people and assistive technology; bots that fill every field give themselves away.
    website = forms.CharField(required=False)


def check_answers(request, page):
    journey = page.journey()
    state = _state(request, page)
    answers = state["answers"]
    if request.method == "POST":
        return _submit(request, page, journey, state)
    steps, complete = journey.path(answers)
    if not complete:
        return HttpResponseRedirect(_where_to_resume(page, journey, answers))
    changed = state.pop("answers_changed", False)
    if changed:
        _save_state(request, page, state)
    context = {
        "rows": _summary(page, journey, answers),
        "token": state["token"],
        "answers_version": answers_version(journey.reached_answers(answers)),
        "answers_changed": changed,
        "refusal": _pop_refusal(request, page),
        "back_url": _step_url(page, steps[-1]),
    }
    return _render(request, page, "journeys/check_answers.html", context)


def _submit(request, page, journey, state):
    form = SubmitForm(request.POST)
    if not form.is_valid():
        return HttpResponseRedirect(_check_url(page))
    token = form.cleaned_data["token"]
    if page.preview_key:
        return _end_preview(request, page, journey, state, token)
    existing = Submission.objects.filter(token=token).first()
    if existing:
        return _confirmed(request, page, existing)
    if str(token) != state["token"]:
        return HttpResponseRedirect(_check_url(page))
    if form.cleaned_data[HONEYPOT]:
        return _render(request, page, "journeys/not_sent.html", {}, status=400)
    shown = form.cleaned_data["answers"]
    # A check your answers page served before pages carried the fingerprint sends none.
    if "answers" in request.POST and shown != answers_version(
        journey.reached_answers(state["answers"])
    ):
        # The answers changed (in another tab) after this check your answers page was shown:
        # show them again rather than send what the resident has not seen.
        state["answers_changed"] = True
        _save_state(request, page, state)
        return HttpResponseRedirect(_check_url(page))
    # Reception staff send form after form for residents at the desk (and a library's public
    # computers share one address): the limit is for the public, not for staff assisting.
    assisting = is_assisting(request)
    if not assisting and not ratelimit.hit("journey-submit", request, SUBMITS_PER_HOUR, 60 * 60):
        response = _render(request, page, "journeys/rate_limited.html", {}, status=429)
        return too_many.refused(request, "journey-submit", 60 * 60, response=response)
    answers = journey.reached_answers(state["answers"])
    _, complete = journey.path(answers)
    if not complete:
        return HttpResponseRedirect(_where_to_resume(page, journey, answers))
    try:
        submission = submit_journey(request, page, answers, token)
    except SubmissionRefused as refusal:
        return _refuse(request, page, refusal)
    return _confirmed(request, page, submission)


def _end_preview(request, page, journey, state, token):
    """The send button of a draft walked in preview: nothing is stored, sent or handed over."""
    if str(token) != state["token"]:
        return HttpResponseRedirect(_check_url(page))
    answers = journey.reached_answers(state["answers"])
    _, complete = journey.path(answers)
    if not complete:
        return HttpResponseRedirect(_where_to_resume(page, journey, answers))
    return HttpResponseRedirect(f"{page.journey_url}confirmation/")


def _confirmed(request, page, submission):
    request.session.pop(state_key(page), None)
    request.session[done_key(page)] = submission.reference
    return HttpResponseRedirect(f"{page.journey_url}confirmation/")


def confirmation(request, page):
    if page.preview_key:
        # The answers stay, so the editor can go back and try another path.
        return _render(request, page, "journeys/preview_sent.html", {})
    reference = request.session.get(done_key(page))
    submission = Submission.objects.filter(reference=reference, journey=page).first()
    if submission is None:
        return HttpResponseRedirect(page.journey_url)
    context = {
        "submission": submission,
        # The slip a resident takes home: what was sent to them, and the whole address to check
        # progress at, which a printed link's path alone would not give.
        "receipts": receipts_for(submission),
        "progress_url": public_url(reverse("check_progress:check_progress")),
        "assisting": is_assisting(request),
    }
    return _render(request, page, "journeys/confirmation.html", context)


class SaveProgressForm(forms.Form):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True

    email = forms.EmailField(
        label=gettext_lazy("Email address"),
        help_text=gettext_lazy(
            "We will send you a link to come back to your answers. It works for 7 days."
        ),
        error_messages={
            "required": gettext_lazy("Enter your email address"),
            "invalid": gettext_lazy(
                "Enter an email address in the correct format, like name@example.com"
            ),
        },
    )


def save_progress(request, page):
    state = _state(request, page)
    form = SaveProgressForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        # Each email goes to an address anyone can type: as many an hour as forms can be sent.
        if not ratelimit.hit("journey-save", request, SAVES_PER_HOUR, 60 * 60):
            context = {"saving": True}
            response = _render(request, page, "journeys/rate_limited.html", context, status=429)
            return too_many.refused(request, "journey-save", 60 * 60, response=response)
        with transaction.atomic():
            _save_and_email(request, page, state, form.cleaned_data["email"])
        context = {"email": form.cleaned_data["email"]}
        return _render(request, page, "journeys/saved.html", context)
    return _render(request, page, "journeys/save.html", {"form": form})


def _save_and_email(request, page, state, email):
    """Keep the answers and queue the link to them, together: the email goes through the
    notifications outbox once this commits (retried if the mail server is down)."""
    # Sensitive answers (bank details) never leave the session: the resident gives them again.
    hidden = sensitive_names(page.journey())
    kept = {name: value for name, value in state["answers"].items() if name not in hidden}
    saved = SavedProgress.objects.create(journey=page, answers=kept)
    # The saved form needs its files for as long as its link works, whatever this session does.
    hold_files(state, kept)
    _save_state(request, page, state)
    query = urlencode({"token": make_resume_token(str(saved.pk))})
    link = public_url(f"{page.url}resume/?{query}")
    email_resident(
        email,
        _("Your saved form: %(title)s") % {"title": page.title},
        _(
            "You saved your answers to ‘%(title)s’.\n\nTo carry on, open this link within 7 "
            "days:\n%(link)s\n\nIf you did not ask for this email, you can ignore it."
        )
        % {"title": page.title, "link": link},
        translation.get_language(),
    )


def resume(request, page, token):
    try:
        saved = SavedProgress.objects.filter(pk=read_resume_token(token), journey=page).first()
    except ResumeLinkExpired:
        return _render(request, page, "journeys/resume_error.html", {"expired": True}, status=410)
    except ResumeLinkInvalid:
        saved = None
    if saved is None:
        return _render(request, page, "journeys/resume_error.html", {"expired": False}, status=404)
    state = {"token": str(uuid.uuid4()), "answers": saved.answers}
    hold_files(state, saved.answers)
    _save_state(request, page, state)
    return HttpResponseRedirect(_where_to_resume(page, page.journey(), saved.answers))
