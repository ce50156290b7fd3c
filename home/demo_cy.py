"""The demo council in Welsh, for `manage.py seed_demo`: Cyngor Bwrdeistref Sirol Glanrhyd.

Demo text: a believable Welsh version of the demo content, written for this fictional council and
not checked by a professional translator. Each page is a Wagtail translation of its English page
(same translation key), so the language switcher and wagtail-localize's "sync" see them as one
page. A translation that exists already is left alone, so a re-run changes nothing and never
overwrites an editor's work. Forms keep their question names, answer values and page names, so
their rules and casework routing work the same in both languages.
"""

from wagtail.models import Locale, Page, Site

from services.models import DatedHours

WELSH = "cy"

HOME = {
    "title": "Cyngor Bwrdeistref Sirol Glanrhyd",
    "slug": "cartref",
    "intro": "Dewch o hyd i wybodaeth am wasanaethau’r cyngor a gwneud pethau ar-lein.",
}

# English title: (Welsh title, Welsh slug, Welsh summary).
CATEGORIES = {
    "Bins and recycling": (
        "Biniau ac ailgylchu",
        "biniau-ac-ailgylchu",
        "Diwrnodau casglu, biniau heb eu casglu, biniau newydd, gwastraff swmpus a chanolfannau "
        "ailgylchu.",
    ),
    "Council Tax": (
        "Treth Gyngor",
        "treth-gyngor",
        "Talu eich Treth Gyngor, gwirio eich band, a gwneud cais am ostyngiadau a chymorth.",
    ),
    "Housing": (
        "Tai",
        "tai",
        "Cartrefi cyngor, atgyweiriadau, digartrefedd a help i addasu eich cartref.",
    ),
    "Parking, roads and travel": (
        "Parcio, ffyrdd a theithio",
        "parcio-ffyrdd-a-theithio",
        "Trwyddedau parcio a dirwyon, Bathodynnau Glas, a rhoi gwybod am broblemau ar y ffyrdd.",
    ),
    "Planning and building control": (
        "Cynllunio a rheoli adeiladu",
        "cynllunio-a-rheoli-adeiladu",
        "Caniatâd cynllunio, rhoi sylwadau ar geisiadau, a rheoliadau adeiladu.",
    ),
    "Libraries and leisure": (
        "Llyfrgelloedd a hamdden",
        "llyfrgelloedd-a-hamdden",
        "Ymuno â’r llyfrgell, benthyg ac adnewyddu, ac archebu ystafelloedd a gweithgareddau.",
    ),
    "Environment and pollution": (
        "Yr amgylchedd a llygredd",
        "yr-amgylchedd-a-llygredd",
        "Tipio anghyfreithlon, sŵn, plâu a chadw Glanrhyd yn lân.",
    ),
    "Contact the council": (
        "Cysylltu â’r cyngor",
        "cysylltu-ar-cyngor",
        "Ffôn, e-bost, a’r lleoedd lle gallwch ein gweld wyneb yn wyneb.",
    ),
    "The council and democracy": (
        "Y cyngor a democratiaeth",
        "y-cyngor-a-democratiaeth",
        "Sut mae’r cyngor yn gweithio, ein polisïau a’ch hawliau.",
    ),
}

SERVICES = {
    "Find your bin collection day": (
        "Dod o hyd i’ch diwrnod casglu biniau",
        "dod-o-hyd-ich-diwrnod-casglu-biniau",
        "Gwiriwch pa ddiwrnod y caiff eich biniau eu casglu a pha fin sy’n mynd allan bob wythnos.",
    ),
    "Report a missed bin collection": (
        "Rhoi gwybod am fin heb ei gasglu",
        "rhoi-gwybod-am-fin-heb-ei-gasglu",
        "Rhowch wybod i ni os na chafodd eich bin ei wagio ar eich diwrnod casglu.",
    ),
    "Request a new or replacement bin": (
        "Gofyn am fin newydd neu fin yn lle hen un",
        "gofyn-am-fin-newydd",
        "Archebwch fin os yw eich un chi wedi’i golli, ei ddwyn neu ei dorri, neu os ydych wedi "
        "symud i gartref newydd.",
    ),
    "Pay your Council Tax": (
        "Talu eich Treth Gyngor",
        "talu-eich-treth-gyngor",
        "Ffyrdd o dalu, gan gynnwys Debyd Uniongyrchol, ar-lein, dros y ffôn ac yn Swyddfa’r Post.",
    ),
    "Set up a Council Tax Direct Debit": (
        "Sefydlu Debyd Uniongyrchol ar gyfer y Dreth Gyngor",
        "sefydlu-debyd-uniongyrchol",
        "Talwch eich Treth Gyngor yn awtomatig mewn 10 neu 12 rhandaliad misol.",
    ),
    "Apply for a single person discount": (
        "Gwneud cais am ostyngiad person sengl",
        "gostyngiad-person-sengl",
        "Cewch 25% oddi ar eich bil os mai chi yw’r unig oedolyn sy’n byw yn eich cartref.",
    ),
    "Apply for social housing": (
        "Gwneud cais am dai cymdeithasol",
        "gwneud-cais-am-dai-cymdeithasol",
        "Ymunwch â’r gofrestr tai i rentu cartref gan y cyngor neu gymdeithas dai.",
    ),
    "Report a repair in your council home": (
        "Rhoi gwybod am waith atgyweirio yn eich cartref cyngor",
        "rhoi-gwybod-am-waith-atgyweirio",
        "Rhowch wybod i ni am waith atgyweirio sydd ei angen yn y cartref rydych yn ei rentu gan "
        "y cyngor.",
    ),
    "Apply for a resident parking permit": (
        "Gwneud cais am drwydded parcio i breswylwyr",
        "trwydded-parcio-i-breswylwyr",
        "Parciwch mewn parth trwyddedau preswylwyr ger eich cartref.",
    ),
    "Apply for a Blue Badge": (
        "Gwneud cais am Fathodyn Glas",
        "gwneud-cais-am-fathodyn-glas",
        "Cewch Fathodyn Glas i barcio’n nes at ble mae angen i chi fynd os oes gennych anabledd.",
    ),
    "Report a pothole": (
        "Rhoi gwybod am dwll yn y ffordd",
        "rhoi-gwybod-am-dwll-yn-y-ffordd",
        "Rhowch wybod i ni am dwll yn y ffordd neu wyneb ffordd sydd wedi’i ddifrodi.",
    ),
    "Report fly-tipping": (
        "Rhoi gwybod am dipio anghyfreithlon",
        "rhoi-gwybod-am-dipio-anghyfreithlon",
        "Rhowch wybod i ni am sbwriel sydd wedi’i adael yn anghyfreithlon ar dir cyhoeddus.",
    ),
    "Contact us": (
        "Cysylltu â ni",
        "cysylltu-a-ni",
        "Rhifau ffôn, cyfeiriadau e-bost a sut i gael help wyneb yn wyneb.",
    ),
    "Report a noise problem": (
        "Rhoi gwybod am broblem sŵn",
        "rhoi-gwybod-am-broblem-swn",
        "Rhowch wybod i ni am sŵn gan gymdogion, busnesau neu ddigwyddiadau.",
    ),
    "Apply for planning permission": (
        "Gwneud cais am ganiatâd cynllunio",
        "gwneud-cais-am-ganiatad-cynllunio",
        "Dysgwch a oes angen caniatâd cynllunio arnoch a sut i wneud cais.",
    ),
    "Comment on a planning application": (
        "Rhoi sylwadau ar gais cynllunio",
        "rhoi-sylwadau-ar-gais-cynllunio",
        "Dywedwch eich dweud am gais yn eich ardal cyn i ni wneud penderfyniad.",
    ),
    "Join the library": (
        "Ymuno â’r llyfrgell",
        "ymuno-ar-llyfrgell",
        "Aelodaeth am ddim i bawb sy’n byw, yn gweithio neu’n astudio yng Nglanrhyd.",
    ),
    "Renew library books": (
        "Adnewyddu llyfrau llyfrgell",
        "adnewyddu-llyfrau-llyfrgell",
        "Adnewyddwch eich llyfrau ar-lein, dros y ffôn neu mewn unrhyw lyfrgell.",
    ),
    "Book an appointment at a reception point": (
        "Trefnu apwyntiad mewn derbynfa",
        "trefnu-apwyntiad-mewn-derbynfa",
        "Gweld aelod o staff wyneb yn wyneb mewn pwynt gwasanaeth cwsmeriaid.",
    ),
    "Make a complaint": (
        "Gwneud cwyn",
        "gwneud-cwyn",
        "Rhowch wybod i ni os gwnaethom rywbeth o’i le a sut byddwn yn ei gywiro.",
    ),
    "Accessibility statement": (
        "Datganiad hygyrchedd",
        "datganiad-hygyrchedd",
        "Pa mor hygyrch yw’r wefan hon a sut i roi gwybod am broblem.",
    ),
    "Privacy notice": (
        "Hysbysiad preifatrwydd",
        "hysbysiad-preifatrwydd",
        "Sut rydym yn casglu, yn defnyddio ac yn diogelu eich gwybodaeth bersonol.",
    ),
}

BODY = [
    ("heading", "Beth sydd angen i chi ei wybod"),
    (
        "paragraph",
        "<p>Gallwch wneud hyn ar-lein ar unrhyw adeg. Mae’n cymryd tua 5 munud. Os na allwch "
        "ddefnyddio cyfrifiadur, ffoniwch ni neu ewch i bwynt gwasanaeth cwsmeriaid a bydd aelod "
        "o staff yn eich helpu.</p>",
    ),
    (
        "details",
        {
            "summary": "Os oes angen help arnoch mewn iaith neu fformat arall",
            "content": "<p>Gofynnwch mewn unrhyw dderbynfa. Gallwn drefnu cyfieithydd, print "
            "bras neu fersiwn Hawdd ei Ddeall.</p>",
        },
    ),
    (
        "contact",
        {
            "heading": "Gwasanaethau cwsmeriaid",
            "phone": "01632 960 000",
            "email": "contact@glanrhyd.example",
            "address": "",
            "hours": "Dydd Llun i ddydd Gwener, 9am i 5pm",
        },
    ),
]

EXTRA_BODY = {
    "Report a missed bin collection": [
        (
            "inset_text",
            "<p>Caiff biniau eu gwagio rhwng 7am a 6pm. Arhoswch tan y diwrnod ar ôl eich "
            "casgliad cyn rhoi gwybod i ni.</p>",
        ),
        (
            "steps",
            {
                "steps": [
                    {"heading": "Gwiriwch eich diwrnod casglu", "content": ""},
                    {"heading": "Gadewch eich bin allan nes i ni ddod yn ôl", "content": ""},
                    {"heading": "Rhowch wybod ar-lein am y bin heb ei gasglu", "content": ""},
                ]
            },
        ),
    ],
    "Report fly-tipping": [
        (
            "warning_text",
            "Peidiwch â chyffwrdd â gwastraff sydd wedi’i dipio’n anghyfreithlon. Gall gynnwys "
            "nodwyddau, cemegion neu asbestos.",
        ),
    ],
}

LOCATIONS = {
    "Glanrhyd Civic Centre reception": (
        "Derbynfa Canolfan Ddinesig Glanrhyd",
        "derbynfa-canolfan-ddinesig-glanrhyd",
        "Ein prif dderbynfa: help gyda phob un o wasanaethau’r cyngor, a ffôn a chyfrifiaduron am "
        "ddim.",
    ),
    "Pontnewydd Library and customer service point": (
        "Llyfrgell Pontnewydd a phwynt gwasanaeth cwsmeriaid",
        "llyfrgell-pontnewydd",
        "Llyfrgell a phwynt cymorth y cyngor gyda chyfrifiaduron y gallwch eu defnyddio am ddim.",
    ),
    "Aberglas Community Hub": (
        "Hyb Cymunedol Aberglas",
        "hyb-cymunedol-aberglas",
        "Staff y cyngor ar gael ar ddydd Mawrth a dydd Iau, yn y ganolfan gymunedol.",
    ),
}
LOCATION_TEXT = {
    "directions": "<p>Mae bysiau 12 a 40 yn stopio y tu allan. Parcio am ddim, gyda 4 lle i "
    "ddeiliaid Bathodyn Glas wrth y brif fynedfa.</p>",
    "facilities": "<ul><li>Cyfrifiaduron a wifi am ddim</li><li>Ffôn am ddim i ffonio "
    "gwasanaethau’r cyngor</li></ul>",
    "accessibility": "<ul><li>Mynedfa heb risiau</li><li>Dolen sain wrth bob desg</li>"
    "<li>Toiled hygyrch</li></ul>",
}
CLOSURE_NOTES = {
    "Christmas Eve": "Noswyl Nadolig",
    "Staff training": "Hyfforddiant staff",
    "Bank holiday opening": "Ar agor ar ŵyl y banc",
}

NEWS_INDEX = ("Newyddion", "newyddion", "Newyddion gan Gyngor Bwrdeistref Sirol Glanrhyd.")
NEWS = {
    "Christmas and New Year bin collection changes": (
        "Newidiadau i gasgliadau biniau dros y Nadolig a’r Flwyddyn Newydd",
        "newidiadau-i-gasgliadau-biniau-dros-y-nadolig",
        "Bydd casgliadau’n symud un neu ddau ddiwrnod dros y gwyliau. Gwiriwch eich dyddiadau "
        "newydd.",
    ),
    "New recycling centre opens in Pontnewydd": (
        "Canolfan ailgylchu newydd yn agor ym Mhontnewydd",
        "canolfan-ailgylchu-newydd-ym-mhontnewydd",
        "Mae’r ganolfan ar Heol Ddu yn derbyn gwastraff gardd, pren ac eitemau trydanol.",
    ),
    "Council Tax bills for next year are on their way": (
        "Mae biliau’r Dreth Gyngor ar gyfer y flwyddyn nesaf ar eu ffordd",
        "biliau-treth-gyngor-y-flwyddyn-nesaf",
        "Bydd y biliau’n cyrraedd ym mis Mawrth. Sefydlwch Ddebyd Uniongyrchol i rannu’r gost.",
    ),
}

# Online forms: English title: (Welsh title, Welsh confirmation heading).
JOURNEYS = {
    "Report a missed bin collection": (
        "Rhoi gwybod am fin heb ei gasglu",
        "Adroddiad wedi’i anfon",
    ),
    "Report fly-tipping": ("Rhoi gwybod am dipio anghyfreithlon", "Adroddiad wedi’i anfon"),
    "Request a new or replacement bin": (
        "Gofyn am fin newydd neu fin yn lle hen un",
        "Cais wedi’i anfon",
    ),
    "Contact the council": ("Cysylltu â’r cyngor", "Neges wedi’i hanfon"),
}
WHAT_HAPPENS_NEXT = (
    "<p>Rydym wedi anfon e-bost atoch i gadarnhau, gyda’ch cyfeirnod. Bydd ein tîm yn edrych ar "
    "eich adroddiad o fewn 2 ddiwrnod gwaith. Gallwch wirio sut mae’n dod yn ei flaen gyda’ch "
    "cyfeirnod.</p>"
)
# Every label, hint, heading and text residents read in the demo forms (forms_app/journeys/demo.py).
# Question names, answer values and page names are never translated: rules and routing use them.
JOURNEY_TEXT = {
    "Full name": "Enw llawn",
    "Email address": "Cyfeiriad e-bost",
    "We will send your reference number here.": "Byddwn yn anfon eich cyfeirnod i’r cyfeiriad hwn.",
    "Phone number": "Rhif ffôn",
    "Your contact details": "Eich manylion cyswllt",
    "Which bin was missed?": "Pa fin na chafodd ei gasglu?",
    "General waste (black bin)": "Gwastraff cyffredinol (bin du)",
    "Recycling (blue box and bag)": "Ailgylchu (blwch glas a bag glas)",
    "Food waste (grey caddy)": "Gwastraff bwyd (cadi llwyd)",
    "Garden waste (brown bin)": "Gwastraff gardd (bin brown)",
    "Do you pay for garden waste collections?": "Ydych chi’n talu am gasgliadau gwastraff gardd?",
    "Was your bin due to be collected today?": "Oedd disgwyl i’ch bin gael ei gasglu heddiw?",
    "We collect bins until 6pm.": "Rydym yn casglu biniau tan 6pm.",
    "Where was the bin missed?": "Ble na chafodd y bin ei gasglu?",
    "Wait until the end of your collection day": "Arhoswch tan ddiwedd eich diwrnod casglu",
    "<p>We collect bins until 6pm. If your bin has not been emptied by then, report it from "
    "tomorrow morning.</p>": "<p>Rydym yn casglu biniau tan 6pm. Os nad yw eich bin wedi cael ei "
    "wagio erbyn hynny, rhowch wybod i ni o fore yfory ymlaen.</p>",
    "You need a garden waste subscription": "Mae angen tanysgrifiad gwastraff gardd arnoch",
    "<p>We only collect garden waste for residents who pay for it. You can subscribe at any "
    "time.</p>": "<p>Dim ond gan breswylwyr sy’n talu am y gwasanaeth rydym yn casglu gwastraff "
    "gardd. Gallwch danysgrifio ar unrhyw adeg.</p>",
    "Where is the fly-tipping?": "Ble mae’r tipio anghyfreithlon?",
    "For example, ‘in the lay-by on Heol Ddu, opposite the school gates’.": "Er enghraifft, ‘yn "
    "y gilfan ar Heol Ddu, gyferbyn â gatiau’r ysgol’.",
    "Nearest postcode": "Y cod post agosaf",
    "Where is it?": "Ble mae’r gwastraff?",
    "What has been dumped?": "Beth sydd wedi cael ei adael?",
    "Select all that apply.": "Dewiswch bob un sy’n berthnasol.",
    "Household rubbish": "Sbwriel o’r cartref",
    "Furniture or mattresses": "Dodrefn neu fatresi",
    "Building rubble": "Rwbel adeiladu",
    "Tyres": "Teiars",
    "Asbestos or chemicals": "Asbestos neu gemegion",
    "Something else": "Rhywbeth arall",
    "Upload a photo of the fly-tipping": "Llwytho llun o’r tipio anghyfreithlon",
    "Optional. A photo helps our team find it and decide what to send.": "Dewisol. Mae llun yn "
    "helpu ein tîm i ddod o hyd iddo a phenderfynu beth i’w anfon.",
    "Optional. For updates.": "Dewisol. Ar gyfer diweddariadau.",
    "Which bin do you need?": "Pa fin sydd ei angen arnoch?",
    "Recycling box": "Blwch ailgylchu",
    "Food waste caddy": "Cadi gwastraff bwyd",
    "Why do you need it?": "Pam mae ei angen arnoch?",
    "It was lost or stolen": "Cafodd ei golli neu ei ddwyn",
    "It is damaged": "Mae wedi’i ddifrodi",
    "I have moved into a new home": "Rwyf wedi symud i gartref newydd",
    "Where should we deliver it?": "I ble dylem ei ddanfon?",
    "What is your message about?": "Am beth mae eich neges?",
    "Bins and recycling": "Biniau ac ailgylchu",
    "Council Tax": "Treth Gyngor",
    "Housing": "Tai",
    "Your message": "Eich neges",
}
# The parts of a form's steps residents read; everything else (names, values, slugs, rules) stays.
_READABLE_KEYS = {"label", "hint", "heading", "body"}


def welsh_journey_steps(raw_steps):
    """A form's steps (raw StreamField data) with every text residents read in Welsh."""

    def walk(value, key=None):
        if isinstance(value, dict):
            return {k: walk(v, k) for k, v in value.items()}
        if isinstance(value, list):
            return [walk(item, key) for item in value]
        if key in _READABLE_KEYS and isinstance(value, str):
            return JOURNEY_TEXT.get(value, value)
        return value

    return walk(raw_steps)


def _translate(page, locale, stdout, **fields):
    """The Welsh translation of `page`, made and published with these fields if it is missing."""
    existing = page.get_translation_or_none(locale)
    if existing is not None:
        return existing.specific, False
    welsh = page.specific.copy_for_translation(locale)
    for name, value in fields.items():
        setattr(welsh, name, value)
    welsh.save_revision().publish()
    welsh.refresh_from_db()
    return welsh, True


def _copy_routing_rules(english, welsh):
    """Routing rules belong to one form page; the Welsh form sends cases to the same queues.
    (Answer values are the same in both languages, so the same rules match.)"""
    from forms_app.cases.models import RoutingRule

    if RoutingRule.objects.filter(journey=welsh).exists():
        return
    for rule in RoutingRule.objects.filter(journey=english):
        rule.pk = None
        rule.journey = welsh
        rule.save()


def seed_welsh(stdout):
    """Translate the demo council's main pages and online forms into Welsh."""
    from forms_app.journeys.models import JourneyPage

    site = Site.objects.get(is_default_site=True)
    english_home = site.root_page.specific
    welsh, _ = Locale.objects.get_or_create(language_code=WELSH)
    created = 0

    _, new = _translate(english_home, welsh, stdout, **HOME)
    created += new
    english_pages = Page.objects.descendant_of(english_home).filter(locale=english_home.locale)
    by_title = {}
    for page in english_pages.order_by("path"):
        by_title.setdefault((page.depth, page.title), page)

    def find(depth, title):
        return by_title.get((english_home.depth + depth, title))

    for title, (welsh_title, slug, summary) in CATEGORIES.items():
        if category := find(1, title):
            _, new = _translate(
                category, welsh, stdout, title=welsh_title, slug=slug, summary=summary
            )
            created += new
    for title, (welsh_title, slug, summary) in SERVICES.items():
        if service := find(2, title):
            body = EXTRA_BODY.get(title, []) + BODY
            _, new = _translate(
                service,
                welsh,
                stdout,
                title=welsh_title,
                slug=slug,
                summary=summary,
                body=body,
                status_message="",
            )
            created += new
    for title, (welsh_title, slug, summary) in LOCATIONS.items():
        if location := find(2, title):
            translated, new = _translate(
                location,
                welsh,
                stdout,
                title=welsh_title,
                slug=slug,
                summary=summary,
                **LOCATION_TEXT,
            )
            if new:
                for change in DatedHours.objects.filter(page=translated):
                    change.note = CLOSURE_NOTES.get(change.note, change.note)
                    change.save(update_fields=["note"])
            created += new
    welsh_title, slug, summary = NEWS_INDEX
    if news_index := find(1, "News"):
        _, new = _translate(
            news_index, welsh, stdout, title=welsh_title, slug=slug, summary=summary
        )
        created += new
        for title, (welsh_title, slug, summary) in NEWS.items():
            if news := find(2, title):
                _, new = _translate(
                    news,
                    welsh,
                    stdout,
                    title=welsh_title,
                    slug=slug,
                    summary=summary,
                    body=BODY[:2],
                )
                created += new
    for journey in JourneyPage.objects.filter(locale=english_home.locale):
        if journey.title not in JOURNEYS or not journey.get_parent().get_translation_or_none(welsh):
            continue
        welsh_title, confirmation = JOURNEYS[journey.title]
        translated, new = _translate(
            journey,
            welsh,
            stdout,
            title=welsh_title,
            slug="ffurflen",
            steps=welsh_journey_steps(list(journey.steps.raw_data)),
            confirmation_heading=confirmation,
            what_happens_next=WHAT_HAPPENS_NEXT,
        )
        _copy_routing_rules(journey, translated)
        created += new
    if created:
        stdout.write(f"Translated {created} pages into Welsh.")
