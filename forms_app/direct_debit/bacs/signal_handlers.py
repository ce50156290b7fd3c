from django.dispatch import receiver

from forms_app.cases.signals import case_anonymised, retention_due

from .retention import forget_payer, remove_expired_bank_details


@receiver(retention_due, dispatch_uid="bacs.remove_expired_bank_details")
def remove_bank_details_on_retention_run(sender, now, **kwargs):
    remove_expired_bank_details(now)


@receiver(case_anonymised, dispatch_uid="bacs.forget_payer")
def forget_payer_of_anonymised_case(sender, case, **kwargs):
    forget_payer(case, case.anonymised_at)
