"""An editor translates an online form into Welsh with wagtail-localize, through the real admin
views: translators are offered the words residents read and the page names in the form's addresses,
never the question names or option values that answers, branching and casework routing depend on;
rules follow the translated page names. A resident then completes the Welsh form in Welsh, at Welsh
addresses, and their case goes where an English one would."""

import html
import json
import re
from urllib.parse import urlencode

from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from wagtail.models import GroupPagePermission, Locale, Page
from wagtail_localize.models import StringSegment, TranslationSource
from wagtail_localize.segments import StringSegmentValue

import pytest
from bs4 import BeautifulSoup

from forms_app.cases.models import Case, Queue, RoutingRule
from forms_app.journeys.blocks import JourneyStepsBlock
from forms_app.journeys.models import JourneyPage, Submission
from forms_app.journeys.rules import answer_choices
from tests.factories import UserFactory
from tests.factories.journeys import JourneyPageFactory
from tests.factories.users import sign_in_verified

pytestmark = pytest.mark.django_db

# Every piece of text the missed-bin form offers translators, with the Welsh typed for it.
WELSH = {
    "Report a missed bin collection": "Rhoi gwybod am fin heb ei gasglu",
    "form": "ffurflen",
    # Page names: the addresses of the form's pages. Typed as words, they become addresses.
    "bin-type": "Math o fin",
    "garden-subscription": "tanysgrifiad-gwastraff-gardd",
    "collection-day": "diwrnod-casglu",
    "address": "cyfeiriad",
    "contact-details": "manylion-cyswllt",
    "too-early": "rhy-gynnar",
    "no-subscription": "dim-tanysgrifiad",
    "Which bin was missed?": "Pa fin na chafodd ei gasglu?",
    "General waste (black bin)": "Gwastraff cyffredinol (bin du)",
    "Recycling (blue box and bag)": "Ailgylchu (blwch glas a bag glas)",
    "Food waste (grey caddy)": "Gwastraff bwyd (cadi llwyd)",
    "Garden waste (brown bin)": "Gwastraff gardd (bin brown)",
    "Do you pay for garden waste collections?": "Ydych chi’n talu am gasgliadau gwastraff gardd?",
    "Was your bin due to be collected today?": "Oedd disgwyl i’ch bin gael ei gasglu heddiw?",
    "We collect bins until 6pm.": "Rydym yn casglu biniau tan 6pm.",
    "Where was the bin missed?": "Ble na chafodd y bin ei gasglu?",
    "Your contact details": "Eich manylion cyswllt",
    "Full name": "Enw llawn",
    "Email address": "Cyfeiriad e-bost",
    "We will send your reference number here.": "Byddwn yn anfon eich cyfeirnod i’r cyfeiriad hwn.",
    "Phone number": "Rhif ffôn",
    "Wait until the end of your collection day": "Arhoswch tan ddiwedd eich diwrnod casglu",
    "We collect bins until 6pm. If your bin has not been emptied by then, report it from "
    "tomorrow morning.": "Rydym yn casglu biniau tan 6pm. Os nad yw eich bin wedi cael ei wagio "
    "erbyn hynny, rhowch wybod i ni o fore yfory ymlaen.",
    "You need a garden waste subscription": "Mae angen tanysgrifiad gwastraff gardd arnoch",
    "We only collect garden waste for residents who pay for it. You can subscribe at any time.": (
        "Dim ond gan breswylwyr sy’n talu am y gwasanaeth rydym yn casglu gwastraff gardd. "
        "Gallwch danysgrifio ar unrhyw adeg."
    ),
    "Report sent": "Adroddiad wedi’i anfon",
    "Our team will look at your report within 2 working days. You can check its progress with "
    "your reference number.": (
        "Bydd ein tîm yn edrych ar eich adroddiad o fewn 2 ddiwrnod gwaith."
    ),
}
# The keys of demo.MISSED_BIN: question names and option values; and its page names.
QUESTION_NAMES = {
    "bin",
    "garden_subscription",
    "due_today",
    "address",
    "full_name",
    "email",
    "phone",
}
OPTION_VALUES = {"general", "recycling", "food", "garden"}
PAGE_NAMES = {
    "bin-type",
    "garden-subscription",
    "collection-day",
    "address",
    "contact-details",
    "too-early",
    "no-subscription",
}


@pytest.fixture
def welsh(db):
    return Locale.objects.get_or_create(language_code="cy")[0]


@pytest.fixture
def translator(db):
    """An editor who may start translations and edit and publish pages: not a superuser."""
    group = Group.objects.create(name="Translators")
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"),
        Permission.objects.get(
            content_type__app_label="wagtail_localize", codename="submit_translation"
        ),
    )
    for codename in ("add_page", "change_page", "publish_page"):
        GroupPagePermission.objects.create(
            group=group,
            page=Page.get_first_root_node(),
            permission=Permission.objects.get(
                content_type__app_label="wagtailcore", codename=codename
            ),
        )
    user = UserFactory(username="translator")
    user.groups.add(group)
    return user


@pytest.fixture
def translator_client(client, translator):
    sign_in_verified(client, translator)
    return client


@pytest.fixture
def food_queue(db):
    return Queue.objects.create(name="Food waste", sla_working_days=3)


@pytest.fixture
def routed_missed_bin(missed_bin, food_queue):
    """demo.MISSED_BIN, with reports of missed food caddies routed to the food waste team."""
    RoutingRule.objects.create(
        journey=missed_bin, question_name="bin", answer="food", queue=food_queue
    )
    return missed_bin


# The editor's side ------------------------------------------------------------------------------


def submit_for_translation(client, page, locale, capture):
    """'Translate this page' in the admin, choosing Welsh; returns the new Welsh draft."""
    url = reverse("wagtail_localize:submit_page_translation", args=[page.pk])
    assert client.get(url).status_code == 200
    with capture(execute=True):
        response = client.post(url, {"locales": [locale.pk]})
    translated = page.get_translation(locale).specific
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[translated.pk])
    return translated


def offered_strings(page):
    """The text wagtail-localize stored for translators when the page was submitted."""
    source = TranslationSource.objects.get(object_id=page.translation_key, locale=page.locale)
    return {
        html.unescape(segment.string.data)
        for segment in StringSegment.objects.filter(source=source).select_related("string")
    }


def translation_editor_segments(client, page):
    """What the translation editor (a React app) is given to show:
    {English text: the address it saves the Welsh to}."""
    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code == 200
    found = re.search(r'class="js-translation-editor" data-props="([^"]*)"', response.text)
    assert found, "the translation editor is not on the page"
    props = json.loads(html.unescape(found.group(1)))
    return {
        html.unescape(segment["source"]): segment["editUrl"]
        for segment in props["segments"]
        if segment["type"] == "string"
    }


def translate_and_publish(client, page, welsh_for, capture):
    """Type the Welsh for every piece of text, as the translation editor saves it, then publish."""
    for english, edit_url in translation_editor_segments(client, page).items():
        response = client.put(
            edit_url,
            urlencode({"value": welsh_for[english]}),
            content_type="application/x-www-form-urlencoded",
        )
        assert response.status_code == 201, english
    with capture(execute=True):
        response = client.post(
            reverse("wagtailadmin_pages:edit", args=[page.pk]), {"action": "publish"}
        )
    assert response.status_code == 302
    published = JourneyPage.objects.get(pk=page.pk)
    assert published.live
    return published


# The resident's side ----------------------------------------------------------------------------


def _soup(response):
    return BeautifulSoup(response.content.decode(), "html.parser")


def _h1(response):
    assert response.status_code == 200, response.status_code
    return " ".join(_soup(response).find("main").find("h1").get_text(" ").split())


def _choices(response):
    return {
        " ".join(label.get_text(" ").split())
        for label in _soup(response).select("main label.govuk-radios__label")
    }


def _answer(client, page, slug, data):
    response = client.post(f"{page.url}{slug}/", data)
    assert response.status_code == 302, _soup(response).find("main").get_text(" ")
    return response["Location"]


def _send(client, page):
    check = client.get(f"{page.url}check-your-answers/")
    assert check.status_code == 200
    token = _soup(check).find("input", attrs={"name": "token"})["value"]
    sent = client.post(f"{page.url}check-your-answers/", {"token": token, "website": ""})
    assert sent["Location"] == f"{page.url}confirmation/"
    return check, client.get(sent["Location"])


# Tests ------------------------------------------------------------------------------------------


def test_only_words_residents_read_are_offered_for_translation(
    translator_client, missed_bin, welsh, django_capture_on_commit_callbacks
):
    welsh_form = submit_for_translation(
        translator_client, missed_bin, welsh, django_capture_on_commit_callbacks
    )

    offered = offered_strings(missed_bin)
    assert offered == set(WELSH)
    assert "Which bin was missed?" in offered
    assert "Garden waste (brown bin)" in offered
    # The question "address" is on the page "address": only the page name is offered.
    assert offered.isdisjoint((QUESTION_NAMES | OPTION_VALUES) - PAGE_NAMES)
    assert offered >= PAGE_NAMES
    # The translation editor shows the editor the same text.
    assert set(translation_editor_segments(translator_client, welsh_form)) == set(WELSH)


def test_a_resident_completes_the_welsh_form_and_the_case_goes_to_the_same_team(
    translator_client, routed_missed_bin, welsh, food_queue, django_capture_on_commit_callbacks
):
    welsh_form = submit_for_translation(
        translator_client, routed_missed_bin, welsh, django_capture_on_commit_callbacks
    )
    welsh_form = translate_and_publish(
        translator_client, welsh_form, WELSH, django_capture_on_commit_callbacks
    )
    # Names and values are the English form's; rules go to the Welsh names of the same pages.
    assert welsh_form.journey().steps[0].rules == {
        "general": "diwrnod-casglu",
        "recycling": "diwrnod-casglu",
        "food": "diwrnod-casglu",
    }
    assert [step.slug for step in welsh_form.journey().steps] == [
        "math-o-fin",
        "tanysgrifiad-gwastraff-gardd",
        "diwrnod-casglu",
        "cyfeiriad",
        "manylion-cyswllt",
        "rhy-gynnar",
        "dim-tanysgrifiad",
    ]
    assert [step.question_names for step in welsh_form.journey().steps] == [
        step.question_names for step in routed_missed_bin.journey().steps
    ]
    # Routing rules are found through the English form's: the Welsh form has none of its own.
    assert not RoutingRule.objects.filter(journey=welsh_form).exists()

    translator_client.logout()
    resident = translator_client
    assert welsh_form.url.startswith("/cy/")
    start = resident.get(welsh_form.url)
    assert start["Location"] == f"{welsh_form.url}math-o-fin/"
    first = resident.get(start["Location"])
    assert _h1(first) == "Pa fin na chafodd ei gasglu?"
    assert _choices(first) == {
        "Gwastraff cyffredinol (bin du)",
        "Ailgylchu (blwch glas a bag glas)",
        "Gwastraff bwyd (cadi llwyd)",
        "Gwastraff gardd (bin brown)",
    }

    # Branching: a food caddy skips the garden question; one due today ends at the exit page.
    assert _answer(resident, welsh_form, "math-o-fin", {"bin": "food"}) == (
        f"{welsh_form.url}diwrnod-casglu/"
    )
    exit_page = _answer(resident, welsh_form, "diwrnod-casglu", {"due_today": "yes"})
    assert exit_page == f"{welsh_form.url}rhy-gynnar/"
    assert _h1(resident.get(exit_page)) == "Arhoswch tan ddiwedd eich diwrnod casglu"

    assert _answer(resident, welsh_form, "diwrnod-casglu", {"due_today": "no"}) == (
        f"{welsh_form.url}cyfeiriad/"
    )
    # The English addresses are not the Welsh form's.
    assert resident.get(f"{welsh_form.url}address/").status_code == 404
    address = {"address_0": "12 Heol Ddu", "address_2": "Glanrhyd", "address_3": "GR1 1AA"}
    _answer(resident, welsh_form, "cyfeiriad", address)
    _answer(
        resident,
        welsh_form,
        "manylion-cyswllt",
        {"full_name": "Siân Jones", "email": "sian@example.com", "phone": ""},
    )
    check, confirmation = _send(resident, welsh_form)
    questions = {
        key.get_text(strip=True) for key in _soup(check).select(".govuk-summary-list__key")
    }
    assert "Pa fin na chafodd ei gasglu?" in questions
    assert "Adroddiad wedi’i anfon" in _soup(confirmation).get_text()

    submission = Submission.objects.get()
    assert submission.journey_id == welsh_form.pk
    assert submission.language == "cy"
    bin_answer = submission.answers[0]
    assert (bin_answer["name"], bin_answer["value"]) == ("bin", "food")
    assert bin_answer["display"] == "Gwastraff bwyd (cadi llwyd)"
    case = Case.objects.get(submission=submission)
    assert case.queue == food_queue
    assert case.language == "cy"


# A form whose editor left the names and values blank: they are made from the English words.
UNNAMED = [
    {
        "type": "question_page",
        "value": {
            "slug": "bin-type",
            "heading": "",
            "questions": [
                {
                    "type": "radios",
                    "value": {
                        "label": "Which bin was missed?",
                        # Saved before optional words were blank by default: stored as null.
                        "hint": None,
                        "error_message": None,
                        "choices": [
                            {"label": "General waste", "value": "", "hint": ""},
                            {"label": "Garden waste", "value": None, "hint": None},
                        ],
                    },
                }
            ],
            "rules": [{"answer": "Garden waste", "go_to": "garden"}],
        },
    },
    {
        "type": "question_page",
        "value": {
            "slug": "street",
            "heading": "",
            "questions": [{"type": "text", "value": {"label": "Which street?"}}],
            "rules": [],
        },
    },
    {
        "type": "exit_page",
        "value": {
            "slug": "garden",
            "heading": "Report garden waste another way",
            "body": "<p>Phone us.</p>",
        },
    },
]
UNNAMED_WELSH = {
    "Missed bin": "Bin heb ei gasglu",
    "form": "ffurflen",
    "bin-type": "math-o-fin",
    "street": "stryd",
    "garden": "gardd",
    "Which bin was missed?": "Pa fin na chafodd ei gasglu?",
    "General waste": "Gwastraff cyffredinol",
    "Garden waste": "Gwastraff gardd",
    "Which street?": "Pa stryd?",
    "Report garden waste another way": "Rhowch wybod am wastraff gardd mewn ffordd arall",
    "Phone us.": "Ffoniwch ni.",
    "Report sent": "Adroddiad wedi’i anfon",
    "Our team will look at your report within 2 working days. You can check its progress with "
    "your reference number.": ("Bydd ein tîm yn edrych ar eich adroddiad."),
}


def test_names_and_values_made_from_english_words_stay_english_in_welsh(
    translator_client,
    service_page,
    default_queue,
    food_queue,
    welsh,
    django_capture_on_commit_callbacks,
):
    english = JourneyPageFactory(
        parent=service_page, title="Missed bin", slug="form", steps=UNNAMED, retention_days=30
    )
    RoutingRule.objects.create(
        journey=english,
        question_name="which_bin_was_missed",
        answer="General waste",
        queue=food_queue,
    )
    welsh_form = submit_for_translation(
        translator_client, english, welsh, django_capture_on_commit_callbacks
    )
    assert offered_strings(english) == set(UNNAMED_WELSH)
    welsh_form = translate_and_publish(
        translator_client, welsh_form, UNNAMED_WELSH, django_capture_on_commit_callbacks
    )

    # Settings are copied, not translated.
    assert welsh_form.retention_days == 30
    # The Welsh form writes down the names and values the English words made.
    [bin_question] = welsh_form.steps[0].value["questions"]
    assert bin_question.value["label"] == "Pa fin na chafodd ei gasglu?"
    assert bin_question.value["name"] == "which_bin_was_missed"
    assert [option["value"] for option in bin_question.value["choices"]] == [
        "General waste",
        "Garden waste",
    ]
    assert [step.question_names for step in welsh_form.journey().steps[:2]] == [
        ["which_bin_was_missed"],
        ["which_street"],
    ]
    # The English form still makes them from its words.
    english_question = JourneyPage.objects.get(pk=english.pk).steps[0].value["questions"][0]
    assert not english_question.value["name"]

    translator_client.logout()
    resident = translator_client
    first = resident.get(f"{welsh_form.url}math-o-fin/")
    assert _choices(first) == {"Gwastraff cyffredinol", "Gwastraff gardd"}
    # The rule written for "Garden waste" still sends Welsh residents to the exit page.
    garden = _answer(resident, welsh_form, "math-o-fin", {"which_bin_was_missed": "Garden waste"})
    assert garden == f"{welsh_form.url}gardd/"
    assert _h1(resident.get(garden)) == "Rhowch wybod am wastraff gardd mewn ffordd arall"

    general = {"which_bin_was_missed": "General waste"}
    assert _answer(resident, welsh_form, "math-o-fin", general) == f"{welsh_form.url}stryd/"
    _answer(resident, welsh_form, "stryd", {"which_street": "Heol Ddu"})
    _send(resident, welsh_form)
    case = Case.objects.get()
    assert case.queue == food_queue
    assert case.language == "cy"


def _translated_steps(parent, steps, page_names):
    """`steps` after wagtail-localize restores them with the page names translated as
    `page_names` says (every other text kept as it is)."""
    field = JourneyPage._meta.get_field("steps")
    page = JourneyPageFactory(parent=parent, title="Missed bin", slug="form", steps=steps)
    value = JourneyPage.objects.get(pk=page.pk).steps
    segments = []
    for segment in field.get_translatable_segments(value):
        block_id, inner = segment.unwrap()
        if inner.path == "slug":
            source = inner.render_text()
            segment = StringSegmentValue("slug", page_names.get(source, source)).wrap(block_id)
        segments.append(segment)
    restored = field.restore_translated_segments(value, segments)
    return [
        (block.value["slug"], [rule["go_to"] for rule in block.value.get("rules") or []])
        for block in restored
    ]


def test_translated_page_names_are_made_into_addresses_and_rules_follow_them(service_page):
    assert _translated_steps(
        service_page, UNNAMED, {"bin-type": "Math o fin", "garden": "Gardd_wastraff"}
    ) == [
        ("math-o-fin", ["gardd-wastraff"]),
        ("street", []),
        ("gardd-wastraff", []),
    ]


def test_a_blank_or_taken_page_name_leaves_the_page_its_own(service_page):
    # "street" is another page's name: two pages cannot share one, so "garden" stays "garden".
    assert _translated_steps(service_page, UNNAMED, {"bin-type": "  ", "garden": "street"}) == [
        ("bin-type", ["garden"]),
        ("street", []),
        ("garden", []),
    ]


def test_a_welsh_translations_rules_keep_matching_and_list_the_welsh_words(
    translator_client, service_page, default_queue, welsh, django_capture_on_commit_callbacks
):
    english = JourneyPageFactory(
        parent=service_page, title="Missed bin", slug="form", steps=UNNAMED
    )
    welsh_form = submit_for_translation(
        translator_client, english, welsh, django_capture_on_commit_callbacks
    )
    welsh_form = translate_and_publish(
        translator_client, welsh_form, UNNAMED_WELSH, django_capture_on_commit_callbacks
    )

    # The rule written for "Garden waste" passes the check on the Welsh form...
    JourneyStepsBlock().clean(welsh_form.steps)
    # ...whose lists show the Welsh words for the English values the rule is written against.
    assert answer_choices(welsh_form.steps) == [
        ("General waste", "Pa fin na chafodd ei gasglu? — Gwastraff cyffredinol"),
        ("Garden waste", "Pa fin na chafodd ei gasglu? — Gwastraff gardd"),
    ]


def test_the_translation_pages_run_only_scripts_the_admin_policy_allows(
    translator_client, missed_bin, welsh, django_capture_on_commit_callbacks
):
    """wagtail-localize's two fixed inline scripts are allowed by their hashes (townhall/csp.py)."""
    from tests.csp_check import assert_page_runs_within_its_policy

    url = reverse("wagtail_localize:submit_page_translation", args=[missed_bin.pk])
    assert_page_runs_within_its_policy(translator_client.get(url))
    welsh_form = submit_for_translation(
        translator_client, missed_bin, welsh, django_capture_on_commit_callbacks
    )
    editor = translator_client.get(reverse("wagtailadmin_pages:edit", args=[welsh_form.pk]))
    assert "js-translation-editor" in editor.content.decode()
    assert_page_runs_within_its_policy(editor)
