from django.dispatch import receiver

from forms_app.cases.signals import retention_due

from .retention import remove_expired_bank_details


@receiver(retention_due, dispatch_uid="bacs.remove_expired_bank_details")
def remove_bank_details_on_retention_run(sender, now, **kwargs):
    remove_expired_bank_details(now)
