"""Direct Debit instructions for tests, each on a case opened as a sign-up would open one."""

import factory

from forms_app.direct_debit.models import Instruction

from .casework import CaseFactory


class InstructionFactory(factory.django.DjangoModelFactory):
    case = factory.SubFactory(CaseFactory)
    payer_name = "Sam Jones"
    payer_address = "1 High St\nGlanrhyd\nGR1 2BD"
    payer_email = "sam@example.com"
    account_reference = "12345678"
    account_name = "S JONES"
    sort_code = "089999"
    account_number = "66374958"
    modulus_verdict = "valid"

    class Meta:
        model = Instruction
