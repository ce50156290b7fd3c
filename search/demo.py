"""The demo council's search tuning, for `manage.py seed_demo`: the words Glanrhyd's residents use
for things the pages call something else, in English and in Welsh, and a recommended page for a
search the pages answer badly. Found by term or search first, so a re-run adds nothing.

Promoted results name the English page: a Welsh search shows its Welsh translation (made later by
home/demo_cy.py), and nothing while there is none."""

from django.contrib.auth.models import Group, Permission

from wagtail.models import Page, Site

from .models import PromotedPage, PromotedResult, Synonym
from .words import fold

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

# Welsh words residents type, and the words the Welsh pages use. Mutated forms ('y domen', 'dai')
# are found without a row of their own: see words.py.
SYNONYMS_CY = {
    "sbwriel": "gwastraff, biniau",
    "tomen": "canolfan ailgylchu",
    "trethi": "treth gyngor",
    "anabl": "bathodyn glas",
    "tŷ cyngor": "tai cymdeithasol, cartref cyngor",
    "tai cyngor": "tai cymdeithasol, cartref cyngor",
    "trwsio": "atgyweirio",
    "dympio": "tipio anghyfreithlon",
    "swnllyd": "sŵn",
    "ffonio": "cysylltu, ffôn",
    "cwyno": "cwyn",
    "tyllau": "twll",
}

# (searches, title of the page to recommend)
PROMOTIONS = [
    (
        ["library opening times", "library hours", "opening times"],
        "Pontnewydd Library and customer service point",
    ),
    (["council tax"], "Pay your Council Tax"),
    (
        ["oriau agor y llyfrgell", "oriau agor llyfrgell", "oriau agor"],
        "Pontnewydd Library and customer service point",
    ),
    (["treth gyngor", "treth y cyngor", "treth cyngor"], "Pay your Council Tax"),
]

# Editors tune search; moderators can too.
EDITING_GROUPS = ["Editors", "Moderators"]


def seed_search(stdout):
    created = 0
    for language, words in (("en", SYNONYMS), ("cy", SYNONYMS_CY)):
        for term, synonyms in words.items():
            _, made = Synonym.objects.get_or_create(
                term=term, language=language, defaults={"synonyms": synonyms}
            )
            created += made
    home = Site.objects.get(is_default_site=True).root_page
    for phrases, title in PROMOTIONS:
        if PromotedResult.objects.filter(match_key__contains=f"|{fold(phrases[0])}|").exists():
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
