"""The demo council's information pages, for `manage.py seed_demo`: categories, services, news and
the places residents can visit. Glanrhyd is fictional; so are its addresses (01632 phone numbers are
reserved for drama). Pages are found by slug before anything is created, so a re-run adds nothing."""

import datetime

from django.utils.text import slugify

from wagtail.models import Site

from services.models import (
    DatedHours,
    GuidePage,
    LocationPage,
    NewsIndexPage,
    NewsPage,
    OpeningHours,
    ServiceIndexPage,
    ServicePage,
    StepByStepPage,
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
        "GR1 2BD",
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
    (
        "details",
        {
            "summary": "If you need help in another language or format",
            "content": "<p>Ask at any reception point. We can arrange an interpreter, large "
            "print or an Easy Read version.</p>",
        },
    ),
    (
        "contact",
        {
            "heading": "Customer services",
            "phone": "01632 960 000",
            "email": "contact@glanrhyd.example",
            "address": "",
            "hours": "Monday to Friday, 9am to 5pm",
        },
    ),
]

# Extra body content for a few services, so every block type appears somewhere in the demo.
_EXTRA_BODY = {
    "Report a missed bin collection": [
        (
            "inset_text",
            "<p>Bins are emptied between 7am and 6pm. Wait until the day after your collection "
            "before you report it.</p>",
        ),
        (
            "steps",
            {
                "steps": [
                    {"heading": "Check your collection day", "content": ""},
                    {"heading": "Leave your bin out until we come back", "content": ""},
                    {"heading": "Report the missed bin online", "content": ""},
                ]
            },
        ),
    ],
    "Council Tax bands and charges": [
        (
            "table",
            {
                "first_row_is_table_header": True,
                "first_col_is_header": True,
                "table_caption": "Council Tax in Glanrhyd, April 2026 to March 2027",
                "data": [
                    ["Band", "Property value (1 April 2003)", "Yearly charge"],
                    ["A", "Up to £44,000", "£1,402.18"],
                    ["B", "£44,001 to £65,000", "£1,635.88"],
                    ["C", "£65,001 to £91,000", "£1,869.57"],
                    ["D", "£91,001 to £123,000", "£2,103.27"],
                ],
            },
        ),
    ],
    "Report fly-tipping": [
        (
            "warning_text",
            "Do not touch fly-tipped waste. It may contain needles, chemicals or asbestos.",
        ),
    ],
}

# (title, status, message) for services that are not running normally.
_STATUSES = {
    "Book a bulky waste collection": (
        "disrupted",
        "Collections are running 2 weeks behind because of staff shortages.",
    ),
}

# (owner, last reviewed, months between reviews): some current, some due soon, some overdue.
_REVIEWS = [
    ("Waste services team", datetime.date(2026, 9, 1), 12),
    ("Revenues team", datetime.date(2025, 6, 1), 12),
    ("Housing options team", datetime.date(2026, 6, 10), 6),
    ("Customer services team", datetime.date(2025, 12, 1), 12),
]

# (weekday, opens, closes); hours that differ between places, one with a lunch closure.
_NINE_TO_FIVE = [(day, datetime.time(9), datetime.time(17)) for day in range(5)]
_LOCATION_HOURS = {
    "Glanrhyd Civic Centre reception": _NINE_TO_FIVE,
    "Pontnewydd Library and customer service point": [
        *[(day, datetime.time(9, 30), datetime.time(18)) for day in range(4)],
        (4, datetime.time(9, 30), datetime.time(16, 30)),
        (5, datetime.time(10), datetime.time(16)),
    ],
    "Aberglas Community Hub": [
        (1, datetime.time(10), datetime.time(12, 30)),
        (1, datetime.time(13, 30), datetime.time(15)),
        (3, datetime.time(10), datetime.time(12, 30)),
        (3, datetime.time(13, 30), datetime.time(15)),
    ],
}
# (date, opens, closes, note): a closure, and special opening on a bank holiday.
_LOCATION_CHANGES = {
    "Glanrhyd Civic Centre reception": [
        (datetime.date(2026, 12, 24), datetime.time(9), datetime.time(13), "Christmas Eve"),
        (datetime.date(2027, 1, 13), None, None, "Staff training"),
    ],
    "Pontnewydd Library and customer service point": [
        (datetime.date(2027, 5, 3), datetime.time(10), datetime.time(14), "Bank holiday opening"),
    ],
}

GUIDES = [
    (
        "Bins and recycling",
        "Recycling guide: what goes in which bin",
        "Find out which bin to use for food, glass, plastic, paper and garden waste.",
        [
            ("Food waste", "<p>Use your small grey caddy for all cooked and uncooked food.</p>"),
            ("Glass, cans and plastic", "<p>Rinse them and put them loose in the blue box.</p>"),
            ("Paper and card", "<p>Flatten boxes and put them in the blue bag.</p>"),
            ("Garden waste", "<p>Subscribe to have your brown bin collected fortnightly.</p>"),
        ],
    ),
    (
        "Council Tax",
        "Council Tax: a guide for new residents",
        "How Council Tax works in Glanrhyd, what you will pay and how to get a discount.",
        [
            ("What Council Tax pays for", "<p>Schools, social care, bins, roads and more.</p>"),
            ("How your bill is worked out", "<p>It depends on your band and discounts.</p>"),
            ("Ways to pay", "<p>Direct Debit is the easiest way to pay.</p>"),
        ],
    ),
]

STEP_BY_STEP = (
    "Contact the council",
    "Moving to Glanrhyd: step by step",
    "What to set up with the council when you move into a home in Glanrhyd.",
    [
        (
            "Tell us you have moved",
            "",
            ["Pay your Council Tax", "Set up a Council Tax Direct Debit"],
        ),
        ("Check if you can get a discount", "and", ["Apply for a single person discount"]),
        (
            "Sort out your bins",
            "",
            ["Find your bin collection day", "Request a new or replacement bin"],
        ),
        ("Apply for a parking permit", "", ["Apply for a resident parking permit"]),
        ("Join the library", "", ["Join the library"]),
    ],
)

TOP_TASKS = [
    "Find your bin collection day",
    "Pay your Council Tax",
    "Report a missed bin collection",
    "Apply for a Blue Badge",
    "Report a pothole",
    "Apply for social housing",
]
FEATURED_TASKS = {
    "Bins and recycling": ["Find your bin collection day", "Report a missed bin collection"],
    "Council Tax": ["Pay your Council Tax", "Set up a Council Tax Direct Debit"],
}
NEWS_TOPICS = ["Bins and recycling", "Council Tax", "Roads", "Libraries", "Your say"]


def _child(parent, page_class, title, **fields):
    """The child of `parent` with this title's slug, added with these fields when it is missing.
    It goes straight into the tree, live; it has a revision only once something publishes it."""
    slug = slugify(title)
    existing = parent.get_children().filter(slug=slug).first()
    if existing:
        return existing.specific
    page = page_class(title=title, slug=slug, **fields)
    parent.add_child(instance=page)
    return page


def _link(page):
    return ("link", {"page": page, "title": "", "url": ""})


def seed_services(stdout):
    home = Site.objects.get(is_default_site=True).root_page.specific
    created_before = home.get_descendants().count()
    services = {}
    categories = {}
    for title, summary, category_services in CATEGORIES:
        category = _child(
            home, ServiceIndexPage, title, summary=summary, show_in_menus=title in IN_MENU
        )
        categories[title] = category
        for service_title, service_summary in category_services:
            status, message = _STATUSES.get(service_title, ("normal", ""))
            owner, reviewed, interval = _REVIEWS[len(services) % len(_REVIEWS)]
            services[service_title] = _child(
                category,
                ServicePage,
                service_title,
                summary=service_summary,
                body=_EXTRA_BODY.get(service_title, []) + _BODY,
                status=status,
                status_message=message,
                content_owner=owner,
                last_reviewed=reviewed,
                review_interval=interval,
            )
        if title == "Contact the council":
            for name, location_summary, address, postcode, phone in LOCATIONS:
                location = _child(
                    category,
                    LocationPage,
                    name,
                    summary=location_summary,
                    address=address,
                    postcode=postcode,
                    phone=phone,
                    directions="<p>Buses 12 and 40 stop outside. Free parking, with 4 blue "
                    "badge spaces by the main entrance.</p>",
                    facilities="<ul><li>Free computers and wifi</li><li>Free phone to call "
                    "council services</li></ul>",
                    accessibility="<ul><li>Step-free entrance</li><li>Hearing loop at every "
                    "desk</li><li>Accessible toilet</li></ul>",
                    content_owner="Customer services team",
                    last_reviewed=datetime.date(2026, 10, 1),
                )
                _ensure_hours(location, name)

    _seed_guides(categories)
    _seed_step_by_step(categories, services)
    _seed_links(home, categories, services)

    news_index = _child(
        home,
        NewsIndexPage,
        "News",
        summary="News from Glanrhyd County Borough Council.",
        show_in_menus=True,
    )
    first_date = datetime.date(2026, 11, 20)
    for days_ago, (title, summary) in enumerate(NEWS):
        news = _child(
            news_index,
            NewsPage,
            title,
            summary=summary,
            body=_BODY[:2],
            date=first_date - datetime.timedelta(days=days_ago * 6),
        )
        if not news.topics.exists():
            news.topics.add(NEWS_TOPICS[days_ago % len(NEWS_TOPICS)])
            news.save_revision().publish()
    added = home.get_descendants().count() - created_before
    if added:
        stdout.write(f"Created {added} information pages.")


def _ensure_hours(location, name):
    """Opening hours are topped up only for a location that has none, so re-runs add nothing."""
    if OpeningHours.objects.filter(page=location).exists():
        return
    for weekday, opens, closes in _LOCATION_HOURS.get(name, _NINE_TO_FIVE):
        OpeningHours.objects.create(page=location, weekday=weekday, opens=opens, closes=closes)
    for date, opens, closes, note in _LOCATION_CHANGES.get(name, []):
        DatedHours.objects.create(page=location, date=date, opens=opens, closes=closes, note=note)


def _seed_guides(categories):
    for category_title, title, summary, parts in GUIDES:
        _child(
            categories[category_title],
            GuidePage,
            title,
            summary=summary,
            parts=[
                ("part", {"title": part_title, "body": [("paragraph", text)]})
                for part_title, text in parts
            ],
            content_owner="Waste services team",
            last_reviewed=datetime.date(2026, 3, 1),
            review_interval=6,
        )


def _seed_step_by_step(categories, services):
    category_title, title, summary, steps = STEP_BY_STEP
    _child(
        categories[category_title],
        StepByStepPage,
        title,
        summary=summary,
        steps=[
            (
                "step",
                {
                    "title": step_title,
                    "logic": logic,
                    "description": "",
                    "tasks": [_link(services[task])[1] for task in tasks],
                },
            )
            for step_title, logic, tasks in steps
        ],
    )


def _seed_links(home, categories, services):
    """Top tasks, featured tasks and related links, filled in only where an editor has none."""
    if not home.top_tasks:
        home.top_tasks = [("task", _link(services[t])[1]) for t in TOP_TASKS]
        home.save_revision().publish()
    for category_title, tasks in FEATURED_TASKS.items():
        category = categories[category_title]
        if not category.featured_tasks:
            category.featured_tasks = [("task", _link(services[t])[1]) for t in tasks]
            category.save_revision().publish()
    bins = [services[t] for t, _ in CATEGORIES[0][2]]
    for service in bins:
        if not service.related_links:
            service.related_links = [_link(other) for other in bins if other != service][:3]
            service.save_revision().publish()
