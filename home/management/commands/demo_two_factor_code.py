"""Print the code a member of staff's authenticator app shows now: the demo only (`make run`).

Signing in to the demo as `admin` (or anyone who can see cases) asks for a code from an
authenticator app. Without a phone to hand, this prints the code for the app that user set up (or
is setting up). It works only with DEBUG on, never on a real site.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice


class Command(BaseCommand):
    help = "Demo only (DEBUG on): print a member of staff's current two-factor code."

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username, **options):
        if not settings.DEBUG:
            raise CommandError("This is for the demo only: it works only with DEBUG on.")
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"No user is called {username!r}.")
        device = TOTPDevice.objects.filter(user=user).order_by("-confirmed", "-id").first()
        if device is None:
            raise CommandError(
                f"{username} has no authenticator app yet: sign in as {username} first, "
                "and the page that sets one up appears."
            )
        totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
        self.stdout.write(f"{totp.token():0{device.digits}d}")
