"""The Direct Debit sign-up page editors place under a service.

The journey follows the scheme's paperless sign-up: your details, your bank details (checked as
they are typed), whether the resident alone can authorise Direct Debits (if not, the paper
instruction), check your answers with every detail played back, then the confirmation with the
Guarantee. Bank details never leave the resident's session except into the instruction, where
they are encrypted; "Save and come back later" is off.
"""

import re

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.template.response import TemplateResponse
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import path
from wagtail.fields import RichTextField
from wagtail.models import Page

from forms_app.journeys import views as journey_views
from forms_app.journeys.engine import EXIT, Journey, Step
from forms_app.journeys.pages import AbstractJourneyPage, question_step
from forms_app.journeys.panels import ContributedPanel
from forms_app.journeys.questions import registry

from . import signup
from .confirmation import CONFIRMATION, council_name, guarantee_html
from .enums import ReferenceFormat
from .signup import BANK_DETAILS_STEP
from .wording import default_paper_instruction, rich

PAPER_STEP = "paper-instruction"
_DAY = re.compile(r"^\d{1,2}$")


def _question(question_type, **value):
    return registry.get(question_type).to_python(value)


class DirectDebitPage(AbstractJourneyPage):
    """Set up a Direct Debit with the council for one thing it collects (council tax, garden
    waste): a paperless instruction, lodged with the bank in the next AUDDIS file."""

    allow_save_and_return = False
    # The Direct Debit confirmation (confirmation.py) is the resident's one confirmation email:
    # casework's "We have received your form" is not sent as well.
    confirmation_kind = CONFIRMATION.value

    intro = RichTextField(
        _("what the payments are for"),
        features=["bold", "link", "ul"],
        blank=True,
        help_text=_(
            "Shown before the first question, e.g. ‘Pay your council tax in 10 or 12 monthly "
            "instalments.’ Do not give amounts or dates: an instruction never includes them."
        ),
    )
    reference_label = models.CharField(
        _("account reference question"),
        max_length=100,
        default=_("Council tax account number"),
        help_text=_("What residents are asked for, as it appears on their bill."),
    )
    reference_hint = models.CharField(
        _("account reference hint"),
        max_length=250,
        blank=True,
        help_text=_("Optional. Where to find it, e.g. ‘It is at the top of your bill’."),
    )
    reference_format = models.CharField(
        _("account reference format"),
        max_length=10,
        choices=ReferenceFormat.choices,
        default=ReferenceFormat.DIGITS,
    )
    reference_digits = models.PositiveSmallIntegerField(
        _("number of digits"),
        default=8,
        help_text=_("For ‘A number of digits’: how many."),
    )
    reference_pattern = models.CharField(
        _("pattern"),
        max_length=200,
        blank=True,
        help_text=_(
            "For ‘A pattern’: a regular expression the whole reference must match, in capitals "
            "without spaces, e.g. GW[0-9]{6}. Ask your developer if unsure."
        ),
    )
    reference_example = models.CharField(
        _("example reference"),
        max_length=50,
        blank=True,
        help_text=_("Shown in the error message, e.g. 12345678."),
    )
    payment_days = models.CharField(
        _("payment days"),
        max_length=50,
        blank=True,
        validators=[
            RegexValidator(
                r"^\s*(\d{1,2}\s*(,\s*\d{1,2}\s*)*)?$",
                _("List days of the month separated by commas, e.g. 1, 15"),
            )
        ],
        help_text=_(
            "Optional. Days of the month residents may choose to pay on, separated by commas, "
            "e.g. 1, 15. Leave empty if residents do not choose."
        ),
    )
    service_user_name = models.CharField(
        _("service user name"),
        max_length=18,
        help_text=_("As your bank registered it: it appears on residents' bank statements."),
    )
    service_user_number = models.CharField(
        _("service user number (SUN)"),
        max_length=6,
        validators=[RegexValidator(r"^\d{6}$", _("Enter the 6-digit service user number"))],
    )
    contact_details = models.TextField(
        _("contact details for Direct Debit questions"),
        blank=True,
        help_text=_(
            "One per line: phone, email, address. Leave empty to use the council's contact "
            "details from Settings."
        ),
    )
    paper_instruction = RichTextField(
        _("paper instruction"),
        features=["bold", "link", "ul"],
        blank=True,
        help_text=_(
            "Shown to residents who are not the only person needed to authorise Direct Debits "
            "from the account: how to get a paper instruction. Leave empty for the standard text."
        ),
    )
    guarantee = RichTextField(
        _("the Direct Debit Guarantee"),
        features=["bold", "link", "ul"],
        blank=True,
        help_text=_(
            "Paste the Guarantee exactly as your sponsoring bank approved it. Until you do, a "
            "demo text is shown that is not approved for use."
        ),
    )
    confirmation_text = RichTextField(
        _("confirmation wording"),
        features=["bold", "link", "ul"],
        blank=True,
        help_text=_(
            "Optional. Extra words for the confirmation page and email, as your bank approved."
        ),
    )
    how_to_cancel = models.TextField(
        _("how to cancel"),
        blank=True,
        help_text=_("Leave empty for the standard text."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        MultiFieldPanel(
            [
                FieldPanel("reference_label"),
                FieldPanel("reference_hint"),
                FieldRowPanel(
                    [
                        FieldPanel("reference_format"),
                        FieldPanel("reference_digits"),
                        FieldPanel("reference_pattern"),
                    ]
                ),
                FieldPanel("reference_example"),
            ],
            heading=_("Account reference"),
        ),
        FieldPanel("payment_days"),
        MultiFieldPanel(
            [
                FieldPanel("service_user_name"),
                FieldPanel("service_user_number"),
                FieldPanel("contact_details"),
            ],
            heading=_("Your Direct Debit registration"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("guarantee"),
                FieldPanel("confirmation_text"),
                FieldPanel("how_to_cancel"),
                FieldPanel("paper_instruction"),
            ],
            heading=_("Wording your bank approves"),
        ),
        MultiFieldPanel(
            [FieldPanel("confirmation_heading"), FieldPanel("what_happens_next")],
            heading=_("After submitting"),
        ),
        ContributedPanel(),
    ]
    settings_panels = [*Page.settings_panels, FieldPanel("retention_days")]

    parent_page_types = ["services.ServicePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("Direct Debit sign-up")

    def clean(self):
        super().clean()
        if self.reference_format == ReferenceFormat.PATTERN:
            try:
                re.compile(self.reference_pattern or "")
            except re.error:
                raise ValidationError(
                    {"reference_pattern": _("This pattern is not a valid regular expression.")}
                ) from None
            if not self.reference_pattern:
                raise ValidationError({"reference_pattern": _("Enter a pattern.")})
        elif not 1 <= self.reference_digits <= 30:
            raise ValidationError({"reference_digits": _("Enter a number from 1 to 30.")})

    @property
    def reference_regex(self):
        if self.reference_format == ReferenceFormat.PATTERN and self.reference_pattern:
            return self.reference_pattern
        return rf"\d{{{self.reference_digits}}}"

    def payment_day_choices(self):
        days = sorted(
            {int(d) for d in re.split(r"[,\s]+", self.payment_days or "") if _DAY.match(d)}
        )
        return [day for day in days if 1 <= day <= 31]

    def journey(self):
        start = Step(
            "content_page",
            "start",
            heading=gettext("Set up a Direct Debit with %(council)s") % {"council": council_name()},
            body=self._start_text(),
        )
        details = [
            _question(
                "text",
                label=gettext("Your full name"),
                name="payer_name",
                holds_name=True,
                required=True,
                error_message=gettext("Enter your full name"),
            ),
            _question(
                "address", label=gettext("Your address"), name="payer_address", required=True
            ),
            _question(
                "email",
                label=gettext("Email address"),
                hint=gettext("We will send your Direct Debit confirmation to this address."),
                name="payer_email",
                required=True,
            ),
            _question(
                "dd_account_reference",
                label=self.reference_label,
                hint=self.reference_hint,
                name="account_reference",
                required=True,
                pattern=self.reference_regex,
                example=self.reference_example,
            ),
        ]
        days = self.payment_day_choices()
        if days:
            details.append(
                _question(
                    "radios",
                    label=gettext("Which day of the month would you like to pay on?"),
                    name="payment_day",
                    required=True,
                    error_message=gettext("Select the day of the month you would like to pay on"),
                    choices=[
                        {
                            "label": gettext("Day %(day)s of each month") % {"day": day},
                            "value": str(day),
                            "hint": "",
                        }
                        for day in days
                    ],
                )
            )
        bank = _question(
            "bank_details",
            label=gettext("Your bank or building society account details"),
            hint=gettext(
                "The sort code is 6 digits. The account number is 6 to 8 digits long. You can "
                "find them on your bank card or statement."
            ),
            name="bank_details",
            required=True,
        )
        authorise = _question(
            "yes_no",
            label=gettext(
                "Are you the only person needed to authorise Direct Debits from this account?"
            ),
            name="sole_signatory",
            required=True,
            error_message=gettext(
                "Select yes if you are the only person needed to authorise Direct Debits from "
                "this account"
            ),
        )
        return Journey(
            [
                start,
                question_step("your-details", details, heading=gettext("Your details")),
                question_step(BANK_DETAILS_STEP, [bank]),
                question_step("authorise", [authorise], rules={"no": PAPER_STEP}),
                Step(
                    EXIT,
                    PAPER_STEP,
                    heading=gettext("You need to set up this Direct Debit on paper"),
                    body=rich(self.paper_instruction) or default_paper_instruction(),
                ),
            ]
        )

    def _start_text(self):
        intro = rich(self.intro) or ""
        return format_html(
            '{}<p class="govuk-body">{}</p><details class="govuk-details"><summary '
            'class="govuk-details__summary"><span class="govuk-details__summary-text">{}</span>'
            '</summary><div class="govuk-details__text">{}</div></details>',
            intro,
            gettext(
                "You will need your bank or building society account details. You must be the "
                "only person needed to authorise Direct Debits from the account."
            ),
            gettext("The Direct Debit Guarantee"),
            guarantee_html(self),
        )

    def process_submission(self, request, submission, answers):
        signup.check_before_sending(request, answers)
        case = super().process_submission(request, submission, answers)
        signup.give_instruction(request, self, case, answers)
        return case

    @path("check-your-answers/")
    def check_answers(self, request):
        response = journey_views.check_answers(request, self)
        if isinstance(response, TemplateResponse):
            response.template_name = "direct_debit/check_answers.html"
            response.context_data.update(signup.check_answers_context(request, self))
        return response

    @path("confirmation/")
    def confirmation(self, request):
        return signup.confirmation(request, self)
