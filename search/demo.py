"""The demo council's search tuning, for `manage.py seed_demo`: the words Glanrhyd's residents use
for things the pages call something else, and a recommended page for a search the pages answer
badly. Found by term or search first, so a re-run adds nothing."""

from django.contrib.auth.models import Group, Permission

from wagtail.models import Page, Site

from .models import PromotedPage, PromotedResult, Synonym

SYNONYMS = {
    "rubbish": "waste, bins, refuse",
    "tip": "recycling centre",
    "dump": "recycling centre, fly-tipping",
    "rates": "council tax",
    "ctax": "council tax",
    "disabled parking": "blue badge",
    "council house": "social housing, council home",
    "housing": "council home",
    "wheelie bin": "bin",
    "dustbin": "bin",
}

# (searches, title of the page to recommend)
PROMOTIONS = [
    (
        ["library opening times", "library hours", "opening times"],
        "Pontnewydd Library and customer service point",
    ),
    (["council tax"], "Pay your Council Tax"),
]

# Editors tune search; moderators can too.
EDITING_GROUPS = ["Editors", "Moderators"]


def seed_search(stdout):
    created = 0
    for term, synonyms in SYNONYMS.items():
        _, made = Synonym.objects.get_or_create(term=term, defaults={"synonyms": synonyms})
        created += made
    home = Site.objects.get(is_default_site=True).root_page
    for phrases, title in PROMOTIONS:
        if PromotedResult.objects.filter(match_key__contains=f"|{phrases[0]}|").exists():
            continue
        page = Page.objects.descendant_of(home).filter(title=title).first()
        if page is None:
            continue
        promotion = PromotedResult(phrases="\n".join(phrases))
        promotion.pages.add(PromotedPage(page=page))
        promotion.save()
        created += 1
    permissions = Permission.objects.filter(
        content_type__app_label="search",
        codename__in=[
            f"{action}_{model}"
            for action in ("add", "change", "delete", "view")
            for model in ("synonym", "promotedresult")
        ],
    )
    for group in Group.objects.filter(name__in=EDITING_GROUPS):
        group.permissions.add(*permissions)
    if created:
        stdout.write(f"Created {created} search synonyms and promoted results.")
