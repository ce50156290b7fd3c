"""The demo council's online forms, for `manage.py seed_demo`: each sits under its service page,
whose "Start now" button it becomes. Found by slug first, so a re-run adds nothing."""

from wagtail.models import Page

from services.models import ServicePage

from .models import JourneyPage


def _q(kind, label, name, **value):
    return {"type": kind, "value": {"label": label, "name": name, **value}}


def _options(*pairs):
    return [{"label": label, "value": value, "hint": ""} for label, value in pairs]


def _page(slug, questions, heading="", rules=()):
    return {
        "type": "question_page",
        "value": {
            "slug": slug,
            "heading": heading,
            "questions": questions,
            "rules": [{"answer": answer, "go_to": go_to} for answer, go_to in rules],
        },
    }


def _exit(slug, heading, body):
    return {"type": "exit_page", "value": {"slug": slug, "heading": heading, "body": body}}


def _contact_page():
    return _page(
        "contact-details",
        [
            _q("text", "Full name", "full_name", holds_name=True),
            _q("email", "Email address", "email", hint="We will send your reference number here."),
            _q("phone", "Phone number", "phone", required=False),
        ],
        heading="Your contact details",
    )


MISSED_BIN = [
    _page(
        "bin-type",
        [
            _q(
                "radios",
                "Which bin was missed?",
                "bin",
                choices=_options(
                    ("General waste (black bin)", "general"),
                    ("Recycling (blue box and bag)", "recycling"),
                    ("Food waste (grey caddy)", "food"),
                    ("Garden waste (brown bin)", "garden"),
                ),
            )
        ],
        rules=[
            ("general", "collection-day"),
            ("recycling", "collection-day"),
            ("food", "collection-day"),
        ],
    ),
    _page(
        "garden-subscription",
        [_q("yes_no", "Do you pay for garden waste collections?", "garden_subscription")],
        rules=[("no", "no-subscription")],
    ),
    _page(
        "collection-day",
        [
            _q(
                "yes_no",
                "Was your bin due to be collected today?",
                "due_today",
                hint="We collect bins until 6pm.",
            )
        ],
        rules=[("yes", "too-early")],
    ),
    _page("address", [_q("address", "Where was the bin missed?", "address")]),
    _contact_page(),
    _exit(
        "too-early",
        "Wait until the end of your collection day",
        "<p>We collect bins until 6pm. If your bin has not been emptied by then, "
        "report it from tomorrow morning.</p>",
    ),
    _exit(
        "no-subscription",
        "You need a garden waste subscription",
        "<p>We only collect garden waste for residents who pay for it. You can subscribe at "
        "any time.</p>",
    ),
]

FLY_TIPPING = [
    _page(
        "location",
        [
            _q(
                "long_text",
                "Where is the fly-tipping?",
                "location",
                hint="For example, ‘in the lay-by on Heol Ddu, opposite the school gates’.",
            ),
            _q("postcode", "Nearest postcode", "postcode", required=False),
        ],
        heading="Where is it?",
    ),
    _page(
        "what",
        [
            _q(
                "checkboxes",
                "What has been dumped?",
                "waste_types",
                hint="Select all that apply.",
                choices=_options(
                    ("Household rubbish", "household"),
                    ("Furniture or mattresses", "furniture"),
                    ("Building rubble", "rubble"),
                    ("Tyres", "tyres"),
                    ("Asbestos or chemicals", "hazardous"),
                    ("Something else", "other"),
                ),
            )
        ],
    ),
    _page(
        "photo",
        [
            _q(
                "file_upload",
                "Upload a photo of the fly-tipping",
                "photo",
                required=False,
                hint="Optional. A photo helps our team find it and decide what to send.",
            )
        ],
    ),
    _page(
        "contact-details",
        [_q("email", "Email address", "email", required=False, hint="Optional. For updates.")],
    ),
]

NEW_BIN = [
    _page(
        "which-bin",
        [
            _q(
                "radios",
                "Which bin do you need?",
                "bin",
                choices=_options(
                    ("General waste (black bin)", "general"),
                    ("Recycling box", "recycling"),
                    ("Food waste caddy", "food"),
                ),
            )
        ],
    ),
    _page(
        "reason",
        [
            _q(
                "radios",
                "Why do you need it?",
                "reason",
                choices=_options(
                    ("It was lost or stolen", "lost"),
                    ("It is damaged", "damaged"),
                    ("I have moved into a new home", "new_home"),
                ),
            )
        ],
    ),
    _page("address", [_q("address", "Where should we deliver it?", "address")]),
    _contact_page(),
]

CONTACT = [
    _page(
        "topic",
        [
            _q(
                "radios",
                "What is your message about?",
                "topic",
                choices=_options(
                    ("Bins and recycling", "waste"),
                    ("Council Tax", "council_tax"),
                    ("Housing", "housing"),
                    ("Something else", "other"),
                ),
            )
        ],
    ),
    _page("message", [_q("long_text", "Your message", "message")]),
    _contact_page(),
]

JOURNEYS = [
    ("report-a-missed-bin-collection", "Report a missed bin collection", MISSED_BIN, "Report sent"),
    ("report-fly-tipping", "Report fly-tipping", FLY_TIPPING, "Report sent"),
    (
        "request-a-new-or-replacement-bin",
        "Request a new or replacement bin",
        NEW_BIN,
        "Request sent",
    ),
    ("contact-us", "Contact the council", CONTACT, "Message sent"),
]

# The confirmation page itself says whether an email or text was sent (a resident helped at
# reception may have given neither), so what editors write here never promises one.
WHAT_HAPPENS_NEXT = (
    "<p>Our team will look at your report within 2 working days. You can check its progress "
    "with your reference number.</p>"
)


def seed_journeys(stdout):
    created = 0
    for service_slug, title, steps, confirmation in JOURNEYS:
        service = ServicePage.objects.filter(slug=service_slug).first()
        if service is None:
            continue
        journey = JourneyPage.objects.child_of(service).first()
        if journey is None:
            journey = JourneyPage(
                title=title,
                slug="form",
                steps=steps,
                confirmation_heading=confirmation,
                what_happens_next=WHAT_HAPPENS_NEXT,
            )
            service.add_child(instance=journey)
            journey.save_revision().publish()
            created += 1
        if not service.start_page_id and not service.start_url:
            service.start_page = Page.objects.get(pk=journey.pk)
            service.save_revision().publish()
    if created:
        stdout.write(f"Created {created} online forms.")
