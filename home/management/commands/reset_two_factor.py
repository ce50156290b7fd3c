"""Remove a member of staff's authenticator app, e.g. after a lost phone: at their next sign-in
they set up a new one (townhall/two_factor/)."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from django_otp.plugins.otp_totp.models import TOTPDevice


class Command(BaseCommand):
    help = "Remove a user's authenticator app, so they set up a new one when they next sign in."

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username, **options):
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"No user is called {username!r}.")
        removed, _ = TOTPDevice.objects.filter(user=user).delete()
        self.stdout.write(
            f"Removed {removed} authenticator app(s) for {username}: "
            "they set up a new one when they next sign in."
        )
