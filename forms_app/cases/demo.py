"""The demo council's queues, routing rules and a believable backlog of cases, for `seed_demo`."""

import datetime
import random

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.utils import timezone

from forms_app.journeys.models import JourneyPage
from forms_app.journeys.references import ALPHABET

from .enums import CaseStatus, Channel, UpdateKind
from .models import Case, Queue, RoutingRule
from .working_days import add_working_days

# name: (staff group, target in working days)
QUEUES = {
    "Waste": ("Waste", 2),
    "Environmental health": ("Environmental health", 5),
    "Revenues": ("Revenues", 10),
    "Housing": ("Housing", 10),
    "Customer services": ("Customer services", 5),
}
RECEPTION = "Customer services"
# form title: queue (a rule on the whole form)
ROUTES = {
    "Report a missed bin collection": "Waste",
    "Request a new or replacement bin": "Waste",
    "Report fly-tipping": "Environmental health",
}
# Contact form: the topic answer picks the team.
CONTACT_ROUTES = {"waste": "Waste", "council_tax": "Revenues", "housing": "Housing"}
DEMO_CASES = 60
NAMES = [
    "Alys Morgan",
    "Dewi Price",
    "Sam Jones",
    "Priya Shah",
    "Tomos Evans",
    "Grace Okafor",
    "Megan Hughes",
    "Ali Hassan",
    "Rhys Williams",
    "Joanna Nowak",
    "Carys Lloyd",
    "Ben Taylor",
]
STREETS = ["Heol y Castell", "Stryd Fawr", "Ffordd yr Orsaf", "Church Lane", "Mill Road"]


def seed_queues(stdout):
    # Every team that works a queue signs in to the admin and works its cases there.
    view_case = Permission.objects.filter(
        content_type__app_label="cases",
        codename__in=["view_case", "change_case", "export_case", "transfer_case"],
    ) | Permission.objects.filter(content_type__app_label="wagtailadmin", codename="access_admin")
    for name, (group_name, days) in QUEUES.items():
        group, _ = Group.objects.get_or_create(name=group_name)
        group.permissions.add(*view_case)
        Queue.objects.get_or_create(
            name=name,
            defaults={
                "group": group,
                "sla_working_days": days,
                "is_default": name == "Customer services",
            },
        )
    # Reception staff complete forms for residents who come to the desk (assisted digital).
    Group.objects.get(name=RECEPTION).permissions.add(
        Permission.objects.get(content_type__app_label="journeys", codename="assist_residents")
    )
    for title, queue_name in ROUTES.items():
        journey = JourneyPage.objects.filter(title=title).first()
        if journey and not RoutingRule.objects.filter(journey=journey).exists():
            RoutingRule.objects.create(journey=journey, queue=Queue.objects.get(name=queue_name))
    contact = JourneyPage.objects.filter(title="Contact the council").first()
    if contact and not RoutingRule.objects.filter(journey=contact).exists():
        for order, (answer, queue_name) in enumerate(CONTACT_ROUTES.items()):
            RoutingRule.objects.create(
                journey=contact,
                question_name="topic",
                answer=answer,
                queue=Queue.objects.get(name=queue_name),
                order=order,
            )


def seed_cases(stdout):
    """A backlog in mixed states, some overdue, made with a fixed seed so every run looks alike."""
    if Case.objects.exists():
        return
    rng = random.Random(2026)  # noqa: S311 - demo data, not security
    journeys = list(JourneyPage.objects.all())
    if not journeys:
        return
    staff = {user.username: user for user in get_user_model().objects.all()}
    statuses = [
        CaseStatus.NEW,
        CaseStatus.NEW,
        CaseStatus.IN_PROGRESS,
        CaseStatus.IN_PROGRESS,
        CaseStatus.WAITING,
        CaseStatus.RESOLVED,
        CaseStatus.CLOSED,
        CaseStatus.CANCELLED,
    ]
    today = timezone.localdate()
    for number in range(DEMO_CASES):
        journey = journeys[number % len(journeys)]
        rule = RoutingRule.objects.filter(journey=journey).first()
        queue = rule.queue if rule else Queue.objects.get(is_default=True)
        received = today - datetime.timedelta(days=rng.randint(0, 30))
        name = rng.choice(NAMES)
        status = rng.choice(statuses)
        postcode = f"GR{rng.randint(1, 9)} {rng.randint(1, 9)}{rng.choice('ABDEFGHJ')}{rng.choice('LNPQRSTU')}"
        assisted = number % 7 == 0
        case = Case.objects.create(
            reference="".join(rng.choice(ALPHABET) for _ in range(8)),
            journey=journey,
            summary=journey.title,
            queue=queue,
            status=status,
            due_date=add_working_days(received, queue.sla_working_days),
            resident_name=name,
            resident_email=f"{name.split()[0].lower()}@example.com",
            resident_postcode=postcode,
            answers=[
                {
                    "name": "address",
                    "type": "address",
                    "label": "Address",
                    "value": {
                        "line_1": f"{rng.randint(1, 120)} {rng.choice(STREETS)}",
                        "line_2": "",
                        "town": "Glanrhyd",
                        "postcode": postcode,
                    },
                    "display": f"{rng.randint(1, 120)} {rng.choice(STREETS)}\nGlanrhyd\n{postcode}",
                },
            ],
            channel=Channel.ASSISTED if assisted else Channel.ONLINE,
            assisted_by=staff.get("reception") if assisted else None,
            assignee=staff.get(f"{queue.name.split()[0].lower()}_officer")
            if status != "new"
            else None,
            created_at=timezone.make_aware(datetime.datetime.combine(received, datetime.time(10))),
            closed_at=timezone.now() if status in ("closed", "cancelled", "resolved") else None,
        )
        case.updates.create(kind=UpdateKind.CREATED, public=True)
    stdout.write(f"Created {DEMO_CASES} demo cases.")
