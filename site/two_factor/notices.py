"""Telling a member of staff that an authenticator app was set up for their account.

Setting up the first app needs only the account's password, so someone who learnt a password
could set up their own app before its owner does. The owner is then told by email at once (and
anyone else setting up an app after that needs the owner's app, or an administrator's
`reset_two_factor`), which is how they find out and ask an administrator to reset it.
"""

import datetime

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from django_tasks import task


@task()
def tell_of_new_authenticator(user_id, set_up_at, address):
    """Email the account's owner (if it has an address) that an app was set up, when and from
    which address."""
    user = get_user_model().objects.filter(pk=user_id).first()
    if user is None or not user.email:
        return
    language = getattr(getattr(user, "wagtail_userprofile", None), "preferred_language", "")
    with translation.override(language or settings.LANGUAGE_CODE):
        when = timezone.localtime(datetime.datetime.fromisoformat(set_up_at))
        context = {"user": user, "when": when, "address": address}
        send_mail(
            _("An authenticator app was set up for your account"),
            render_to_string("two_factor/set_up_email.txt", context),
            None,
            [user.email],
        )
