"""The demo council's site, home page, settings and staff users, for `manage.py seed_demo`.

Every function finds what exists before it creates anything, so a second run changes nothing.
"""

import os
import secrets

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission

from wagtail.models import (
    GroupApprovalTask,
    GroupPagePermission,
    Locale,
    Page,
    Site,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from .models import CouncilDetails, CouncilSettings, HomePage, Phase

COUNCIL_NAME = "Glanrhyd County Borough Council"

# The words about the council that differ by language. The Welsh is demo text for this fictional
# council, not checked by a professional translator (as in demo_cy.py).
DETAILS = {
    "en": {
        "council_name": COUNCIL_NAME,
        "contact_hours": "Monday to Friday, 9am to 5pm",
        "contact_address": "Glanrhyd Civic Centre\nHeol y Castell\nGlanrhyd\nGR1 2BD",
    },
    "cy": {
        "council_name": "Cyngor Bwrdeistref Sirol Glanrhyd",
        "contact_hours": "Dydd Llun i ddydd Gwener, 9am i 5pm",
        "contact_address": "Canolfan Ddinesig Glanrhyd\nHeol y Castell\nGlanrhyd\nGR1 2BD",
    },
}
# The footer's links: the page's slug, and the link's text in each language.
FOOTER_LINKS = [
    ("contact-the-council", {"en": "Contact us", "cy": "Cysylltu â ni"}),
    ("accessibility-statement", {"en": "Accessibility", "cy": "Hygyrchedd"}),
    ("privacy-notice", {"en": "Privacy", "cy": "Preifatrwydd"}),
]

# username: (groups, is_superuser). Officers' groups match the back-office queues they work.
DEMO_USERS = {
    "admin": ([], True),
    "editor": (["Editors"], False),
    "moderator": (["Moderators"], False),
    "waste_officer": (["Waste"], False),
    "revenues_officer": (["Revenues"], False),
    "housing_officer": (["Housing"], False),
    "reception": (["Customer services"], False),
}
STAFF_GROUPS = ["Waste", "Revenues", "Housing", "Customer services"]


def seed_site(stdout):
    """Put a HomePage at the root of the default site, replacing Wagtail's welcome page."""
    site = Site.objects.filter(is_default_site=True).first()
    if site and isinstance(site.root_page.specific, HomePage):
        return site.root_page.specific
    root = Page.get_first_root_node()
    previous_root = site.root_page if site else None
    if previous_root is not None and previous_root.slug == "home":
        # Wagtail's welcome page holds the slug the council's home page should have.
        previous_root.slug = "wagtail-welcome"
        previous_root.save(update_fields=["slug"])
    home = HomePage.objects.filter(depth=2).first()
    if home is None:
        home = HomePage(
            title=COUNCIL_NAME,
            slug="home",
            intro="Find information about council services and do things online.",
        )
        root.add_child(instance=home)
    if site:
        site.root_page = home
        site.site_name = COUNCIL_NAME
        site.save()
    else:
        Site.objects.create(
            hostname="localhost",
            port=80,
            root_page=home,
            is_default_site=True,
            site_name=COUNCIL_NAME,
        )
    if previous_root is not None and not previous_root.get_children().exists():
        previous_root.delete()
    stdout.write(f"Created the home page for {COUNCIL_NAME}.")
    return home


def seed_users(stdout):
    """The demo staff. One password for all: DEMO_PASSWORD, or a generated one printed once."""
    chosen = os.environ.get("DEMO_PASSWORD", "").strip()
    generated = None
    admin_access = Permission.objects.get(
        content_type__app_label="wagtailadmin", codename="access_admin"
    )
    for name in STAFF_GROUPS:
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(admin_access)

    User = get_user_model()
    for username, (group_names, is_superuser) in DEMO_USERS.items():
        user = User.objects.filter(username=username).first()
        if user is None:
            password = chosen or generated or secrets.token_urlsafe(12)
            generated = None if chosen else password
            user = User.objects.create_user(
                username=username,
                email=f"{username}@glanrhyd.example",
                password=password,
                first_name=username.replace("_", " ").title().split()[0],
                last_name="(demo)",
                is_staff=is_superuser,
                is_superuser=is_superuser,
            )
            user.groups.set(Group.objects.filter(name__in=group_names))
        elif chosen and not user.check_password(chosen):
            user.set_password(chosen)
            user.save(update_fields=["password"])
    if generated:
        stdout.write(
            "Demo users: " + ", ".join(DEMO_USERS) + f"\nTheir password is: {generated}\n"
            "It is shown only this once. Set DEMO_PASSWORD and run seed_demo again to change it."
        )


def seed_council_settings(stdout):
    """The council settings, and the council details for the header and footer in English and
    Welsh. Each is made only when it is missing, so an editor's changes survive a re-run."""
    site = Site.objects.get(is_default_site=True)
    council, created = CouncilSettings.objects.get_or_create(site=site)
    if created:
        council.phase = Phase.BETA
        council.feedback_url = "https://glanrhyd.example/feedback"
        council.contact_phone = "01632 960 000"
        council.contact_email = "contact@glanrhyd.example"
        council.social_links = [
            ("social", {"network": "facebook", "url": "https://www.facebook.com/glanrhyd.example"}),
            ("social", {"network": "bluesky", "url": "https://bsky.app/profile/glanrhyd.example"}),
        ]
        council.save()
    pages = {
        page.slug: page
        for page in Page.objects.descendant_of(site.root_page).filter(
            slug__in=[slug for slug, _text in FOOTER_LINKS]
        )
    }

    def footer_links(language):
        return [
            ("link", {"page": pages[slug], "title": text[language], "url": ""})
            for slug, text in FOOTER_LINKS
            if slug in pages
        ]

    if council.details_id is None:
        council.details = CouncilDetails.objects.create(
            **DETAILS["en"], footer_links=footer_links("en")
        )
        council.save(update_fields=["details"])
        stdout.write(f"Created the council details for {COUNCIL_NAME}.")
    welsh, _ = Locale.objects.get_or_create(language_code="cy")
    if not council.details.has_translation(welsh):
        translation = council.details.copy_for_translation(welsh)
        for name, value in DETAILS["cy"].items():
            setattr(translation, name, value)
        translation.footer_links = footer_links("cy")
        translation.save()
        stdout.write("Translated the council details into Welsh.")


def seed_workflow(stdout):
    """Editors draft and submit; moderators approve and publish. Wagtail's migrations set this up;
    this puts it back if someone removed it, so the demo always shows the workflow."""
    root = Page.get_first_root_node()
    editors, _ = Group.objects.get_or_create(name="Editors")
    moderators, _ = Group.objects.get_or_create(name="Moderators")
    admin_access = Permission.objects.get(
        content_type__app_label="wagtailadmin", codename="access_admin"
    )
    editors.permissions.add(admin_access)
    moderators.permissions.add(admin_access)
    for group, codenames in (
        (editors, ["add_page", "change_page"]),
        (moderators, ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]),
    ):
        for codename in codenames:
            GroupPagePermission.objects.get_or_create(
                group=group,
                page=root,
                permission=Permission.objects.get(
                    content_type__app_label="wagtailcore", codename=codename
                ),
            )
    if WorkflowPage.objects.filter(page=root).exists():
        return
    task, _ = GroupApprovalTask.objects.get_or_create(name="Moderators approve")
    task.groups.set([moderators])
    workflow, _ = Workflow.objects.get_or_create(name="Moderators approval")
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    WorkflowPage.objects.create(page=root, workflow=workflow)
    stdout.write("Set up the moderation workflow.")
