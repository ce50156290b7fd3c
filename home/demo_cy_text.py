"""The Welsh words of the demo council, for `home.demo_cy`: Cyngor Bwrdeistref Sirol Glanrhyd.

Demo text: a believable Welsh version of the English demo content (services/demo.py,
forms_app/journeys/demo.py, home/alerts/demo.py), written for this fictional council and not
checked by a professional translator. Tables are keyed by the English text they translate, so a
translator can read each pair side by side. Place names stay as they are, mutated as Welsh
grammar needs ('yng Nglanrhyd', 'i Lanrhyd').
"""

HOME = {
    "title": "Cyngor Bwrdeistref Sirol Glanrhyd",
    "slug": "cartref",
    "intro": "Dewch o hyd i wybodaeth am wasanaethau’r cyngor a gwneud pethau ar-lein.",
}

# Pages: English title: (Welsh title, Welsh slug, Welsh summary).
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
    "Book a bulky waste collection": (
        "Trefnu casgliad gwastraff swmpus",
        "trefnu-casgliad-gwastraff-swmpus",
        "Talwch i ni gasglu eitemau mawr fel dodrefn ac oergelloedd.",
    ),
    "Recycling centres": (
        "Canolfannau ailgylchu",
        "canolfannau-ailgylchu",
        "Oriau agor, a beth y gallwch fynd ag ef i ddwy ganolfan ailgylchu Glanrhyd.",
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
    "Council Tax bands and charges": (
        "Bandiau a thaliadau’r Dreth Gyngor",
        "bandiau-a-thaliadau-treth-gyngor",
        "Faint mae pob band yn ei gostio yng Nglanrhyd eleni a sut i herio eich band.",
    ),
    "Apply for a single person discount": (
        "Gwneud cais am ostyngiad person sengl",
        "gostyngiad-person-sengl",
        "Cewch 25% oddi ar eich bil os mai chi yw’r unig oedolyn sy’n byw yn eich cartref.",
    ),
    "Get help paying your Council Tax": (
        "Cael help i dalu eich Treth Gyngor",
        "help-i-dalu-eich-treth-gyngor",
        "Gostyngiad y Dreth Gyngor, a beth i’w wneud os ydych yn cael trafferth talu.",
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
    "Get help if you are homeless": (
        "Cael help os ydych yn ddigartref",
        "help-os-ydych-yn-ddigartref",
        "Beth i’w wneud os ydych yn ddigartref, neu os gallech fod yn ddigartref o fewn 56 "
        "diwrnod.",
    ),
    "Apply for a disabled facilities grant": (
        "Gwneud cais am grant cyfleusterau i’r anabl",
        "grant-cyfleusterau-ir-anabl",
        "Cewch arian i addasu eich cartref os ydych chi, neu rywun sy’n byw gyda chi, yn anabl.",
    ),
    "Apply for a resident parking permit": (
        "Gwneud cais am drwydded parcio i breswylwyr",
        "trwydded-parcio-i-breswylwyr",
        "Parciwch mewn parth trwyddedau preswylwyr ger eich cartref.",
    ),
    "Pay or challenge a parking fine": (
        "Talu neu herio dirwy parcio",
        "talu-neu-herio-dirwy-parcio",
        "Talwch hysbysiad tâl cosb, neu dywedwch wrthym pam rydych yn credu ei fod yn anghywir.",
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
    "Get building regulations approval": (
        "Cael cymeradwyaeth rheoliadau adeiladu",
        "cymeradwyaeth-rheoliadau-adeiladu",
        "Gwnewch yn siŵr bod gwaith adeiladu’n ddiogel ac yn bodloni’r rheolau.",
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
    "Book a community room": (
        "Archebu ystafell gymunedol",
        "archebu-ystafell-gymunedol",
        "Llogwch ystafell mewn llyfrgell neu ganolfan gymunedol ar gyfer cyfarfod neu ddigwyddiad.",
    ),
    "Report fly-tipping": (
        "Rhoi gwybod am dipio anghyfreithlon",
        "rhoi-gwybod-am-dipio-anghyfreithlon",
        "Rhowch wybod i ni am sbwriel sydd wedi’i adael yn anghyfreithlon ar dir cyhoeddus.",
    ),
    "Report a noise problem": (
        "Rhoi gwybod am broblem sŵn",
        "rhoi-gwybod-am-broblem-swn",
        "Rhowch wybod i ni am sŵn gan gymdogion, busnesau neu ddigwyddiadau.",
    ),
    "Book pest control": (
        "Trefnu gwasanaeth rheoli plâu",
        "trefnu-rheoli-plau",
        "Talwch i ni ddelio â llygod mawr, llygod, gwenyn meirch neu chwilod gwely yn eich "
        "cartref.",
    ),
    "Contact us": (
        "Cysylltu â ni",
        "cysylltu-a-ni",
        "Rhifau ffôn, cyfeiriadau e-bost a sut i gael help wyneb yn wyneb.",
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

# Services that are not running normally: English title: Welsh status message.
STATUS_MESSAGES = {
    "Book a bulky waste collection": (
        "Mae’r casgliadau bythefnos ar ei hôl hi oherwydd prinder staff."
    ),
}

GUIDES = {
    "Recycling guide: what goes in which bin": (
        "Canllaw ailgylchu: beth sy’n mynd ym mha fin",
        "canllaw-ailgylchu",
        "Dysgwch pa fin i’w ddefnyddio ar gyfer bwyd, gwydr, plastig, papur a gwastraff gardd.",
    ),
    "Council Tax: a guide for new residents": (
        "Y Dreth Gyngor: canllaw i breswylwyr newydd",
        "treth-gyngor-canllaw-i-breswylwyr-newydd",
        "Sut mae’r Dreth Gyngor yn gweithio yng Nglanrhyd, faint y byddwch yn ei dalu a sut i "
        "gael gostyngiad.",
    ),
}

STEP_BY_STEPS = {
    "Moving to Glanrhyd: step by step": (
        "Symud i Lanrhyd: cam wrth gam",
        "symud-i-lanrhyd-cam-wrth-gam",
        "Beth i’w drefnu gyda’r cyngor pan fyddwch yn symud i gartref yng Nglanrhyd.",
    ),
}

# Every text residents read in the demo pages' StreamFields: service and news bodies, guide parts,
# step-by-step steps. A Welsh page keeps its English page's blocks, in the same order, with each
# text found here swapped for its Welsh; numbers, phone numbers and addresses stay as they are.
STREAM_TEXT = {
    # The body every service page shares (news items have its first two blocks).
    "What you need to know": "Beth sydd angen i chi ei wybod",
    "<p>You can do this online at any time. It takes about 5 minutes. If you cannot use a "
    "computer, call us or visit a customer service point and an adviser will help you.</p>": (
        "<p>Gallwch wneud hyn ar-lein ar unrhyw adeg. Mae’n cymryd tua 5 munud. Os na allwch "
        "ddefnyddio cyfrifiadur, ffoniwch ni neu ewch i bwynt gwasanaeth cwsmeriaid a bydd "
        "aelod o staff yn eich helpu.</p>"
    ),
    "If you need help in another language or format": (
        "Os oes angen help arnoch mewn iaith neu fformat arall"
    ),
    "<p>Ask at any reception point. We can arrange an interpreter, large print or an Easy Read "
    "version.</p>": (
        "<p>Gofynnwch mewn unrhyw dderbynfa. Gallwn drefnu cyfieithydd, print bras neu fersiwn "
        "Hawdd ei Ddeall.</p>"
    ),
    "Customer services": "Gwasanaethau cwsmeriaid",
    "Monday to Friday, 9am to 5pm": "Dydd Llun i ddydd Gwener, 9am i 5pm",
    # Report a missed bin collection.
    "<p>Bins are emptied between 7am and 6pm. Wait until the day after your collection before "
    "you report it.</p>": (
        "<p>Caiff biniau eu gwagio rhwng 7am a 6pm. Arhoswch tan y diwrnod ar ôl eich casgliad "
        "cyn rhoi gwybod i ni.</p>"
    ),
    "Check your collection day": "Gwiriwch eich diwrnod casglu",
    "Leave your bin out until we come back": "Gadewch eich bin allan nes i ni ddod yn ôl",
    "Report the missed bin online": "Rhowch wybod ar-lein am y bin heb ei gasglu",
    # Council Tax bands and charges.
    "Council Tax in Glanrhyd, April 2026 to March 2027": (
        "Y Dreth Gyngor yng Nglanrhyd, Ebrill 2026 i Fawrth 2027"
    ),
    "Property value (1 April 2003)": "Gwerth yr eiddo (1 Ebrill 2003)",
    "Yearly charge": "Tâl blynyddol",
    "Up to £44,000": "Hyd at £44,000",
    "£44,001 to £65,000": "£44,001 i £65,000",
    "£65,001 to £91,000": "£65,001 i £91,000",
    "£91,001 to £123,000": "£91,001 i £123,000",
    # Report fly-tipping.
    "Do not touch fly-tipped waste. It may contain needles, chemicals or asbestos.": (
        "Peidiwch â chyffwrdd â gwastraff sydd wedi’i dipio’n anghyfreithlon. Gall gynnwys "
        "nodwyddau, cemegion neu asbestos."
    ),
    # Recycling guide: what goes in which bin.
    "Food waste": "Gwastraff bwyd",
    "<p>Use your small grey caddy for all cooked and uncooked food.</p>": (
        "<p>Defnyddiwch eich cadi bach llwyd ar gyfer pob bwyd, wedi’i goginio neu heb ei "
        "goginio.</p>"
    ),
    "Glass, cans and plastic": "Gwydr, caniau a phlastig",
    "<p>Rinse them and put them loose in the blue box.</p>": (
        "<p>Rinsiwch nhw a’u rhoi’n rhydd yn y blwch glas.</p>"
    ),
    "Paper and card": "Papur a cherdyn",
    "<p>Flatten boxes and put them in the blue bag.</p>": (
        "<p>Gwasgwch focsys yn fflat a’u rhoi yn y bag glas.</p>"
    ),
    "Garden waste": "Gwastraff gardd",
    "<p>Subscribe to have your brown bin collected fortnightly.</p>": (
        "<p>Tanysgrifiwch i gael casglu eich bin brown bob pythefnos.</p>"
    ),
    # Council Tax: a guide for new residents.
    "What Council Tax pays for": "Beth mae’r Dreth Gyngor yn talu amdano",
    "<p>Schools, social care, bins, roads and more.</p>": (
        "<p>Ysgolion, gofal cymdeithasol, biniau, ffyrdd a mwy.</p>"
    ),
    "How your bill is worked out": "Sut caiff eich bil ei gyfrifo",
    "<p>It depends on your band and discounts.</p>": (
        "<p>Mae’n dibynnu ar eich band a’ch gostyngiadau.</p>"
    ),
    "Ways to pay": "Ffyrdd o dalu",
    "<p>Direct Debit is the easiest way to pay.</p>": (
        "<p>Debyd Uniongyrchol yw’r ffordd hawsaf o dalu.</p>"
    ),
    # Moving to Glanrhyd: step by step. (Its tasks are links: they show the Welsh page titles.)
    "Tell us you have moved": "Rhowch wybod i ni eich bod wedi symud",
    "Check if you can get a discount": "Gwiriwch a allwch gael gostyngiad",
    "Sort out your bins": "Trefnwch eich biniau",
    "Apply for a parking permit": "Gwnewch gais am drwydded parcio",
    "Join the library": "Ymunwch â’r llyfrgell",
}

# English title: (Welsh title, Welsh slug, Welsh summary, Welsh address).
LOCATIONS = {
    "Glanrhyd Civic Centre reception": (
        "Derbynfa Canolfan Ddinesig Glanrhyd",
        "derbynfa-canolfan-ddinesig-glanrhyd",
        "Ein prif dderbynfa: help gyda phob un o wasanaethau’r cyngor, a ffôn a chyfrifiaduron am "
        "ddim.",
        "Canolfan Ddinesig Glanrhyd\nHeol y Castell\nGlanrhyd",
    ),
    "Pontnewydd Library and customer service point": (
        "Llyfrgell Pontnewydd a phwynt gwasanaeth cwsmeriaid",
        "llyfrgell-pontnewydd",
        "Llyfrgell a phwynt cymorth y cyngor gyda chyfrifiaduron y gallwch eu defnyddio am ddim.",
        "Llyfrgell Pontnewydd\nStryd Fawr\nPontnewydd",
    ),
    "Aberglas Community Hub": (
        "Hyb Cymunedol Aberglas",
        "hyb-cymunedol-aberglas",
        "Staff y cyngor ar gael ar ddydd Mawrth a dydd Iau, yn y ganolfan gymunedol.",
        "Hyb Cymunedol Aberglas\nFfordd yr Orsaf\nAberglas",
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
    "Pothole repairs: 2,000 fixed this year": (
        "Atgyweirio tyllau yn y ffordd: 2,000 wedi’u trwsio eleni",
        "atgyweirio-tyllau-yn-y-ffordd",
        "Mae ein criwiau wedi trwsio mwy o dyllau nag erioed. Daliwch ati i roi gwybod i ni "
        "amdanyn nhw.",
    ),
    "Libraries extend opening hours on Saturdays": (
        "Llyfrgelloedd ar agor yn hwyrach ar ddydd Sadwrn",
        "llyfrgelloedd-ar-agor-yn-hwyrach-ar-ddydd-sadwrn",
        "Mae’r tair llyfrgell bellach ar agor tan 4pm ar ddydd Sadwrn.",
    ),
    "Have your say on the Glanrhyd town centre plan": (
        "Dweud eich dweud am gynllun canol tref Glanrhyd",
        "cynllun-canol-tref-glanrhyd",
        "Dywedwch wrthym beth rydych chi eisiau ei weld yng nghanol y dref cyn 31 Ionawr.",
    ),
    "Free Warm Welcome spaces this winter": (
        "Mannau Croeso Cynnes am ddim y gaeaf hwn",
        "mannau-croeso-cynnes-am-ddim",
        "Mae llyfrgelloedd a chanolfannau cymunedol ar agor i unrhyw un sydd eisiau lle cynnes.",
    ),
    "Garden waste subscriptions open for spring": (
        "Tanysgrifiadau gwastraff gardd ar agor ar gyfer y gwanwyn",
        "tanysgrifiadau-gwastraff-gardd",
        "Cofrestrwch nawr i gael casglu eich gwastraff gardd o fis Mawrth ymlaen.",
    ),
    "Blue Badge renewals are now online": (
        "Gallwch adnewyddu eich Bathodyn Glas ar-lein nawr",
        "adnewyddu-bathodyn-glas-ar-lein",
        "Adnewyddwch eich Bathodyn Glas ar-lein heb anfon ffurflenni papur.",
    ),
    "Flood advice for residents near the River Glas": (
        "Cyngor ar lifogydd i breswylwyr ger Afon Glas",
        "cyngor-ar-lifogydd-afon-glas",
        "Mae bagiau tywod ar gael, a dyma sut i baratoi eich cartref.",
    ),
}
# News topics are tags: Welsh items get Welsh tags, so the topic links filter the Welsh news.
NEWS_TOPICS = {
    "Bins and recycling": "Biniau ac ailgylchu",
    "Council Tax": "Treth Gyngor",
    "Roads": "Ffyrdd",
    "Libraries": "Llyfrgelloedd",
    "Your say": "Dweud eich dweud",
}

# Alert banners: English title: (Welsh title, Welsh message).
ALERTS = {
    "Online services are unavailable early on Sunday mornings": (
        "Nid yw gwasanaethau ar-lein ar gael yn gynnar ar fore Sul",
        "<p>Rydym yn diweddaru ein systemau bob dydd Sul rhwng 6am ac 8am. Gallwch barhau i "
        "ddarllen gwybodaeth ar y wefan hon, ond ni fydd ffurflenni’n gweithio yn ystod yr amser "
        "hwnnw.</p>",
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
    "<p>Bydd ein tîm yn edrych ar eich adroddiad o fewn 2 ddiwrnod gwaith. Gallwch wirio sut "
    "mae’n dod yn ei flaen gyda’ch cyfeirnod.</p>"
)
# The demo forms' page names, the last part of each page's address: "ffurflen/math-o-fin/". The
# Welsh forms' rules go to the Welsh names.
JOURNEY_PAGE_NAMES = {
    "bin-type": "math-o-fin",
    "garden-subscription": "tanysgrifiad-gardd",
    "collection-day": "diwrnod-casglu",
    "address": "cyfeiriad",
    "contact-details": "manylion-cyswllt",
    "too-early": "rhy-gynnar",
    "no-subscription": "dim-tanysgrifiad",
    "location": "lleoliad",
    "what": "beth",
    "photo": "llun",
    "which-bin": "pa-fin",
    "reason": "rheswm",
    "topic": "pwnc",
    "message": "neges",
}
# Every label, hint, heading and text residents read in the demo forms (forms_app/journeys/demo.py).
# Question names and answer values are never translated: rules and routing use them.
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
