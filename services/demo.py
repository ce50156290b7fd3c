"""The demo council's information pages, for `manage.py seed_demo`: categories, services, news and
the places residents can visit. Glanrhyd is fictional; so are its addresses (01632 phone numbers are
reserved for drama). Pages are found by slug before anything is created, so a re-run adds nothing."""

import datetime

from django.utils.text import slugify

from wagtail.models import Site

from tests.factories import (
    LocationPageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    ServiceIndexPageFactory,
    ServicePageFactory,
)

CATEGORIES = [
    (
        "Bins and recycling",
        "Collection days, missed bins, new bins, bulky waste and recycling centres.",
        [
            (
                "Find your bin collection day",
                "Check which day your bins are collected and which bin goes out each week.",
            ),
            (
                "Report a missed bin collection",
                "Tell us if your bin was not emptied on your collection day.",
            ),
            (
                "Request a new or replacement bin",
                "Order a bin if yours is lost, stolen or broken, or you have moved into a new home.",
            ),
            (
                "Book a bulky waste collection",
                "Pay for us to collect large items such as furniture and fridges.",
            ),
            (
                "Recycling centres",
                "Opening times and what you can take to Glanrhyd's two recycling centres.",
            ),
        ],
    ),
    (
        "Council Tax",
        "Pay your Council Tax, check your band, and apply for discounts and support.",
        [
            (
                "Pay your Council Tax",
                "Ways to pay, including Direct Debit, online, by phone and at a Post Office.",
            ),
            (
                "Set up a Council Tax Direct Debit",
                "Pay your Council Tax automatically in 10 or 12 monthly instalments.",
            ),
            (
                "Council Tax bands and charges",
                "What each band costs in Glanrhyd this year and how to challenge your band.",
            ),
            (
                "Apply for a single person discount",
                "Get 25% off your bill if you are the only adult living in your home.",
            ),
            (
                "Get help paying your Council Tax",
                "Council Tax Reduction and what to do if you are struggling to pay.",
            ),
        ],
    ),
    (
        "Housing",
        "Council homes, repairs, homelessness and help to adapt your home.",
        [
            (
                "Apply for social housing",
                "Join the housing register to rent a home from the council or a housing association.",
            ),
            (
                "Report a repair in your council home",
                "Tell us about a repair needed in the home you rent from the council.",
            ),
            (
                "Get help if you are homeless",
                "What to do if you are homeless or could be within 56 days.",
            ),
            (
                "Apply for a disabled facilities grant",
                "Get money to adapt your home if you or someone you live with is disabled.",
            ),
        ],
    ),
    (
        "Parking, roads and travel",
        "Parking permits and fines, Blue Badges, and reporting problems on roads.",
        [
            (
                "Apply for a resident parking permit",
                "Park in a resident permit zone near your home.",
            ),
            (
                "Pay or challenge a parking fine",
                "Pay a penalty charge notice or tell us why you think it is wrong.",
            ),
            (
                "Apply for a Blue Badge",
                "Get a Blue Badge to park closer to where you need to go if you have a disability.",
            ),
            ("Report a pothole", "Tell us about a pothole or damaged road surface."),
        ],
    ),
    (
        "Planning and building control",
        "Planning permission, commenting on applications and building regulations.",
        [
            (
                "Apply for planning permission",
                "Find out if you need planning permission and how to apply.",
            ),
            (
                "Comment on a planning application",
                "Have your say on an application near you before we decide it.",
            ),
            (
                "Get building regulations approval",
                "Make sure building work is safe and meets the rules.",
            ),
        ],
    ),
    (
        "Libraries and leisure",
        "Join the library, borrow and renew, and book rooms and activities.",
        [
            (
                "Join the library",
                "Free membership for everyone who lives, works or studies in Glanrhyd.",
            ),
            ("Renew library books", "Renew your books online, by phone or at any library."),
            (
                "Book a community room",
                "Hire a room in a library or community centre for a meeting or event.",
            ),
        ],
    ),
    (
        "Environment and pollution",
        "Fly-tipping, noise, pests and keeping Glanrhyd clean.",
        [
            ("Report fly-tipping", "Tell us about rubbish dumped illegally on public land."),
            (
                "Report a noise problem",
                "Tell us about noise from neighbours, businesses or events.",
            ),
            (
                "Book pest control",
                "Pay for us to deal with rats, mice, wasps or bedbugs at your home.",
            ),
        ],
    ),
    (
        "Contact the council",
        "Phone, email, and the places you can visit us in person.",
        [
            ("Contact us", "Phone numbers, email addresses and how to get help in person."),
            (
                "Book an appointment at a reception point",
                "See an adviser in person at a customer service point.",
            ),
        ],
    ),
    (
        "The council and democracy",
        "How the council works, our policies and your rights.",
        [
            ("Make a complaint", "Tell us if we got something wrong and how we will put it right."),
            (
                "Accessibility statement",
                "How accessible this website is and how to report a problem.",
            ),
            ("Privacy notice", "How we collect, use and protect your personal information."),
        ],
    ),
]

LOCATIONS = [
    (
        "Glanrhyd Civic Centre reception",
        "Our main reception: help with every council service, and a free phone and computers.",
        "Glanrhyd Civic Centre\nHeol y Castell\nGlanrhyd",
        "GR1 2CC",
        "01632 960 000",
    ),
    (
        "Pontnewydd Library and customer service point",
        "Library and council help point with computers you can use for free.",
        "Pontnewydd Library\nStryd Fawr\nPontnewydd",
        "GR4 7LB",
        "01632 960 123",
    ),
    (
        "Aberglas Community Hub",
        "Council advisers on Tuesdays and Thursdays, in the community centre.",
        "Aberglas Community Hub\nFfordd yr Orsaf\nAberglas",
        "GR7 3AH",
        "01632 960 456",
    ),
]

NEWS = [
    (
        "Christmas and New Year bin collection changes",
        "Collections move by one or two days over the holidays. Check your new dates.",
    ),
    (
        "New recycling centre opens in Pontnewydd",
        "The centre on Heol Ddu takes garden waste, wood and electrical items.",
    ),
    (
        "Council Tax bills for next year are on their way",
        "Bills arrive in March. Set up a Direct Debit to spread the cost.",
    ),
    (
        "Pothole repairs: 2,000 fixed this year",
        "Our crews fixed more potholes than ever. Keep reporting them to us.",
    ),
    (
        "Libraries extend opening hours on Saturdays",
        "All three libraries now open until 4pm on Saturdays.",
    ),
    (
        "Have your say on the Glanrhyd town centre plan",
        "Tell us what you want from the town centre before 31 January.",
    ),
    (
        "Free Warm Welcome spaces this winter",
        "Libraries and community centres are open to anyone who wants a warm place.",
    ),
    (
        "Garden waste subscriptions open for spring",
        "Sign up now to have your garden waste collected from March.",
    ),
    (
        "Blue Badge renewals are now online",
        "Renew your Blue Badge online without sending paper forms.",
    ),
    (
        "Flood advice for residents near the River Glas",
        "Sandbags are available and here is how to prepare your home.",
    ),
]

# The service navigation stays short: the home page lists every category.
IN_MENU = {"Bins and recycling", "Council Tax", "Housing", "Parking, roads and travel"}

_BODY = [
    ("heading", "What you need to know"),
    (
        "paragraph",
        "<p>You can do this online at any time. It takes about 5 minutes. If you cannot use a "
        "computer, call us or visit a customer service point and an adviser will help you.</p>",
    ),
]


def _child(parent, factory, title, **fields):
    """The child of `parent` with this title's slug, created when it is missing."""
    slug = slugify(title)
    existing = parent.get_children().filter(slug=slug).first()
    if existing:
        return existing.specific
    return factory(parent=parent, title=title, slug=slug, **fields)


def seed_services(stdout):
    home = Site.objects.get(is_default_site=True).root_page.specific
    created_before = home.get_descendants().count()
    for title, summary, services in CATEGORIES:
        category = _child(
            home, ServiceIndexPageFactory, title, summary=summary, show_in_menus=title in IN_MENU
        )
        for service_title, service_summary in services:
            _child(category, ServicePageFactory, service_title, summary=service_summary, body=_BODY)
        if title == "Contact the council":
            for name, location_summary, address, postcode, phone in LOCATIONS:
                _child(
                    category,
                    LocationPageFactory,
                    name,
                    summary=location_summary,
                    address=address,
                    postcode=postcode,
                    phone=phone,
                )

    news_index = _child(
        home,
        NewsIndexPageFactory,
        "News",
        summary="News from Glanrhyd County Borough Council.",
        show_in_menus=True,
    )
    first_date = datetime.date(2026, 11, 20)
    for days_ago, (title, summary) in enumerate(NEWS):
        _child(
            news_index,
            NewsPageFactory,
            title,
            summary=summary,
            body=_BODY,
            date=first_date - datetime.timedelta(days=days_ago * 6),
        )
    added = home.get_descendants().count() - created_before
    if added:
        stdout.write(f"Created {added} information pages.")
