"""The demo council's Direct Debit sign-ups, for `seed_demo`: council tax and garden waste pages
(in English and Welsh), routed to Revenues, and a few instructions in every status.

Bank details are the modulus-checking specification's published test numbers, never real ones.
"""

import datetime

from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.text import slugify

from wagtail.models import Locale, Page

from forms_app.cases.enums import Channel, UpdateKind
from forms_app.cases.models import Case, Queue, RoutingRule
from forms_app.cases.working_days import add_working_days
from forms_app.journeys.references import ALPHABET
from services.models import ServiceIndexPage, ServicePage

from .enums import InstructionStatus, ReferenceFormat
from .models import DirectDebitPage, Instruction

REVENUES = "Revenues"
WELSH = "cy"

COUNCIL_TAX = {
    "title": "Pay your council tax by Direct Debit",
    "slug": "direct-debit",
    "intro": "<p>Pay your council tax automatically in 10 or 12 monthly instalments.</p>",
    "reference_label": "Council tax account number",
    "reference_hint": "It is the 8-digit number at the top of your council tax bill.",
    "reference_format": ReferenceFormat.DIGITS,
    "reference_digits": 8,
    "reference_example": "12345678",
    "payment_days": "1, 15, 28",
    "service_user_name": "GLANRHYD COUNCIL",
    "service_user_number": "987654",
    "confirmation_heading": "Direct Debit set up",
    "what_happens_next": (
        "<p>We will write to you with the amounts and dates of your payments at least 10 working "
        "days before the first one.</p>"
    ),
}
GARDEN_WASTE = {
    "title": "Pay for garden waste by Direct Debit",
    "slug": "direct-debit",
    "intro": "<p>Pay for your garden waste subscription once a year, automatically.</p>",
    "reference_label": "Garden waste subscription number",
    "reference_hint": "It starts with GW and is on your subscription letter.",
    "reference_format": ReferenceFormat.PATTERN,
    "reference_pattern": "GW[0-9]{6}",
    "reference_example": "GW123456",
    "payment_days": "",
    "service_user_name": "GLANRHYD GARDEN",
    "service_user_number": "987655",
    "confirmation_heading": "Direct Debit set up",
    "what_happens_next": (
        "<p>We will tell you the amount and date of your yearly payment at least 10 working days "
        "before we take it.</p>"
    ),
}
GARDEN_SERVICE = (
    "Bins and recycling",
    "Garden waste collections",
    "Subscribe to have your brown bin collected every fortnight from March to November.",
)

WELSH_PAGES = {
    COUNCIL_TAX["title"]: {
        "title": "Talu eich treth gyngor drwy Ddebyd Uniongyrchol",
        "slug": "debyd-uniongyrchol",
        "intro": "<p>Talwch eich treth gyngor yn awtomatig mewn 10 neu 12 rhandaliad misol.</p>",
        "reference_label": "Rhif cyfrif y dreth gyngor",
        "reference_hint": "Dyma’r rhif 8 digid ar frig eich bil treth gyngor.",
        "confirmation_heading": "Debyd Uniongyrchol wedi’i sefydlu",
        "what_happens_next": (
            "<p>Byddwn yn ysgrifennu atoch gyda symiau a dyddiadau eich taliadau o leiaf 10 "
            "diwrnod gwaith cyn y cyntaf.</p>"
        ),
    },
    GARDEN_WASTE["title"]: {
        "title": "Talu am wastraff gardd drwy Ddebyd Uniongyrchol",
        "slug": "debyd-uniongyrchol",
        "intro": "<p>Talwch am eich tanysgrifiad gwastraff gardd unwaith y flwyddyn, yn "
        "awtomatig.</p>",
        "reference_label": "Rhif tanysgrifiad gwastraff gardd",
        "reference_hint": "Mae’n dechrau gyda GW ac mae ar eich llythyr tanysgrifio.",
        "confirmation_heading": "Debyd Uniongyrchol wedi’i sefydlu",
        "what_happens_next": (
            "<p>Byddwn yn dweud wrthych beth yw swm a dyddiad eich taliad blynyddol o leiaf 10 "
            "diwrnod gwaith cyn i ni ei gymryd.</p>"
        ),
    },
}
WELSH_GARDEN_SERVICE = (
    "Casgliadau gwastraff gardd",
    "casgliadau-gwastraff-gardd",
    "Tanysgrifiwch i gael casglu eich bin brown bob pythefnos rhwng mis Mawrth a mis Tachwedd.",
)

# (payer, sort code, account number, verdict, status, cancellation requested)
INSTRUCTIONS = [
    ("Alys Morgan", "089999", "66374958", "valid", InstructionStatus.PENDING, False),
    ("Dewi Price", "107999", "88837491", "valid", InstructionStatus.PENDING, False),
    ("Priya Shah", "202959", "63748472", "valid", InstructionStatus.LODGED, False),
    ("Tomos Evans", "938611", "07806039", "not_checkable", InstructionStatus.LODGED, False),
    ("Grace Okafor", "089999", "66374958", "valid", InstructionStatus.ACTIVE, False),
    ("Megan Hughes", "107999", "88837491", "valid", InstructionStatus.ACTIVE, True),
    ("Ali Hassan", "202959", "63748472", "valid", InstructionStatus.REJECTED, False),
    ("Rhys Williams", "089999", "66374958", "valid", InstructionStatus.CANCELLED, False),
]


def _service(category_title, title, summary):
    category = ServiceIndexPage.objects.filter(title=category_title).first()
    if category is None:
        return None
    existing = category.get_children().filter(slug=slugify(title)).first()
    if existing:
        return existing.specific
    service = ServicePage(title=title, slug=slugify(title), summary=summary)
    category.add_child(instance=service)
    service.save_revision().publish()
    return service


def _sign_up_page(service, fields):
    existing = DirectDebitPage.objects.child_of(service).first()
    if existing:
        return existing, False
    page = DirectDebitPage(**fields)
    service.add_child(instance=page)
    page.save_revision().publish()
    if not service.start_page_id and not service.start_url:
        service.start_page = Page.objects.get(pk=page.pk)
        service.save_revision().publish()
    return page, True


def seed_direct_debit(stdout):
    """The two sign-up pages, their routing to Revenues, and a few instructions."""
    council_tax_service = ServicePage.objects.filter(
        title="Set up a Council Tax Direct Debit"
    ).first()
    garden_service = _service(*GARDEN_SERVICE)
    pages = []
    for service, fields in ((council_tax_service, COUNCIL_TAX), (garden_service, GARDEN_WASTE)):
        if service is None:
            continue
        page, created = _sign_up_page(service, fields)
        pages.append(page)
        if created:
            stdout.write(f"Created the Direct Debit page ‘{page.title}’.")
    revenues = Queue.objects.filter(name=REVENUES).first()
    if revenues is None:
        return
    for page in pages:
        if not RoutingRule.objects.filter(journey=page).exists():
            RoutingRule.objects.create(journey=page, queue=revenues)
    if pages and not Instruction.objects.exists():
        _instructions(pages, revenues)
        stdout.write(f"Created {len(INSTRUCTIONS)} demo Direct Debit instructions.")


def _instructions(pages, queue):
    staff = get_user_model().objects.filter(username="reception").first()
    today = timezone.localdate()
    for number, (name, sort_code, account, verdict, status, cancelling) in enumerate(INSTRUCTIONS):
        page = pages[number % len(pages)]
        received = today - datetime.timedelta(days=3 * (len(INSTRUCTIONS) - number))
        created_at = timezone.make_aware(datetime.datetime.combine(received, datetime.time(11)))
        assisted = number % 4 == 3 and staff is not None
        email = f"{name.split()[0].lower()}@example.com"
        reference = f"{number + 1:08d}" if page.reference_format == "digits" else f"GW{number:06d}"
        case = Case.objects.create(
            reference="DD" + "".join(ALPHABET[(number * 7 + i) % len(ALPHABET)] for i in range(6)),
            journey=page,
            summary=page.title,
            queue=queue,
            due_date=add_working_days(received, queue.sla_working_days),
            resident_name=name,
            resident_email=email,
            answers=[
                {
                    "name": "payer_name",
                    "type": "text",
                    "label": "Your full name",
                    "value": name,
                    "display": name,
                    "role": "name",
                    "sensitive": False,
                },
                {
                    "name": "payer_email",
                    "type": "email",
                    "label": "Email address",
                    "value": email,
                    "display": email,
                    "role": "email",
                    "sensitive": False,
                },
                {
                    "name": "account_reference",
                    "type": "dd_account_reference",
                    "label": page.reference_label,
                    "value": reference,
                    "display": reference,
                    "role": "",
                    "sensitive": False,
                },
                {
                    "name": "bank_details",
                    "type": "bank_details",
                    "label": "Your bank or building society account details",
                    "value": None,
                    "display": f"Account Ending {account[-2:]}",
                    "role": "",
                    "sensitive": True,
                },
            ],
            channel=Channel.ASSISTED if assisted else Channel.ONLINE,
            assisted_by=staff if assisted else None,
            created_at=created_at,
        )
        case.updates.create(kind=UpdateKind.CREATED, public=True)
        instruction = Instruction.objects.create(
            case=case,
            page=page,
            payer_name=name,
            payer_address=f"{number + 3} Stryd Fawr\nGlanrhyd\nGR1 2BD",
            payer_email=email,
            account_reference=reference,
            payment_day="15" if page.payment_days else "",
            account_name=name.upper(),
            sort_code=sort_code,
            account_number=account,
            modulus_verdict=verdict,
            modulus_rule="" if verdict == "not_checkable" else "MOD11",
            confirmed_at=created_at,
            confirmed_channel=Channel.ASSISTED if assisted else Channel.ONLINE,
            confirmed_by=staff if assisted else None,
            guarantee_read_aloud=assisted,
            first_collection_date=add_working_days(received, 10),
            created_at=created_at,
        )
        for step in _path_to(status):
            instruction.change_status(step)
        if cancelling:
            instruction.request_cancellation(reason="Resident phoned to cancel.")


def _path_to(status):
    return {
        InstructionStatus.PENDING: [],
        InstructionStatus.LODGED: [InstructionStatus.LODGED],
        InstructionStatus.ACTIVE: [InstructionStatus.LODGED, InstructionStatus.ACTIVE],
        InstructionStatus.REJECTED: [InstructionStatus.LODGED, InstructionStatus.REJECTED],
        InstructionStatus.CANCELLED: [InstructionStatus.CANCELLED],
    }[status]


def seed_direct_debit_welsh(stdout):
    """Welsh translations of the sign-up pages (and of the garden waste service they added),
    after the rest of the demo council is in Welsh."""
    welsh = Locale.objects.filter(language_code=WELSH).first()
    if welsh is None:
        return
    translated = 0
    garden = ServicePage.objects.filter(title=GARDEN_SERVICE[1], locale__language_code="en").first()
    if (
        garden is not None
        and garden.get_parent().get_translation_or_none(welsh)
        and not garden.has_translation(welsh)
    ):
        title, slug, summary = WELSH_GARDEN_SERVICE
        copy = garden.copy_for_translation(welsh)
        copy.title, copy.slug, copy.summary = title, slug, summary
        copy.save_revision().publish()
        translated += 1
    for page in DirectDebitPage.objects.exclude(locale=welsh):
        if page.title not in WELSH_PAGES or page.has_translation(welsh):
            continue
        service = page.get_parent().specific
        welsh_service = service.get_translation_or_none(welsh)
        if welsh_service is None:
            continue
        copy = page.copy_for_translation(welsh)
        for name, value in WELSH_PAGES[page.title].items():
            setattr(copy, name, value)
        copy.save_revision().publish()
        welsh_service = welsh_service.specific
        # A translated service starts out pointing at the English sign-up, or at nothing.
        if welsh_service.start_page_id in (None, page.pk) and not welsh_service.start_url:
            welsh_service.start_page = Page.objects.get(pk=copy.pk)
            welsh_service.save_revision().publish()
        translated += 1
    if translated:
        stdout.write(f"Translated {translated} Direct Debit pages into Welsh.")
